// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText } from '../../../electron/model/body';
import { mixedBody } from '../../test/bodies';
import { $setBody } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { findMatches } from './findMatcher';
import { domRangesFor, readerText } from './readerRange';

afterEach(cleanUpReaderEditors);

function mountedReader() {
  const { editor } = createReaderEditor();
  editor.update(() => $setBody(mixedBody), { discrete: true });
  return editor;
}

describe('canonical ranges → DOM ranges in the reader', () => {
  const text = bodyToText(mixedBody);

  it('reads the canonical text', () => {
    expect(readerText(mountedReader())).toBe(text);
  });

  it('places every match on exactly its characters, across formats, links, lists, code and emoji', () => {
    const editor = mountedReader();
    for (const query of [
      'putin',
      'PYONGYANG',
      'kcna',
      'alternative trade and',
      '🇰🇵',
      'ITEM',
      'bold',
      'cafe',
      '我们',
      'line two',
      'soft',
      'the West.',
    ]) {
      const matches = findMatches(text, query);
      expect(matches.length, query).toBeGreaterThan(0);
      const ranges = domRangesFor(editor, matches);
      ranges.forEach((range, i) => {
        const { start, end } = matches[i]!;
        expect(range?.toString(), query).toBe(text.slice(start, end));
      });
    }
  });

  it('spans blocks without inventing the separators', () => {
    const editor = mountedReader();
    const start = text.indexOf('Pyongyang');
    const end = text.indexOf('Photo:') + 'Photo:'.length;
    const [range] = domRangesFor(editor, [{ start, end }]);
    expect(range?.toString()).toBe('PyongyangPhoto:');
  });

  it('gives null where no text can be placed', () => {
    const editor = mountedReader();
    expect(domRangesFor(editor, [{ start: text.length + 5, end: text.length + 9 }])).toEqual([
      null,
    ]);
  });
});
