// A family member's page: their relative's open incidents, devices and vitals; nothing else.
'use strict';

(() => {
  const { t } = App;
  const el = (id) => document.getElementById(id);
  let me = null;
  let householdId = null;
  let card = null;
  let range = '24h';

  function overall(c, open) {
    const status = Incidents.lower(c.health && c.health.status) || 'ok';
    if (open.length) return ['incident', 'family.status.incident'];
    if (status !== 'ok') return ['attention', 'family.status.attention'];
    return ['ok', 'family.status.ok'];
  }

  function render() {
    const c = card;
    const open = Households.showIncidentsAndDevices(c, me, load);
    el('relative-name').textContent = Households.residentNames(c);
    el('relative-where').textContent = [c.building && c.building.name, c.flat].filter(Boolean).join(' · ');
    const [kind, key] = overall(c, open);
    el('overall').className = 'overall overall-' + kind;
    el('overall').textContent = t(key);
    el('family').removeAttribute('aria-busy');
    App.tick();
  }

  const load = App.loader(async () => {
    card = await App.api('GET', '/api/v1/households/' + encodeURIComponent(householdId));
    render();
  });

  function showRange(next) {
    range = next;
    document.querySelectorAll('[data-range]').forEach((b) => {
      b.setAttribute('aria-selected', String(b.dataset.range === range));
    });
    Vitals.render(el('vitals'), householdId, range);
  }

  async function start() {
    me = await App.startPage();
    if (!me) return;
    householdId = (me.households || [])[0];
    if (!householdId) {
      App.showPageMessage('family.noHousehold');
      return;
    }
    App.startTicking();
    document.querySelectorAll('[data-range]').forEach((b) => {
      b.addEventListener('click', () => showRange(b.dataset.range));
    });
    await load();
    showRange('24h');
    const reload = App.debounce(load, 500);
    App.stream({ incident: reload, device: reload }, App.connectionIndicator(el('conn')), reload);
    setInterval(load, 30000);
    App.onLangChange(() => {
      if (card) render();
      showRange(range);
    });
  }

  start();
})();
