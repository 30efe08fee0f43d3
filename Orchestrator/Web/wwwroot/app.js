// Shared helpers of the sweep pages: fetch the API, build elements, poll, draw charts. No framework, no build step.
"use strict";

const Sweep = {
  async api(path, options) {
    const response = await fetch("/api/v1" + path, Object.assign({ credentials: "same-origin", headers: { Accept: "application/json" } }, options));
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  },

  el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  fmt(value) {
    if (value === null || value === undefined) return "-";
    if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+(e|$)/, "$1");
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  },

  // Calls fn now and every 2 s; a failed call shows in the status line and is retried.
  poll(fn, status) {
    const tick = async () => {
      try { await fn(); if (status) status.textContent = "updated " + new Date().toLocaleTimeString(); }
      catch (e) { if (status) status.textContent = "update failed: " + e.message; }
      setTimeout(tick, 2000);
    };
    tick();
  },

  // One ECharts instance per element, redrawn in full on each update (animation off: the page is live).
  chart(id, option) {
    const dom = document.getElementById(id);
    const chart = echarts.getInstanceByDom(dom) || echarts.init(dom, null, { renderer: "canvas" });
    chart.setOption(Object.assign({ animation: false }, option), { notMerge: true });
    return chart;
  },

  sweepId() { return decodeURIComponent(location.pathname.split("/")[2]); },

  stateCell(state) { return Sweep.el("td", { class: "state-" + state }, state); },
};

window.addEventListener("resize", () => document.querySelectorAll(".chart").forEach(d => { const c = echarts.getInstanceByDom(d); if (c) c.resize(); }));
