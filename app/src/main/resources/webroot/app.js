'use strict';
// The coherent web page: choose a preset, edit its parameters, start one run per chosen method, and watch them live
// (Server-Sent Events from /api/runs/{id}/stream, plotted with uPlot). The methods of one start share one chart per
// group of observables (coherences, populations, currents, other observables), each with its own labelled axis;
// every run has a card with its status, latest values, steady-state time, downloads and a cancel button. Runs the
// server cannot take yet (429, its --max-runs limit) wait in a queue on the page and start when a run ends.

const $ = (id) => document.getElementById(id);
let presets = [];
/** Runs waiting for a free slot on the server: functions that try to start them again. */
const queue = [];

const GROUPS = [
  { key: 'coherences', title: 'coherences' },
  { key: 'populations', title: 'populations' },
  { key: 'currents', title: 'currents' },
  { key: 'other', title: 'other observables' },
];
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7F7F7F', '#000000'];
const DASHES = [[], [8, 5], [2, 4], [10, 4, 2, 4]];

/** The panel an observable belongs to (the figures' grouping, io.coherent.app.plot.Quantities). */
function group(name) {
  if (/current/.test(name)) return 'currents';
  const element = /^rho_(\d)(\d)$/.exec(name);
  if (element) return element[1] === element[2] ? 'populations' : 'coherences';
  if (/^(Jz|n\d+$|population|v3$|sigma_z)/.test(name)) return 'populations';
  if (/^(J[xy]|coherence|re_|im_|v[12]$|sigma_[xy]|concurrence)/.test(name)) return 'coherences';
  return 'other';
}

/**
 * Observables worth a curve: not the vacuum and thermal parts of the coherences, the real and imaginary parts of
 * elements whose modulus is shown, diagonal elements (the populations in the eigenbasis are), the bare-basis
 * coherence, the smallest eigenvalue or particle currents (all of them are in the cards and the downloads).
 */
function plotted(names) {
  return names.filter((n) => !/_(vacuum|thermal)$|^(re|im)_|^rho_(\d)\3$|^coherence_l1_bare$|^min_eigenvalue$|^particle_current/
    .test(n));
}

/**
 * "value ± error" for every value: an error of 0 is shown as below the value's rounding floor ("± <1e-15"), a
 * missing one as "± ?" (not estimated), never as no error at all.
 */
function withError(v, e) {
  if (v === null || v === undefined) return 'n/a';
  let error;
  if (e === null || e === undefined) error = '?';
  else if (e === 0) error = '<' + Math.max(1e-15, Math.abs(v) * Number.EPSILON).toExponential(0);
  else error = e.toPrecision(2);
  return v.toPrecision(6) + ' ± ' + error;
}

/** The spans [from, to] of consecutive samples among times (in order) whose time is in marked (a subsequence). */
function spans(times, marked) {
  const out = [];
  let k = 0;
  let open = null;
  for (const t of times) {
    if (k < marked.length && marked[k] === t) {
      k++;
      if (open) open[1] = t;
      else out.push(open = [t, t]);
    } else {
      open = null;
    }
  }
  return out;
}

function showPreset(name) {
  const p = presets.find((q) => q.name === name);
  $('description').textContent = p.description;
  const box = $('parameters');
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const q of p.parameters) {
    const label = document.createElement('label');
    label.title = q.meaning;
    label.append(q.name + ' ');
    let input;
    if (q.choices.length > 0) {
      input = document.createElement('select');
      q.choices.forEach((c) => input.add(new Option(c, c, c === q.default, c === q.default)));
    } else {
      input = document.createElement('input');
      input.value = q.default;
    }
    input.name = q.name;
    input.dataset.parameter = 'true';
    label.append(input);
    box.append(label);
  }
  $('until').value = p.until;
  $('points').value = p.points;
  const methods = $('methods');
  methods.replaceChildren('methods: ');
  for (const m of p.methods) {
    const label = document.createElement('label');
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.value = m;
    check.name = 'method';
    check.checked = m === p.default_method;
    label.append(check, ' ' + m);
    methods.append(label);
  }
}

/** Shows a form error next to the field it names (the server's message names the key), or on its own. */
function formError(message) {
  document.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  const text = message.replace(/^scenario(, line \d+)?: /, '');
  const key = /^(?:parameters\.)?([A-Za-z_][A-Za-z0-9_]*)\b/.exec(text);
  const field = key && (document.querySelector(`[data-parameter][name="${key[1]}"]`) || $(key[1])
    || (otherKeys($('keys').value).keys[key[1]] !== undefined ? $('keys') : null));
  if (field) {
    field.classList.add('invalid');
    field.title = text;
    $('message').textContent = 'field ' + key[1] + ': ' + text;
  } else {
    $('message').textContent = text;
  }
}

/**
 * The "other keys" box: one key=value per line (blank lines and # comments skipped) into {keys, error}; the server
 * checks the keys and values themselves and names the key it refuses.
 */
function otherKeys(text) {
  const keys = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(\S.*)$/.exec(line);
    if (!m) return { keys, error: 'keys: "' + line + '" is not key=value' };
    if (m[1] === 'method' || m[1] === 'until' || m[1] === 'points') {
      return { keys, error: 'keys: ' + m[1] + ' has its own field' };
    }
    keys[m[1]] = m[2].trim();
  }
  return { keys, error: null };
}

/** Checks what the page can check itself; returns an error naming the field, or null. */
function check(until, points) {
  if (!(Number(until) > 0)) return 'until = ' + until + ' is not allowed: expected a number > 0';
  if (!(Number.isInteger(Number(points)) && Number(points) >= 2)) return 'points = ' + points + ' is not allowed: expected a whole number >= 2';
  return null;
}

async function start(event) {
  event.preventDefault();
  $('message').textContent = '';
  document.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  const parameters = {};
  document.querySelectorAll('[data-parameter]').forEach((i) => { parameters[i.name] = i.value; });
  const other = otherKeys($('keys').value);
  if (other.error) {
    formError(other.error);
    return;
  }
  Object.assign(parameters, other.keys);
  const methods = [...document.querySelectorAll('input[name=method]:checked')].map((b) => b.value);
  if (methods.length === 0) {
    $('message').textContent = 'field methods: choose at least one method';
    return;
  }
  const bad = check($('until').value, $('points').value);
  if (bad) {
    formError(bad);
    return;
  }
  const preset = $('preset').value;
  const comparison = new Comparison(preset, methods);
  for (const method of methods) {
    const scenario = { preset, name: preset + '-' + method, parameters, method, until: $('until').value,
      points: $('points').value };
    const card = comparison.card(scenario.name, method);
    const tryStart = async () => {
      const reply = await fetch('/api/runs?stop_on_steady=' + $('steady').checked, { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(scenario) });
      const body = await reply.json();
      if (reply.status === 429 || reply.status === 503) {
        card.queued(body.error);
        queue.push(tryStart);
        return;
      }
      if (!reply.ok) {
        card.failed(body.error);
        formError(body.error);
        return;
      }
      card.started(body);
      comparison.watch(method, body, card);
    };
    await tryStart();
  }
}

/** A run has ended: start the next queued one, if any (it queues itself again if the server is still full). */
function slotFreed() {
  const next = queue.shift();
  if (next) next();
}
// a slot may also free up between a 429 and the queueing of its run, or through another client's run: try again
// every second while something waits
setInterval(() => { if (queue.length > 0) slotFreed(); }, 1000);

/** The runs of one start: their cards, and one chart per group of observables with every method overlaid. */
class Comparison {
  constructor(preset, methods) {
    this.methods = methods;
    this.tables = new Map(); // method -> {t: [], columns: {name: []}}
    this.steady = new Map(); // method -> steady-state time
    this.events = [];
    this.charts = new Map(); // group -> {box, plot, series: [[method, name]]}
    this.section = document.createElement('section');
    this.section.className = 'comparison';
    const title = document.createElement('h2');
    title.textContent = preset + ': ' + methods.join(', ');
    this.cards = document.createElement('div');
    this.cards.className = 'cards';
    this.chartBox = document.createElement('div');
    this.chartBox.className = 'charts';
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = 'ħ = k_B = 1: frequencies, energies and temperatures in the preset\'s frequency unit, times in '
      + 'its inverse. Line style: ' + methods.map((m, i) => m + ' ' + ['solid', 'dashed', 'dotted', 'dash-dotted'][i % 4])
        .join(', ') + '. Green dashed lines: steady state reached. Orange shading: samples not converged (error estimates above the tolerance asked).';
    this.section.append(title, this.chartBox, note, this.cards);
    $('runs').prepend(this.section);
    this.dirty = false;
    const redraw = () => {
      if (this.dirty) {
        this.dirty = false;
        this.charts.forEach((c) => this.draw(c));
      }
      requestAnimationFrame(redraw);
    };
    requestAnimationFrame(redraw);
  }

  card(name, method) {
    return new RunCard(this.cards, name, method);
  }

  watch(method, run, card) {
    // errors: the latest sample's error estimates; notConverged: the times of the samples whose estimates exceed
    // the tolerance asked (drawn as shaded spans on the charts, counted on the card)
    const table = { t: [], columns: {}, errors: {}, notConverged: [] };
    this.tables.set(method, table);
    const source = new EventSource(run.links.stream);
    source.addEventListener('sample', (e) => {
      const s = JSON.parse(e.data);
      if (table.t.length === 0) {
        for (const n of plotted(Object.keys(s.values))) table.columns[n] = [];
        this.addSeries(method, Object.keys(table.columns));
      }
      table.t.push(s.t);
      for (const n of Object.keys(table.columns)) table.columns[n].push(s.values[n]);
      table.errors = s.errors || {};
      if (s.converged === false) table.notConverged.push(s.t);
      if (s.event) this.events.push(s.t);
      card.sample(s, table);
      this.dirty = true;
    });
    source.addEventListener('end', (e) => {
      source.close();
      const end = JSON.parse(e.data);
      card.ended(end, run, (time) => {
        this.steady.set(method, time);
        this.charts.forEach((c) => c.plot && c.plot.redraw());
      });
      slotFreed();
    });
    source.onerror = () => card.status('stream interrupted');
  }

  /** Adds a method's observables to the charts of their groups (a chart is rebuilt with its new series). */
  addSeries(method, names) {
    for (const g of GROUPS) {
      const mine = names.filter((n) => group(n) === g.key);
      if (mine.length === 0) continue;
      let chart = this.charts.get(g.key);
      if (!chart) {
        const box = document.createElement('div');
        box.className = 'chart';
        box.dataset.group = g.key;
        const heading = document.createElement('h3');
        heading.textContent = g.title;
        box.append(heading);
        chart = { group: g, box, plot: null, series: [] };
        this.charts.set(g.key, chart);
        const order = GROUPS.map((q) => q.key);
        const after = [...this.chartBox.children].find((c) => order.indexOf(c.dataset.group) > order.indexOf(g.key));
        this.chartBox.insertBefore(box, after || null);
      }
      mine.forEach((n) => chart.series.push([method, n]));
      // in the order of the methods, whatever order their first samples came in: data() joins them so
      chart.series.sort((a, b) => this.methods.indexOf(a[0]) - this.methods.indexOf(b[0]));
      if (chart.plot) {
        chart.plot.destroy();
        chart.plot = null;
      }
    }
  }

  /** The chart's data: every method's table joined on the union of their times. */
  data(chart) {
    const tables = [];
    for (const m of this.methods) {
      const table = this.tables.get(m);
      const names = chart.series.filter(([method]) => method === m).map(([, n]) => n);
      if (table && names.length > 0) tables.push([table.t, ...names.map((n) => table.columns[n])]);
    }
    return uPlot.join(tables);
  }

  draw(chart) {
    const data = this.data(chart);
    if (!chart.plot) {
      const observables = [...new Set(chart.series.map(([, n]) => n))];
      const full = chart.group.title + ': ' + observables.join(', ');
      // a label longer than the chart is high would be cut: then the group's name (the legend has the rest)
      const yLabel = full.length > 34 ? chart.group.title : full;
      chart.box.dataset.xLabel = 'time t';
      chart.box.dataset.yLabel = yLabel;
      const marker = (u) => {
        const ctx = u.ctx;
        // samples less accurate than asked: a hatched band over each span of them, per method of this chart
        for (const m of new Set(chart.series.map(([method]) => method))) {
          const table = this.tables.get(m);
          for (const [from, to] of table ? spans(table.t, table.notConverged) : []) {
            const x0 = u.valToPos(from, 'x', true);
            const x1 = Math.max(u.valToPos(to, 'x', true), x0 + 2);
            ctx.save();
            ctx.fillStyle = 'rgba(213, 94, 0, 0.15)';
            ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
            ctx.fillStyle = '#B34700';
            ctx.font = (12 * devicePixelRatio) + 'px sans-serif';
            ctx.textAlign = 'left';
            ctx.textBaseline = 'top';
            ctx.fillText('not converged (' + m + ')', x0 + 4 * devicePixelRatio, u.bbox.top + 4 * devicePixelRatio);
            ctx.restore();
          }
        }
        const lines = this.events.map((t) => [t, '#888', []]);
        this.steady.forEach((t, m) => lines.push([t, '#070', DASHES[this.methods.indexOf(m) % DASHES.length]]));
        for (const [t, colour, dash] of lines) {
          const x = u.valToPos(t, 'x', true);
          ctx.save();
          ctx.strokeStyle = colour;
          ctx.setLineDash(dash.length ? dash : [5, 4]);
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        }
      };
      chart.plot = new uPlot({
        width: 620, height: 300, scales: { x: { time: false } }, legend: { live: false },
        axes: [{ label: 'time t', labelSize: 24 }, { label: yLabel, labelSize: 24, size: 60 }],
        series: [{ label: 't' }, ...chart.series.map(([m, n]) => ({
          label: n + ' (' + m + ')', stroke: PALETTE[observables.indexOf(n) % PALETTE.length], width: 2,
          dash: DASHES[this.methods.indexOf(m) % DASHES.length], spanGaps: true, points: { show: false } }))],
        hooks: { draw: [marker] },
      }, data, chart.box);
    } else {
      chart.plot.setData(data);
    }
    chart.box.dataset.samples = String(data[0].length);
    chart.box.dataset.notConverged = String(chart.series.map(([m]) => m).filter((m, i, all) => all.indexOf(m) === i)
      .reduce((sum, m) => sum + (this.tables.get(m) ? this.tables.get(m).notConverged.length : 0), 0));
  }
}

/** A run's card: name, status, latest values, steady-state time, downloads, cancel. */
class RunCard {
  constructor(parent, name, method) {
    this.panel = document.createElement('section');
    this.panel.className = 'run';
    this.panel.dataset.method = method;
    this.panel.dataset.samples = '0';
    this.title = document.createElement('h2');
    this.title.textContent = name;
    this.line = document.createElement('div');
    this.line.className = 'status';
    this.line.textContent = 'starting';
    this.verdict = document.createElement('div');
    this.verdict.className = 'status verdict';
    this.accuracy = document.createElement('div');
    this.accuracy.className = 'status';
    this.values = document.createElement('table');
    this.values.className = 'latest';
    this.latest = document.createElement('details');
    this.latestTitle = document.createElement('summary');
    this.latestTitle.textContent = 'latest values';
    this.latest.append(this.latestTitle, this.values);
    this.links = document.createElement('div');
    this.panel.append(this.title, this.line, this.accuracy, this.verdict, this.latest, this.links);
    parent.append(this.panel);
    this.name = name;
  }

  status(text) {
    this.line.textContent = text;
  }

  queued(reason) {
    this.panel.dataset.queued = 'true';
    this.panel.dataset.queuedBecause = reason;
    this.status('queued: ' + reason.replace(/; try again.*$/, '') + '; starts when a run ends');
  }

  failed(reason) {
    this.panel.dataset.ended = 'true';
    this.status('not started: ' + reason);
  }

  started(run) {
    delete this.panel.dataset.queued;
    this.title.textContent = this.name + ' (' + run.id + ')';
    const csv = document.createElement('a');
    csv.href = run.links.csv;
    csv.textContent = 'trajectory.csv';
    csv.download = '';
    const jsonl = document.createElement('a');
    jsonl.href = run.links.jsonl;
    jsonl.textContent = 'trajectory.jsonl';
    jsonl.download = '';
    const cancel = document.createElement('button');
    cancel.textContent = 'cancel';
    cancel.onclick = () => fetch(run.links.self, { method: 'DELETE' });
    this.links.append(csv, jsonl, cancel);
    this.status('running');
  }

  sample(s, table) {
    this.panel.dataset.samples = String(table.t.length);
    this.status('running: t = ' + s.t.toPrecision(5) + ', ' + table.t.length + ' samples');
    const rows = Object.keys(table.columns).map((n) => {
      const row = document.createElement('tr');
      const name = document.createElement('th');
      name.textContent = n;
      const value = document.createElement('td');
      value.textContent = withError(s.values[n], table.errors[n]);
      if (s.converged === false) row.className = 'not-converged';
      row.append(name, value);
      return row;
    });
    this.values.replaceChildren(...rows);
    this.panel.dataset.notConverged = String(table.notConverged.length);
    if (table.notConverged.length > 0) {
      const where = spans(table.t, table.notConverged).map(([a, b]) => a === b ? 't = ' + a.toPrecision(4)
        : 't in [' + a.toPrecision(4) + ', ' + b.toPrecision(4) + ']');
      this.accuracy.textContent = 'NOT converged: ' + table.notConverged.length + ' of ' + table.t.length
        + ' samples exceed the tolerance asked (' + where.slice(0, 3).join(', ') + (where.length > 3 ? ', ...' : '') + ')';
      this.accuracy.className = 'status not-converged';
    } else {
      this.accuracy.textContent = 'every sample within the tolerance asked';
      this.accuracy.className = 'status';
    }
    if (table.t.length === 1) {
      // open for a few observables; a finite system's dozens stay folded (the charts show them)
      this.latest.open = rows.length <= 8;
      this.latestTitle.textContent = 'latest values (' + rows.length + ' observables)';
    }
  }

  ended(end, run, markSteady) {
    const how = end.failure ? 'failed: ' + end.failure : end.stopped_by ? 'stopped: ' + end.stopped_by : 'finished';
    this.status(how + ' at t = ' + (end.t === null ? '?' : end.t.toPrecision(5)) + ', ' + this.panel.dataset.samples
      + ' samples' + (end.dropped ? ' (' + end.dropped + ' not shown)' : ''));
    this.panel.dataset.ended = 'true';
    const mark = (time, reason) => {
      const span = document.createElement('span');
      span.className = 'steady-marker';
      span.textContent = 'steady state at t = ' + time.toPrecision(5);
      span.title = reason;
      this.verdict.replaceChildren(span);
      markSteady(time);
    };
    if (end.steady_state.reached) {
      mark(end.steady_state.time, end.steady_state.reason);
      return;
    }
    // not stopped at the steady state: the convergence watcher may still have seen it
    // (its summary comes once the observers have reported, just after the end of the stream)
    const summary = () => fetch(run.links.self).then((r) => r.json()).then((r) => {
      if (r.status === 'running') {
        setTimeout(summary, 200);
        return;
      }
      const c = r.summary && r.summary.observers && r.summary.observers.convergence;
      if (c && c.converged) {
        mark(c.time, c.reason);
      } else {
        this.verdict.textContent = 'steady state: ' + (c ? c.reason : end.steady_state.reason);
      }
    });
    summary();
  }
}

async function init() {
  presets = await (await fetch('/api/presets')).json();
  const select = $('preset');
  presets.forEach((p) => select.add(new Option(p.name, p.name)));
  select.onchange = () => showPreset(select.value);
  showPreset(presets[0].name);
  $('scenario').onsubmit = start;
  document.body.dataset.ready = 'true';
}

init();
