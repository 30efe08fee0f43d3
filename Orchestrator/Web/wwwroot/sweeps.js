// The sweeps list and the nodes, refreshed every 2 s.
"use strict";
(() => {
  const { el, fmt } = Sweep;
  Sweep.poll(async () => {
    const [sweeps, nodes] = await Promise.all([Sweep.api("/sweeps"), Sweep.api("/nodes")]);
    const rows = sweeps.slice().reverse().map(s => {
      const done = s.trials.complete + s.trials.pruned + s.trials.failed;
      const bar = el("span", { class: "bar", title: `${done}/${s.max_trials}` }, el("span", { style: `width:${Math.min(100, 100 * done / Math.max(1, s.max_trials))}%` }));
      return el("tr", {},
        el("td", {}, el("a", { href: "/sweeps/" + encodeURIComponent(s.id) }, s.id)), el("td", {}, s.name), el("td", {}, s.status),
        el("td", {}, bar, ` ${done}/${s.max_trials}`), el("td", { class: "num" }, s.trials.running),
        el("td", { class: "num" }, fmt(s.best_value)), el("td", {}, `${s.metric} (${s.goal})`), el("td", {}, s.created_utc.slice(0, 19).replace("T", " ")));
    });
    document.querySelector("#sweeps tbody").replaceChildren(...rows);
    document.querySelector("#nodes tbody").replaceChildren(...nodes.map(n => el("tr", {},
      el("td", {}, n.name), el("td", {}, n.host), el("td", {}, n.devices.join(",")), el("td", { class: "num" }, n.slots_used),
      el("td", { class: "num" }, n.slots_free), el("td", {}, Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(",")),
      el("td", {}, n.trials.map(t => `${t.sweep}/${t.number}@${t.device}`).join(" ")), el("td", {}, `${n.last_seen_s} s ago`))));
  }, document.getElementById("status"));
})();
