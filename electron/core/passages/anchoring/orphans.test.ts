/**
 * The rule that matters most to users: a passage whose text is gone must be reported orphaned,
 * never moved onto other text. Each paragraph of the real article is replaced in turn by prose
 * made of the same article's words (a harder adversary than unrelated text), and a passage
 * inside it must orphan.
 */
import { describe, expect, it } from 'vitest';
import { prng, syntheticArticle } from '../../../test/anchoring-corpus/synthetic';
import { putinArticle } from '../../../test/anchoring-corpus/texts';
import { describeRange, reanchor, reanchorAfterEdit } from './index';

describe('rewritten paragraphs orphan their passages', () => {
  const text = putinArticle();
  const filler = syntheticArticle(40_000, 99).split('\n\n');
  const rand = prng(5);
  const paragraphs: Array<{ start: number; end: number }> = [];
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n\n', at);
    const end = nl === -1 ? text.length : nl;
    if (end - at >= 120) paragraphs.push({ start: at, end });
    at = end + 2;
  }

  it('orphans every passage whose paragraph was rewritten', () => {
    const wrong: string[] = [];
    const lookAlikes: string[] = [];
    let tried = 0;
    paragraphs.forEach((para, i) => {
      for (const length of [12, 40, 100]) {
        const start = para.start + Math.floor(rand() * (para.end - para.start - length));
        const sel = describeRange(text, start, start + length);
        if (text.indexOf(sel.quote.exact) !== text.lastIndexOf(sel.quote.exact)) continue; // it exists elsewhere too
        const replacement = filler[i % filler.length]!.slice(0, para.end - para.start);
        const edited = text.slice(0, para.start) + replacement + text.slice(para.end);
        tried++;
        // With the old text, the diff shows that look-alike sentences elsewhere were already
        // there: nothing may be placed at all.
        const afterEdit = reanchorAfterEdit(text, edited, [sel])[0]!;
        if (afterEdit.status !== 'orphaned')
          wrong.push(
            `after edit: ${JSON.stringify(sel.quote.exact)} → ${JSON.stringify(afterEdit.exact)} (${afterEdit.score})`,
          );
        // From the new text alone a near-duplicate elsewhere (the article has two almost equal
        // photo captions) is indistinguishable from the passage edited; but the rewritten text
        // itself must never receive it.
        const alone = reanchor(edited, sel);
        if (alone.status !== 'orphaned') {
          lookAlikes.push(
            `${JSON.stringify(sel.quote.exact)} → ${JSON.stringify(alone.exact)} (${alone.score})`,
          );
          if (alone.end > para.start && alone.start < para.start + replacement.length)
            wrong.push(
              `new text only: ${JSON.stringify(sel.quote.exact)} → ${JSON.stringify(alone.exact)}`,
            );
          else expect(text.includes(alone.exact)).toBe(true);
        }
      }
    });
    console.log(
      `rewritten paragraphs: ${tried} passages; wrongly placed: ${wrong.length}; ` +
        `placed on a look-alike that was already in the article (new text only): ${lookAlikes.length}` +
        [...wrong, ...lookAlikes].map((w) => `\n  ${w}`).join(''),
    );
    expect(tried).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });
});
