// Trader: the user's devices (trading terminals). Register one (its secret is shown once), approve a terminal's pairing
// code, rename, rotate the key (a new secret, shown once), unlink; online state and last seen.
import { api } from "../api.js";
import { h, attempt, notify, pageTitle, section, field, table, formatTime, badge, dialog, confirm, copyButton }
  from "../ui.js";

/** Shows a device secret once, in a modal dialog that is removed from the page when closed. */
export async function showSecretOnce(title, credentials) {
  const secret = h("code", { id: "device-secret", class: "secret" }, credentials.secret);
  const kid = h("code", { id: "device-kid" }, credentials.kid);
  await dialog(title, h("div", { class: "stack" },
    h("p", { class: "warning" }, "This secret is shown once. Enter it in the terminal now: it cannot be shown again. " +
      "The terminal signs every request with it (docs/device-signing.md)."),
    h("dl", { class: "pairs" },
      h("dt", {}, "Device id"), h("dd", {}, h("code", {}, credentials.device_id)),
      h("dt", {}, "Key id"), h("dd", {}, kid, " ", copyButton(() => credentials.kid, "Copy key id", () => kid)),
      h("dt", {}, "Secret"), h("dd", {}, secret, " ",
        copyButton(() => credentials.secret, "Copy secret", () => secret)))),
  [["I have stored it", "done"]], { className: "secret-dialog" });
}

export function deviceState(device) {
  if (!device.is_active) return badge("Unlinked", "unlinked");
  return device.is_online ? badge("Online", "online") : badge("Offline", "offline");
}

export async function rename(device) {
  const input = h("input", { name: "name", value: device.name, maxlength: 100, required: true });
  const answer = await dialog(`Rename ${device.name}`, field("New name", input),
    [["Cancel", "cancel", "secondary"], ["Rename", "rename"]]);
  if (answer !== "rename") return null;
  return api(`/api/v1/devices/${device.device_id}`, { method: "PATCH", body: { name: input.value.trim() } });
}

export async function rotate(device) {
  const ok = await confirm(`Rotate the key of ${device.name}?`,
    "The terminal gets a new secret. The current one keeps working for a grace period, so the terminal can switch.",
    { confirmLabel: "Rotate key" });
  if (!ok) return false;
  const rotated = await api(`/api/v1/devices/${device.device_id}/rotate-key`, { method: "POST" });
  await showSecretOnce(`New key for ${device.name}`, rotated);
  notify(`Key rotated; the previous key works until ${new Date(rotated.previous_key_valid_until).toISOString()}.`);
  return true;
}

export async function unlink(device) {
  const ok = await confirm(`Unlink ${device.name}?`,
    "The terminal stops receiving signals and its reports are refused. This cannot be undone: linking it again " +
    "registers a new device.", { confirmLabel: "Unlink", danger: true });
  if (!ok) return false;
  await api(`/api/v1/devices/${device.device_id}`, { method: "DELETE" });
  notify(`${device.name} is unlinked.`);
  return true;
}

export async function render(main) {
  const list = h("div", { id: "device-list" });
  const reload = () => attempt(async () => {
    const devices = await api("/api/v1/devices");
    list.replaceChildren(table([
      ["Name", (d) => h("a", { href: `#/devices/${d.device_id}`, class: "device-name" }, d.name)],
      ["State", deviceState],
      ["Last seen", (d) => formatTime(d.last_seen_at)],
      ["Linked", (d) => formatTime(d.created_at)],
      ["Key", (d) => `v${d.key_version}`],
      ["Actions", (d) => d.is_active ? h("div", { class: "actions" },
        h("button", { type: "button", class: "secondary", onclick: (e) => attempt(async () => {
          if (await rename(d)) { notify("Renamed."); await reload(); }
        }, e.currentTarget) }, "Rename"),
        h("button", { type: "button", class: "secondary", onclick: (e) => attempt(async () => {
          if (await rotate(d)) await reload();
        }, e.currentTarget) }, "Rotate key"),
        h("button", { type: "button", class: "danger", onclick: (e) => attempt(async () => {
          if (await unlink(d)) await reload();
        }, e.currentTarget) }, "Unlink")) : "—"],
    ], devices, { caption: "Your devices", empty: "No device linked yet.",
      rowAttributes: (d) => ({ "data-device-id": d.device_id }) }));
  });

  const nameInput = h("input", { id: "device-name", name: "name", maxlength: 100, required: true,
    placeholder: "MT5 office PC" });
  const register = h("form", { id: "register-form", class: "inline-form" },
    field("Device name", nameInput), h("button", { type: "submit" }, "Register device"));
  register.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(async () => {
      const registered = await api("/api/v1/devices/register", { method: "POST", body: { name: nameInput.value.trim() } });
      register.reset();
      await reload();
      await showSecretOnce(`${registered.name} is registered`, registered);
      notify(`${registered.name} is registered.`);
    }, event.submitter);
  });

  const codeInput = h("input", { id: "pairing-code", name: "user_code", required: true, autocomplete: "off",
    placeholder: "WDJB-MJHT", class: "mono" });
  const pairName = h("input", { id: "pairing-name", name: "name", maxlength: 100, required: true });
  const pair = h("form", { id: "pair-form", class: "inline-form" },
    field("Code the terminal shows", codeInput), field("Device name", pairName),
    h("button", { type: "submit" }, "Link terminal"));
  pair.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(async () => {
      const paired = await api("/api/v1/devices/pair", { method: "POST",
        body: { user_code: codeInput.value.trim(), name: pairName.value.trim() } });
      pair.reset();
      notify(`${paired.name} is linked: the terminal fetches its key itself.`);
      await reload();
    }, event.submitter);
  });

  main.append(pageTitle("Devices", h("button", { type: "button", class: "secondary", onclick: reload }, "Refresh")),
    section("Your terminals", list),
    h("div", { class: "grid two" },
      section("Register a device", h("p", {}, "Registers a terminal and shows its key id and secret once."), register),
      section("Link by pairing code", h("p", {}, "A terminal that shows a code (XXXX-XXXX) fetches its own secret once " +
        "you enter the code here."), pair)));
  await reload();
}
