// The chart page: one index over a chosen range, from the service's own API. Short ranges plot every stored slot
// (/get_between), long ones one point per bucket (/candles: the close, with the bucket's high-low as a band).
// Missing slots break the line and are shaded; back-filled stretches are shaded in another colour. The newest price
// is polled every few seconds, and a newer slot redraws the chart.
(() => {
  'use strict';

  const HOUR = 3600, DAY = 86400;
  // resolution null: every stored slot
  const RANGES = {
    '1h': { seconds: HOUR, resolution: null },
    '24h': { seconds: DAY, resolution: null },
    '7d': { seconds: 7 * DAY, resolution: '15m' },
    '30d': { seconds: 30 * DAY, resolution: '1h' },
    '1y': { seconds: 365 * DAY, resolution: '4h' },
    'all': { seconds: null, resolution: null },
  };
  const RESOLUTION_SECONDS = { '1m': 60, '5m': 300, '15m': 900, '30m': 1800, '1h': HOUR, '4h': 4 * HOUR, '1d': DAY, '1w': 7 * DAY };
  const POLL_MS = 5000;

  const el = (id) => document.getElementById(id);
  const chartBox = el('chart');
  const state = { ticker: null, range: '24h', tickers: [], newest: null, plot: null, loading: 0 };

  // what the browser test (and a curious person in the console) can read: what is drawn right now
  window.trackerChart = { ticker: null, range: null, points: 0, newestPlotted: null, gaps: [], backfill: [] };

  function setState(name, message) {
    chartBox.dataset.state = name;
    chartBox.dataset.ticker = state.ticker || '';
    chartBox.dataset.range = state.range;
    if (message !== undefined) {
      el('message').textContent = message;
    }
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const text = await response.text();
    return { status: response.status, text, body: text ? JSON.parse(text) : null };
  }

  function problemText(result) {
    return (result.body && (result.body.detail || result.body.title)) || ('HTTP ' + result.status);
  }

  // ---- newest price ------------------------------------------------------------------------------------------

  async function readNewest() {
    const result = await getJson('/last?ticker=' + encodeURIComponent(state.ticker));
    if (result.status === 404) {
      return null;
    }
    if (result.status !== 200) {
      throw new Error(problemText(result));
    }
    // the exact decimal as stored: JSON.parse would round it to a double
    const exact = /"price":(-?[0-9.eE+-]+)/.exec(result.text);
    return { timestamp: result.body.timestamp, price: result.body.price, text: exact ? exact[1] : String(result.body.price) };
  }

  function showNewest() {
    const newest = state.newest;
    el('newest-price').textContent = newest ? state.ticker + '  ' + newest.text : state.ticker + ': no price yet';
    showAge();
  }

  function showAge() {
    const age = el('newest-age');
    if (!state.newest) {
      age.textContent = '';
      return;
    }
    const seconds = Math.max(0, Math.round(Date.now() / 1000 - state.newest.timestamp));
    age.textContent = (seconds < 120 ? seconds + ' s' : seconds < 7200 ? Math.round(seconds / 60) + ' min'
      : seconds < 2 * DAY ? Math.round(seconds / HOUR) + ' h' : Math.round(seconds / DAY) + ' days') + ' ago ('
      + new Date(state.newest.timestamp * 1000).toISOString().replace('.000Z', 'Z') + ')';
    age.classList.toggle('stale', seconds > 300);
  }

  // ---- the data of a range -----------------------------------------------------------------------------------

  function coverageOf(ticker) {
    return state.tickers.find((t) => t.ticker === ticker);
  }

  /** Which query draws the range: every slot when that stays below a few thousand points, else candles. */
  function plan(now) {
    const range = RANGES[state.range];
    if (range.seconds !== null) {
      return { start: now - range.seconds, resolution: range.resolution };
    }
    const first = coverageOf(state.ticker) && coverageOf(state.ticker).first;
    const start = first ? first.timestamp : 0;
    const span = now - start;
    const resolution = span <= 2 * DAY ? null : span <= 14 * DAY ? '15m' : span <= 120 * DAY ? '1h'
      : span <= 3 * 365 * DAY ? '1d' : '1w';
    return { start, resolution };
  }

  async function readSeries(start, resolution) {
    const query = 'ticker=' + encodeURIComponent(state.ticker) + '&start=' + start
      + (resolution ? '&resolution=' + resolution : '');
    el('csv').href = (resolution ? '/candles?' : '/get_between?') + query + '&format=csv';
    const result = await getJson((resolution ? '/candles?' : '/get_between?') + query);
    if (result.status !== 200) {
      throw new Error(problemText(result));
    }
    return result.body.map((r) => resolution
      ? { t: r.timestamp, y: r.close, hi: r.high, lo: r.low, source: null }
      : { t: r.timestamp, y: r.price, hi: null, lo: null, source: r.source || null });
  }

  /** The slot spacing of plain records: the smallest step between neighbours (a gap is only ever longer). */
  function stepOf(rows, resolution) {
    if (resolution) {
      return RESOLUTION_SECONDS[resolution];
    }
    let step = Infinity;
    for (let i = 1; i < rows.length; i++) {
      step = Math.min(step, rows[i].t - rows[i - 1].t);
    }
    return Number.isFinite(step) && step > 0 ? step : 60;
  }

  /** uPlot's columns, with a null after each gap so that the line breaks there, plus the stretches to shade. */
  function columns(rows, step) {
    const xs = [], ys = [], his = [], los = [], gaps = [], backfill = [];
    let backfillFrom = null;
    rows.forEach((row, i) => {
      const previous = rows[i - 1];
      if (previous && row.t - previous.t > step * 1.5) {
        gaps.push([previous.t, row.t]);
        xs.push(previous.t + step); ys.push(null); his.push(null); los.push(null);
      }
      if (row.source === 'backfill' && backfillFrom === null) {
        backfillFrom = row.t;
      }
      if (row.source !== 'backfill' && backfillFrom !== null) {
        backfill.push([backfillFrom, previous.t]);
        backfillFrom = null;
      }
      xs.push(row.t); ys.push(row.y); his.push(row.hi); los.push(row.lo);
    });
    if (backfillFrom !== null) {
      backfill.push([backfillFrom, rows[rows.length - 1].t]);
    }
    return { data: [xs, ys, his, los], gaps, backfill };
  }

  // ---- drawing -----------------------------------------------------------------------------------------------

  function shade(u, stretches, fill, hatch) {
    const ctx = u.ctx;
    ctx.save();
    for (const [from, to] of stretches) {
      const left = u.valToPos(from, 'x', true);
      const right = u.valToPos(to, 'x', true);
      // at least two pixels: a one-slot gap in a year is still visible
      const width = Math.max(2 * devicePixelRatio, right - left);
      ctx.fillStyle = fill;
      ctx.fillRect(left, u.bbox.top, width, u.bbox.height);
      if (hatch) {
        ctx.strokeStyle = hatch;
        ctx.lineWidth = 1;
        ctx.beginPath();
        for (let x = left - u.bbox.height; x < left + width; x += 8 * devicePixelRatio) {
          ctx.moveTo(Math.max(x, left), u.bbox.top + Math.max(0, left - x));
          ctx.lineTo(Math.min(x + u.bbox.height, left + width), u.bbox.top + Math.min(u.bbox.height, left + width - x));
        }
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  function isoMinute(ts) {
    return new Date(ts * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }

  function chartSize() {
    const width = Math.max(280, chartBox.clientWidth - 2);
    return { width, height: Math.max(240, Math.min(460, Math.round(width * 0.55))) };
  }

  function draw(series, resolution) {
    if (state.plot) {
      state.plot.destroy();
      state.plot = null;
    }
    const candles = resolution !== null;
    const span = series.data[0][series.data[0].length - 1] - series.data[0][0];
    const options = {
      ...chartSize(),
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      legend: { show: true, live: true },
      scales: { x: { time: true } },
      series: [
        { label: 'UTC', value: (u, ts) => (ts === null ? '--' : isoMinute(ts)) },
        { label: candles ? 'close (' + resolution + ' candles)' : state.ticker, stroke: '#2457c5', width: 1.5,
          spanGaps: false, points: { show: false } },
      ].concat(candles ? [
        { label: 'high', stroke: 'rgba(36, 87, 197, 0.35)', width: 0.5, points: { show: false } },
        { label: 'low', stroke: 'rgba(36, 87, 197, 0.35)', width: 0.5, points: { show: false } },
      ] : []),
      bands: candles ? [{ series: [2, 3], fill: 'rgba(36, 87, 197, 0.15)' }] : [],
      axes: [
        // UTC, as the API: times of day (dates at midnight) up to two weeks, dates up to a year, months beyond
        { values: (u, splits) => splits.map((ts) => {
          const iso = isoMinute(ts);
          return span <= 14 * DAY ? (iso.endsWith('00:00') && span > DAY ? iso.slice(5, 10) : iso.slice(11, 16))
            : span <= 400 * DAY ? iso.slice(5, 10) : iso.slice(0, 7);
        }) },
        { size: 80 },
      ],
      hooks: {
        drawClear: [(u) => {
          shade(u, series.backfill, 'rgba(230, 145, 20, 0.3)', null);
          shade(u, series.gaps, 'rgba(179, 38, 30, 0.12)', 'rgba(179, 38, 30, 0.45)');
        }],
        draw: [() => setState('drawn')],
      },
    };
    setState('drawing');
    state.plot = new uPlot(options, candles ? series.data : series.data.slice(0, 2), chartBox);
  }

  // ---- loading -----------------------------------------------------------------------------------------------

  async function load() {
    const attempt = ++state.loading;
    setState('loading', 'Loading ' + state.ticker + '…');
    location.hash = state.ticker + '/' + state.range;
    for (const button of document.querySelectorAll('#ranges button')) {
      button.setAttribute('aria-pressed', String(button.dataset.range === state.range));
    }
    try {
      state.newest = await readNewest();
      showNewest();
      if (!state.newest) {
        clearPlot();
        setState('empty', 'No price has been recorded for ' + state.ticker + ' yet. The chart appears as soon as the'
          + ' collector stores the first one.');
        publish([], null, { gaps: [], backfill: [] });
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      const { start, resolution } = plan(now);
      const rows = await readSeries(start, resolution);
      if (attempt !== state.loading) {
        return; // another range or ticker was chosen meanwhile
      }
      if (rows.length === 0) {
        clearPlot();
        setState('empty', 'Nothing stored for ' + state.ticker + ' in this range. The newest price is from '
          + new Date(state.newest.timestamp * 1000).toISOString() + ': choose a longer range.');
        publish([], resolution, { gaps: [], backfill: [] });
        return;
      }
      const series = columns(rows, stepOf(rows, resolution));
      publish(rows, resolution, series);
      draw(series, resolution);
    } catch (error) {
      if (attempt === state.loading) {
        clearPlot();
        setState('error', 'The prices could not be read: ' + error.message);
      }
    }
  }

  function clearPlot() {
    if (state.plot) {
      state.plot.destroy();
      state.plot = null;
    }
  }

  function publish(rows, resolution, series) {
    const last = rows[rows.length - 1];
    window.trackerChart = {
      ticker: state.ticker,
      range: state.range,
      resolution,
      points: rows.length,
      newestPlotted: last ? { timestamp: last.t, price: last.y } : null,
      gaps: series.gaps,
      backfill: series.backfill,
    };
  }

  async function poll() {
    if (!state.ticker || chartBox.dataset.state === 'loading') {
      return;
    }
    try {
      const newest = await readNewest();
      if (newest && (!state.newest || newest.timestamp > state.newest.timestamp)) {
        await load();
      }
    } catch (error) {
      // the next poll tries again; the chart keeps what it shows
    }
  }

  async function start() {
    const result = await getJson('/tickers').catch((error) => ({ status: 0, body: { detail: error.message } }));
    if (result.status !== 200) {
      setState('error', 'The service could not list its indices: ' + problemText(result));
      return;
    }
    state.tickers = result.body;
    const select = el('ticker');
    for (const coverage of state.tickers) {
      select.add(new Option(coverage.ticker + (coverage.count === 0 ? ' (no data yet)' : ''), coverage.ticker));
    }
    const [hashTicker, hashRange] = decodeURIComponent(location.hash.slice(1)).split('/');
    state.ticker = coverageOf(hashTicker) ? hashTicker : state.tickers[0].ticker;
    state.range = RANGES[hashRange] ? hashRange : '24h';
    select.value = state.ticker;
    select.addEventListener('change', () => { state.ticker = select.value; refreshForAll().then(load); });
    for (const button of document.querySelectorAll('#ranges button')) {
      button.addEventListener('click', () => { state.range = button.dataset.range; refreshForAll().then(load); });
    }
    window.addEventListener('resize', () => state.plot && state.plot.setSize(chartSize()));
    setInterval(showAge, 1000);
    setInterval(poll, POLL_MS);
    await load();
  }

  /**
   * /tickers again before drawing "all": its first slot may have changed since the page was opened (a back-fill).
   * Only then: /tickers counts every stored row, which is not free on a year of minutes.
   */
  async function refreshForAll() {
    if (state.range !== 'all') {
      return;
    }
    const result = await getJson('/tickers').catch(() => null);
    if (result && result.status === 200) {
      state.tickers = result.body;
    }
  }

  start();
})();
