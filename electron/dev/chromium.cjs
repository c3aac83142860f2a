// Which Chromium the e2e tests drive. Plain CommonJS so playwright.config.ts and `npm test`'s
// pretest check (plain Node, before the minute-long build) share it.
'use strict';

const fs = require('node:fs');

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT = 'npx playwright install chromium';

/** Playwright's own browser (`npx playwright install chromium`), if the package is installed. */
function playwrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * The first browser that exists: CHROMIUM_PATH (if set, it must exist), Debian's chromium,
 * then Playwright's own download. Returns { ok: true, path, source } or { ok: false, message }
 * where the message names the one command that installs a browser.
 */
function findChromium(opts = {}) {
  const env = opts.env || process.env;
  const exists = (p) => fs.existsSync(p);
  const debianPath = opts.debianPath || DEBIAN_CHROMIUM;
  const playwrightPath = 'playwrightPath' in opts ? opts.playwrightPath : playwrightChromium();

  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH))
      return { ok: true, path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    return {
      ok: false,
      message: `CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome executable, or unset it to use an installed one.`,
    };
  }
  if (exists(debianPath)) return { ok: true, path: debianPath, source: 'debian' };
  if (playwrightPath && exists(playwrightPath))
    return { ok: true, path: playwrightPath, source: 'playwright' };
  return {
    ok: false,
    message:
      `No Chromium for the end-to-end tests: run \`${INSTALL_HINT}\` once (or \`sudo apt install chromium\` on Debian/Ubuntu, ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable).',
  };
}

module.exports = { findChromium, DEBIAN_CHROMIUM, INSTALL_HINT };

// `node electron/dev/chromium.cjs`: the check `npm test` runs first, so a missing browser is
// reported before the build rather than as a launch error minutes later.
if (require.main === module) {
  const found = findChromium();
  if (!found.ok) {
    console.error(found.message);
    process.exit(1);
  }
}
