// One trial: its parameters and record, its intermediate curve, the tail of its logs; refreshed every 2 s.
"use strict";
(() => {
  const { el, fmt, api } = Sweep;
  const id = Sweep.sweepId();
  const number = Number(location.pathname.split("/")[4]);
  document.title = `Trial ${number} of ${id}`;
  document.getElementById("title").textContent = `Trial ${number} of sweep ${id}`;
  const link = document.getElementById("sweep-link");
  link.href = "/sweeps/" + encodeURIComponent(id);
  link.textContent = id;

  Sweep.poll(async () => {
    const t = await api(`/sweeps/${encodeURIComponent(id)}/trials/${number}`);
    const rows = [["state", t.state], ["value", fmt(t.value)]]
      .concat(Object.entries(t.params).map(([k, v]) => ["param " + k, fmt(v)]))
      .concat(Object.entries(t.metrics || {}).map(([k, v]) => ["metric " + k, fmt(v)]))
      .concat([["attempt", t.attempt], ["retries", t.retries], ["node", t.node], ["device", t.device], ["started (UTC)", t.started_utc],
               ["finished (UTC)", t.finished_utc], ["duration (s)", fmt(t.duration_s)], ["exit code", t.exit_code], ["error", t.error]]);
    document.querySelector("#config tbody").replaceChildren(...rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v ?? "-"))));
    Sweep.chart("chart-curve", {
      tooltip: { trigger: "axis" }, xAxis: { type: "value", name: "step", minInterval: 1 }, yAxis: { type: "value", scale: true },
      series: [{ type: "line", data: Object.entries(t.intermediate).map(([s, v]) => [Number(s), v]).sort((a, b) => a[0] - b[0]) }],
    });
    const stderr = t.logs && t.logs.stderr ? t.logs.stderr : t.stderr_tail;
    document.getElementById("stdout").textContent = t.logs && t.logs.stdout ? t.logs.stdout.join("\n") || "(empty)" : "(not on this machine)";
    document.getElementById("stderr").textContent = stderr && stderr.length ? stderr.join("\n") : "(empty)";
  }, document.getElementById("status"));
})();
