// The sample's page: charts a series and its simple moving average as SVG, and lists the vectors from the actuator.
'use strict';

const WIDTH = 800;
const HEIGHT = 300;

const $ = (id) => document.getElementById(id);

// Names of every series the API serves, loaded at start.
let seriesNames = [];

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.detail || response.statusText);
  }
  return body;
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

// SVG polyline points for values placed at offset..offset+n-1 on a scale of `count` slots between min and max.
function toPoints(values, offset, count, min, max) {
  const xStep = count > 1 ? WIDTH / (count - 1) : 0;
  const span = max - min || 1;
  return values.map((value, i) => {
    const x = (offset + i) * xStep;
    const y = HEIGHT - ((value - min) / span) * HEIGHT;
    return x.toFixed(2) + ',' + y.toFixed(2);
  }).join(' ');
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
    const values = range.values.filter((value) => value !== null);
    const sma = await movingAverageOf(name, range, values, window);
    const min = Math.min(...values, ...sma.values);
    const max = Math.max(...values, ...sma.values);
    $('series-line').setAttribute('points', toPoints(values, 0, values.length, min, max));
    $('sma-line').setAttribute('points', toPoints(sma.values, sma.offset, values.length, min, max));
    chart.dataset.points = String(values.length);
    chart.dataset.smaPoints = String(sma.values.length);
    $('chart-caption').className = '';
    $('chart-caption').textContent = `${name}: heights ${range.from} to ${range.to - 1} (${values.length} values, `
        + `min ${Math.min(...values)}, max ${Math.max(...values)}); SMA ${sma.label} (${sma.values.length} values)`;
  } catch (error) {
    $('chart-caption').className = 'error';
    $('chart-caption').textContent = `Cannot chart ${name}: ${error.message}`;
  }
  chart.dataset.rendered = 'true';
}

async function showLatest() {
  const block = await getJson('api/blocks/latest');
  $('latest').textContent = `Latest block ${block.height} at ${block.time}: price $${block.price.toFixed(2)}, `
      + `${block.txCount} transactions, ${block.fees} sat fees, hash ${block.hash.slice(0, 16)}…`;
}

async function showVectors() {
  const database = await getJson('actuator/vecdb');
  const body = document.querySelector('#vectors tbody');
  body.replaceChildren(...database.vectors.map((vector) => {
    const row = document.createElement('tr');
    [vector.name, vector.type, vector.format, vector.length, vector.stamp, vector.storedBytes,
      vector.uncompressedBytes, vector.compressionRatio.toFixed(2)].forEach((cell) => {
      const td = document.createElement('td');
      td.textContent = String(cell);
      row.appendChild(td);
    });
    return row;
  }));
  $('database').textContent = `Database ${database.path}: file ${database.fileSize} bytes, `
      + `${database.diskUsage} bytes on disk, last flush ${database.lastFlush}`;
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
  await Promise.all([drawChart(), showLatest(), showVectors()]);
}

start().catch((error) => {
  $('latest').className = 'error';
  $('latest').textContent = `The service did not answer: ${error.message}`;
});
