import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import {
  headingNode,
  listItemNode,
  listNode,
  paragraphNode,
  rootDoc,
  textNode,
  TEXT_FORMAT,
} from '../notes/lexicalJson';
import { exportNote } from './notes';
import { exportFixture, Q_FORMULA, Q_TRADE } from './testFixture';
import { markdownDom, norm, splitFrontMatter } from './testRead';

const tempDir = useTempDir();

async function noteFixture() {
  const f = await exportFixture(tempDir());
  const quote = (id: string, text: string) => ({
    type: 'passage-quote',
    version: 1,
    passageId: id,
    quote: text,
    citation: 'stale citation',
  });
  const doc = rootDoc([
    headingNode(2, [textNode('Argument')]),
    paragraphNode([
      textNode('Trade first, '),
      textNode('then', TEXT_FORMAT.bold),
      textNode(' the <script>x</script> rest.'),
    ]),
    quote(f.passages.trade.id, Q_TRADE),
    listNode('bullet', 1, [
      listItemNode([textNode('one point')], 1),
      listItemNode([textNode('another')], 2),
    ]),
    quote(f.passages.formula.id, Q_FORMULA),
  ]);
  const note = await f.invoke('notes.create', {
    title: 'Draft: "sanctions" <essay>',
    doc,
    tags: ['drafts'],
  });
  return { ...f, note };
}

describe('note export', () => {
  it('to Markdown: front matter, passage quotes as block quotes with their current citations', async () => {
    const f = await noteFixture();
    const file = await exportNote(f.library.db, f.note.id, 'md');
    expect(file.fileName).toBe('Draft sanctions essay.md');
    const { data, body } = splitFrontMatter(new TextDecoder().decode(file.bytes));
    expect(data).toMatchObject({
      title: 'Draft: "sanctions" <essay>',
      tags: ['drafts'],
      commonplace: `commonplace://note/${f.note.id}`,
    });
    const dom = markdownDom(body);
    expect(dom.querySelector('h1')?.textContent).toBe('Draft: "sanctions" <essay>');
    expect(dom.querySelectorAll('script')).toHaveLength(0);
    const quotes = [...dom.querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain(Q_TRADE);
    // The citation follows each quote, current (not the stale one the note stored).
    const text = norm(dom.body.textContent ?? '');
    expect(text).toMatch(new RegExp(`${Q_TRADE} — [^—]*Putin arrives in North Korea`));
    expect(text).not.toContain('stale citation');
    expect(quotes[1]).toContain(norm(Q_FORMULA));
    f.library.close();
  });

  it('to Word: the same content, quotes in the Quote style, opened by mammoth', async () => {
    const f = await noteFixture();
    const file = await exportNote(f.library.db, f.note.id, 'docx');
    expect(file.fileName).toBe('Draft sanctions essay.docx');
    const { value: html, messages } = await mammoth.convertToHtml(
      { buffer: Buffer.from(file.bytes) },
      { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] },
    );
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const dom = new JSDOM(html).window.document;
    expect(dom.querySelector('h2')?.textContent).toBe('Argument');
    expect(dom.querySelector('strong')?.textContent).toBe('then');
    const quotes = [...dom.querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''));
    expect(quotes.join(' ')).toContain(Q_TRADE);
    expect(quotes.join(' ')).toContain(norm(Q_FORMULA));
    expect(norm(dom.body.textContent ?? '')).toContain('• one point');
    expect(norm(dom.body.textContent ?? '')).toContain('the <script>x</script> rest.');
    f.library.close();
  });

  it('a note that does not exist is a clear error', async () => {
    const f = await noteFixture();
    await expect(
      exportNote(f.library.db, '01900000-0000-7000-8000-000000000000', 'md'),
    ).rejects.toThrow(/note 01900000-0000-7000-8000-000000000000: not in this library/);
    f.library.close();
  });
});
