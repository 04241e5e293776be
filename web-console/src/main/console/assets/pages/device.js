// Trader: one device and its delivery timeline (what the device was handed for each signal, and when).
import { api, query } from "../api.js";
import { h, attempt, notify, section, field, select, table, formatTime, badge, dayStart, pagedList }
  from "../ui.js";
import { deviceState, rename, rotate, unlink } from "./devices.js";

const STATES = [["", "All"], ["waiting", "Waiting"], ["handed", "Handed"], ["acknowledged", "Acknowledged"],
  ["expired", "Expired"], ["cancelled", "Cancelled"]];

export async function render(main, { id }) {
  const summary = h("div", { id: "device-summary" });
  const title = h("h1", {}, "Device");
  const loadDevice = () => attempt(async () => {
    const device = await api(`/api/v1/devices/${id}`);
    title.textContent = device.name;
    const actions = device.is_active ? h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: (e) => attempt(async () => {
        if (await rename(device)) { notify("Renamed."); await loadDevice(); }
      }, e.currentTarget) }, "Rename"),
      h("button", { type: "button", class: "secondary", onclick: (e) => attempt(async () => {
        if (await rotate(device)) await loadDevice();
      }, e.currentTarget) }, "Rotate key"),
      h("button", { type: "button", class: "danger", onclick: (e) => attempt(async () => {
        if (await unlink(device)) await loadDevice();
      }, e.currentTarget) }, "Unlink")) : "";
    summary.replaceChildren(h("dl", { class: "pairs" },
      h("dt", {}, "State"), h("dd", {}, deviceState(device)),
      h("dt", {}, "Last seen"), h("dd", {}, formatTime(device.last_seen_at)),
      h("dt", {}, "Last poll"), h("dd", {}, formatTime(device.last_poll_at)),
      h("dt", {}, "Last acknowledgement"), h("dd", {}, formatTime(device.last_ack_at),
        ` (sequence ${device.last_ack_sequence})`),
      h("dt", {}, "Key version"), h("dd", {}, String(device.key_version)),
      h("dt", {}, "Linked"), h("dd", {}, formatTime(device.created_at)),
      device.revoked_at && [h("dt", {}, "Unlinked"), h("dd", {}, formatTime(device.revoked_at))],
      h("dt", {}, "Device id"), h("dd", {}, h("code", {}, device.device_id))), actions);
  });

  const state = select("state", STATES);
  const from = h("input", { type: "date", name: "from" });
  const to = h("input", { type: "date", name: "to" });
  const filters = h("form", { class: "filters" }, field("State", state), field("From (UTC day)", from),
    field("Before (UTC day)", to), h("button", { type: "submit" }, "Apply"));
  const timeline = pagedList(
    (cursor) => api(`/api/v1/devices/${id}/deliveries${query({ state: state.value, from: dayStart(from.value),
      to: dayStart(to.value), limit: 50, cursor })}`),
    (items) => table([
      ["#", (d) => String(d.sequence)],
      ["Kind", (d) => d.kind],
      ["Signal", (d) => h("a", { href: `#/signals/${d.signal_id}` }, h("code", {}, d.signal_id.slice(0, 8)))],
      ["Instrument", (d) => d.instrument],
      ["State", (d) => badge(d.state)],
      ["Created", (d) => formatTime(d.created_at)],
      ["First handed", (d) => formatTime(d.first_handed_at)],
      ["Acknowledged", (d) => formatTime(d.acknowledged_at)],
      ["Expires", (d) => formatTime(d.signal_expires_at)],
    ], items, { caption: "Deliveries, newest first", empty: "No delivery matches." }));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    timeline.reload();
  });

  main.append(h("div", { class: "page-head" }, title, h("a", { href: "#/devices" }, "All devices")),
    section("Device", summary), section("Delivery timeline", filters, timeline.element));
  await Promise.all([loadDevice(), timeline.reload()]);
}
