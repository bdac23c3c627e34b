/*
 * geoprospect web map. Lists the server's published layers (GET /layers) and draws the ticked ones with Leaflet:
 * vector layers from OGC API – Features (GeoJSON in CRS84), rasters as map images the server renders; and runs a
 * process as an asynchronous OGC API – Processes job, with a form generated from the process description.
 * Plain modern JavaScript, no build step; it only uses the server's public URLs, so it is also an example client.
 */
'use strict';

/* ================================================================ talking to the server */

const API_KEY = 'geoprospect.apiKey';

/** An error to show the user: what failed and, for server errors, the problem document's detail. */
class ServerError extends Error {}

/**
 * fetch() with the optional API key; answers other than 2xx become a ServerError that carries the server's
 * explanation (RFC 7807 problem JSON: detail, else title), so that no error is ever swallowed.
 */
async function request(url, options = {}) {
  const headers = new Headers(options.headers || {});
  const key = sessionStorage.getItem(API_KEY);
  if (key) {
    headers.set('X-API-Key', key);
  }
  let response;
  try {
    response = await fetch(url, { ...options, headers });
  } catch (e) {
    throw new ServerError(`Cannot reach the server (${url}): ${e.message}`);
  }
  if (!response.ok) {
    throw new ServerError(await explain(response, url));
  }
  return response;
}

async function explain(response, url) {
  let text = `${response.status} ${response.statusText}`.trim();
  const body = await response.text().catch(() => '');
  try {
    const problem = JSON.parse(body);
    text = problem.detail || problem.title || problem.description || text;
  } catch {
    if (body) {
      text += `: ${body.slice(0, 300)}`;
    }
  }
  if (response.status === 401) {
    text += ' — enter the API key at the top right.';
  }
  return `${url}: ${text}`;
}

async function getJson(url) {
  return (await request(url, { headers: { Accept: 'application/json' } })).json();
}

/* ================================================================ small DOM helpers */

/** Creates an element; text goes in as text, never as HTML, since titles and attributes come from data. */
function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      e.addEventListener(name.slice(2), value);
    } else if (value === true) {
      e.setAttribute(name, '');
    } else {
      e.setAttribute(name, value);
    }
  }
  e.append(...children.filter((c) => c !== undefined && c !== null));
  return e;
}

const byId = (id) => document.getElementById(id);

/** Shows a message above the map: errors in red (role alert), information in blue. */
function notify(message, kind = 'error') {
  byId('notice-text').textContent = message;
  byId('notice').classList.toggle('info', kind === 'info');
  byId('notice').hidden = false;
}

/** Runs an async action, showing any error it throws. */
function guarded(action) {
  return (...args) => Promise.resolve(action(...args)).catch((e) => notify(e.message || String(e)));
}

function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/* ================================================================ the map */

const map = L.map('map', { attributionControl: false, zoomSnap: 0.25, minZoom: 1, maxZoom: 19 }).setView([20, 0], 2);
// rasters lie under every vector (overlayPane is at 400), points over the polygons
map.createPane('rasters').style.zIndex = 250;
map.createPane('points').style.zIndex = 450;
L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);

const legend = L.control({ position: 'bottomright' });
legend.onAdd = () => el('div', { class: 'legend' },
  el('div', { class: 'row' }, el('span', { class: 'outline known' }), 'known target (holds a known deposit)'),
  el('div', { class: 'row' }, el('span', { class: 'outline new' }), 'new target'),
  el('div', {}, 'rasters: probability, or low to high'),
  el('div', { class: 'ramp', role: 'img',
    'aria-label': 'viridis colour ramp from dark purple (0, low) to yellow (1, high)' }),
  el('div', { class: 'ends' }, el('span', {}, '0 · low'), el('span', {}, '1 · high')));
legend.addTo(map);

/* Okabe–Ito colours for point layers (colour-blind safe), without their yellow, which viridis rasters end in, and
   vermillion, kept for new targets; a white rim sets the dots off any raster beneath. */
const POINT_COLOURS = ['#e69f00', '#0072b2', '#cc79a7', '#56b4e9', '#000000', '#009e73'];
const TARGET_STYLE = {
  known: { color: '#1a1a1a', weight: 2.5, fillColor: '#1a1a1a', fillOpacity: 0.08, className: 'target-known' },
  new: { color: '#d55e00', weight: 3.5, fillColor: '#d55e00', fillOpacity: 0.12, className: 'target-new' },
};
const RASTER_OPACITY = 0.8;

/* ================================================================ layers */

/** Published layers by name, as GET /layers describes them. */
let layers = new Map();
/** What is drawn, by layer name: { mapLayer, opacity }. */
const drawn = new Map();
let firstLoad = true;

function bounds(layer) {
  const [west, south, east, north] = layer.bbox84;
  return L.latLngBounds([south, west], [north, east]);
}

/**
 * Reloads the list, keeping what is ticked; layers that appeared since the last load are marked new.
 *
 * @returns the names of the new layers
 */
async function loadLayers() {
  const data = await getJson('/layers');
  const previous = layers;
  layers = new Map(data.layers.map((layer) => [layer.name, layer]));
  for (const name of [...drawn.keys()]) {
    if (!layers.has(name)) {
      hide(name);
    }
  }
  const added = firstLoad ? [] : [...layers.keys()].filter((name) => !previous.has(name));
  const list = byId('layer-list');
  list.replaceChildren(...[...layers.values()].map((layer) => layerItem(layer, added.includes(layer.name))));
  byId('layers-empty').hidden = layers.size > 0;
  if (firstLoad && layers.size > 0) {
    const all = [...layers.values()].map(bounds).reduce((a, b) => a.extend(b));
    map.fitBounds(all, { padding: [20, 20] });
  }
  firstLoad = false;
  refreshLayerSelects();
  return added;
}

function layerItem(layer, isNew) {
  const id = `layer-${layer.name}`;
  const box = el('input', { type: 'checkbox', id, checked: drawn.has(layer.name) });
  box.addEventListener('change', guarded(async () => {
    if (!box.checked) {
      hide(layer.name);
      return;
    }
    try {
      await show(layer.name);
    } catch (e) {
      box.checked = false; // the list never claims a layer is shown when it is not
      throw e;
    }
  }));
  const what = layer.kind === 'raster' ? plural(layer.count, 'band') : plural(layer.count, 'feature');
  const item = el('li', { class: 'layer', 'data-layer': layer.name },
    el('div', { class: 'title' }, box, el('label', { for: id }, layer.title || layer.name),
      isNew ? el('span', { class: 'badge' }, 'new') : null),
    el('div', { class: 'meta' }, `${layer.name} · ${layer.kind} · ${layer.crs} · ${what}`),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'small', 'aria-label': `Zoom to ${layer.title || layer.name}`,
        onclick: () => map.fitBounds(bounds(layer), { padding: [20, 20] }) }, 'Zoom to'),
      el('a', { href: link(layer, 'enclosure') || `/layers/${encodeURIComponent(layer.name)}/file`,
        download: '' }, 'Download'),
      layer.kind === 'raster' ? opacitySlider(layer) : null),
    el('div', { class: 'note', 'aria-live': 'polite' }));
  return item;
}

function link(layer, rel) {
  return (layer.links || []).find((l) => l.rel === rel)?.href;
}

function opacitySlider(layer) {
  const input = el('input', { type: 'range', min: '0', max: '1', step: '0.05',
    value: String(drawn.get(layer.name)?.opacity ?? RASTER_OPACITY),
    'aria-label': `Opacity of ${layer.title || layer.name}` });
  input.addEventListener('input', () => {
    const shown = drawn.get(layer.name);
    if (shown) {
      shown.opacity = Number(input.value);
      shown.mapLayer.setOpacity(shown.opacity);
    }
  });
  return el('label', { class: 'opacity' }, 'opacity', input);
}

function note(name, text) {
  const item = document.querySelector(`li[data-layer="${CSS.escape(name)}"] .note`);
  if (item) {
    item.textContent = text;
  }
}

function isTicked(name) {
  return document.getElementById(`layer-${name}`)?.checked === true;
}

async function show(name) {
  const layer = layers.get(name);
  const opacity = Number(document.querySelector(`li[data-layer="${CSS.escape(name)}"] .opacity input`)?.value
    ?? RASTER_OPACITY);
  const mapLayer = layer.kind === 'raster' ? rasterLayer(layer, opacity) : await vectorLayer(layer);
  if (!isTicked(name) || drawn.has(name)) {
    return; // unticked, or ticked again, while the features were loading
  }
  drawn.set(name, { mapLayer, opacity });
  mapLayer.addTo(map);
}

function hide(name) {
  drawn.get(name)?.mapLayer.remove();
  drawn.delete(name);
}

/**
 * The raster as one image the server renders for the layer's extent. Leaflet shows Web Mercator, so the image is
 * asked for in EPSG:3857 over the extent's Mercator box: an image in CRS84 would be stretched north–south.
 */
function rasterLayer(layer, opacity) {
  const box = bounds(layer);
  const sw = L.CRS.EPSG3857.project(box.getSouthWest());
  const ne = L.CRS.EPSG3857.project(box.getNorthEast());
  const width = 1024;
  const height = Math.max(1, Math.min(4096, Math.round(width * (ne.y - sw.y) / (ne.x - sw.x))));
  const url = `${link(layer, 'map') || `/layers/${encodeURIComponent(layer.name)}/map`}?crs=EPSG:3857`
    + `&bbox=${[sw.x, sw.y, ne.x, ne.y].join(',')}&width=${width}&height=${height}`;
  const overlay = L.imageOverlay(url, box, { opacity, pane: 'rasters', alt: `map of ${layer.title || layer.name}` });
  // an <img> cannot read the error's body, so ask again to show the server's explanation
  overlay.on('error', guarded(async () => {
    await request(url);
    throw new ServerError(`${url}: the map image could not be shown`);
  }));
  return overlay;
}

async function vectorLayer(layer) {
  const items = link(layer, 'items') || `/collections/${encodeURIComponent(layer.name)}/items`;
  note(layer.name, 'loading…');
  let data;
  try {
    data = await getJson(`${items}?limit=10000`);
  } catch (e) {
    note(layer.name, '');
    throw e;
  }
  const matched = data.numberMatched ?? data.features.length;
  note(layer.name, matched > data.features.length
    ? `showing the first ${plural(data.features.length, 'feature')} of ${matched.toLocaleString('en')}` : '');
  // colours by place among the vector layers, so that the first few, the usual case, get the clearest ones
  const index = [...layers.values()].filter((l) => l.kind === 'vector').findIndex((l) => l.name === layer.name);
  const colour = POINT_COLOURS[index % POINT_COLOURS.length];
  const radius = data.features.length > 500 ? 3 : 5; // a dense survey in small dots, a few deposits bigger
  const point = { pane: 'points', radius, color: '#ffffff', weight: 1, fillColor: colour, fillOpacity: 0.95 };
  return L.geoJSON(data, {
    // Leaflet applies style to points too, after pointToLayer
    style: (feature) => (feature.geometry?.type.endsWith('Point') ? point : TARGET_STYLE[feature.properties?.status]
      ?? { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.15 }),
    pointToLayer: (feature, latLng) => L.circleMarker(latLng, point),
    onEachFeature: (feature, mapLayer) => mapLayer.bindPopup(() => popup(layer, feature), { maxWidth: 360 }),
  });
}

/* The targets' fields, in the order and words a geologist reads them (TargetGeoPackage writes them). */
const TARGET_FIELDS = [
  ['rank', 'rank', (v) => v],
  ['status', 'status', (v) => v],
  ['mean_prob', 'mean probability', (v) => Number(v).toFixed(3)],
  ['max_prob', 'max probability', (v) => Number(v).toFixed(3)],
  ['prob_sd', 'spread over the folds (sd)', (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(3))],
  ['area_km2', 'area (km²)', (v) => Number(v).toFixed(2)],
  ['deposits', 'known deposits', (v) => v],
  ['tiles', 'tiles', (v) => v],
  ['cells', 'cells', (v) => v],
];

function popup(layer, feature) {
  const p = feature.properties || {};
  const isTarget = 'status' in p && 'rank' in p;
  const rows = isTarget
    ? TARGET_FIELDS.filter(([key]) => p[key] !== null && p[key] !== undefined)
      .map(([key, label, format]) => [label, format(p[key])])
    : Object.entries(p).map(([key, value]) => [key, value === null ? '' : String(value)]);
  const heading = isTarget ? `Target ${p.id ?? feature.id ?? ''}` : `${layer.title || layer.name} ${feature.id ?? ''}`;
  return el('div', { class: 'popup' }, el('h4', {}, heading.trim()),
    el('div', { class: 'scroll' }, el('table', {},
      ...rows.map(([label, value]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, String(value)))))));
}

/* ================================================================ processes */

/** The shown process's description and how to read each of its form fields. */
let current = null;
let polling = null;

async function loadProcesses() {
  const data = await getJson('/processes');
  const select = byId('process-select');
  for (const p of data.processes) {
    select.append(el('option', { value: p.id }, p.title ? `${p.title} (${p.id})` : p.id));
  }
}

async function chooseProcess() {
  const id = byId('process-select').value;
  const form = byId('process-form');
  form.hidden = true;
  current = null;
  if (!id) {
    return;
  }
  const description = await getJson(`/processes/${encodeURIComponent(id)}`);
  const fields = Object.entries(description.inputs || {}).map(([inputId, input]) => field(inputId, input));
  const required = fields.filter((f) => f.required);
  const optional = fields.filter((f) => !f.required);
  form.replaceChildren(
    el('p', { class: 'about' }, description.description || ''),
    ...required.map((f) => f.element),
    optional.length ? el('details', { class: 'more' }, el('summary', {}, `More options (${optional.length})`),
      ...optional.map((f) => f.element)) : null,
    el('button', { type: 'submit', class: 'run' }, 'Run'));
  current = { description, fields };
  form.hidden = false;
}

/** JSON Schema of a literal: the item schema of a list, the first plain alternative of a oneOf. */
function literalSchema(schema) {
  if (schema.type === 'array' && schema.items) {
    return literalSchema(schema.items);
  }
  const alternatives = schema.oneOf || schema.anyOf;
  if (alternatives) {
    return literalSchema(alternatives.find((s) => s.type && s.type !== 'array') || alternatives[0]);
  }
  return schema;
}

/** The media types a complex input's schema names (contentMediaType), anywhere in it. */
function mediaTypes(schema, found = new Set()) {
  if (schema && typeof schema === 'object') {
    if (typeof schema.contentMediaType === 'string') {
      found.add(schema.contentMediaType);
    }
    Object.values(schema).forEach((value) => mediaTypes(value, found));
  }
  return found;
}

/** A complex input (data: a layer, a file, a reference) rather than a literal value. */
function isComplex(schema) {
  const text = JSON.stringify(schema);
  return mediaTypes(schema).size > 0 || /"href"/.test(text);
}

/**
 * One form field for a process input: complex → a choice of published layers; enum → select; boolean →
 * checkbox; number → number input with the allowed range and default; anything else → text. Its read() gives the
 * value as the execution request wants it, or undefined to leave the input out: blank, or an optional input left at
 * its default (the server applies the same default, and some inputs, such as the model store, must not be sent).
 */
function field(id, input) {
  const schema = input.schema || {};
  const required = (input.minOccurs ?? 1) > 0;
  const list = input.maxOccurs === 'unbounded' || (input.maxOccurs ?? 1) > 1;
  const controlId = `input-${id}`;
  const hintId = `${controlId}-hint`;
  const complex = isComplex(schema);
  const hint = input.description
    ? el('p', { class: 'hint', id: hintId }, input.description
      + (list && !complex ? ' Several values: separate them with commas.' : ''))
    : null;
  const attributes = { id: controlId, name: id, 'aria-describedby': hint ? hintId : null, required };
  const literal = complex ? {} : literalSchema(schema);
  const { control, value } = complex ? layerControl(attributes, schema, required)
    : literalControl(attributes, literal, list, required);
  const read = () => {
    const v = value();
    return v === undefined || (!required && isDefault(v, literal.default)) ? undefined : v;
  };
  const name = [input.title || id, ' ', el('span', { class: 'id' }, id)];
  const element = control.type === 'checkbox'
    ? el('div', { class: 'field check' }, el('label', {}, control, ' ', ...name), hint)
    : el('div', { class: 'field' }, el('label', { for: controlId }, ...name), control, hint);
  return { id, required, read, element };
}

function layerControl(attributes, schema, required) {
  const control = el('select', { ...attributes, class: 'layer-select', 'data-kind': layerKind(schema),
    'data-optional': String(!required) });
  fillLayerSelect(control, attributes.name);
  return { control, value: () => (control.value ? { href: `layer:${control.value}` } : undefined) };
}

function literalControl(attributes, s, list, required) {
  if (Array.isArray(s.enum)) {
    const blank = required || s.default !== undefined ? null : el('option', { value: '' }, '— default —');
    const control = el('select', attributes, blank,
      ...s.enum.map((v) => el('option', { value: String(v), selected: v === s.default }, String(v))));
    const numeric = s.type === 'number' || s.type === 'integer';
    return { control, value: () => (control.value === '' ? undefined
      : numeric ? Number(control.value) : control.value) };
  }
  if (s.type === 'boolean') {
    const control = el('input', { ...attributes, type: 'checkbox', checked: s.default === true });
    return { control, value: () => control.checked };
  }
  if (s.type === 'number' || s.type === 'integer') {
    const control = el('input', { ...attributes, type: 'number',
      inputmode: s.type === 'integer' ? 'numeric' : 'decimal', step: s.type === 'integer' ? '1' : 'any',
      min: s.minimum ?? s.exclusiveMinimum, max: s.maximum ?? s.exclusiveMaximum, value: s.default });
    return { control, value: () => (control.value === '' ? undefined : Number(control.value)) };
  }
  const control = el('input', { ...attributes, type: 'text', value: s.default, spellcheck: 'false' });
  return {
    control,
    value: () => {
      const text = control.value.trim();
      if (text === '') {
        return undefined;
      }
      return list ? text.split(',').map((v) => v.trim()).filter((v) => v !== '') : text;
    },
  };
}

function isDefault(value, defaultValue) {
  if (defaultValue === undefined) {
    return false;
  }
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return String(single) === String(defaultValue); // a server may write the default 2 as '2'
}

/** raster when the input takes only GeoTIFF, vector when it takes no GeoTIFF, else any. */
function layerKind(schema) {
  const types = [...mediaTypes(schema)];
  if (types.length === 0) {
    return '';
  }
  const tiff = types.filter((t) => t.startsWith('image/tiff'));
  return tiff.length === types.length ? 'raster' : tiff.length === 0 ? 'vector' : '';
}

/** Offers the published layers of the input's kind, keeping the choice; preselects one named like the input. */
function fillLayerSelect(select, inputId) {
  const kind = select.dataset.kind;
  const previous = select.value;
  const candidates = [...layers.values()].filter((l) => !kind || l.kind === kind);
  const options = candidates.map((l) => el('option', { value: l.name }, `${l.title || l.name} (${l.name})`));
  if (select.dataset.optional === 'true' || candidates.length === 0) {
    options.unshift(el('option', { value: '' }, candidates.length ? '— none —' : '— no suitable layer —'));
  }
  select.replaceChildren(...options);
  const named = candidates.find((l) => l.name === inputId) || candidates.find((l) => l.name.includes(inputId));
  if (previous && candidates.some((l) => l.name === previous)) {
    select.value = previous;
  } else if (named && select.dataset.optional !== 'true') {
    select.value = named.name;
  }
}

function refreshLayerSelects() {
  document.querySelectorAll('select.layer-select').forEach((s) => fillLayerSelect(s, s.name));
}

async function run(event) {
  event.preventDefault();
  const form = byId('process-form');
  if (!current || !form.reportValidity()) {
    return;
  }
  const inputs = {};
  for (const f of current.fields) {
    const value = f.read();
    if (value !== undefined) {
      inputs[f.id] = value;
    }
  }
  const id = current.description.id;
  const response = await request(`/processes/${encodeURIComponent(id)}/execution`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Prefer: 'respond-async' },
    body: JSON.stringify({ inputs }),
  });
  const body = await response.json();
  if (response.status === 200) {
    // a server may run it synchronously after all: the body is then the results
    startJob(null, current.description);
    finish();
    await showResults(body, current.description);
    return;
  }
  const location = response.headers.get('Location') || `/jobs/${encodeURIComponent(body.jobID)}`;
  startJob(new URL(location, window.location.href).href, current.description);
  updateJob(body);
  schedulePoll();
}

/* ================================================================ the running job */

let job = null;

function startJob(url, description) {
  clearTimeout(polling);
  job = { url, description };
  const panel = byId('job');
  panel.hidden = false;
  panel.className = 'job';
  byId('job-id').textContent = url ? url.split('/').pop() : '';
  byId('job-progress').value = 0;
  byId('job-status').textContent = url ? 'accepted' : 'successful';
  byId('job-message').textContent = '';
  byId('job-results').replaceChildren();
  byId('job-cancel').hidden = !url;
  form().querySelector('button[type="submit"]')?.setAttribute('disabled', '');
  panel.scrollIntoView({ block: 'nearest' }); // the Run button may be far down a long form
}

function form() {
  return byId('process-form');
}

function schedulePoll() {
  polling = setTimeout(guarded(poll), 1000);
}

async function poll() {
  const watched = job;
  let status;
  try {
    status = await getJson(watched.url);
  } catch (e) {
    finish();
    throw e;
  }
  if (job !== watched) {
    return; // another job was started meanwhile
  }
  updateJob(status);
  if (status.status === 'accepted' || status.status === 'running') {
    schedulePoll();
    return;
  }
  finish();
  if (status.status === 'successful') {
    const results = (status.links || []).find((l) => l.rel.endsWith('/results'))?.href || `${watched.url}/results`;
    await showResults(await getJson(new URL(results, watched.url).href), watched.description);
  } else if (status.status === 'failed') {
    notify(`The ${watched.description.id} job failed: ${status.message || 'no reason given'}`);
  }
}

function updateJob(status) {
  byId('job-progress').value = status.progress ?? 0;
  byId('job-status').textContent = status.status;
  byId('job-message').textContent = status.message && status.message !== status.status ? status.message : '';
  byId('job').className = `job ${status.status}`;
}

function finish() {
  byId('job-cancel').hidden = true;
  form().querySelector('button[type="submit"]')?.removeAttribute('disabled');
}

async function cancel() {
  if (job?.url) {
    await request(job.url, { method: 'DELETE', headers: { Accept: 'application/json' } });
  }
}

/** Lists the outputs (values, links to files, published layers) and reloads the layer list. */
async function showResults(results, description) {
  byId('job-progress').value = 100;
  const items = Object.entries(results).map(([id, value]) => {
    const title = description.outputs?.[id]?.title || id;
    if (value === null || typeof value !== 'object') {
      return el('li', {}, `${title}: `, el('strong', {}, String(value)));
    }
    const href = value.href;
    return el('li', {}, href ? el('a', { href, target: '_blank', rel: 'noopener' }, title) : title,
      value.type ? ` (${value.type})` : '',
      value.layer ? el('span', {}, ' → layer ', el('code', {}, value.layer)) : null);
  });
  byId('job-results').replaceChildren(el('h3', {}, 'Results'), el('ul', {}, ...items));
  const added = await loadLayers();
  if (added.length > 0) {
    notify(`New ${added.length === 1 ? 'layer' : 'layers'} in the list: ${added.join(', ')}`, 'info');
  }
  byId('job').scrollIntoView({ block: 'nearest' }); // after the list above and the notice have taken their room
}

/* ================================================================ start */

function start() {
  const key = byId('api-key');
  key.value = sessionStorage.getItem(API_KEY) || '';
  key.addEventListener('change', () => {
    if (key.value) {
      sessionStorage.setItem(API_KEY, key.value);
    } else {
      sessionStorage.removeItem(API_KEY);
    }
  });
  byId('notice-close').addEventListener('click', () => {
    byId('notice').hidden = true;
  });
  byId('layers-reload').addEventListener('click', guarded(loadLayers));
  byId('process-select').addEventListener('change', guarded(chooseProcess));
  byId('process-form').addEventListener('submit', guarded(run));
  byId('job-cancel').addEventListener('click', guarded(cancel));
  guarded(loadLayers)();
  guarded(loadProcesses)();
}

start();
