// The console's shell: hash routes (#/devices, #/affiliate, ...), the navigation the user's roles allow, the session
// box, and the rule that no failure leaves a blank page: every error ends in the alert.
import { user, hasRole, signOut } from "./session.js";
import { h, showProblem, clearProblem, clearNotice } from "./ui.js";
import * as signInPage from "./pages/sign-in.js";
import * as devicesPage from "./pages/devices.js";
import * as devicePage from "./pages/device.js";
import * as executionsPage from "./pages/executions.js";
import * as signalPage from "./pages/signal.js";
import * as affiliatePage from "./pages/affiliate.js";
import * as statementPage from "./pages/statement.js";
import * as payoutsPage from "./pages/payouts.js";
import * as reviewPage from "./pages/operator-fills.js";
import * as operatorPayoutsPage from "./pages/operator-payouts.js";
import * as ledgerPage from "./pages/operator-ledger.js";

/** path pattern → page; `role` is what the token's groups must hold; `nav` puts the page in the menu. */
const routes = [
  { pattern: /^\/sign-in$/, page: signInPage },
  { pattern: /^\/devices$/, page: devicesPage, role: "user", nav: ["Trader", "Devices", "#/devices"] },
  { pattern: /^\/devices\/([0-9a-fA-F-]{36})$/, page: devicePage, role: "user" },
  { pattern: /^\/executions$/, page: executionsPage, role: "user", nav: ["Trader", "Executions", "#/executions"] },
  { pattern: /^\/signals(?:\/([0-9a-fA-F-]{36}))?$/, page: signalPage, role: "user", nav: ["Trader", "Signals", "#/signals"] },
  { pattern: /^\/affiliate$/, page: affiliatePage, role: "user", nav: ["Affiliate", "Programme", "#/affiliate"] },
  { pattern: /^\/statement$/, page: statementPage, role: "user", nav: ["Affiliate", "Statement", "#/statement"] },
  { pattern: /^\/payouts$/, page: payoutsPage, role: "user", nav: ["Affiliate", "Payouts", "#/payouts"] },
  { pattern: /^\/operator\/fills$/, page: reviewPage, role: "admin", nav: ["Operator", "Fill review", "#/operator/fills"] },
  { pattern: /^\/operator\/payouts$/, page: operatorPayoutsPage, role: "admin", nav: ["Operator", "Payouts", "#/operator/payouts"] },
  { pattern: /^\/operator\/ledger(?:\/([0-9a-fA-F-]{36}))?$/, page: ledgerPage, role: "admin", nav: ["Operator", "Affiliate ledger", "#/operator/ledger"] },
];

let cleanup = null;
let expiryTimer = null;
/** Where a user who was sent to sign in wanted to go. */
let afterSignIn = null;

function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  return { path, params: new URLSearchParams(search) };
}

function homeFor() {
  if (hasRole("user")) return "#/devices";
  if (hasRole("admin")) return "#/operator/fills";
  return "#/sign-in";
}

function renderNavigation() {
  const nav = document.getElementById("nav");
  const { path } = parseHash();
  const groups = new Map();
  for (const route of routes) {
    if (!route.nav || !hasRole(route.role)) continue;
    const [group, label, href] = route.nav;
    if (!groups.has(group)) groups.set(group, []);
    const current = path === href.slice(1) || path.startsWith(href.slice(1) + "/");
    groups.get(group).push(h("li", {}, h("a", { href, "aria-current": current ? "page" : null }, label)));
  }
  nav.replaceChildren(...[...groups].map(([group, items]) =>
    h("div", { class: "nav-group" }, h("span", { class: "nav-group-title" }, group), h("ul", {}, items))));
  document.body.classList.toggle("signed-in", Boolean(user()));

  const session = document.getElementById("session");
  const current = user();
  session.replaceChildren(current ? h("div", { class: "session-box" },
    h("span", { class: "who" }, "Signed in: ", h("code", { id: "session-user", title: current.userId }, current.userId)),
    h("span", { class: "roles", id: "session-roles" }, current.roles.join(", ") || "no roles"),
    h("button", { type: "button", class: "secondary", id: "sign-out", onclick: () => endSession(null) }, "Sign out"))
    : "");
}

/** Signs out (on request, or when the token expires) and shows the sign-in page. */
export function endSession(problem) {
  signOut();
  clearTimeout(expiryTimer);
  location.hash = "#/sign-in";
  renderNavigation();
  if (problem) showProblem(problem);
}

/** Called by the sign-in page once a token is accepted. */
export function sessionStarted() {
  const current = user();
  clearTimeout(expiryTimer);
  if (current?.expiresAt) {
    const left = current.expiresAt.getTime() - Date.now();
    expiryTimer = setTimeout(() => endSession({ title: "Signed out", detail: "Your token expired; sign in again." }),
      Math.min(left, 2 ** 31 - 1));
  }
  const target = afterSignIn;
  afterSignIn = null;
  location.hash = target ?? homeFor();
  renderNavigation();
}

async function route() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  clearProblem();
  clearNotice();
  document.querySelector(".top").classList.remove("open");
  document.getElementById("menu-toggle").setAttribute("aria-expanded", "false");
  const { path, params } = parseHash();
  const main = document.getElementById("main");
  main.replaceChildren();

  if (path === "/" || path === "") {
    location.replace(user() ? homeFor() : "#/sign-in");
    return;
  }
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) {
    renderNavigation();
    main.append(h("h1", {}, "Not found"), h("p", {}, "No page here. ", h("a", { href: "#/" }, "Go to the start page")));
    showProblem({ message: `There is no console page at ${path}.` });
    return;
  }
  if (route.role && !user()) {
    afterSignIn = `#${path}${params.toString() ? "?" + params : ""}`;
    location.replace("#/sign-in");
    return;
  }
  renderNavigation();
  if (route.role && !hasRole(route.role)) {
    main.append(h("h1", {}, "Not allowed"));
    showProblem({ message: `This page is for the role "${route.role}", which your token does not have.` });
    return;
  }
  const match = route.pattern.exec(path);
  try {
    cleanup = (await route.page.render(main, { id: match[1], params })) ?? null;
  } catch (error) {
    showProblem(error);
  }
  main.focus({ preventScroll: true });
}

document.getElementById("alert-close").addEventListener("click", clearProblem);
document.getElementById("menu-toggle").addEventListener("click", (event) => {
  const open = document.querySelector(".top").classList.toggle("open");
  event.currentTarget.setAttribute("aria-expanded", String(open));
});
window.addEventListener("hashchange", route);
window.addEventListener("error", (event) => showProblem(event.error ?? { message: event.message }));
window.addEventListener("unhandledrejection", (event) => showProblem(event.reason));
route();
