// The signed-in user: the bearer token lives only in this module's variable. Nothing is written to localStorage,
// sessionStorage, cookies or IndexedDB, so a reload (or closing the tab) signs out.

let current = null;

/** Reads a JWT's claims (no verification: the services verify the token on every call). */
function claimsOf(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
    throw new Error("This is not a JSON Web Token (three base64url parts separated by dots).");
  }
  const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")),
    (c) => c.charCodeAt(0)));
  return JSON.parse(json);
}

/** Signs in with a token from the identity provider; throws an Error saying what is wrong with it. */
export function signIn(rawToken) {
  const token = rawToken.trim().replace(/^Bearer\s+/i, "");
  let claims;
  try {
    claims = claimsOf(token);
  } catch (e) {
    throw new Error(e instanceof SyntaxError ? "The token's claims are not JSON." : e.message);
  }
  if (typeof claims.sub !== "string" || !claims.sub) throw new Error("The token has no subject (sub claim).");
  const roles = Array.isArray(claims.groups) ? claims.groups.filter((g) => typeof g === "string") : [];
  const expiresAt = typeof claims.exp === "number" ? new Date(claims.exp * 1000) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new Error(`The token expired at ${expiresAt.toISOString()}.`);
  current = { token, userId: claims.sub, roles, expiresAt };
  return current;
}

export function signOut() {
  current = null;
}

export function user() {
  return current;
}

export function token() {
  return current?.token ?? null;
}

export function hasRole(role) {
  return Boolean(current?.roles.includes(role));
}
