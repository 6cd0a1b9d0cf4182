// Polls the KPI endpoint every 2 seconds and renders it, with uPlot charts. No framework, no build step.
"use strict";

const money = value => value == null ? "–" : Number(value).toFixed(2);
const arrows = { up: "▲ up", down: "▼ down", new: "● new", same: "= same" };
const seconds = iso => new Date(iso).getTime() / 1000;
const charts = {};
let selected = null;

function cell(row, content, className) {
  const td = document.createElement("td");
  if (content instanceof Node) td.appendChild(content); else td.textContent = content;
  if (className) td.className = className;
  row.appendChild(td);
}

// A variant id that opens the variant's charts.
function variantButton(id) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "variant";
  button.textContent = String(id);
  button.addEventListener("click", () => { selected = id; refreshVariant(); });
  return button;
}

function probabilityBar(probability) {
  const wrap = document.createElement("span");
  const bar = document.createElement("span");
  bar.className = "bar";
  const fill = document.createElement("span");
  fill.style.width = `${Math.round(probability * 100)}%`;
  bar.appendChild(fill);
  wrap.append(bar, `${Math.round(probability * 100)}%`);
  return wrap;
}

function fill(id, items, render) {
  const body = document.getElementById(id);
  body.replaceChildren(...items.map(item => { const row = document.createElement("tr"); render(row, item); return row; }));
  if (items.length === 0) {
    const row = document.createElement("tr");
    cell(row, "Nothing yet.");
    body.replaceChildren(row);
  }
}

// Draws a chart once, then only its data; the container says how many points it shows.
function draw(id, options, data) {
  const element = document.getElementById(id);
  if (!charts[id]) {
    charts[id] = new uPlot({ width: Math.max(element.clientWidth, 320), height: 200, ...options() }, data, element);
  } else {
    charts[id].setData(data);
  }
  element.dataset.points = String(data[0].length);
}

const throughputOptions = () => ({
  scales: { x: { time: true } },
  series: [{}, { label: "Events/s", stroke: "#1f6feb", width: 2, scale: "eps" }, { label: "Consumer lag", stroke: "#a4161a", width: 2, scale: "lag" }],
  axes: [{}, { scale: "eps", label: "events/s" }, { scale: "lag", side: 1, label: "records behind", grid: { show: false } }],
});

const priceOptions = () => ({
  scales: { x: { time: true } },
  series: [{}, { label: "Dynamic price", stroke: "#1f6feb", width: 2, paths: uPlot.paths.stepped({ align: 1 }) }, { label: "Base price", stroke: "#4a5460", dash: [4, 4], paths: uPlot.paths.stepped({ align: 1 }) }],
});

const stockOptions = () => ({
  scales: { x: { time: true } },
  series: [{}, { label: "Sold out early (10%)", stroke: "#a4161a" }, { label: "Median", stroke: "#1b1f24", width: 2 }, { label: "Sold out late (90%)", stroke: "#0b6b2e" }],
  bands: [{ series: [3, 1], fill: "rgba(31, 111, 235, 0.15)" }],
});

// Stock on hand from now until each sell-through date, falling at the rate that empties it by then.
function stockProjection(variant, now) {
  const range = variant.sellThrough;
  const quantity = variant.inventoryQuantity;
  if (quantity == null || range.p50Date == null) return [[], [], [], []];
  const atDate = date => date == null ? null : Math.max(now, seconds(`${date}T00:00:00Z`));
  const median = now + (range.daysOfInventoryP50 ?? 0) * 86400;
  const ends = [atDate(range.p10Date) ?? median, median, atDate(range.p90Date) ?? median];
  const xs = [...new Set([now, ...ends])].sort((a, b) => a - b);
  const left = end => xs.map(x => end <= now ? 0 : Math.max(0, quantity * (1 - (x - now) / (end - now))));
  return [xs, left(ends[0]), left(ends[1]), left(ends[2])];
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.json();
}

async function refreshVariant() {
  if (selected == null) return;
  const [variant, history] = await Promise.all([getJson(`/api/variants/${selected}`), getJson(`/api/variants/${selected}/price-history`)]);
  const now = Date.now() / 1000;
  const section = document.getElementById("variant");
  section.hidden = false;
  document.getElementById("variant-title").textContent = `Variant ${variant.variantId}: ${variant.title ?? "untitled"}${variant.variantTitle ? ` (${variant.variantTitle})` : ""}`;
  document.getElementById("variant-facts").textContent =
    `SKU ${variant.sku ?? "–"} · on hand ${variant.inventoryQuantity ?? "–"} · price ${money(variant.price)} · dynamic ${money(variant.dynamicPrice)} · sells ${variant.salesVelocityPerDay.toFixed(1)} a day`;

  // Oldest first, carried on to now at the current price.
  const decisions = [...history].reverse();
  const prices = [decisions.map(d => seconds(d.decidedAt)), decisions.map(d => d.newPrice), decisions.map(d => d.basePrice)];
  if (decisions.length > 0) {
    prices[0].push(now); prices[1].push(variant.dynamicPrice ?? decisions.at(-1).newPrice); prices[2].push(variant.price ?? decisions.at(-1).basePrice);
  }
  draw("price-chart", priceOptions, prices);

  const range = variant.sellThrough;
  document.getElementById("stock-caption").textContent = range.p50Date == null
    ? "Stock on hand, projected: no sales signal yet"
    : `Stock on hand at ${variant.salesVelocityPerDay.toFixed(1)} sold a day: sold out ${range.p10Date} to ${range.p90Date}, median ${range.p50Date}`;
  draw("stock-chart", stockOptions, stockProjection(variant, now));
}

async function refresh() {
  try {
    const kpis = await getJson("/api/kpis");
    document.getElementById("eps").textContent = kpis.eventsPerSecond.toFixed(1);
    document.getElementById("lag").textContent = String(kpis.consumerLag);
    document.getElementById("silos").textContent = String(kpis.reportingSilos);
    const points = kpis.throughput;
    draw("throughput-chart", throughputOptions, [points.map(p => seconds(p.asOf)), points.map(p => p.eventsPerSecond), points.map(p => p.consumerLag)]);
    fill("trending", kpis.trending, (row, v) => {
      cell(row, variantButton(v.variantId)); cell(row, v.title ?? "–"); cell(row, String(v.recentViews), "num");
      cell(row, money(v.price), "num"); cell(row, money(v.dynamicPrice), "num");
    });
    fill("prices", kpis.priceChanges, (row, c) => {
      cell(row, variantButton(c.variantId)); cell(row, arrows[c.direction] ?? c.direction, c.direction);
      cell(row, money(c.oldPrice), "num"); cell(row, money(c.newPrice), "num"); cell(row, c.policy);
      cell(row, new Date(c.decidedAt).toLocaleTimeString());
    });
    fill("risk", kpis.stockRisk, (row, v) => {
      cell(row, variantButton(v.variantId)); cell(row, v.title ?? "–"); cell(row, String(v.inventoryQuantity ?? "–"), "num");
      cell(row, v.salesVelocityPerDay.toFixed(1), "num"); cell(row, probabilityBar(v.sellOutProbability), "chance");
      cell(row, `${v.sellThrough.p10Date ?? "–"} – ${v.sellThrough.p50Date ?? "–"} – ${v.sellThrough.p90Date ?? "–"}`);
    });
    await refreshVariant();
    document.getElementById("status").textContent = `Updated ${new Date(kpis.asOf).toLocaleTimeString()}`;
  } catch (error) {
    document.getElementById("status").textContent = `Could not refresh: ${error.message}`;
  }
}

refresh();
setInterval(refresh, 2000);
