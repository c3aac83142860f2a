/**
 * A small full-library JSON document (the `export --all --format json` shape) built with fixed
 * ids and timestamps, so the seed is the same bytes every run: one article with its original, a
 * tag on it, a tagged passage, a note quoting the passage and a link.
 */
import { createHash } from 'node:crypto';
import { bodyToText, type Body } from '../../model/body';
import { migrations } from '../../core/db/migrations';
import { contextAround } from '../../core/passages/anchoring/selectors';
import { tagKey } from '../../core/tags/names';
import { LIBRARY_JSON_FORMAT, LIBRARY_JSON_VERSION } from '../../core/transfer/schema';

const STAMP = '2024-06-18T12:00:00.000Z';
export const SEED_IDS = {
  article: '0190a000-0000-7000-8000-00000000a001',
  tag: '0190a000-0000-7000-8000-00000000b001',
  passage: '0190a000-0000-7000-8000-00000000c001',
  note: '0190a000-0000-7000-8000-00000000d001',
  link: '0190a000-0000-7000-8000-00000000e001',
};

export function libraryJsonSeed() {
  const original = 'The harbour wall moved four centimetres.\n\nEngineers blamed the storms.\n';
  const hash = createHash('sha256').update(original).digest('hex');
  const body: Body = {
    version: 1,
    blocks: [
      { type: 'heading', level: 1, content: [{ text: 'Harbour survey' }] },
      {
        type: 'paragraph',
        content: [
          { text: 'The harbour wall moved ' },
          { text: 'four centimetres', marks: ['bold'] },
          { text: '.' },
        ],
      },
      { type: 'paragraph', content: [{ text: 'Engineers blamed the storms.' }] },
    ],
  };
  const text = bodyToText(body);
  const start = text.indexOf('four centimetres');
  const end = start + 'four centimetres'.length;
  const noteText = 'Quoted: four centimetres';
  const noteDoc = {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [
            {
              type: 'text',
              version: 1,
              detail: 0,
              format: 0,
              mode: 'normal',
              style: '',
              text: noteText,
            },
          ],
        },
      ],
    },
  };
  return {
    format: LIBRARY_JSON_FORMAT,
    version: LIBRARY_JSON_VERSION,
    schemaVersion: migrations.at(-1)!.version,
    exportedAt: STAMP,
    tables: {
      originals: [
        {
          hash,
          bytes: Buffer.from(original).toString('base64'),
          size: Buffer.byteLength(original),
          media_type: 'text/plain',
          file_name: 'harbour.txt',
          created_at: STAMP,
        },
      ],
      articles: [
        {
          rid: 1,
          id: SEED_IDS.article,
          title: 'Harbour survey',
          subtitle: null,
          byline: 'Ada Marsh',
          published: '2024-06-18',
          site_name: null,
          lang: 'en',
          excerpt: null,
          source: null,
          format: 'text',
          hash,
          text,
          body: JSON.stringify(body),
          created_at: STAMP,
          updated_at: STAMP,
          pages: null,
        },
      ],
      // Citation metadata (version 2): an imported field and an edit, for mutations to spoil.
      article_meta: [
        {
          article_id: SEED_IDS.article,
          imported: JSON.stringify({ type: 'report', issued: { 'date-parts': [[2024, 6, 18]] } }),
          edited: JSON.stringify({ author: [{ family: 'Marsh', given: 'Ada' }], volume: '3' }),
          updated_at: STAMP,
        },
      ],
      tags: [
        {
          id: SEED_IDS.tag,
          name: 'harbours',
          name_key: tagKey('harbours'),
          color: '#ffcc00',
          created_at: STAMP,
          updated_at: STAMP,
        },
      ],
      article_tags: [{ article_id: SEED_IDS.article, tag_id: SEED_IDS.tag, created_at: STAMP }],
      passages: [
        {
          id: SEED_IDS.passage,
          article_id: SEED_IDS.article,
          exact: text.slice(start, end),
          ...contextAround(text, start, end),
          start,
          end,
          orphaned: 0,
          color: 'yellow',
          comment: 'the key figure',
          deleted_at: null,
          created_at: STAMP,
          updated_at: STAMP,
        },
      ],
      passage_tags: [{ passage_id: SEED_IDS.passage, tag_id: SEED_IDS.tag, created_at: STAMP }],
      notes: [
        {
          rid: 1,
          id: SEED_IDS.note,
          title: 'Walls',
          excerpt: noteText,
          word_count: 3,
          deleted_at: null,
          created_at: STAMP,
          updated_at: STAMP,
          text: noteText,
          doc: JSON.stringify(noteDoc),
        },
      ],
      note_tags: [{ note_id: SEED_IDS.note, tag_id: SEED_IDS.tag, created_at: STAMP }],
      links: [
        {
          id: SEED_IDS.link,
          from_article: null,
          from_passage: SEED_IDS.passage,
          from_note: null,
          to_article: SEED_IDS.article,
          to_passage: null,
          to_note: null,
          relation: 'supports',
          origin: 'link',
          created_at: STAMP,
        },
      ],
    },
  };
}
