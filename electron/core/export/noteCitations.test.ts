/**
 * Issue 19 (point 3): a note exported to Markdown or Word with a style cites each quoted passage
 * in the text — with the page a PDF passage falls on — and ends with the reference list, from the
 * same citing code as the passage exports (citations/cited.ts).
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { exportNote } from './notes';
import { insertTestArticle } from './testFixture';
import { markdownDom, norm, splitFrontMatter } from './testRead';

const tempDir = useTempDir();

const PAGE_3 = 'The summit opened with a state banquet in the capital.';
const PAGE_4 = 'Both sides signed a treaty on a comprehensive strategic partnership.';

async function library() {
  const t = openTestLibrary(tempDir());
  const db = t.library.db;
  const report = insertTestArticle(db, {
    title: "Putin's state visit to North Korea sets stage for elevated ties",
    byline: 'Ji Da-gyum',
    published: '2024-06-18',
    siteName: 'The Korea Herald',
    source: '/tmp/private/report.pdf',
    lang: 'en',
    paragraphs: [PAGE_3, PAGE_4],
  });
  const later = insertTestArticle(db, {
    title: 'Seoul weighs its options after the treaty',
    byline: 'Ji Da-gyum',
    published: '2024-07-02',
    siteName: 'The Korea Herald',
    source: 'https://www.koreaherald.com/view.php?ud=20240702',
    lang: 'en',
    paragraphs: ['Officials in Seoul met to weigh their response.'],
  });
  const text = db
    .prepare<[string], { text: string }>('SELECT text FROM articles WHERE id = ?')
    .get(report.id)!.text;
  const pages = [
    { label: '3', start: text.indexOf(PAGE_3) },
    { label: '4', start: text.indexOf(PAGE_4) },
  ];
  db.prepare('UPDATE articles SET pages = ? WHERE id = ?').run(JSON.stringify(pages), report.id);
  const add = (articleId: string, quote: string) =>
    t.invoke('passages.createFromQuote', {
      articleId,
      quote,
      tags: [],
      comment: '',
      color: 'yellow',
    });
  const treaty = await add(report.id, 'a treaty on a comprehensive strategic partnership');
  const weigh = await add(later.id, 'weigh their response');
  const quote = (p: { id: string; quote: string }) => ({
    type: 'passage-quote',
    version: 1,
    passageId: p.id,
    quote: p.quote,
    citation: '',
  });
  const note = await t.invoke('notes.create', {
    title: 'Draft',
    doc: rootDoc([
      paragraphNode([textNode('First the treaty.')]),
      quote(treaty),
      paragraphNode([textNode('Then Seoul.')]),
      quote(weigh),
    ]),
    tags: [],
  });
  return { t, note };
}

describe('note export with citations', () => {
  it('Markdown with APA: (Ji, 2024a, p. 4) after the PDF quote, (Ji, 2024b) after the web one, References at the end', async () => {
    const { t, note } = await library();
    const file = await exportNote(t.library.db, note.id, 'md', 'apa');
    const md = new TextDecoder().decode(file.bytes);
    const dom = markdownDom(splitFrontMatter(md).body);
    const paras = [...dom.querySelectorAll('p')].map((p) => norm(p.textContent ?? ''));
    expect(paras).toEqual([
      'First the treaty.',
      'a treaty on a comprehensive strategic partnership',
      '— (Ji, 2024a, p. 4)',
      'Then Seoul.',
      'weigh their response',
      '— (Ji, 2024b)',
      'Ji, D.-G. (2024a). Putin’s state visit to North Korea sets stage for elevated ties. The Korea Herald.',
      'Ji, D.-G. (2024b, July 2). Seoul weighs its options after the treaty. The Korea Herald. https://www.koreaherald.com/view.php?ud=20240702',
    ]);
    expect([...dom.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['References']);
    expect(md).not.toContain('/tmp/private');
    // Without a style: the short citation, no reference list (as before).
    const plain = new TextDecoder().decode((await exportNote(t.library.db, note.id, 'md')).bytes);
    expect(plain).toContain(
      "— Ji Da-gyum, Putin's state visit to North Korea sets stage for elevated ties, The Korea Herald",
    );
    expect(plain).not.toContain('## References');
    t.library.close();
  });

  it('Word with Chicago author-date: (Ji 2024a, 4) after the quote and the reference list under its heading', async () => {
    const { t, note } = await library();
    const file = await exportNote(t.library.db, note.id, 'docx', 'chicago');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) });
    const text = norm(html.replace(/<[^>]+>/g, ' '));
    expect(text).toContain('— (Ji 2024a, 4)');
    expect(text).toContain('— (Ji 2024b)');
    expect(html).toMatch(/<h2>References<\/h2><p>Ji, Da-gyum\. 2024a\./);
    t.library.close();
  });
});
