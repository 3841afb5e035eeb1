// A family member's page: their relative's open incidents, devices and vitals; nothing else.
'use strict';

(() => {
  const { h, t } = App;
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
    const open = Incidents.sort((c.incidents || []).filter(Incidents.isOpen));
    el('relative-name').textContent = Households.residentNames(c);
    el('relative-where').textContent = [c.building && c.building.name, c.flat].filter(Boolean).join(' · ');
    const [kind, key] = overall(c, open);
    el('overall').className = 'overall overall-' + kind;
    el('overall').textContent = t(key);
    el('incidents').replaceChildren(...(open.length
      ? open.map((i) => Incidents.card(i, { buttons: Actions.buttons(i, me, null, load) }))
      : [h('p', { class: 'muted' }, t('resident.incidents.empty'))]));
    el('devices').replaceChildren(Households.deviceTable(c.devices));
    el('family').removeAttribute('aria-busy');
    App.tick();
  }

  async function load() {
    try {
      card = await App.api('GET', '/api/v1/households/' + encodeURIComponent(householdId));
      render();
      App.showError(el('page-error'), null);
    } catch (err) {
      App.showError(el('page-error'), err);
    }
  }

  function showRange(next) {
    range = next;
    document.querySelectorAll('[data-range]').forEach((b) => {
      b.setAttribute('aria-selected', String(b.dataset.range === range));
    });
    Vitals.render(el('vitals'), householdId, range);
  }

  async function start() {
    App.initLangSwitch();
    App.initLogout();
    try {
      me = await App.me();
    } catch (err) {
      App.showError(el('page-error'), err);
      return;
    }
    App.showUser(me);
    householdId = (me.households || [])[0];
    if (!householdId) {
      el('page-error').textContent = t('family.noHousehold');
      el('page-error').hidden = false;
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
      App.showUser(me);
      if (card) render();
      showRange(range);
    });
  }

  start();
})();
