// Households and their devices: the desk's grid view (grid → building → household tiles), and the
// open incidents and device health table of the resident card and the family page.
'use strict';

const Households = (() => {
  const { h, t } = App;
  const lower = (v) => (v === null || v === undefined ? '' : String(v).toLowerCase());

  function residentNames(household) {
    return (household.residents || []).map((r) => r.name).join(t('common.listSep'));
  }

  /** The counts that need a person's attention, as short highlighted labels. */
  function problems(health) {
    if (!health) return [];
    const out = [];
    if (health.protectionLost) out.push(h('span', { class: 'problem protection-lost' }, t('health.protectionLost', { n: health.protectionLost })));
    if (health.offline) out.push(h('span', { class: 'problem offline' }, t('health.offline', { n: health.offline })));
    if (health.lowBattery) out.push(h('span', { class: 'problem low-battery' }, t('health.lowBattery', { n: health.lowBattery })));
    if (health.tamper) out.push(h('span', { class: 'problem tamper' }, t('health.tamper', { n: health.tamper })));
    return out;
  }

  function tile(household) {
    const status = lower(household.health && household.health.status) || 'ok';
    return h('a', {
      class: `household health-${status}` + (household.openIncidents ? ' has-incident' : ''),
      href: '/resident.html?household=' + encodeURIComponent(household.id),
      'data-testid': 'household-tile', 'data-household-id': household.id, 'data-health': status,
      'aria-label': `${household.flat} ${residentNames(household)} ${App.label('health', status)}`,
    },
    h('span', { class: 'flat' }, household.flat),
    h('span', { class: 'names' }, residentNames(household)),
    h('span', { class: 'chip health-' + status }, App.label('health', status)),
    problems(household.health),
    household.openIncidents ? h('span', { class: 'problem incidents' }, t('health.openIncidents', { n: household.openIncidents })) : null);
  }

  /**
   * The grid view. Households carry their grid and building; grids give the order, names and
   * caregivers, so a household is shown even if the grid list does not name it.
   */
  function gridView(grids, households) {
    const byGrid = new Map();
    households.forEach((hh) => {
      const gridId = hh.grid ? hh.grid.id : '';
      const buildingId = hh.building ? hh.building.id : '';
      if (!byGrid.has(gridId)) byGrid.set(gridId, new Map());
      const buildings = byGrid.get(gridId);
      if (!buildings.has(buildingId)) buildings.set(buildingId, { building: hh.building || {}, list: [] });
      buildings.get(buildingId).list.push(hh);
    });
    const order = grids.map((g) => g.id).concat([...byGrid.keys()].filter((id) => !grids.some((g) => g.id === id)));
    return order.filter((id) => byGrid.has(id)).map((gridId) => {
      const grid = grids.find((g) => g.id === gridId) || {};
      const sample = [...byGrid.get(gridId).values()][0].list[0];
      const name = grid.name || (sample.grid && sample.grid.name) || gridId;
      const caregivers = (grid.caregivers || []).map((c) => c.name).join(t('common.listSep'));
      return h('section', { class: 'grid-block', 'data-testid': 'grid-block', 'data-grid-id': gridId },
        h('h3', {}, name, caregivers ? h('span', { class: 'muted' }, ' · ' + caregivers) : null),
        [...byGrid.get(gridId).values()].map(({ building, list }) => h('div', { class: 'building' },
          h('h4', {}, building.name || '', building.address ? h('span', { class: 'muted' }, ' · ' + building.address) : null),
          h('div', { class: 'tiles' }, list.map(tile)))));
    });
  }

  function battery(device) {
    return device.batteryPercent === undefined || device.batteryPercent === null ? '–' : device.batteryPercent + '%';
  }

  /** Devices and their health as a table. */
  function deviceTable(devices) {
    return h('table', { class: 'devices', 'data-testid': 'devices' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('device.col.kind')),
        h('th', { scope: 'col' }, t('device.col.model')),
        h('th', { scope: 'col' }, t('device.col.status')),
        h('th', { scope: 'col' }, t('device.col.lastSeen')),
        h('th', { scope: 'col' }, t('device.col.battery')),
        h('th', { scope: 'col' }, t('device.col.signal')))),
      h('tbody', {}, (devices || []).map((d) => {
        const status = lower(d.status) || 'unknown';
        return h('tr', { class: 'device status-' + status, 'data-testid': 'device-row', 'data-device-id': d.id, 'data-status': status },
          h('td', {}, App.label('device.kind', d.kind), h('div', { class: 'muted small' }, d.id)),
          h('td', {}, d.model || ''),
          h('td', {}, h('span', { class: 'chip device-' + status }, App.label('device.status', status))),
          h('td', {}, d.lastSeen ? App.dateTime(d.lastSeen) : '–'),
          h('td', {}, battery(d)),
          h('td', {}, d.signalDbm === undefined || d.signalDbm === null ? '–' : d.signalDbm + ' dBm'));
      })));
  }

  /**
   * Fills a household page's #incidents with the household's open incidents (their buttons call
   * onDone) and #devices with its device table; returns the open incidents.
   */
  function showIncidentsAndDevices(household, me, onDone) {
    const open = Incidents.sort((household.incidents || []).filter(Incidents.isOpen));
    document.getElementById('incidents').replaceChildren(...(open.length
      ? open.map((i) => Incidents.card(i, { buttons: Actions.buttons(i, me, null, onDone) }))
      : [h('p', { class: 'muted' }, t('resident.incidents.empty'))]));
    document.getElementById('devices').replaceChildren(deviceTable(household.devices));
    return open;
  }

  return { gridView, deviceTable, problems, residentNames, showIncidentsAndDevices };
})();
