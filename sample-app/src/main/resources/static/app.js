// The sample's page: charts a series and its simple moving average as SVG with labelled axes, shows the latest block
// and lists the vectors from the actuator; it refreshes whenever a new block arrives.
'use strict';

const HEIGHT = 300;
const MARGIN = {top: 12, right: 28, bottom: 40, left: 76};
const REFRESH_MS = 2000;
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
const grouped = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
const dollars = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'});
const wholeDollars = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', maximumFractionDigits: 0});

// How each series is shown: its unit, how a stored value becomes the number shown (prices are stored in cents), how
// a value is written, and how an axis tick is (round values: dollars without cents).
const PRICE = {unit: 'US$', scale: 0.01, format: (v) => dollars.format(v), tick: (v) => wholeDollars.format(v)};
const UNITS = {
  timestamp: {unit: 'time (UTC)', scale: 1, format: (v) => time(v), tick: (v) => time(v).slice(0, 10)},
  price: PRICE, 'price-sma': PRICE, 'price-ema': PRICE,
  'tx-count': {unit: 'transactions', scale: 1, format: (v) => grouped.format(v)},
  'tx-count-cumulative': {unit: 'transactions', scale: 1, format: (v) => grouped.format(v)},
  fees: {unit: 'sat', scale: 1, format: (v) => `${grouped.format(v)} sat`},
  'fees-rolling': {unit: 'sat', scale: 1, format: (v) => `${grouped.format(v)} sat`},
  'fee-per-tx': {unit: 'sat per transaction', scale: 1, format: (v) => `${grouped.format(v)} sat`},
};
const unitOf = (name) => ({tick: (v) => grouped.format(v), ...(UNITS[name] || {unit: '', scale: 1,
  format: (v) => grouped.format(v)})});

// Names of every series the API serves, loaded at start; the tip height the page shows.
let seriesNames = [];
let shownTip = -1;

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.detail || response.statusText);
  }
  return body;
}

// Seconds since the epoch as a readable UTC time: 2024-04-02 20:27 UTC.
function time(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

// Simple moving average: one value per full window, so values.length - window + 1 values.
function movingAverage(values, window) {
  const averages = [];
  let sum = 0;
  values.forEach((value, i) => {
    sum += value;
    if (i >= window) {
      sum -= values[i - window];
    }
    if (i >= window - 1) {
      averages.push(sum / window);
    }
  });
  return averages;
}

// Round tick values (1, 2 or 5 times a power of ten apart) between min and max: the fewest that are at least
// max(2, count - 1), so that a narrow axis still gets two.
function ticks(min, max, count) {
  const span = max - min || Math.abs(max) || 1;
  const power = 10 ** Math.floor(Math.log10(span / count));
  const wanted = Math.max(2, count - 1);
  let values = [];
  for (const step of [10, 5, 2, 1, 0.5, 0.2, 0.1].map((m) => m * power)) {
    values = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
      values.push(Number(v.toPrecision(12)));
    }
    if (values.length >= wanted) {
      break;
    }
  }
  return values;
}

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// Draws both axes into the chart: y in the series' unit, x in block heights, with grid lines and labels.
function drawAxes(plot, scale, unit, heights, y) {
  const axes = $('axes');
  axes.replaceChildren();
  const yAxis = element('g', {id: 'y-axis', class: 'axis'});
  ticks(y.min, y.max, 5).forEach((value) => {
    const at = scale.y(value);
    yAxis.append(element('line', {x1: plot.left, x2: plot.right, y1: at, y2: at, class: 'grid'}),
        element('text', {x: plot.left - 6, y: at, class: 'tick', 'text-anchor': 'end', 'dominant-baseline': 'middle'},
            unit.tick(value)));
  });
  yAxis.append(element('text', {x: 12, y: (plot.top + plot.bottom) / 2, class: 'label', 'text-anchor': 'middle',
    transform: `rotate(-90 12 ${(plot.top + plot.bottom) / 2})`}, unit.unit));
  const xAxis = element('g', {id: 'x-axis', class: 'axis'});
  const xCount = Math.max(2, Math.floor((plot.right - plot.left) / 90));
  ticks(heights.from, heights.to, xCount).filter((h) => Number.isInteger(h)).forEach((height) => {
    const at = scale.x(height);
    xAxis.append(element('line', {x1: at, x2: at, y1: plot.bottom, y2: plot.bottom + 5, class: 'tick-mark'}),
        element('text', {x: at, y: plot.bottom + 17, class: 'tick', 'text-anchor': 'middle'}, grouped.format(height)));
  });
  xAxis.append(element('line', {x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, class: 'base'}),
      element('text', {x: (plot.left + plot.right) / 2, y: plot.bottom + 34, class: 'label', 'text-anchor': 'middle'},
          'block height'));
  axes.append(yAxis, xAxis);
}

// The SMA of a chart: the stored series `<name>-sma` that vecdb computes (DerivedMetrics), read over the same heights,
// or else one computed here over the values shown.
async function movingAverageOf(name, range, values, window) {
  if (seriesNames.includes(`${name}-sma`)) {
    const stored = await getJson(`api/series/${encodeURIComponent(name)}-sma?from=${range.from}&to=${range.to}`);
    return {values: stored.values, offset: 0, label: `stored series ${name}-sma, computed by vecdb`};
  }
  return {
    values: movingAverage(values, window),
    offset: window - 1,
    label: `over ${window} blocks, computed in the page`,
  };
}

async function drawChart() {
  const chart = $('chart');
  chart.dataset.rendered = 'false';
  const name = $('series').value;
  const points = Number($('points').value);
  const window = Number($('window').value);
  $('window').disabled = seriesNames.includes(`${name}-sma`);
  try {
    const range = await getJson(`api/series/${encodeURIComponent(name)}?from=-${points}`);
    const unit = unitOf(name);
    const values = range.values.filter((value) => value !== null).map((value) => value * unit.scale);
    const sma = await movingAverageOf(name, range, values, window);
    const smaValues = sma.offset === 0 ? sma.values.map((value) => value * unit.scale) : sma.values;
    const width = Math.max(300, chart.clientWidth);
    chart.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    const plot = {left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom};
    const y = {min: Math.min(...values, ...smaValues), max: Math.max(...values, ...smaValues)};
    const heights = {from: range.from, to: range.from + Math.max(1, values.length - 1)};
    const scale = {
      x: (height) => plot.left + (height - heights.from) / (heights.to - heights.from) * (plot.right - plot.left),
      y: (value) => plot.bottom - (value - y.min) / (y.max - y.min || 1) * (plot.bottom - plot.top),
    };
    const line = (series, offset) => series.map((value, i) =>
      `${scale.x(heights.from + offset + i).toFixed(1)},${scale.y(value).toFixed(1)}`).join(' ');
    drawAxes(plot, scale, unit, heights, y);
    $('series-line').setAttribute('points', line(values, 0));
    $('sma-line').setAttribute('points', line(smaValues, sma.offset));
    chart.dataset.points = String(values.length);
    chart.dataset.smaPoints = String(smaValues.length);
    chart.dataset.to = String(range.to);
    $('chart-caption').className = '';
    $('chart-caption').textContent = `${name}: heights ${grouped.format(range.from)} to ${grouped.format(range.to - 1)}`
        + ` (${grouped.format(values.length)} values, min ${unit.format(Math.min(...values))}, max `
        + `${unit.format(Math.max(...values))}); SMA ${sma.label} (${grouped.format(smaValues.length)} values)`;
  } catch (error) {
    $('chart-caption').className = 'error';
    $('chart-caption').textContent = `Cannot chart ${name}: ${error.message}`;
  }
  chart.dataset.rendered = 'true';
}

function showLatest(block) {
  $('latest').className = '';
  $('latest').textContent = `Latest block ${grouped.format(block.height)} at ${time(block.timestamp)}: `
      + `price ${dollars.format(block.price)}, ${grouped.format(block.txCount)} transactions, `
      + `${grouped.format(block.fees)} sat fees, hash ${block.hash.slice(0, 16)}…`;
}

async function showVectors() {
  const database = await getJson('actuator/vecdb');
  const body = document.querySelector('#vectors tbody');
  body.replaceChildren(...database.vectors.map((vector) => {
    const row = document.createElement('tr');
    [vector.name, vector.type, vector.format, grouped.format(vector.length), grouped.format(vector.stamp),
      grouped.format(vector.storedBytes), grouped.format(vector.uncompressedBytes),
      vector.compressionRatio.toFixed(2)].forEach((cell) => {
      const td = document.createElement('td');
      td.textContent = cell;
      row.appendChild(td);
    });
    return row;
  }));
  const flushed = database.lastFlush ? new Date(database.lastFlush).toISOString().slice(0, 19).replace('T', ' ')
      + ' UTC' : 'never';
  $('database').textContent = `Database ${database.path}: file ${grouped.format(database.fileSize)} bytes, `
      + `${grouped.format(database.diskUsage)} bytes on disk, last flush ${flushed}`;
}

// Shows this instance's part in replication: a replica's lag behind the leader, or a leader's commits waiting to be
// published; nothing without replication.
async function showReplication() {
  const replication = await getJson('api/replication');
  const line = $('replication');
  line.hidden = replication.role === 'none';
  if (line.hidden) {
    return;
  }
  const lag = `${grouped.format(replication.lagCommits)} commits (${replication.lagSeconds.toFixed(1)} s)`;
  line.className = replication.state === 'running' ? '' : 'error';
  line.textContent = (replication.role === 'follower'
      ? `Read-only replica of topic ${replication.topic}: applied commit ${grouped.format(replication.commit)}, `
        + `replication lag ${lag}`
      : `Leader publishing to topic ${replication.topic}: published commit ${grouped.format(replication.commit)}, `
        + `${lag} waiting`)
      + (replication.state === 'running' ? '' : ` — replication ${replication.state}: ${replication.error || ''}`);
}

// Redraws everything when the chain has a new tip, and the replication line every time; called at start and every
// REFRESH_MS.
async function refresh() {
  await showReplication();
  const block = await getJson('api/blocks/latest');
  if (block.height === shownTip) {
    return;
  }
  shownTip = block.height;
  showLatest(block);
  await Promise.all([drawChart(), showVectors()]);
  document.body.dataset.tip = String(block.height);
}

async function start() {
  const series = await getJson('api/series');
  seriesNames = series.map((s) => s.name);
  $('series').replaceChildren(...series.filter((s) => s.numeric).map((s) => new Option(s.name, s.name)));
  $('series').value = 'price';
  $('controls').addEventListener('submit', (event) => {
    event.preventDefault();
    drawChart();
  });
  $('series').addEventListener('change', drawChart);
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(drawChart, 200);
  });
  await refresh();
  setInterval(() => refresh().catch((error) => {
    $('latest').className = 'error';
    $('latest').textContent = `The service did not answer: ${error.message}`;
  }), REFRESH_MS);
}

start().catch((error) => {
  $('latest').className = 'error';
  $('latest').textContent = `The service did not answer: ${error.message}`;
});
