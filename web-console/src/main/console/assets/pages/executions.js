// Trader: the user's executions (one per signal and device) with filters, and the same filtered list as CSV.
import { api, downloadCsv, query } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, select, table, formatTime, badge, amount, dayStart, pagedList }
  from "../ui.js";

const STATES = ["", "PENDING", "ACKED", "PLACED", "PARTIALLY_FILLED", "FILLED", "CLOSING", "CLOSED", "CANCELLED",
  "REJECTED", "EXPIRED", "DONE"].map((s) => [s, s || "All"]);

export async function render(main) {
  const instrument = h("input", { name: "instrument", maxlength: 64, placeholder: "EURUSD" });
  const state = select("state", STATES);
  const device = select("device_id", [["", "All devices"]]);
  const from = h("input", { type: "date", name: "from" });
  const to = h("input", { type: "date", name: "to" });
  const filters = () => ({ instrument: instrument.value.trim(), state: state.value, device_id: device.value,
    from: dayStart(from.value), to: dayStart(to.value) });
  const form = h("form", { class: "filters", id: "execution-filters" }, field("Instrument", instrument),
    field("State", state), field("Device", device), field("From (UTC day)", from), field("Before (UTC day)", to),
    h("button", { type: "submit" }, "Apply"));
  const names = new Map();
  const list = pagedList((cursor) => api(`/api/v1/exec/executions${query({ ...filters(), limit: 50, cursor })}`),
    (items) => table([
      ["Signal", (e) => h("a", { href: `#/signals/${e.signal_id}` }, h("code", {}, e.signal_id.slice(0, 8)))],
      ["Instrument", (e) => e.instrument],
      ["Side", (e) => e.side],
      ["State", (e) => badge(e.state)],
      ["Lots", (e) => `${amount(e.cumulative_size)} / ${amount(e.signal_size)}`],
      ["Avg price", (e) => amount(e.average_price)],
      ["Slippage", (e) => amount(e.slippage)],
      ["P&L", (e) => amount(e.realized_pnl)],
      ["Device", (e) => names.get(e.device_id) ?? h("code", {}, e.device_id.slice(0, 8))],
      ["Updated", (e) => formatTime(e.updated_at)],
    ], items, { caption: "Executions, newest first", empty: "No execution matches." }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.reload();
  });
  const csv = h("button", { type: "button", class: "secondary", id: "executions-csv" }, "Download CSV");
  csv.addEventListener("click", () => attempt(async () => {
    const file = await downloadCsv(`/api/v1/exec/executions${query(filters())}`, "executions.csv");
    notify(`Downloaded ${file.name} (${file.size} bytes).`);
  }, csv));

  main.append(pageTitle("Executions", csv), section("Filters", form), section("Executions", list.element));
  await attempt(async () => {
    for (const d of await api("/api/v1/devices")) {
      names.set(d.device_id, d.name);
      device.append(h("option", { value: d.device_id }, d.name));
    }
  });
  await list.reload();
}
