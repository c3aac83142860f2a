/** Bodies shared by the passage tests: every block type, inline marks, links, emoji. */
import { makeBody, type Body } from '../../electron/model/body';

export const mixedBody: Body = makeBody([
  {
    type: 'heading',
    level: 2,
    content: [{ text: 'Putin arrives in ' }, { text: 'Pyongyang', marks: ['italic'] }],
  },
  {
    type: 'caption',
    content: [
      { text: 'Photo: ' },
      { text: 'KCNA', marks: ['bold'] },
      { text: ' (Pool Photo via AFP)' },
    ],
  },
  {
    type: 'paragraph',
    content: [
      { text: 'Russia seeks ' },
      { text: 'alternative trade', href: 'https://example.com/trade' },
      { text: ' and mutual settlements mechanisms 🇰🇵 not controlled by the West.' },
    ],
  },
  { type: 'paragraph', content: [] },
  {
    type: 'list',
    ordered: false,
    items: [
      [{ text: 'first 😀 item' }],
      [{ text: 'second ' }, { text: 'bold', marks: ['bold'] }],
      [{ text: 'third' }],
    ],
  },
  { type: 'quote', content: [{ text: '“We will stand together,” he said — 我们 café' }] },
  { type: 'code', text: 'line one\n\tline two\n\nline four' },
  { type: 'figure', content: [{ text: 'Seoul Pyongyang 0 50 100 km' }] },
  { type: 'paragraph', content: [{ text: 'A soft\nline break at the end.' }] },
]);
