// Sign-in: paste a bearer token from the identity provider (works everywhere), or, where dev/up wrote
// /dev-sign-in.json beside the console, one click for a dev trader, affiliate or operator. The token is kept in memory
// only (session.js).
import { signIn, user } from "../session.js";
import { sessionStarted } from "../app.js";
import { h, field, section, pageTitle, showProblem, clearProblem } from "../ui.js";

function accept(token) {
  clearProblem();
  try {
    signIn(token);
  } catch (error) {
    showProblem({ message: error.message });
    return;
  }
  sessionStarted();
}

async function devAccounts() {
  try {
    const response = await fetch("/dev-sign-in.json", { cache: "no-store", credentials: "omit" });
    if (!response.ok) return [];
    const body = await response.json();
    return Array.isArray(body.accounts) ? body.accounts : [];
  } catch {
    return [];
  }
}

export async function render(main) {
  const tokenInput = h("textarea", { id: "token", name: "token", rows: 5, spellcheck: "false", autocomplete: "off",
    required: true, class: "mono" });
  const form = h("form", { id: "sign-in-form", class: "stack" },
    field("Bearer token", tokenInput,
      "An access token (JWT) from the platform's identity provider. It stays in this tab's memory only: reloading " +
      "the page signs you out."),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "sign-in" }, "Sign in")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    accept(tokenInput.value);
  });

  const dev = h("div", { id: "dev-sign-in", hidden: true });
  main.append(pageTitle("Sign in"), section("With a token",
    user() ? h("p", {}, "You are signed in; signing in again replaces the token.") : null, form), dev);

  const accounts = await devAccounts();
  if (accounts.length) {
    dev.replaceChildren(section("Development stack (dev/up)",
      h("p", {}, "Tokens dev/up minted with the committed dev-only key. Only a local stack serves them."),
      h("div", { class: "actions wrap" }, accounts.map((account) =>
        h("button", { type: "button", class: "secondary", "data-user-id": account.user_id,
          onclick: () => accept(account.token) }, `Sign in as ${account.label}`)))));
    dev.hidden = false;
  }
}
