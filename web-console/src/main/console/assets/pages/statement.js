// Affiliate: the statement (ledger entries: commissions, clawbacks, adjustments) with filters, and as CSV.
import { api, downloadCsv, query } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, select, table, formatTime, badge, amount, dayStart, pagedList }
  from "../ui.js";

export const ENTRY_STATUSES = ["", "HELD", "AVAILABLE", "PAID", "REFUNDED", "CLAWED_BACK", "OUTSTANDING", "SETTLED"]
  .map((s) => [s, s || "All"]);

/** The columns of a ledger entry (also the operator's ledger page). */
export function entryTable(items, caption) {
  return table([
    ["Accrued", (e) => formatTime(e.accrued_at)],
    ["Type", (e) => e.entry_type],
    ["Status", (e) => badge(e.status)],
    ["Amount", (e) => h("span", { class: "amount" }, `${amount(e.amount)} ${e.currency}`)],
    ["Level", (e) => e.level ?? "—"],
    ["Trade", (e) => e.instrument ? `${e.instrument} ${amount(e.lots)} lots (${e.trade_id ?? "—"})` : (e.reason ?? "—")],
    ["Rate", (e) => e.rate === null || e.rate === undefined ? "—" : `${Number((Number(e.rate) * 100).toFixed(2))} %`],
    ["Available", (e) => formatTime(e.available_at)],
    ["Paid", (e) => formatTime(e.paid_at)],
  ], items, { caption, empty: "No entry matches.", rowAttributes: (e) => ({ "data-entry-type": e.entry_type }) });
}

export async function render(main) {
  const status = select("status", ENTRY_STATUSES);
  const from = h("input", { type: "date", name: "from" });
  const to = h("input", { type: "date", name: "to" });
  const filters = () => ({ status: status.value, from: dayStart(from.value), to: dayStart(to.value) });
  const form = h("form", { class: "filters" }, field("Status", status), field("From (UTC day)", from),
    field("Before (UTC day)", to), h("button", { type: "submit" }, "Apply"));
  const list = pagedList((cursor) => api(`/api/v1/affiliates/history${query({ ...filters(), limit: 50, cursor })}`),
    (items) => entryTable(items, "Statement, newest first"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.reload();
  });
  const csv = h("button", { type: "button", class: "secondary", id: "statement-csv" }, "Download CSV");
  csv.addEventListener("click", () => attempt(async () => {
    const file = await downloadCsv(`/api/v1/affiliates/history${query(filters())}`, "commission-statement.csv");
    notify(`Downloaded ${file.name} (${file.size} bytes).`);
  }, csv));
  const refresh = h("button", { type: "button", class: "secondary", id: "statement-refresh",
    onclick: () => list.reload() }, "Refresh");
  main.append(pageTitle("Statement", h("div", { class: "actions" }, refresh, csv)), section("Filters", form),
    section("Entries", list.element));
  await list.reload();
}
