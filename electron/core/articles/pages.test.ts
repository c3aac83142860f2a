import { describe, expect, it } from 'vitest';
import { remapPages } from './pages';
import { textCarry } from './textCarry';

const old = 'Intro paragraph.\n\nPage two starts here.\n\nMore on two.\n\nPage three starts.';
const pages = [
  { label: '1', start: 0 },
  { label: '2', start: old.indexOf('Page two') },
  { label: '3', start: old.indexOf('Page three') },
];

describe('remapPages', () => {
  it('follows the text when paragraphs before a page change', () => {
    const edited =
      'A much longer introduction paragraph than before.\n\nPage two starts here.\n\nMore on two.\n\nPage three starts.';
    expect(remapPages(textCarry(old, edited), pages)).toEqual([
      { label: '1', start: 0 },
      { label: '2', start: edited.indexOf('Page two') },
      { label: '3', start: edited.indexOf('Page three') },
    ]);
  });

  it('drops a page whose text was deleted, and stays in the text', () => {
    const edited = 'Intro paragraph.\n\nPage three starts.';
    const out = remapPages(textCarry(old, edited), pages);
    expect(out.map((p) => p.label)).toEqual(['1', '3']);
    expect(out.every((p) => p.start >= 0 && p.start <= edited.length)).toBe(true);
    expect(out[1]?.start).toBe(edited.indexOf('Page three'));
  });

  it('leaves unchanged text alone', () => {
    expect(remapPages(textCarry(old, old), pages)).toEqual(pages);
  });
});
