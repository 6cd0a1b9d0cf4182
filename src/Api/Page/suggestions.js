// The price suggestions section (Pricing:Apply=suggest): lists what waits, and approves or rejects it.
// Self-contained: its own polling and rendering, beside kpi.js. The routes are operator-only; without access
// the section says so instead of failing the page.
"use strict";

(() => {
  const body = document.getElementById("suggestions");
  const status = document.getElementById("suggestions-status");
  const price = value => value == null ? "–" : Number(value).toFixed(2);

  function td(row, text, className) {
    const cell = document.createElement("td");
    cell.textContent = text;
    if (className) cell.className = className;
    row.appendChild(cell);
    return cell;
  }

  function button(cell, label, variantId, action) {
    const control = document.createElement("button");
    control.type = "button";
    control.textContent = label;
    control.dataset.variant = String(variantId);
    control.dataset.action = action;
    control.addEventListener("click", () => decide(variantId, action));
    cell.appendChild(control);
  }

  async function decide(variantId, action) {
    const response = await fetch(`/api/price-suggestions/${variantId}/${action}`, { method: "POST" });
    status.textContent = response.ok ? `${action === "approve" ? "Approved" : "Rejected"} variant ${variantId}.` : `Could not ${action} variant ${variantId}: HTTP ${response.status}`;
    await refresh();
  }

  async function refresh() {
    try {
      const response = await fetch("/api/price-suggestions", { headers: { Accept: "application/json" } });
      if (response.status === 401 || response.status === 403) {
        status.textContent = "Operator access is needed to see and decide suggestions.";
        body.replaceChildren();
        return;
      }

      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const suggestions = await response.json();
      body.replaceChildren(...suggestions.map(s => {
        const row = document.createElement("tr");
        td(row, String(s.variantId)); td(row, price(s.oldPrice ?? s.basePrice), "num"); td(row, price(s.newPrice), "num");
        td(row, s.reason); td(row, new Date(s.decidedAt).toLocaleTimeString());
        const actions = td(row, "");
        button(actions, "Approve", s.variantId, "approve");
        button(actions, "Reject", s.variantId, "reject");
        return row;
      }));
      if (suggestions.length === 0) {
        const row = document.createElement("tr");
        td(row, "None waiting.");
        body.replaceChildren(row);
      }
    } catch (error) {
      status.textContent = `Could not refresh suggestions: ${error.message}`;
    }
  }

  refresh();
  setInterval(refresh, 2000);
})();
