import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parse as parseYaml } from 'yaml';
import { SHARED_ARTICLE, expect, test } from './fixtures';

const TITLE = "Putin's state visit to North Korea sets stage for elevated ties";
const QUOTES = [
  'alternative trade and mutual settlements mechanisms not controlled by the West',
  'Unification Ministry',
];
const UNTAGGED = 'Putin';

test('tag two passages, export that tag to Markdown from the dialog, and get the file', async ({
  app,
  page,
}, testInfo) => {
  // Five CLI runs set the library up; on a loaded machine they alone can take half a minute.
  test.slow();
  expect((await app.cli(['import', SHARED_ARTICLE])).code).toBe(0);
  const id = (JSON.parse((await app.cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
  for (const quote of QUOTES)
    expect(
      (
        await app.cli([
          'passage',
          'add',
          id,
          '--quote',
          quote,
          '--tag',
          'for export',
          '--comment',
          `why: ${quote.slice(0, 12)}`,
        ])
      ).code,
    ).toBe(0);
  expect((await app.cli(['passage', 'add', id, '--quote', UNTAGGED, '--tag', 'other'])).code).toBe(
    0,
  );

  await page.goto(app.url);
  await page.getByRole('option').filter({ hasText: TITLE }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export passages' });
  await expect(dialog.getByLabel('Format')).toBeFocused();
  await expect(dialog.getByRole('status')).toContainText('3 excerpts from 1 source');

  await dialog.getByRole('checkbox', { name: /for export/ }).check();
  await expect(dialog.getByRole('status')).toContainText('2 excerpts from 1 source');
  const preview = dialog.getByTestId('export-preview');
  await expect(preview).toContainText(`> ${QUOTES[0]}`);
  await expect(preview).not.toContainText(`> ${UNTAGGED}\n`);
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });

  const axe = await new AxeBuilder({ page }).include('dialog.export-dialog').analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('Excerpts tagged “for export”.md');
  const file = testInfo.outputPath('export.md');
  await download.saveAs(file);
  await expect(dialog.getByText(/^Saved /)).toBeVisible();
  await expect(page.getByText(/Exported 2 excerpts/)).toBeVisible();

  const md = readFileSync(file, 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(md);
  expect(front).not.toBeNull();
  expect(parseYaml(front![1]!)).toMatchObject({
    excerpts: 2,
    sources: 1,
    selection: { tags: ['for export'] },
  });
  const quoted = md
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2));
  expect(quoted).toEqual(QUOTES.slice().sort((a, b) => md.indexOf(a) - md.indexOf(b)));
  expect(md.match(/<commonplace:\/\/passage\/[0-9a-f-]{36}>/g)).toHaveLength(2);
  expect(md).toContain(TITLE);
  expect(md).toContain('**Tags:** for export');

  // Keyboard: Escape closes, Ctrl+Shift+E opens again.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+Shift+E');
  await expect(page.getByRole('dialog', { name: 'Export passages' })).toBeVisible();
});
