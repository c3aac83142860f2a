import { describe, expect, it } from 'vitest';
import { addTags, cleanTagName, removeTag, sameTags, suggestTags, tagKey } from './tagNames';

describe('tag names in the tag input', () => {
  it('cleans what was typed: leading #, spaces, control characters', () => {
    expect(cleanTagName('  #sanctions  ')).toBe('sanctions');
    expect(cleanTagName('##north   korea')).toBe('north korea');
    expect(cleanTagName('a\tb\nc\u0000d')).toBe('a b c d');
    expect(cleanTagName('   ')).toBe('');
    expect(cleanTagName('#')).toBe('');
    expect(cleanTagName('C#')).toBe('C#');
  });

  it('treats names differing only in case or Unicode form as one tag', () => {
    expect(tagKey('Sanctions')).toBe(tagKey('sanctions'));
    expect(tagKey('Café')).toBe(tagKey('cafe\u0301'));
    expect(tagKey('ＡＢＣ')).toBe(tagKey('abc'));
    expect(tagKey('north korea')).not.toBe(tagKey('north-korea'));
  });

  it('adds typed names, comma-separated, without case duplicates', () => {
    expect(addTags([], 'sanctions')).toEqual(['sanctions']);
    expect(addTags(['sanctions'], 'Sanctions')).toEqual(['sanctions']);
    expect(addTags(['a'], 'b, c,, ,B')).toEqual(['a', 'b', 'c']);
    expect(addTags([], '  ')).toEqual([]);
    expect(addTags([], '#russia')).toEqual(['russia']);
  });

  it('takes the spelling of a known tag', () => {
    expect(addTags([], 'NORTH KOREA', ['North Korea', 'trade'])).toEqual(['North Korea']);
    expect(addTags([], 'new one', ['North Korea'])).toEqual(['new one']);
  });

  it('removes a tag whatever its case', () => {
    expect(removeTag(['Trade', 'sanctions'], 'trade')).toEqual(['sanctions']);
    expect(removeTag(['a'], 'b')).toEqual(['a']);
  });

  it('suggests known tags: prefix matches first, minus those already chosen', () => {
    const known = ['arms trade', 'sanctions', 'trade', 'Trade routes', 'russia'];
    expect(suggestTags(known, 'tra', ['trade'])).toEqual(['Trade routes', 'arms trade']);
    expect(suggestTags(known, '', [], 2)).toEqual(['arms trade', 'sanctions']);
    expect(suggestTags(known, 'zzz', [])).toEqual([]);
  });

  it('compares tag lists ignoring case and order', () => {
    expect(sameTags(['a', 'B'], ['b', 'A'])).toBe(true);
    expect(sameTags(['a'], ['a', 'b'])).toBe(false);
    expect(sameTags(['a', 'b'], ['a', 'c'])).toBe(false);
  });
});
