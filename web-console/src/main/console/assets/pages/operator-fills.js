// Operator (role admin): the fill review queue of execution-service (held, flagged and quarantined fills, oldest
// first); approve or reject each with a reason.
import { api, query } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, select, table, formatTime, badge, amount, confirm, pagedList }
  from "../ui.js";

export async function render(main) {
  const status = select("status", [["", "All"], ["FLAGGED", "Flagged"], ["HELD", "Held"], ["QUARANTINED", "Quarantined"]]);
  const form = h("form", { class: "filters" }, field("Status", status), h("button", { type: "submit" }, "Apply"));

  const decide = async (fill, decision, button) => attempt(async () => {
    const reason = await confirm(`${decision === "approve" ? "Approve" : "Reject"} fill ${fill.trade_id}?`,
      decision === "approve"
        ? "The fill counts for the execution and earns commissions, once."
        : "The fill never counts; the terminal's report stays on record.",
      { confirmLabel: decision === "approve" ? "Approve" : "Reject", reasonLabel: "Reason (kept in the audit log)",
        danger: decision === "reject" });
    if (!reason) return;
    const reviewed = await api(`/api/v1/exec/admin/fills/${fill.fill_id}/${decision}`, { method: "POST",
      body: { reason } });
    await list.reload();
    notify(`Fill ${fill.trade_id} ${decision === "approve" ? "approved" : "rejected"}: now ${reviewed.status}, ` +
      `execution ${reviewed.state}.`);
  }, button);

  const list = pagedList((cursor) => api(`/api/v1/exec/admin/fills/review${query({ status: status.value, limit: 200,
    cursor })}`), (items) => table([
    ["Received", (f) => formatTime(f.received_at)],
    ["Trade", (f) => h("code", {}, f.trade_id)],
    ["Status", (f) => badge(f.status)],
    ["Reason", (f) => f.reason],
    ["Fill", (f) => `${f.reported_side ?? f.signal_side} ${amount(f.size)} ${f.instrument} @ ${amount(f.price)}`],
    ["Signal", (f) => `${f.signal_side} ${amount(f.signal_size)} @ ${amount(f.signal_price)}`],
    ["User", (f) => h("code", { title: f.user_id }, f.user_id.slice(0, 8))],
    ["Decision", (f) => h("div", { class: "actions" },
      h("button", { type: "button", class: "approve", onclick: (e) => decide(f, "approve", e.currentTarget) }, "Approve"),
      h("button", { type: "button", class: "danger reject", onclick: (e) => decide(f, "reject", e.currentTarget) },
        "Reject"))],
  ], items, { caption: "Fills awaiting review, oldest first", empty: "Nothing to review.",
    rowAttributes: (f) => ({ "data-fill-id": f.fill_id, "data-trade-id": f.trade_id }) }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.reload();
  });
  main.append(pageTitle("Fill review", h("button", { type: "button", class: "secondary", onclick: () => list.reload() },
    "Refresh")), section("Filter", form), section("Queue", list.element));
  await list.reload();
}
