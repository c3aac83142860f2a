import { describe, expect, it } from 'vitest';
import { putinArticle } from '../../../test/anchoring-corpus/texts';
import { describeRange, findQuote, reanchor, reanchorAfterEdit, type Selectors } from './index';

const P = putinArticle();

function select(text: string, quote: string, occurrence = 1): Selectors {
  const { start, end } = findQuote(text, quote, occurrence);
  return describeRange(text, start, end);
}

describe('reanchorAfterEdit', () => {
  it('places passages in unchanged paragraphs by the diff alone', () => {
    const text = P.replace('Send to', 'Send this article to').replace(
      'pivotal opportunity',
      'historic opportunity',
    );
    const sels = [
      select(P, 'Vostochny Cosmodrome'),
      select(P, 'strategic ambiguity'),
      select(P, 'signed a presidential decree'),
    ];
    const got = reanchorAfterEdit(P, text, sels);
    const shift = (at: number): number => 13 + (at > P.indexOf('pivotal') ? 1 : 0); // "Send this article to", "historic"
    sels.forEach((sel, i) =>
      expect(got[i]).toEqual({
        status: 'quote',
        start: sel.position.start + shift(sel.position.start),
        end: sel.position.end + shift(sel.position.start),
        exact: sel.quote.exact,
        score: 1,
      }),
    );
  });

  it('agrees with reanchor on edited passages', () => {
    const text = P.replace('a pivotal opportunity to broaden', 'an opportunity to broaden');
    const sel = select(P, 'represents a pivotal opportunity to broaden bilateral cooperation');
    expect(reanchorAfterEdit(P, text, [sel])).toEqual([reanchor(text, sel)]);
  });

  it('keeps the passage on its own copy when the diff is the only witness', () => {
    // The passage's paragraph is duplicated with its context, then a long note is inserted above:
    // the copy is now nearer the passage's old offset than the passage itself.
    const para = P.slice(
      P.indexOf('Putin also highlighted'),
      P.indexOf('\n', P.indexOf('Putin also highlighted')),
    );
    const old = 'Intro.\n\n' + para + '\n\nFiller paragraph one.\n\n' + para + '\n\nEnd.';
    const sel = select(old, 'ready to closely work together', 2);
    const text = 'N'.repeat(400) + '\n\n' + old;
    expect(reanchorAfterEdit(old, text, [sel])[0]).toMatchObject({
      status: 'quote',
      start: sel.position.start + 402,
    });
    // From the new text alone both copies look the same, and the nearer one is taken.
    expect(reanchor(text, sel)).toMatchObject({
      status: 'quote',
      start: findQuote(text, 'ready to closely work together', 1).start,
    });
  });

  it('treats selectors that do not describe the old text like reanchor does', () => {
    const stale: Selectors = {
      quote: { exact: 'Vostochny Cosmodrome', prefix: '', suffix: '' },
      position: { start: 3, end: 23 },
    };
    const text = 'Note.\n\n' + P;
    expect(reanchorAfterEdit(P, text, [stale])).toEqual([reanchor(text, stale)]);
  });

  it('orphans everything when the new text is empty', () => {
    expect(reanchorAfterEdit(P, '', [select(P, 'Putin')])).toEqual([{ status: 'orphaned' }]);
  });
});
