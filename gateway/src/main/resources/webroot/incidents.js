// How an incident looks on every page: its card in a queue, its timeline, its pages; and which
// actions the logged-in user may take on it (the server decides; this only hides useless buttons).
'use strict';

const Incidents = (() => {
  const { h, t } = App;
  const SEVERITY_RANK = { critical: 0, high: 1, normal: 2, info: 3 };
  const OPEN = ['raised', 'paged', 'accepted', 'on_site'];
  // API.md "Who may see and do what"; used when the server's permission names are not recognised.
  const ROLE_ACTIONS = {
    duty_desk: ['accept', 'on_site', 'resolve', 'cancel', 'assign'],
    caregiver: ['accept', 'on_site', 'resolve', 'cancel'],
    family: ['accept', 'on_site'],
    admin: ['assign', 'cancel'],
  };
  const ACTIONS = ['accept', 'on_site', 'resolve', 'cancel', 'assign'];

  const lower = (v) => (v === null || v === undefined ? '' : String(v).toLowerCase());

  /** Critical first, then oldest first (the server's order, kept when lists are merged). */
  function sort(list) {
    return list.slice().sort((a, b) => {
      const s = (SEVERITY_RANK[lower(a.severity)] ?? 9) - (SEVERITY_RANK[lower(b.severity)] ?? 9);
      return s !== 0 ? s : Date.parse(a.openedAt) - Date.parse(b.openedAt);
    });
  }

  function isOpen(incident) {
    return OPEN.includes(lower(incident.state));
  }

  /** The actions this user has; from Me.permissions when they name them, else from the role. */
  function permitted(me) {
    const names = (me.permissions || []).map((p) => lower(p).replace(/[-.:/ ]/g, '_'));
    const found = ACTIONS.filter((a) => names.some((n) => n === a || n.endsWith('_' + a)));
    return found.length ? found : (ROLE_ACTIONS[lower(me.role)] || []);
  }

  /** The actions that make sense for this incident now and that this user may take. */
  function actionsFor(incident, me) {
    const state = lower(incident.state);
    const may = permitted(me);
    const now = [];
    if (state === 'raised' || state === 'paged') now.push('accept');
    if (state === 'accepted') now.push('on_site');
    if (state === 'on_site') now.push('resolve');
    if (isOpen(incident)) now.push('assign', 'cancel');
    return now.filter((a) => may.includes(a));
  }

  function chip(kind, value, text) {
    return h('span', { class: `chip ${kind}-${lower(value)}`, 'data-testid': kind }, text);
  }

  function residents(incident) {
    return (incident.residents || []).map((r) => (typeof r === 'string' ? r : r.name)).join(t('common.listSep'));
  }

  function where(incident) {
    const building = incident.building && typeof incident.building === 'object'
      ? incident.building.name : incident.building;
    return [building, incident.flat].filter(Boolean).join(' · ');
  }

  function stepText(incident) {
    const step = Number(incident.currentStep);
    if (!(step >= 0)) return t('incident.notPaged');
    return t('incident.step', { step: step + 1, round: Number(incident.round || 0) + 1 });
  }

  /** "张敏 (短信 已送达, 推送 已送达)" per paged person of the current step. */
  function pagedLine(paged) {
    const byRecipient = new Map();
    (paged || []).forEach((p) => {
      const key = p.recipientId || p.recipientName;
      if (!byRecipient.has(key)) byRecipient.set(key, { page: p, channels: [] });
      byRecipient.get(key).channels.push(p);
    });
    return [...byRecipient.values()].map(({ page, channels }) => h('span', {
      class: 'paged-person', 'data-testid': 'paged-person',
    }, (page.recipientName || page.recipientId) + (page.role ? ' · ' + App.label('role', page.role) : ''),
    ' (', channels.map((c) => App.label('channel', c.channel) + ' ' + App.label('page', c.status)).join(t('common.listSep')), ')'));
  }

  function acceptedLine(incident) {
    const lines = [];
    if (incident.acceptedBy) {
      const name = incident.acceptedBy.name || incident.acceptedBy.id;
      lines.push(h('div', { class: 'accepted', 'data-testid': 'accepted-by' }, incident.eta
        ? t('incident.acceptedBy', { name, eta: App.time(incident.eta).slice(0, 5) })
        : t('incident.acceptedByNoEta', { name })));
    }
    if (incident.assignee) {
      lines.push(h('div', { class: 'muted', 'data-testid': 'assignee' },
        t('incident.assignee', { name: incident.assignee.name || incident.assignee.id })));
    }
    return lines;
  }

  /** The incident as a card in a queue; buttons come from actionButtons when given. */
  function card(incident, opts) {
    const o = opts || {};
    const severity = lower(incident.severity);
    const state = lower(incident.state);
    const el = h('article', {
      class: `incident sev-${severity} state-${state}` + (o.selected ? ' selected' : ''),
      'data-testid': 'incident-card', 'data-incident-id': incident.id,
      'data-severity': severity, 'data-state': state, 'data-cause': lower(incident.cause),
      tabindex: o.onSelect ? '0' : null,
      'aria-label': `${App.label('severity', severity)} ${App.label('cause', incident.cause)} ${where(incident)}`,
    },
    h('div', { class: 'incident-head' },
      chip('severity', severity, App.label('severity', severity)),
      h('span', { class: 'cause', 'data-testid': 'cause' }, App.label('cause', incident.cause)),
      chip('state', state, App.label('state', state))),
    h('div', { class: 'where' }, h('strong', { 'data-testid': 'flat' }, where(incident)),
      h('span', { class: 'residents' }, residents(incident))),
    incident.summary ? h('div', { class: 'summary' }, incident.summary) : null,
    h('div', { class: 'since', 'data-since': incident.openedAt, 'data-testid': 'since' }),
    isOpen(incident) ? h('div', { class: 'step', 'data-testid': 'step' },
      h('span', { class: 'step-no' }, stepText(incident)), ' ', pagedLine(incident.paged)) : null,
    acceptedLine(incident),
    // attachCount includes the signal that raised the incident: only repeats are worth a line.
    incident.attachCount > 1 ? h('div', { class: 'muted', 'data-testid': 'repeats' },
      t('incident.attached', { n: incident.attachCount - 1 })) : null,
    o.buttons || null);
    if (o.onSelect) {
      el.addEventListener('click', (e) => {
        if (!e.target.closest('button, a')) o.onSelect(incident);
      });
      el.addEventListener('keydown', (e) => {
        if ((e.key === 'Enter' || e.key === ' ') && e.target === el) {
          e.preventDefault();
          o.onSelect(incident);
        }
      });
    }
    return el;
  }

  function actor(entry) {
    const id = entry.actor || '';
    if (id === 'system') return t('timeline.system');
    if (id === 'resident') return t('timeline.resident');
    if (id.startsWith('device:')) return t('incident.device', { id: id.slice('device:'.length) });
    return entry.actorName || id;
  }

  /** The record of who did what and when, oldest first. */
  function timeline(entries) {
    return h('ol', { class: 'timeline', 'data-testid': 'timeline' },
      (entries || []).map((e) => h('li', {
        class: 'tl-' + lower(e.action), 'data-testid': 'timeline-entry', 'data-action': lower(e.action),
      },
      h('time', { datetime: e.at }, App.time(e.at)),
      h('strong', {}, App.label('timeline', e.action)),
      h('span', { class: 'actor' }, actor(e)),
      e.detail ? h('span', { class: 'detail' }, e.detail) : null)));
  }

  function pages(list) {
    return h('ul', { class: 'pages', 'data-testid': 'pages' }, (list || []).map((p) => h('li', {},
      h('time', { datetime: p.at }, App.time(p.at)), ' ',
      (p.recipientName || p.recipientId), ' · ', App.label('channel', p.channel), ' · ',
      h('span', { class: 'page-' + lower(p.status) }, App.label('page', p.status)))));
  }

  return {
    sort, isOpen, permitted, actionsFor, card, timeline, pages, where, residents, stepText, lower,
  };
})();
