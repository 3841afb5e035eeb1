// The vitals panel of the resident card and the family page: one chart per measured sign.
'use strict';

const Vitals = (() => {
  const { h, t } = App;
  const BUCKET_MS = { '24h': 10 * 60 * 1000, '7d': 60 * 60 * 1000 };

  function fmt(v) {
    return v === undefined || v === null ? '–' : String(Math.round(v * 10) / 10);
  }

  function panel(series, data) {
    const abnormal = (series.points || []).filter((p) => p.abnormal).length;
    const metric = App.label('vitals', series.metric);
    const label = t('vitals.chartLabel', {
      metric, from: App.dateTime(data.from), to: App.dateTime(data.to), n: abnormal,
    });
    const has = (v) => v !== undefined && v !== null;
    const limits = has(series.low) && has(series.high) ? t('vitals.limits', { low: fmt(series.low), high: fmt(series.high) })
      : has(series.low) ? t('vitals.limitLow', { low: fmt(series.low) })
        : has(series.high) ? t('vitals.limitHigh', { high: fmt(series.high) }) : null;
    return h('figure', { class: 'vital', 'data-testid': 'vital-' + series.metric },
      h('figcaption', {},
        h('strong', {}, metric),
        h('span', { class: 'unit' }, series.unit ? ' (' + series.unit + ')' : ''),
        limits ? h('span', { class: 'muted' }, ' · ' + limits) : null,
        abnormal ? h('span', { class: 'abnormal-count' }, ' · ' + t('vitals.abnormal', { n: abnormal })) : null),
      (series.points || []).length
        ? Chart.line(series, data.from, data.to,
          data.bucketSeconds ? data.bucketSeconds * 1000 : BUCKET_MS[data.range] || BUCKET_MS['24h'], label)
        : h('p', { class: 'muted' }, t('vitals.none')));
  }

  /** Loads and draws the household's vitals for range ('24h' | '7d') into container. */
  async function render(container, householdId, range) {
    container.setAttribute('aria-busy', 'true');
    try {
      const data = await App.api('GET', `/api/v1/households/${encodeURIComponent(householdId)}/vitals?range=${range}`);
      const series = data.series || [];
      const measured = series.filter((s) => (s.points || []).length);
      // Signs the monitor does not measure for this resident are one line, not empty charts.
      const unmeasured = series.filter((s) => !(s.points || []).length)
        .map((s) => App.label('vitals', s.metric));
      container.replaceChildren(...measured.map((s) => panel(s, data)),
        ...(unmeasured.length ? [h('p', { class: 'muted wide', 'data-testid': 'vitals-empty' },
          t('vitals.noneFor', { metrics: unmeasured.join(t('common.listSep')) }))] : []));
    } catch (err) {
      const text = err.status === 403 ? t('vitals.forbidden') : App.errorText(err);
      container.replaceChildren(h('p', { class: 'muted', role: 'status' }, text));
    } finally {
      container.removeAttribute('aria-busy');
    }
  }

  return { render };
})();
