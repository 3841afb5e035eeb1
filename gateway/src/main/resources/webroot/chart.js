// A small SVG line chart for one vital sign: the bucket averages as a line, the bucket's min–max as
// a band, the resident's limits as dashed lines, abnormal buckets as red dots.
'use strict';

const Chart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 600;
  const H = 200;
  const PAD = { left: 44, right: 12, top: 12, bottom: 26 };

  function svg(tag, attrs, text) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function niceRange(values) {
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (lo === hi) {
      lo -= 1;
      hi += 1;
    }
    const pad = (hi - lo) * 0.1;
    return [lo - pad, hi + pad];
  }

  function fmt(v) {
    return Math.abs(v) >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
  }

  /**
   * series: {metric, unit, low, high, points: [{t, v, min, max, abnormal}]}; from/to: ISO times.
   * bucketMs: the width of one bucket, to break the line over long gaps of missing readings.
   */
  function line(series, from, to, bucketMs, label) {
    const t0 = Date.parse(from);
    const t1 = Date.parse(to);
    const points = series.points || [];
    const values = [];
    points.forEach((p) => {
      values.push(p.v);
      if (p.min !== undefined && p.min !== null) values.push(p.min);
      if (p.max !== undefined && p.max !== null) values.push(p.max);
    });
    if (series.low !== undefined && series.low !== null) values.push(series.low);
    if (series.high !== undefined && series.high !== null) values.push(series.high);
    const [lo, hi] = niceRange(values.length ? values : [0, 1]);
    const x = (t) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
    const y = (v) => H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);

    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label,
      'data-testid': 'vitals-chart', 'data-metric': series.metric,
    });
    root.append(svg('title', {}, label));

    // Horizontal grid with four value ticks.
    for (let i = 0; i <= 3; i++) {
      const v = lo + ((hi - lo) * i) / 3;
      root.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'grid' }));
      root.append(svg('text', { x: PAD.left - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, fmt(v)));
    }
    // Four time ticks.
    for (let i = 0; i <= 3; i++) {
      const t = t0 + ((t1 - t0) * i) / 3;
      const anchor = i === 0 ? 'start' : i === 3 ? 'end' : 'middle';
      const text = (t1 - t0) > 2 * 86400000 ? App.dateTime(new Date(t).toISOString()) : App.time(new Date(t).toISOString()).slice(0, 5);
      root.append(svg('text', { x: x(t), y: H - 6, class: 'tick', 'text-anchor': anchor }, text));
    }

    // The limits: readings beyond them are abnormal.
    for (const [limit, cls] of [[series.low, 'limit low'], [series.high, 'limit high']]) {
      if (limit === undefined || limit === null) continue;
      root.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(limit), y2: y(limit), class: cls, 'data-testid': 'limit-line' }));
      root.append(svg('text', { x: W - PAD.right - 2, y: y(limit) - 4, class: 'limit-label', 'text-anchor': 'end' }, fmt(limit)));
    }

    // Split into runs wherever readings are missing for a while (an hour on the 24 h view), so a
    // monitor left off the wrist shows as a gap, not as a straight line across the night.
    const maxGap = Math.max(6 * bucketMs, 3600000);
    const runs = [];
    let run = [];
    points.forEach((p, i) => {
      const t = Date.parse(p.t);
      if (i > 0 && t - Date.parse(points[i - 1].t) > maxGap) {
        runs.push(run);
        run = [];
      }
      run.push(p);
    });
    if (run.length) runs.push(run);

    for (const r of runs) {
      const band = r.filter((p) => p.min !== undefined && p.min !== null && p.max !== undefined && p.max !== null);
      if (band.length > 1) {
        const top = band.map((p) => `${x(Date.parse(p.t))},${y(p.max)}`);
        const bottom = band.slice().reverse().map((p) => `${x(Date.parse(p.t))},${y(p.min)}`);
        root.append(svg('polygon', { points: top.concat(bottom).join(' '), class: 'band' }));
      }
      const coords = r.map((p) => `${x(Date.parse(p.t))},${y(p.v)}`).join(' ');
      if (r.length > 1) root.append(svg('polyline', { points: coords, class: 'line' }));
      else root.append(svg('circle', { cx: x(Date.parse(r[0].t)), cy: y(r[0].v), r: 2.5, class: 'dot' }));
    }

    points.filter((p) => p.abnormal).forEach((p) => {
      const worst = p.max !== undefined && series.high !== undefined && series.high !== null && p.max > series.high ? p.max
        : p.min !== undefined && series.low !== undefined && series.low !== null && p.min < series.low ? p.min : p.v;
      root.append(svg('circle', {
        cx: x(Date.parse(p.t)), cy: y(worst), r: 4, class: 'abnormal', 'data-testid': 'abnormal-point',
      }));
    });
    return root;
  }

  return { line };
})();
