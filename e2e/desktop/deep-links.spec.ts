import AxeBuilder from '@axe-core/playwright';
import { SHARED_ARTICLE } from '../fixtures';
import { expect, test } from './standIn';

const TITLE = "Putin's state visit to North Korea sets stage for elevated ties";
/** A well-formed id that no library holds. */
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

test('a commonplace:// link that launched the app opens its article once the renderer says it is ready', async ({
  app,
  desktop,
  page,
}) => {
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  // Main holds the link until rendererReady: sent before the page subscribed, it was lost.
  await desktop.open({ launchedWith: { type: 'navigate', target: { kind: 'article', id } } });
  await expect.poll(() => desktop.ready()).toBe(true);
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(TITLE);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a link to an unknown article, an unknown passage or a deleted passage says so in the window', async ({
  app,
  desktop,
  page,
}) => {
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const articleId = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!
    .id;
  const added = await app.cli([
    'passage',
    'add',
    articleId,
    '--quote',
    'mutual settlements',
    '--json',
  ]);
  expect(added.code).toBe(0);
  const passageId = (JSON.parse(added.stdout) as { id: string }).id;
  expect((await app.cli(['passage', 'rm', passageId])).code).toBe(0);

  await desktop.open();
  await expect(page.getByRole('option').filter({ hasText: 'North Korea' })).toBeVisible();

  await desktop.send({ type: 'navigate', target: { kind: 'article', id: UNKNOWN_ID } });
  await expect(page.locator('#reader-pane')).toContainText(
    'This article is no longer in the library.',
  );

  const alerts = page.locator('.toasts [role="alert"]');
  await desktop.send({ type: 'navigate', target: { kind: 'passage', id: UNKNOWN_ID } });
  await expect(alerts).toContainText(
    `commonplace://passage/${UNKNOWN_ID}: no such passage in this library`,
  );

  await desktop.send({ type: 'navigate', target: { kind: 'passage', id: passageId } });
  await expect(alerts).toContainText(
    `commonplace://passage/${passageId}: this passage was deleted (it was in “`,
  );
  await expect(alerts).toContainText(/deleted \(it was in “Putin.s state visit/);
  expect(await seriousViolations(page)).toEqual([]);

  // The window stays usable: a good link still opens.
  await desktop.send({ type: 'navigate', target: { kind: 'article', id: articleId } });
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(TITLE);
});
