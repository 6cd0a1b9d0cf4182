// Polls the KPI endpoint every 2 seconds and renders it. No framework, no build step.
"use strict";

const money = value => value == null ? "–" : Number(value).toFixed(2);
const arrows = { up: "▲ up", down: "▼ down", new: "● new", same: "= same" };

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
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

async function refresh() {
  try {
    const response = await fetch("/api/kpis", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const kpis = await response.json();
    document.getElementById("eps").textContent = kpis.eventsPerSecond.toFixed(1);
    document.getElementById("lag").textContent = String(kpis.consumerLag);
    document.getElementById("silos").textContent = String(kpis.reportingSilos);
    fill("trending", kpis.trending, (row, v) => {
      cell(row, String(v.variantId)); cell(row, v.title ?? "–"); cell(row, String(v.recentViews), "num");
      cell(row, money(v.price), "num"); cell(row, money(v.dynamicPrice), "num");
    });
    fill("prices", kpis.priceChanges, (row, c) => {
      cell(row, String(c.variantId)); cell(row, arrows[c.direction] ?? c.direction, c.direction);
      cell(row, money(c.oldPrice), "num"); cell(row, money(c.newPrice), "num"); cell(row, c.policy);
      cell(row, new Date(c.decidedAt).toLocaleTimeString());
    });
    fill("risk", kpis.stockRisk, (row, v) => {
      cell(row, String(v.variantId)); cell(row, v.title ?? "–"); cell(row, String(v.inventoryQuantity ?? "–"), "num");
      cell(row, v.salesVelocityPerDay.toFixed(1), "num"); cell(row, v.daysOfInventory.toFixed(1), "num"); cell(row, v.sellThroughDate ?? "–");
    });
    document.getElementById("status").textContent = `Updated ${new Date(kpis.asOf).toLocaleTimeString()}`;
  } catch (error) {
    document.getElementById("status").textContent = `Could not refresh: ${error.message}`;
  }
}

refresh();
setInterval(refresh, 2000);
