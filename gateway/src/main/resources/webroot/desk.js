// The duty desk's wall screen: the live incident queue, the selected incident, service requests
// and the grid view. Lists are refetched on every stream event and every 30 s as a fallback.
'use strict';

(() => {
  const { h, t } = App;
  const state = {
    me: null, incidents: [], services: [], households: [], grids: [],
    selectedId: null, detail: null, seen: null,
  };
  const el = (id) => document.getElementById(id);

  function caregiversFor(incident) {
    const household = state.households.find((hh) => hh.id === incident.householdId);
    const gridId = incident.gridId || (household && household.grid ? household.grid.id : null);
    const ordered = state.grids.slice().sort((a, b) => (b.id === gridId) - (a.id === gridId));
    const out = [];
    ordered.forEach((g) => (g.caregivers || []).forEach((c) => {
      if (!out.some((o) => o.id === c.id)) out.push({ id: c.id, name: c.name, gridName: g.name });
    }));
    return out;
  }

  const ctx = { caregivers: async (incident) => caregiversFor(incident) };

  function afterAction(detail) {
    if (detail && detail.id) {
      state.selectedId = detail.id;
      state.detail = detail;
      renderDetail();
    }
    refreshAll();
  }

  function renderCounts() {
    const critical = state.incidents.filter((i) => Incidents.lower(i.severity) === 'critical').length;
    el('count-critical').textContent = t('desk.criticalCount', { n: critical });
    el('count-critical').hidden = critical === 0;
    el('count-open').textContent = t('desk.openCount', { n: state.incidents.length });
  }

  function renderQueue() {
    const queue = el('queue');
    queue.removeAttribute('aria-busy');
    queue.replaceChildren(...(state.incidents.length
      ? state.incidents.map((i) => Incidents.card(i, {
        selected: i.id === state.selectedId,
        onSelect: select,
        buttons: Actions.buttons(i, state.me, ctx, afterAction),
      }))
      : [h('p', { class: 'empty', 'data-testid': 'queue-empty' }, t('desk.queue.empty'))]));
    renderCounts();
    App.tick();
  }

  function renderServices() {
    el('services').replaceChildren(...(state.services.length
      ? state.services.map((i) => Incidents.card(i, {
        selected: i.id === state.selectedId, onSelect: select,
        buttons: Actions.buttons(i, state.me, ctx, afterAction),
      }))
      : [h('p', { class: 'empty' }, t('desk.services.empty'))]));
    App.tick();
  }

  function readings(details) {
    const entries = Object.entries(details || {});
    if (!entries.length) return null;
    return h('section', {}, h('h3', {}, t('incident.details')),
      h('dl', { class: 'readings' }, entries.flatMap(([k, v]) => [h('dt', {}, k),
        h('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))])));
  }

  function renderDetail() {
    const d = state.detail;
    const box = el('detail');
    if (!d) {
      box.replaceChildren(h('p', { class: 'muted' }, t('desk.detail.empty')));
      return;
    }
    box.replaceChildren(...[
      Incidents.card(d, { buttons: Actions.buttons(d, state.me, ctx, afterAction) }),
      h('p', { class: 'muted' }, t('incident.openedAt', { time: App.dateTime(d.openedAt) }),
        d.deviceId ? ' · ' + t('incident.device', { id: d.deviceId }) : '', ' · ',
        h('a', { href: '/resident.html?household=' + encodeURIComponent(d.householdId), 'data-testid': 'resident-link' },
          t('incident.residentCard'))),
      readings(d.details),
      h('section', {}, h('h3', {}, t('incident.timeline')), Incidents.timeline(d.timeline)),
      (d.pages || []).length ? h('section', {}, h('h3', {}, t('incident.pages')), Incidents.pages(d.pages)) : null,
    ].filter(Boolean));
    box.firstChild.classList.add('detail-card');
    App.tick();
  }

  async function loadDetail() {
    if (!state.selectedId) return;
    try {
      state.detail = await App.api('GET', '/api/v1/incidents/' + encodeURIComponent(state.selectedId));
      renderDetail();
    } catch (err) {
      App.showPageError(err);
    }
  }

  function select(incident) {
    state.selectedId = incident.id;
    renderQueue();
    renderServices();
    loadDetail();
  }

  /** Sound and flash for a critical incident that was not in the previous list. */
  function announceNew(list) {
    const ids = new Set(list.map((i) => i.id));
    if (state.seen) {
      const fresh = list.filter((i) => !state.seen.has(i.id) && Incidents.lower(i.severity) === 'critical');
      if (fresh.length) {
        const first = fresh[0];
        Sound.alarm();
        document.body.classList.remove('flash');
        void document.body.offsetWidth; // restart the CSS animation
        document.body.classList.add('flash');
        document.body.dataset.flashedIncident = first.id;
        state.announced = first;
        renderBanner();
        el('new-critical').hidden = false;
      }
    }
    state.seen = state.seen ? new Set([...state.seen, ...ids]) : ids;
  }

  function renderBanner() {
    const i = state.announced;
    if (i) el('new-critical-text').textContent = `${App.label('cause', i.cause)} · ${Incidents.where(i)}`;
  }

  async function loadIncidents() {
    const data = await App.api('GET', '/api/v1/incidents?state=open');
    state.incidents = Incidents.sort(data.incidents || []);
    announceNew(state.incidents);
    renderQueue();
  }

  async function loadServices() {
    const data = await App.api('GET', '/api/v1/service-requests?state=open');
    state.services = data.serviceRequests || [];
    renderServices();
  }

  async function loadGrid() {
    const [grids, households] = await Promise.all([
      App.api('GET', '/api/v1/grids'), App.api('GET', '/api/v1/households')]);
    state.grids = grids.grids || [];
    state.households = households.households || [];
    el('grid').replaceChildren(...Households.gridView(state.grids, state.households));
  }

  const refreshAll = App.loader(() => Promise.all([loadIncidents(), loadServices(), loadDetail()]));

  const refreshIncidents = App.debounce(() => {
    refreshAll();
    refreshGrid();
  }, 250);
  const refreshGrid = App.debounce(() => loadGrid().catch(App.showPageError), 2000);

  function renderClock() {
    el('clock').textContent = App.time(new Date().toISOString());
  }

  async function start() {
    Sound.initToggle(el('sound'));
    el('new-critical-dismiss').addEventListener('click', () => { el('new-critical').hidden = true; });
    document.body.addEventListener('animationend', () => document.body.classList.remove('flash'));
    state.me = await App.startPage();
    if (!state.me) return;
    App.startTicking();
    renderClock();
    setInterval(renderClock, 1000);
    await Promise.all([refreshAll(), loadGrid().catch(App.showPageError)]);
    App.stream({ incident: refreshIncidents, device: refreshGrid }, App.connectionIndicator(el('conn')),
      refreshIncidents);
    setInterval(refreshAll, 30000);
    App.onLangChange(() => {
      renderClock();
      renderQueue();
      renderServices();
      renderDetail();
      renderBanner();
      el('grid').replaceChildren(...Households.gridView(state.grids, state.households));
    });
  }

  start();
})();
