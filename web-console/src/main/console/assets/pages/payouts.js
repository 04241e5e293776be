// Affiliate: where payouts go (the payout method, answered masked) and payout requests with their status. A request
// carries an Idempotency-Key made when the form is shown, so sending the same form twice pays once.
import { api, ApiProblem } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, select, table, formatTime, badge, amount, pagedList }
  from "../ui.js";

const METHOD_FIELDS = {
  BANK_TRANSFER: [["iban", "IBAN", true], ["bic", "BIC (optional)", false], ["holder_name", "Account holder", true]],
  PAYPAL: [["email", "PayPal e-mail", true]],
  CRYPTO: [["network", "Network", true], ["address", "Address", true]],
};

/** A random UUID (v4) from getRandomValues, which, unlike randomUUID, also exists on a page served over plain HTTP. */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function describeMethod(method) {
  if (!method) return "No payout method yet: set one before requesting a payout.";
  const detail = { BANK_TRANSFER: () => `${method.iban}${method.bic ? " " + method.bic : ""}, ${method.holder_name}`,
    PAYPAL: () => method.email, CRYPTO: () => `${method.network} ${method.address}` }[method.type]?.() ?? "";
  return `${method.type.replace("_", " ").toLowerCase()}: ${detail} (updated `;
}

function methodForm(onSaved) {
  const type = select("type", [["BANK_TRANSFER", "Bank transfer"], ["PAYPAL", "PayPal"], ["CRYPTO", "Crypto"]]);
  type.id = "method-type";
  const inputs = h("div", { class: "stack" });
  const draw = () => inputs.replaceChildren(...METHOD_FIELDS[type.value].map(([name, label, required]) => {
    const control = name === "network"
      ? select(name, ["BITCOIN", "ETHEREUM", "TRON", "SOLANA"].map((n) => [n, n]))
      : h("input", { name, required, autocomplete: "off" });
    control.id = `method-${name}`;
    return field(label, control);
  }));
  type.addEventListener("change", draw);
  draw();
  const form = h("form", { id: "method-form", class: "stack" }, field("Type", type), inputs,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Save payout method")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { type: type.value };
    for (const control of inputs.querySelectorAll("input, select")) {
      if (control.value.trim()) body[control.name] = control.value.trim();
    }
    attempt(async () => {
      await api("/api/v1/affiliates/payout-method", { method: "PUT", body });
      form.reset();
      draw();
      await onSaved();
      notify("Payout method saved.");
    }, event.submitter);
  });
  return form;
}

export async function render(main) {
  const current = h("p", { id: "payout-method" });
  const available = h("span", { id: "payout-available" });
  const loadMethod = () => attempt(async () => {
    let method = null;
    try {
      method = await api("/api/v1/affiliates/payout-method");
    } catch (error) {
      if (!(error instanceof ApiProblem && error.status === 404 && error.type === "/problems/not-found")) throw error;
    }
    current.replaceChildren(...(method ? [describeMethod(method), formatTime(method.updated_at), ")"]
      : [describeMethod(null)]));
  });
  const loadBalance = () => attempt(async () => {
    const balances = await api("/api/v1/affiliates/balances");
    available.textContent = `${amount(balances.available)} ${balances.currency}`;
    if (!amountInput.value) amountInput.value = amount(balances.available);
  });

  let idempotencyKey = newKey();
  const amountInput = h("input", { id: "payout-amount", name: "amount", required: true, inputmode: "decimal",
    pattern: "\\d+(\\.\\d{1,8})?" });
  const request = h("form", { id: "payout-form", class: "inline-form" }, field("Amount", amountInput),
    h("button", { type: "submit" }, "Request payout"));
  request.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(async () => {
      const payout = await api("/api/v1/affiliates/payout", { method: "POST", body: { amount: amountInput.value.trim() },
        headers: { "Idempotency-Key": idempotencyKey } });
      idempotencyKey = newKey();
      amountInput.value = "";
      await Promise.all([payouts.reload(), loadBalance()]);
      notify(`Payout of ${amount(payout.amount)} ${payout.currency} requested: ${payout.status}.`);
    }, event.submitter);
  });

  let timer = null;
  let onPage = true;
  const payouts = pagedList((cursor) => api(`/api/v1/affiliates/payouts${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
    (items) => {
      // While a payout is on its way, look again every few seconds (the payout job runs on a schedule).
      clearTimeout(timer);
      if (onPage && items.some((p) => p.status === "PENDING" || p.status === "PROCESSING")) {
        timer = setTimeout(() => payouts.refresh(), 2000);
      }
      return table([
        ["Requested", (p) => formatTime(p.requested_at)],
        ["Amount", (p) => `${amount(p.amount)} ${p.currency}`],
        ["Status", (p) => badge(p.status)],
        ["To", (p) => p.payout_method ? `${p.payout_method.type} ${p.payout_method.masked}` : "—"],
        ["Paid", (p) => formatTime(p.paid_at)],
        ["Reference / reason", (p) => p.failure_reason ?? p.reference ?? "—"],
      ], items, { caption: "Your payouts, newest first", empty: "No payout requested yet.",
        rowAttributes: (p) => ({ "data-payout-id": p.payout_id, "data-status": p.status }) });
    });

  main.append(pageTitle("Payouts"),
    h("div", { class: "grid two" },
      section("Payout method", current, methodForm(loadMethod)),
      section("Request a payout", h("p", {}, "Available: ", available), request)),
    section("Payout requests", payouts.element));
  await Promise.all([loadMethod(), loadBalance(), payouts.reload()]);
  return () => {
    onPage = false;
    clearTimeout(timer);
  };
}
