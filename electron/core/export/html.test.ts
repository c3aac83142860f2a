import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { buildExport } from './index';
import { safeInlineHtml } from './text';
import { exportFixture, HOSTILE_COMMENT, HOSTILE_TITLE, options } from './testFixture';
import { fileText, norm } from './testRead';

const tempDir = useTempDir();

describe('HTML export', () => {
  it('is a standalone page whose text equals the library text: hostile text stays text', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(f.library.db, options('html'));
    const html = fileText(built.output);
    const doc = new JSDOM(html).window.document;
    expect(
      doc.querySelectorAll('script, iframe, object, embed, link[rel=stylesheet], img'),
    ).toHaveLength(0);
    expect(
      [...doc.querySelectorAll('[href]')].every((a) =>
        /^(commonplace|https?):/.test(a.getAttribute('href') ?? ''),
      ),
    ).toBe(true);
    expect(doc.querySelectorAll('[onerror], [onclick], [onload]')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
    expect([...doc.querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''))).toEqual(
      built.doc.items.map((i) => norm(i.passage.quote)),
    );
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Putin arrives in North Korea',
      HOSTILE_TITLE,
    ]);
    expect(norm(doc.querySelector(`#p-${f.passages.formula.id} .comment`)?.textContent ?? '')).toBe(
      norm(HOSTILE_COMMENT),
    );
    expect(
      [...doc.querySelectorAll(`#p-${f.passages.formula.id} .tags li`)].map((li) => li.textContent),
    ).toEqual(['formula tests', 'sanctions']);
    const cite = doc.querySelector(`#p-${f.passages.trade.id} .citation`)!;
    expect(cite.querySelector('i')?.textContent).toBe('Putin arrives in North Korea');
    expect(cite.querySelector('a')?.getAttribute('href')).toBe(
      `commonplace://passage/${f.passages.trade.id}`,
    );
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    f.library.close();
  });

  it('keeps only simple inline tags of a citation', () => {
    expect(
      safeInlineHtml(
        '<i>T</i> <script>x()</script><a href="javascript:y">z</a> <span style="font-variant:small-caps">S</span> a < b & c',
      ),
    ).toBe('<i>T</i> x()z <span>S</span> a &lt; b &amp; c');
  });
});
