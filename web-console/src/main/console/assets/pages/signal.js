// Trader: a signal's summary (what each of the user's devices made of it) and its deliveries to those devices.
import { api } from "../api.js";
import { UUID_PATTERN, h, attempt, pageTitle, section, field, table, formatTime, badge, amount } from "../ui.js";

export async function render(main, { id }) {
  const input = h("input", { name: "signal_id", id: "signal-id", required: true, value: id ?? "", class: "mono",
    pattern: UUID_PATTERN, placeholder: "signal id (UUID)" });
  const form = h("form", { class: "inline-form" }, field("Signal id", input), h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/signals/${input.value.trim()}`;
  });
  main.append(pageTitle("Signal"), section("Find a signal", form));
  if (!id) return;

  const summary = h("div", { id: "signal-summary" });
  const deliveries = h("div", { id: "signal-deliveries" });
  main.append(section("Summary", summary), section("Deliveries to your devices", deliveries));
  await Promise.all([
    attempt(async () => {
      const s = await api(`/api/v1/exec/signals/${id}/summary`);
      summary.replaceChildren(h("dl", { class: "pairs" },
        h("dt", {}, "Instrument"), h("dd", {}, `${s.side} ${amount(s.signal_size)} ${s.instrument}`),
        h("dt", {}, "Signal price"), h("dd", {}, amount(s.signal_price)),
        h("dt", {}, "Issued"), h("dd", {}, formatTime(s.issued_at)),
        h("dt", {}, "Filled"), h("dd", {}, amount(s.total_filled_size)),
        h("dt", {}, "Average entry"), h("dd", {}, amount(s.average_entry_price)),
        h("dt", {}, "Slippage"), h("dd", {}, amount(s.slippage)),
        h("dt", {}, "Realized P&L"), h("dd", {}, amount(s.realized_pnl))),
      table([
        ["Device", (d) => h("a", { href: `#/devices/${d.device_id}` }, h("code", {}, d.device_id.slice(0, 8)))],
        ["State", (d) => badge(d.state)],
        ["Filled", (d) => amount(d.filled_size)],
        ["Avg entry", (d) => amount(d.average_entry_price)],
        ["Closed", (d) => amount(d.closed_size)],
        ["P&L", (d) => amount(d.realized_pnl)],
        ["Updated", (d) => formatTime(d.updated_at)],
      ], s.devices, { caption: "Per device", empty: "No device has reported on it." }));
    }),
    attempt(async () => {
      const d = await api(`/api/v1/devices/signals/${id}/deliveries`);
      deliveries.replaceChildren(table([
        ["Device", (x) => h("a", { href: `#/devices/${x.device_id}` }, h("code", {}, x.device_id.slice(0, 8)))],
        ["Kind", (x) => x.kind],
        ["State", (x) => badge(x.state)],
        ["Created", (x) => formatTime(x.created_at)],
        ["Handed", (x) => formatTime(x.first_handed_at)],
        ["Acknowledged", (x) => formatTime(x.acknowledged_at)],
      ], d.deliveries, { caption: "Deliveries", empty: "Not delivered to any of your devices." }));
    }),
  ]);
}
