// The resident card: who lives there, who to call and in what order, devices, vitals, open incidents.
'use strict';

(() => {
  const { h, t } = App;
  const el = (id) => document.getElementById(id);
  const householdId = App.query('household');
  let me = null;
  let card = null;

  function age(birthYear) {
    return birthYear ? t('resident.age', { age: new Date().getFullYear() - birthYear }) : '';
  }

  function limits(vitalLimits) {
    // An object {spo2Low: 92} or a list [{key, value}]: accept either shape.
    const entries = Array.isArray(vitalLimits)
      ? vitalLimits.map((x) => [x.key || x.name, x.value])
      : Object.entries(vitalLimits || {});
    if (!entries.length) return null;
    return h('p', { class: 'small', 'data-testid': 'vital-limits' }, h('strong', {}, t('resident.limits')), t('common.colon'),
      entries.map(([k, v]) => `${App.label('limit', k)} ${v}`).join(t('common.listSep')));
  }

  function resident(r) {
    return h('article', { class: 'resident-entry', 'data-testid': 'resident' },
      h('h3', {}, r.name, ' ', h('span', { class: 'muted' }, age(r.birthYear)),
        r.livesAlone ? h('span', { class: 'chip lives-alone' }, t('resident.livesAlone')) : null),
      r.medicalNotes ? h('p', {}, h('strong', {}, t('resident.medicalNotes')), t('common.colon'),
        h('span', { 'data-testid': 'medical-notes' }, r.medicalNotes)) : null,
      r.language ? h('p', { class: 'small' }, h('strong', {}, t('resident.language')), t('common.colon'), r.language) : null,
      limits(r.vitalLimits));
  }

  function person(p) {
    const phone = p.phone ? h('a', { href: 'tel:' + p.phone.replace(/\s/g, '') }, p.phone) : null;
    const email = p.email ? h('a', { href: 'mailto:' + p.email }, p.email) : null;
    return h('li', { 'data-testid': 'contact' },
      h('strong', {}, p.name), p.role ? h('span', { class: 'chip' }, App.label('role', p.role)) : null,
      p.relation ? h('span', { class: 'muted' }, ' ' + p.relation) : null,
      h('div', { class: 'small' }, phone, phone && email ? ' · ' : '', email));
  }

  function recipients(list) {
    return (list || []).map((r) => (typeof r === 'string' ? App.label('group', r)
      : (r.name || r.id) + (r.role ? ' (' + App.label('role', r.role) + ')' : ''))).join(t('common.listSep'));
  }

  function after(step) {
    const seconds = Number(step.afterSeconds);
    if (!Number.isFinite(seconds)) return t('resident.protocol.after', { after: step.after });
    if (seconds === 0) return t('resident.protocol.atOnce');
    const span = seconds % 60 === 0 ? t('common.minutes', { n: seconds / 60 }) : t('common.seconds', { n: seconds });
    return t('resident.protocol.after', { after: span });
  }

  function render() {
    const c = card;
    el('household-title').textContent = [c.building && c.building.name, c.flat].filter(Boolean).join(' · ')
      + ' — ' + Households.residentNames(c);
    el('household-address').textContent = [c.community && c.community.name, c.grid && c.grid.name,
      c.building && c.building.address].filter(Boolean).join(' · ');
    const status = Incidents.lower(c.health && c.health.status) || 'ok';
    el('household-health').replaceChildren(
      h('span', { class: 'chip health-' + status, 'data-testid': 'household-health' }, App.label('health', status)),
      ...Households.problems(c.health));
    el('residents').replaceChildren(...(c.residents || []).map(resident));
    el('key-holder').textContent = c.keyHolder || t('common.none');
    el('contacts').replaceChildren(...(c.contacts || []).map(person));
    el('caregivers').replaceChildren(...(c.caregivers || []).map(person));
    el('duty-desk').replaceChildren(...(c.dutyDesk ? [person(c.dutyDesk)] : []));
    const steps = (c.protocol && c.protocol.steps) || [];
    el('protocol').replaceChildren(...steps.map((s) => h('li', { 'data-testid': 'protocol-step' },
      h('strong', {}, after(s)), ' → ', recipients(s.recipients))));
    Households.showIncidentsAndDevices(c, me, load);
    el('card').removeAttribute('aria-busy');
    App.tick();
  }

  const load = App.loader(async () => {
    card = await App.api('GET', '/api/v1/households/' + encodeURIComponent(householdId));
    render();
  });

  async function start() {
    me = await App.startPage(householdId ? null : 'resident.missing');
    if (!me) return;
    App.startTicking();
    await load();
    Vitals.render(el('vitals'), householdId, '24h');
    const reload = App.debounce(load, 500);
    const mine = (data) => {
      if (data.householdId === householdId) reload();
    };
    App.stream({ incident: mine, device: mine }, App.connectionIndicator(el('conn')), reload);
    App.onLangChange(() => {
      if (card) render();
      Vitals.render(el('vitals'), householdId, '24h');
    });
  }

  start();
})();
