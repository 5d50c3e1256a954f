// CSRF double submit for Scope as a Service: the gateway refuses state-changing requests made with the session
// cookie unless header X-CSRF-Token equals the scope_csrf cookie, which the page can read and another site cannot.
// The standalone app sets no such cookie, and then no header is sent.

export const CSRF_COOKIE = 'scope_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The scope_csrf cookie's value in a `document.cookie` string, or null. */
export function csrfToken(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === CSRF_COOKIE) {
      const value = part.slice(eq + 1).trim();
      if (!value) return null;
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

/** `headers` plus X-CSRF-Token when the cookie is there. */
export function withCsrf(headers: Record<string, string>, cookies: string): Record<string, string> {
  const token = csrfToken(cookies);
  return token ? { ...headers, [CSRF_HEADER]: token } : headers;
}

/** The page's cookies; none outside a browser. */
export function documentCookies(): string {
  return typeof document === 'undefined' ? '' : document.cookie;
}
