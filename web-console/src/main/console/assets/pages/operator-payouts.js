// Operator (role admin): payouts by status; fail a pending one (its funds become available again), retry a failed
// one, or run the payout job now.
import { api, query } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, select, table, formatTime, badge, amount, confirm, pagedList }
  from "../ui.js";

export async function render(main, { params }) {
  const status = select("status", [["", "All"], ["PENDING", "Pending"], ["PROCESSING", "Processing"],
    ["COMPLETED", "Completed"], ["FAILED", "Failed"]], params.get("status") ?? "");
  const form = h("form", { class: "filters" }, field("Status", status), h("button", { type: "submit" }, "Apply"));

  const fail = (payout, button) => attempt(async () => {
    const reason = await confirm("Fail this payout?", `${amount(payout.amount)} ${payout.currency} to ` +
      `${payout.user_id}: its funds become available to the affiliate again.`,
    { confirmLabel: "Fail payout", reasonLabel: "Reason (the affiliate sees it)", danger: true });
    if (!reason) return;
    const failed = await api(`/api/v1/affiliates/admin/payouts/${payout.payout_id}/fail`, { method: "POST",
      body: { reason } });
    await list.reload();
    notify(`Payout ${failed.payout_id.slice(0, 8)} is ${failed.status}.`);
  }, button);
  const retry = (payout, button) => attempt(async () => {
    if (!await confirm("Retry this payout?", "It is sent again with the next payout job, if the funds are still " +
      "available.", { confirmLabel: "Retry" })) return;
    const retried = await api(`/api/v1/affiliates/admin/payouts/${payout.payout_id}/retry`, { method: "POST" });
    await list.reload();
    notify(`Payout ${retried.payout_id.slice(0, 8)} is ${retried.status}.`);
  }, button);

  const list = pagedList((cursor) => api(`/api/v1/affiliates/admin/payouts${query({ status: status.value, limit: 100,
    cursor })}`), (items) => table([
    ["Requested", (p) => formatTime(p.requested_at)],
    ["Affiliate", (p) => h("a", { href: `#/operator/ledger/${p.user_id}` }, h("code", {}, p.user_id.slice(0, 8)))],
    ["Amount", (p) => `${amount(p.amount)} ${p.currency}`],
    ["Status", (p) => badge(p.status)],
    ["To", (p) => p.payout_method ? `${p.payout_method.type} ${p.payout_method.masked}` : "—"],
    ["Reference / reason", (p) => p.failure_reason ?? p.reference ?? "—"],
    ["Actions", (p) => p.status === "PENDING"
      ? h("button", { type: "button", class: "danger", onclick: (e) => fail(p, e.currentTarget) }, "Fail")
      : p.status === "FAILED"
        ? h("button", { type: "button", class: "secondary", onclick: (e) => retry(p, e.currentTarget) }, "Retry")
        : "—"],
  ], items, { caption: "Payouts", empty: "No payout with this status.",
    rowAttributes: (p) => ({ "data-payout-id": p.payout_id, "data-status": p.status }) }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.reload();
  });
  const process = h("button", { type: "button", class: "secondary", id: "process-payouts" }, "Run payout job now");
  process.addEventListener("click", () => attempt(async () => {
    const processed = await api("/api/v1/affiliates/admin/payouts/process", { method: "POST" });
    notify(`Payout job: ${JSON.stringify(processed)}`);
    await list.reload();
  }, process));
  main.append(pageTitle("Payouts (operator)", process), section("Filter", form), section("Payouts", list.element));
  await list.reload();
}
