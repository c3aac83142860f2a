import { describe, expect, it } from 'vitest';
import { analyzeDoc, checkDoc, countWords, excerptOf, MAX_DOC_DEPTH } from './docWalk';
import {
  headingNode,
  lineBreakNode,
  linkNode,
  listItemNode,
  listNode,
  paragraphNode,
  rootDoc,
  textNode,
  type JsonNode,
} from './lexicalJson';

const P1 = '01900000-0000-7000-8000-000000000001';
const A1 = '01900000-0000-7000-8000-000000000002';

describe('note document text and references', () => {
  it('separates blocks by blank lines, keeps line breaks, and reads quotes and mentions', () => {
    const doc = checkDoc(
      rootDoc([
        headingNode(1, [textNode('Title')]),
        paragraphNode([
          textNode('One '),
          linkNode('https://x.org', [textNode('link')]),
          lineBreakNode(),
          textNode('two'),
        ]),
        { type: 'passage-quote', version: 1, passageId: P1, quote: 'Quoted words', citation: 'C' },
        listNode('bullet', 1, [listItemNode([textNode('a')], 1), listItemNode([textNode('b')], 2)]),
        paragraphNode([
          { type: 'mention', version: 1, ref: { kind: 'article', id: A1 }, label: 'An article' },
          textNode(' and again '),
          { type: 'mention', version: 1, ref: { kind: 'article', id: A1 }, label: 'it' },
        ]),
        { type: 'passage-quote', version: 1, passageId: P1, quote: 'Quoted words', citation: 'C' },
      ]),
    );
    const a = analyzeDoc(doc);
    expect(a.text).toBe(
      'Title\n\nOne link\ntwo\n\nQuoted words\n\na\n\nb\n\nAn article and again it\n\nQuoted words',
    );
    expect(a.mentions).toEqual([{ kind: 'article', id: A1 }]);
    expect(a.quotedPassageIds).toEqual([P1]);
  });

  it('refuses documents that are not Lexical JSON, naming the node at fault', () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /root: missing/],
      [{ root: { type: 'paragraph', children: [] } }, /root\.type: must be "root"/],
      [{ root: { type: 'root', children: {} } }, /root\.children: must be an array/],
      [{ root: { type: 'root', children: [42] } }, /root\.children\.0: a node must be an object/],
      [
        { root: { type: 'root', children: [{ children: [] }] } },
        /root\.children\.0\.type: missing node type/,
      ],
      [
        { root: { type: 'root', children: [{ type: 'paragraph', children: 'x' }] } },
        /root\.children\.0\.children: must be an array/,
      ],
      [
        {
          root: {
            type: 'root',
            children: [
              { type: 'passage-quote', version: 1, passageId: 'nope', quote: '', citation: '' },
            ],
          },
        },
        /root\.children\.0\.passageId: passage-quote node: must be a UUIDv7/,
      ],
      [
        {
          root: {
            type: 'root',
            children: [
              {
                type: 'paragraph',
                children: [
                  { type: 'mention', version: 1, ref: { kind: 'tag', id: A1 }, label: 'x' },
                ],
              },
            ],
          },
        },
        /children\.0\.children\.0\.ref\.kind: mention node/,
      ],
    ];
    for (const [doc, message] of bad)
      expect(() => checkDoc(doc), JSON.stringify(doc)).toThrow(message);
  });

  it('refuses a document nested deeper than any editor makes, without overflowing the stack', () => {
    let node: JsonNode = textNode('deep');
    for (let i = 0; i < 100_000; i++) node = { type: 'quote', children: [node] };
    expect(() => checkDoc(rootDoc([node]))).toThrow(
      new RegExp(`nested deeper than ${MAX_DOC_DEPTH} levels`),
    );
  });
});

describe('countWords', () => {
  it('counts words between spaces, CJK characters one each, and Thai by the dictionary', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one, two —  three…  ')).toBe(3);
    expect(countWords("don't stop well-known 3.14 café")).toBe(5);
    expect(countWords('我们的研究')).toBe(5);
    expect(countWords('東京タワーへ行く')).toBe(8);
    expect(countWords('한국어 단어')).toBe(2);
    expect(countWords('Tokyo東京 ok')).toBe(4);
    expect(countWords('ภาษาไทยง่ายนิดเดียว')).toBeGreaterThan(2);
    expect(countWords('— … !!')).toBe(0);
  });

  it('counts a 5 MB text in one pass (a long unspaced run is segmented in chunks)', () => {
    expect(countWords('The quick brown fox. '.repeat(250_000))).toBe(1_000_000);
    expect(countWords('ไทย'.repeat(20_000))).toBeGreaterThan(1000);
  });
});

describe('excerptOf', () => {
  it('folds whitespace and cuts at a word boundary', () => {
    expect(excerptOf('a\n\nb   c')).toBe('a b c');
    const long = 'word '.repeat(100);
    const e = excerptOf(long, 50);
    expect(e.endsWith('…')).toBe(true);
    expect(e.length).toBeLessThanOrEqual(51);
    expect(e).not.toMatch(/wor…$/);
  });
});
