// Operator (role admin): one affiliate's ledger (balances, suspension, entries with filters).
import { api, query } from "../api.js";
import { UUID_PATTERN, h, pageTitle, section, field, select, formatTime, amount, dayStart, pagedList } from "../ui.js";
import { ENTRY_STATUSES, entryTable } from "./statement.js";

export async function render(main, { id }) {
  const userInput = h("input", { id: "ledger-user", name: "user_id", required: true, value: id ?? "", class: "mono",
    pattern: UUID_PATTERN, placeholder: "affiliate's user id (UUID)" });
  const find = h("form", { class: "inline-form" }, field("Affiliate", userInput), h("button", { type: "submit" }, "Open"));
  find.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/operator/ledger/${userInput.value.trim()}`;
  });
  main.append(pageTitle("Affiliate ledger"), section("Find an affiliate", find));
  if (!id) return;

  const status = select("status", ENTRY_STATUSES);
  const from = h("input", { type: "date", name: "from" });
  const to = h("input", { type: "date", name: "to" });
  const filters = h("form", { class: "filters" }, field("Status", status), field("From (UTC day)", from),
    field("Before (UTC day)", to), h("button", { type: "submit" }, "Apply"));
  const standing = h("div", { id: "ledger-standing" });
  const entries = pagedList(async (cursor) => {
    const ledger = await api(`/api/v1/affiliates/admin/affiliates/${id}/ledger${query({ status: status.value,
      from: dayStart(from.value), to: dayStart(to.value), limit: 50, cursor })}`);
    const b = ledger.balances;
    standing.replaceChildren(h("dl", { class: "pairs" },
      h("dt", {}, "Standing"), h("dd", {}, ledger.suspended_at
        ? ["Suspended since ", formatTime(ledger.suspended_at), `: ${ledger.suspension_reason ?? ""}`] : "In good standing"),
      ...[["Earned", b.earned], ["Held", b.held], ["Available", b.available], ["Reserved", b.reserved],
        ["Paid", b.paid], ["Clawed back", b.clawed_back]]
        .flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, `${amount(value)} ${b.currency}`)])));
    return ledger.entries;
  }, (items) => entryTable(items, "Ledger entries, newest first"));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    entries.reload();
  });
  main.append(section("Balances", standing), section("Entries", filters, entries.element));
  await entries.reload();
}
