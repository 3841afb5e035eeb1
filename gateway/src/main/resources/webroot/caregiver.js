// The caregiver's phone: open incidents of my grids, with big buttons to accept, arrive, resolve.
'use strict';

(() => {
  const { h, t } = App;
  const el = (id) => document.getElementById(id);
  let me = null;
  let incidents = [];
  let grids = [];

  function render() {
    const queue = el('queue');
    queue.removeAttribute('aria-busy');
    queue.replaceChildren(...(incidents.length
      ? incidents.map((i) => Incidents.card(i, {
        buttons: [
          Actions.buttons(i, me, null, refresh),
          h('a', { class: 'button ghost', href: '/resident.html?household=' + encodeURIComponent(i.householdId) },
            t('incident.residentCard')),
        ],
      }))
      : [h('p', { class: 'empty', 'data-testid': 'queue-empty' }, t('caregiver.empty'))]));
    el('grids').textContent = grids.map((g) => g.name).join(t('common.listSep'));
    App.tick();
  }

  const refresh = App.loader(async () => {
    const data = await App.api('GET', '/api/v1/incidents?state=open');
    incidents = Incidents.sort(data.incidents || []);
    render();
  });

  async function start() {
    me = await App.startPage();
    if (!me) return;
    App.startTicking();
    App.api('GET', '/api/v1/grids').then((data) => {
      grids = data.grids || [];
      render();
    }, () => {});
    await refresh();
    const later = App.debounce(refresh, 250);
    App.stream({ incident: later }, App.connectionIndicator(el('conn')), later);
    setInterval(refresh, 30000);
    App.onLangChange(render);
  }

  start();
})();
