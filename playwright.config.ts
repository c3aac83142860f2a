import { defineConfig } from '@playwright/test';
import { findChromium } from './electron/dev/chromium.cjs';

/**
 * e2e tests drive web mode (`commonplace serve`) in Chromium: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own (`npx playwright install chromium`). Each test gets its
 * own server and temp library (e2e/fixtures.ts).
 */
const browser = findChromium();
if (!browser.ok) {
  // One line saying what to install, instead of a launch error per test.
  console.error(browser.message);
  process.exit(1);
}
export const CHROMIUM_PATH = browser.path;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Deadlines, not waits: every step waits for its condition and goes on as soon as it holds. They
  // are generous because a loaded CI machine (load ~20 on 2 cores) took over 10 s for one import
  // through the bounded parser thread, and a whole spec past a minute.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', testIgnore: 'desktop/**' },
    // The renderer's desktop branches, with a stand-in preload over web mode (e2e/desktop/standIn.ts).
    { name: 'desktop', testMatch: 'desktop/*.spec.ts' },
  ],
});
