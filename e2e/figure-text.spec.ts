/**
 * A PDF's figures drawn with text (#20 point 1): a real document (graphviz's NEATO guide, whose
 * graphs' node labels are text) reads with each figure's words as one block set apart from the
 * prose — small, dimmed, framed — and its caption after it, in both themes, axe clean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const PDF = join(
  __dirname,
  '..',
  'electron',
  'core',
  'import',
  'fixtures',
  'real',
  'neatoguide.pdf',
);

test("a PDF's figure labels show as one figure block before its caption, set apart from the prose", async ({
  app,
  page,
}, testInfo) => {
  await page.goto(app.url);
  await page.getByLabel('Import files').setInputFiles({
    name: 'neatoguide.pdf',
    mimeType: 'application/pdf',
    buffer: readFileSync(PDF),
  });
  await page.getByRole('option').filter({ hasText: 'Drawing graphs with NEATO' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  const figures = reader.locator('.rd-figure-text');
  await expect(figures).toHaveCount(9, { timeout: 30_000 });

  const kernel = figures.filter({ hasText: 'zombie' });
  await expect(kernel).toHaveText('runbl intr run zombie kernel sleep runmem swap new runswap');
  // Its caption follows it, as a caption block.
  await expect(kernel.locator('xpath=following-sibling::*[1]')).toHaveClass(/rd-caption/);
  await expect(kernel.locator('xpath=following-sibling::*[1]')).toHaveText(
    'Figure 1: Process States in an Operating System Kernel (0.03 seconds)',
  );
  await kernel.scrollIntoViewIfNeeded();

  const prose = reader.locator('p.rd-p').filter({ hasText: 'NEATO is a utility' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return {
        size: parseFloat(s.fontSize),
        color: s.color,
        border: s.borderTopStyle,
      };
    };
    const figure = await kernel.evaluate(look);
    const text = await prose.evaluate(look);
    expect(figure.size, scheme).toBeLessThan(text.size);
    expect(figure.color, scheme).not.toBe(text.color);
    expect(figure.border, scheme).toBe('dashed');
    await testInfo.attach(`figure-text-${scheme}.png`, {
      body: await reader.screenshot(),
      contentType: 'image/png',
    });
    const violations = (
      await new AxeBuilder({ page }).include('article.reader').analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
  }
});
