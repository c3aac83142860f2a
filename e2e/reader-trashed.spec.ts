/**
 * An open article moved to the trash (here by the CLI, as another window or writer would) stays
 * readable under a banner saying so, with Restore; restoring takes the banner away.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { SHARED_TITLE, openSharedArticle } from './reader';

test('the open article trashed elsewhere shows "In the trash" with Restore, which brings it back', async ({
  app,
  page,
}) => {
  const id = await openSharedArticle(app, page);
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
  const pane = page.getByRole('main');
  const banner = pane.getByRole('status').filter({ hasText: 'In the trash' });
  await expect(banner).toBeHidden();

  const rm = await app.cli(['article', 'rm', id]);
  expect(rm.code, rm.stderr).toBe(0);
  await expect(banner).toBeVisible({ timeout: 30_000 });
  // Still readable underneath.
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);

  const axe = await new AxeBuilder({ page }).include('.reader-trashed').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(banner).toBeHidden();
  await expect
    .poll(async () => (await app.cli(['trash', 'list'])).stdout, { timeout: 30_000 })
    .not.toContain(SHARED_TITLE);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
});
