// Types for chromium.cjs (plain CommonJS so `npm test`'s pretest check runs without a build).
export type ChromiumFound =
  | { ok: true; path: string; source: 'CHROMIUM_PATH' | 'debian' | 'playwright' }
  | { ok: false; message: string };

export const DEBIAN_CHROMIUM: string;
export const INSTALL_HINT: string;
export function findChromium(opts?: {
  env?: NodeJS.ProcessEnv;
  /** Where Debian's chromium lives; /usr/bin/chromium unless a test says otherwise. */
  debianPath?: string;
  /** Playwright's own browser path; defaults to playwright-core's. */
  playwrightPath?: string | null;
}): ChromiumFound;
