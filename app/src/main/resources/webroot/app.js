'use strict';
// The coherent web page: choose a preset, edit its parameters, start one run per chosen method, and watch each
// run's observables live (Server-Sent Events from /api/runs/{id}/stream, plotted with uPlot).

const $ = (id) => document.getElementById(id);
let presets = [];

/** Observables worth plotting: the coherences and currents of bilinear models, the finite systems' own. */
function plotted(names) {
  const wanted = names.filter((n) => /^(Jx|Jy|Jz|coherence_l1)$|^(population|energy_current)/.test(n));
  return wanted.length > 0 ? wanted : names.slice(0, 6);
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
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = m;
    box.name = 'method';
    box.checked = m === p.default_method;
    label.append(box, ' ' + m);
    methods.append(label);
  }
}

async function start(event) {
  event.preventDefault();
  $('message').textContent = '';
  const parameters = {};
  document.querySelectorAll('[data-parameter]').forEach((i) => { parameters[i.name] = i.value; });
  const methods = [...document.querySelectorAll('input[name=method]:checked')].map((b) => b.value);
  if (methods.length === 0) {
    $('message').textContent = 'choose at least one method';
    return;
  }
  for (const method of methods) {
    const scenario = { preset: $('preset').value, name: $('preset').value + '-' + method, parameters,
      method, until: $('until').value, points: $('points').value };
    const reply = await fetch('/api/runs?stop_on_steady=' + $('steady').checked, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(scenario) });
    const body = await reply.json();
    if (!reply.ok) {
      $('message').textContent = method + ': ' + body.error;
      continue;
    }
    watch(body);
  }
}

/** A panel per run: status, plot, steady-state marker, links. */
function watch(run) {
  const panel = document.createElement('section');
  panel.className = 'run';
  panel.id = 'run-' + run.id;
  panel.dataset.samples = '0';
  const title = document.createElement('h2');
  title.textContent = run.name + ' (' + run.id + ')';
  const status = document.createElement('div');
  status.className = 'status';
  status.textContent = 'starting';
  const plotBox = document.createElement('div');
  const links = document.createElement('div');
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
  links.append(csv, jsonl, cancel);
  panel.append(title, status, plotBox, links);
  $('runs').prepend(panel);

  let names = null;
  let plot = null;
  let data = null;
  let events = [];
  let steady = null;
  let dirty = false;

  const marker = (u) => {
    const ctx = u.ctx;
    const lines = events.map((e) => [e, '#888']);
    if (steady !== null) lines.push([steady, '#070']);
    for (const [t, colour] of lines) {
      const x = u.valToPos(t, 'x', true);
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.restore();
    }
  };

  const redraw = () => {
    if (dirty && plot) {
      plot.setData(data);
      dirty = false;
    }
    requestAnimationFrame(redraw);
  };

  const source = new EventSource(run.links.stream);
  source.addEventListener('sample', (e) => {
    const s = JSON.parse(e.data);
    if (names === null) {
      names = plotted(Object.keys(s.values));
      data = [[], ...names.map(() => [])];
      const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
      plot = new uPlot({ width: 560, height: 300, scales: { x: { time: false } },
        series: [{ label: 't' }, ...names.map((n, i) => ({ label: n, stroke: palette[i % palette.length] }))],
        hooks: { draw: [marker] } }, data, plotBox);
      requestAnimationFrame(redraw);
    }
    data[0].push(s.t);
    names.forEach((n, i) => data[i + 1].push(s.values[n]));
    if (s.event) events.push(s.t);
    panel.dataset.samples = String(data[0].length);
    status.textContent = 'running: t = ' + s.t.toPrecision(5) + ', ' + data[0].length + ' samples';
    dirty = true;
  });
  source.addEventListener('end', (e) => {
    source.close();
    const end = JSON.parse(e.data);
    const how = end.failure ? 'failed: ' + end.failure : end.stopped_by ? 'stopped: ' + end.stopped_by : 'finished';
    status.textContent = how + ' at t = ' + (end.t === null ? '?' : end.t.toPrecision(5)) + ', '
      + panel.dataset.samples + ' samples' + (end.dropped ? ' (' + end.dropped + ' not shown)' : '');
    const verdict = document.createElement('div');
    verdict.className = 'status';
    panel.insertBefore(verdict, plotBox);
    const mark = (time, reason) => {
      steady = time;
      const span = document.createElement('span');
      span.className = 'steady-marker';
      span.textContent = 'steady state at t = ' + time.toPrecision(5);
      span.title = reason;
      verdict.replaceChildren(span);
      if (plot) plot.redraw();
    };
    panel.dataset.ended = 'true';
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
        verdict.textContent = 'steady state: ' + (c ? c.reason : end.steady_state.reason);
      }
    });
    summary();
  });
  source.onerror = () => { status.textContent = 'stream interrupted'; };
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
