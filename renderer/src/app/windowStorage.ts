/**
 * This window's localStorage, or null where it is missing or refuses access (privacy modes,
 * sandboxed origins): what the callers remember then lasts the session only.
 */
export function windowStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
