// One sweep: summary, control buttons, charts and the trials table (sortable, filterable), refreshed every 2 s.
"use strict";
(() => {
  const { el, fmt, api } = Sweep;
  const id = Sweep.sweepId();
  const base = "/sweeps/" + encodeURIComponent(id);
  let sweep = null, trials = [], nodes = [], importance = null;
  let sortKey = "number", sortUp = true;
  const columns = [
    ["number", "#", t => t.number], ["state", "state", t => t.state], ["value", "value", t => t.value],
    // Mean ± sd over the configuration's complete runs (search and re-evaluation), when it ran more than once.
    ["mean", "mean ± sd (n)", t => t.mean ?? null], ["stage", "stage", t => t.stage], ["seed", "seed", t => t.seed ?? null],
    ["params", "params", t => Object.entries(t.params).map(([k, v]) => `${k}=${fmt(v)}`).join(" ")],
    ["last_step", "step", t => t.last_step], ["duration_s", "duration (s)", t => t.duration_s],
    ["node", "node", t => t.node], ["device", "device", t => t.device], ["attempt", "attempt", t => t.attempt], ["error", "error", t => t.error],
  ];

  document.title = "Sweep " + id;
  document.getElementById("title").textContent = "Sweep " + id;
  document.querySelectorAll("button[data-action]").forEach(b => b.addEventListener("click", async () => {
    const result = document.getElementById("action-result");
    try { const s = await api(`${base}/${b.dataset.action}`, { method: "POST" }); result.textContent = `${b.dataset.action}: now ${s.status}`; }
    catch (e) { result.textContent = e.message; }
  }));
  document.getElementById("filter").addEventListener("input", drawTable);
  document.getElementById("state-filter").addEventListener("change", drawTable);
  document.getElementById("slice-x").addEventListener("change", drawSlice);
  document.getElementById("slice-y").addEventListener("change", drawSlice);

  const minimize = () => sweep && sweep.goal !== "maximize";
  const finished = () => trials.filter(t => t.state === "complete" && t.value !== null);

  function drawSummary() {
    const c = sweep.trials;
    document.getElementById("summary").replaceChildren(el("p", {},
      `${sweep.status}${sweep.reason ? " (" + sweep.reason + ")" : ""} · ${c.complete + c.pruned + c.failed}/${sweep.max_trials} finished · `,
      `${c.running} running · ${c.pending} pending · ${c.complete} complete · ${c.pruned} pruned · ${c.failed} failed · `,
      `best ${sweep.metric} (${sweep.goal}) ${fmt(sweep.best_value)}`,
      sweep.ranking === "mean" ? ` (mean of ${sweep.best_runs} runs ± ${fmt(sweep.best_sd)})` : "",
      sweep.best_trial !== null ? el("a", { href: `${base}/trials/${sweep.best_trial}` }, ` (trial ${sweep.best_trial})`) : ""));
  }

  function drawTable() {
    const text = document.getElementById("filter").value.toLowerCase();
    const state = document.getElementById("state-filter").value;
    const value = columns.find(c => c[0] === sortKey)[2];
    const rows = trials.filter(t => (!state || t.state === state) && (!text || columns.some(c => fmt(c[2](t)).toLowerCase().includes(text))))
      .sort((a, b) => { const x = value(a), y = value(b); const r = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1; return sortUp ? r : -r; });
    const head = el("tr", {}, columns.map(([key, label]) => el("th", { "data-key": key, onclick: () => { sortUp = key === sortKey ? !sortUp : true; sortKey = key; drawTable(); } },
      label + (key === sortKey ? (sortUp ? " ▲" : " ▼") : ""))));
    document.querySelector("#trials thead").replaceChildren(head);
    document.querySelector("#trials tbody").replaceChildren(...rows.map(t => el("tr", { "data-state": t.state },
      el("td", { class: "num" }, el("a", { href: `${base}/trials/${t.number}` }, t.number)), Sweep.stateCell(t.state),
      el("td", { class: "num" }, fmt(t.value)),
      el("td", { class: "num", "data-col": "mean" }, t.runs ? `${fmt(t.mean)} ± ${fmt(t.sd)} (${t.runs})` : ""),
      el("td", {}, t.stage ?? ""), el("td", { class: "num" }, t.seed ?? ""), el("td", {}, columns.find(c => c[0] === "params")[2](t)), el("td", { class: "num" }, fmt(t.last_step)),
      el("td", { class: "num" }, fmt(t.duration_s)), el("td", {}, t.node ?? ""), el("td", {}, t.device ?? ""),
      el("td", { class: "num" }, t.attempt), el("td", { class: "error" }, t.error ?? ""))));
    document.getElementById("trial-count").textContent = `${rows.length} of ${trials.length} trials`;
  }

  function drawHistory() {
    const done = finished().sort((a, b) => a.number - b.number);
    let best = null;
    const bestLine = done.map(t => { best = best === null ? t.value : minimize() ? Math.min(best, t.value) : Math.max(best, t.value); return [t.number, best]; });
    Sweep.chart("chart-history", {
      tooltip: { trigger: "item" }, legend: { data: ["value", "best so far"] },
      xAxis: { type: "value", name: "trial", minInterval: 1 }, yAxis: { type: "value", name: sweep.metric, scale: true },
      series: [{ name: "value", type: "scatter", data: done.map(t => [t.number, t.value]) },
               { name: "best so far", type: "line", step: "end", showSymbol: false, data: bestLine }],
    });
  }

  function drawCurves() {
    const series = trials.filter(t => Object.keys(t.intermediate).length > 0).map(t => ({
      name: "trial " + t.number, type: "line", showSymbol: false,
      data: Object.entries(t.intermediate).map(([step, v]) => [Number(step), v]).sort((a, b) => a[0] - b[0]),
      lineStyle: { opacity: t.state === "pruned" ? 0.4 : 0.9 },
    }));
    Sweep.chart("chart-curves", {
      tooltip: { trigger: "item" }, xAxis: { type: "value", name: "step", minInterval: 1 }, yAxis: { type: "value", name: sweep.metric, scale: true }, series,
    });
  }

  // Categories (strings, booleans) get a category axis; numbers a value axis.
  function axisOf(name, values) {
    const numeric = values.every(v => typeof v === "number");
    return numeric ? { type: "value", scale: true } : { type: "category", data: [...new Set(values.map(v => String(v)))] };
  }
  const paramValue = v => typeof v === "number" ? v : String(v);

  function drawParallel() {
    const params = sweep.parameters;
    const done = finished();
    const axes = params.map((p, i) => Object.assign({ dim: i, name: p }, axisOf(p, done.map(t => t.params[p]).filter(v => v !== undefined && v !== null))));
    axes.push({ dim: params.length, name: sweep.metric, type: "value", scale: true });
    const values = done.map(t => t.value);
    Sweep.chart("chart-parallel", {
      parallelAxis: axes, parallel: { left: 40, right: 60, bottom: 30, top: 50 },
      visualMap: { show: false, dimension: params.length, min: Math.min(...values, 0), max: Math.max(...values, 1), inRange: { color: minimize() ? ["#1565c0", "#ef6c00"] : ["#ef6c00", "#1565c0"] } },
      series: [{ type: "parallel", lineStyle: { width: 1.5, opacity: 0.7 },
                 data: done.map(t => params.map(p => t.params[p] === undefined || t.params[p] === null ? null : paramValue(t.params[p])).concat([t.value])) }],
    });
  }

  function drawImportance() {
    const items = importance ? importance.importance.slice().reverse() : [];
    Sweep.chart("chart-importance", {
      title: { text: items.length ? "" : "needs two complete trials", left: "center", top: "middle", textStyle: { fontSize: 12, color: "#757575" } },
      tooltip: {}, grid: { left: 100 }, xAxis: { type: "value", max: 1, name: "share" }, yAxis: { type: "category", data: items.map(i => i.name) },
      series: [{ type: "bar", data: items.map(i => i.importance) }],
    });
  }

  function fillSliceSelectors() {
    const [x, y] = [document.getElementById("slice-x"), document.getElementById("slice-y")];
    if (x.options.length) return;
    sweep.parameters.forEach(p => { x.append(el("option", {}, p)); y.append(el("option", {}, p)); });
    if (sweep.parameters.length > 1) y.selectedIndex = 1;
  }

  function drawSlice() {
    const px = document.getElementById("slice-x").value, py = document.getElementById("slice-y").value;
    const done = finished().filter(t => t.params[px] !== undefined && t.params[py] !== undefined);
    const values = done.map(t => t.value);
    Sweep.chart("chart-slice", {
      tooltip: { formatter: p => `trial ${p.data[3]}: ${fmt(p.data[2])}` },
      xAxis: Object.assign({ name: px, axisLine: { onZero: false } }, axisOf(px, done.map(t => t.params[px]))),
      yAxis: Object.assign({ name: py, axisLine: { onZero: false } }, axisOf(py, done.map(t => t.params[py]))),
      visualMap: { dimension: 2, min: Math.min(...values, 0), max: Math.max(...values, 1), calculable: true, right: 0, top: "middle",
                   inRange: { color: minimize() ? ["#1565c0", "#fdd835", "#ef6c00"] : ["#ef6c00", "#fdd835", "#1565c0"] } },
      grid: { right: 90 },
      series: [{ type: "scatter", symbolSize: 10, data: done.map(t => [paramValue(t.params[px]), paramValue(t.params[py]), t.value, t.number]) }],
    });
  }

  function drawNodes() {
    const names = [...new Set(nodes.map(n => n.name).concat(trials.filter(t => t.node).map(t => t.node)))].sort();
    const of = name => nodes.find(n => n.name === name);
    const mine = name => of(name) ? of(name).trials.filter(t => t.sweep === id).length : 0;
    Sweep.chart("chart-nodes", {
      tooltip: { trigger: "axis" }, legend: { data: ["this sweep", "other sweeps", "free", "trials run here"] },
      xAxis: { type: "category", data: names }, yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "this sweep", type: "bar", stack: "slots", data: names.map(mine) },
        { name: "other sweeps", type: "bar", stack: "slots", data: names.map(n => of(n) ? of(n).slots_used - mine(n) : 0) },
        { name: "free", type: "bar", stack: "slots", data: names.map(n => of(n) ? of(n).slots_free : 0) },
        { name: "trials run here", type: "bar", data: names.map(n => trials.filter(t => t.node === n).length) },
      ],
    });
  }

  Sweep.poll(async () => {
    [sweep, trials, nodes, importance] = await Promise.all([api(base), api(base + "/trials"), api("/nodes"), api(base + "/importance").catch(() => null)]);
    fillSliceSelectors();
    drawSummary(); drawTable(); drawHistory(); drawCurves(); drawParallel(); drawImportance(); drawSlice(); drawNodes();
  }, document.getElementById("status"));
})();
