import { makeBody, type Body } from '../model/body';

/** Every block kind, marks and links, empty spans, and text whose code units and characters differ. */
export const ODD_BODY: Body = makeBody([
  { type: 'heading', level: 2, content: [{ text: 'Ünïcode 🇰🇷 heading' }] },
  {
    type: 'paragraph',
    content: [
      { text: 'Surrogates 𝔘𝔫𝔦 and 😀, ' },
      { text: 'combining é ñ', marks: ['italic'] },
      { text: '' },
      { text: ' ZWJ 👩‍👩‍👧‍👦 🧑🏽‍🚀', href: 'https://example.org/x?y=1', marks: ['bold', 'code'] },
      { text: '', marks: [] },
    ],
  },
  { type: 'quote', content: [{ text: '北京の天気、朝鮮語 평양 and Ελληνικά' }] },
  { type: 'caption', content: [] },
  {
    type: 'list',
    ordered: true,
    items: [[{ text: 'one 1️⃣' }], [], [{ text: 'three', href: 'mailto:a@b.c' }]],
  },
  { type: 'list', ordered: false, items: [] },
  { type: 'code', text: 'const s = "\\n\\n";\n\n  // two blank lines above' },
  { type: 'paragraph', content: [{ text: '\u200b\u200dzero-width\ufeff' }] },
]);
