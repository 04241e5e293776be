// Affiliate: join the programme; the referral link (copy, QR code); balances; tier and the way to the next one;
// earnings by month as a chart; referrals. A user who was referred enters the referrer's code here too.
import { api, ApiProblem } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, table, formatTime, badge, amount, copyButton, pagedList }
  from "../ui.js";
import { qrCode, earningsChart } from "../svg.js";

function claimForm() {
  const input = h("input", { id: "referral-token", name: "token", required: true, autocomplete: "off", class: "mono" });
  const form = h("form", { class: "inline-form", id: "claim-form" }, field("Referral code", input,
    "The ref= part of the link you signed up with. A referral is for life and only before your first trade."),
  h("button", { type: "submit", class: "secondary" }, "Claim referral"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(async () => {
      await api("/api/v1/affiliates/referrals", { method: "POST", body: { token: input.value.trim() } });
      form.reset();
      notify("Referral recorded: your referrer earns from your trades.");
    }, event.submitter);
  });
  return section("Were you referred?", form);
}

function balanceCards(b) {
  const card = (label, value, id) => h("div", { class: "figure", id },
    h("span", { class: "figure-label" }, label), h("span", { class: "figure-value" }, `${amount(value)} ${b.currency}`));
  return h("div", { class: "figures", id: "balances" },
    card("Available", b.available, "balance-available"), card("Held", b.held, "balance-held"),
    card("Reserved for payouts", b.reserved, "balance-reserved"), card("Paid", b.paid, "balance-paid"),
    card("Earned", b.earned, "balance-earned"), card("Clawed back", b.clawed_back, "balance-clawed-back"));
}

function tierBlock(tier) {
  const next = tier.next_tier;
  return h("div", { id: "tier", class: "stack" },
    h("p", {}, h("strong", { class: "tier-name" }, tier.name), ` (tier ${tier.number}) · rates by level: `,
      tier.rates.map((r, i) => `L${i + 1} ${Number((r * 100).toFixed(2))} %`).join(", ")),
    next ? [
      h("label", { for: "tier-progress" },
        `${tier.activated_referrals} of ${next.min_activated_referrals} activated referrals for ${next.name} ` +
        `(${next.referrals_to_go} to go)`),
      h("progress", { id: "tier-progress", max: next.min_activated_referrals, value: tier.activated_referrals }),
    ] : h("p", {}, "The top tier."));
}

export async function render(main) {
  main.append(pageTitle("Affiliate programme"));
  let stats;
  try {
    stats = await api("/api/v1/affiliates/stats");
  } catch (error) {
    if (!(error instanceof ApiProblem && error.status === 404)) throw error;
    const join = h("button", { type: "button", id: "join" }, "Join the programme");
    join.addEventListener("click", () => attempt(async () => {
      await api("/api/v1/affiliates/register", { method: "POST" });
      notify("Welcome to the programme.");
      main.replaceChildren();
      await render(main);
    }, join));
    main.append(section("Join", h("p", {}, "Share your referral link: you earn a share of the trading fees of the " +
      "users who sign up with it, and of the users they refer."), join), claimForm());
    return;
  }

  const link = await api("/api/v1/affiliates/link");
  const linkText = h("code", { id: "referral-link", class: "link" }, link.link);
  const referrals = pagedList((cursor) => api(`/api/v1/affiliates/referrals${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
    (items) => table([
      ["User", (r) => h("code", { title: r.referred_user_id }, r.referred_user_id)],
      ["Status", (r) => badge(r.status)],
      ["Signed up", (r) => formatTime(r.claimed_at)],
      ["Activated", (r) => formatTime(r.activated_at)],
    ], items, { caption: "Your direct referrals", empty: "Nobody has signed up with your link yet." }));

  main.append(
    h("div", { class: "grid two" },
      section("Your referral link", h("p", {}, linkText),
        h("div", { class: "actions" }, copyButton(() => link.link, "Copy link", () => linkText),
          copyButton(() => link.token, "Copy code")),
        h("div", { class: "qr-box" }, qrCode(link.link, "QR code of your referral link"))),
      section("Tier", tierBlock(stats.tier),
        table([["Level", (c) => String(c.level)], ["Pending", (c) => String(c.pending)],
          ["Activated", (c) => String(c.activated)]], stats.referrals,
        { caption: "Referrals by level", empty: "No referrals yet." }))),
    section("Balances", balanceCards(stats.balances)),
    section("Earnings by month", stats.earnings_by_month.length ? earningsChart(stats.earnings_by_month)
      : h("p", { class: "empty" }, "No earnings yet."),
    stats.earnings_by_month.length ? h("details", {}, h("summary", {}, "As a table"), table([
      ["Month", (m) => m.month], ["Earned", (m) => amount(m.earned)], ["Clawed back", (m) => amount(m.clawed_back)],
      ["Adjusted", (m) => amount(m.adjusted)]], stats.earnings_by_month)) : null),
    section("Referrals", referrals.element),
    claimForm());
  await referrals.reload();
}
