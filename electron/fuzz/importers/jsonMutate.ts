/**
 * Hostile library JSON documents: the seed export with one row's field given a hostile value
 * (wrong types, huge strings, bodies of the wrong shape, offsets outside the text, paths to
 * system files, colours and dates that are not), a row dropped or doubled, a header that lies,
 * or a document nested far deeper than any export.
 */
import { int, pick, type Generator, type Mutated, type Rng } from './mutate';
import { libraryJsonSeed } from './jsonSeed';

type Doc = ReturnType<typeof libraryJsonSeed>;
type Row = Record<string, unknown>;

const enc = new TextEncoder();
const out = (doc: unknown, how: string): Mutated => ({
  bytes: enc.encode(JSON.stringify(doc)),
  how,
});

/** Values that are wrong somewhere; which field gets them is random. */
function hostileValue(rng: Rng, scale: number): [unknown, string] {
  const values: [() => unknown, string][] = [
    [() => null, 'null'],
    [() => -1, '-1'],
    [() => 2 ** 53, '2^53'],
    [() => 1.5, '1.5'],
    [() => '', 'an empty string'],
    [() => [], '[]'],
    [() => ({}), '{}'],
    [() => true, 'true'],
    [
      () => 'x'.repeat(Math.round(100_000 * scale)),
      `a ${Math.round(100_000 * scale)}-character string`,
    ],
    [() => '/etc/passwd', '"/etc/passwd"'],
    [() => '\u202e\u0000\ud800', 'bidi + NUL + lone surrogate'],
    [() => '[]', 'the JSON text "[]"'],
    [
      () => JSON.stringify({ version: 1, blocks: [{ type: 'video', src: 'x' }] }),
      'a body with an unknown block type',
    ],
    [
      () => JSON.stringify({ version: 1, blocks: [{ type: 'paragraph', content: 'not a list' }] }),
      'a body with content of the wrong shape',
    ],
    [() => JSON.stringify({ version: 2, blocks: [] }), 'a body of version 2'],
    [
      () => JSON.stringify({ root: { type: 'paragraph', children: 'x' } }),
      'a note doc of the wrong shape',
    ],
    [() => 'not a date', '"not a date"'],
    [() => 'javascript:alert(1)', 'a javascript: URL'],
    [() => 'red; background:url(x)', 'a CSS injection as a colour'],
  ];
  const [make, how] = pick(rng, values);
  return [make(), how];
}

const TABLE_KEYS = [
  'originals',
  'articles',
  'tags',
  'article_tags',
  'passages',
  'passage_tags',
  'notes',
  'note_tags',
  'links',
] as const;

export const jsonGenerators: Generator[] = [
  (rng, scale) => {
    const doc: Doc = libraryJsonSeed();
    const table = pick(rng, TABLE_KEYS);
    const row = (doc.tables[table] as Row[])[0]!;
    const field = pick(rng, Object.keys(row));
    const [value, what] = hostileValue(rng, scale);
    row[field] = value;
    return out(doc, `tables.${table}[0].${field} = ${what}`);
  },
  (rng) => {
    // Offsets outside the text, or reversed.
    const doc = libraryJsonSeed();
    const p = doc.tables.passages[0]! as Row;
    const len = doc.tables.articles[0]!.text.length;
    const [start, end] = pick(rng, [
      [len + 5, len + 10],
      [10, 5],
      [0, len * 1000],
      [3, 3],
    ]);
    Object.assign(p, { start, end });
    return out(doc, `passage offsets ${start}..${end} in a ${len}-character text`);
  },
  (rng) => {
    const doc = libraryJsonSeed();
    const a = doc.tables.articles[0]! as Row;
    a.text = pick(rng, ['', 'a different text than the body', a.text + 'x'.repeat(1000)]);
    return out(doc, 'article text disagrees with its body');
  },
  (rng) => {
    const doc = libraryJsonSeed();
    const table = pick(rng, TABLE_KEYS);
    const rows = doc.tables[table] as Row[];
    const drop = rng() < 0.5;
    if (drop) rows.splice(0, 1);
    else rows.push({ ...rows[0]! });
    return out(doc, `tables.${table}: row ${drop ? 'dropped' : 'doubled'}`);
  },
  (rng) => {
    const doc = libraryJsonSeed() as unknown as Row;
    const field = pick(rng, ['format', 'version', 'schemaVersion', 'exportedAt', 'tables']);
    const [value, what] = hostileValue(rng, 1);
    doc[field] = value;
    return out(doc, `header ${field} = ${what}`);
  },
  (rng) => {
    const doc = libraryJsonSeed();
    const extra = pick(rng, [
      'sqlite_master',
      'changes',
      '__proto__',
      'constructor',
      'articles_fts',
    ]);
    // Built as text: `__proto__` would not survive as an own key of an object literal.
    const text = JSON.stringify(doc).replace(
      '"tables":{',
      `"tables":{${JSON.stringify(extra)}:[{"x":1}],`,
    );
    return { bytes: enc.encode(text), how: `an extra table ${extra}` };
  },
  (rng, scale) => {
    const depth = Math.round((1_000 + int(rng, 10_000)) * scale);
    return {
      bytes: enc.encode(`${'['.repeat(depth)}${']'.repeat(depth)}`),
      how: `an array nested ${depth} deep`,
    };
  },
  (rng, scale) => {
    const depth = Math.round((500 + int(rng, 5_000)) * scale);
    const doc = libraryJsonSeed();
    const text = JSON.stringify(doc).replace(
      '"tables":{',
      `"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"tables":{`,
    );
    return { bytes: enc.encode(text), how: `an extra header key nested ${depth} deep` };
  },
  (rng, scale) => {
    // Many rows: the same tag under fresh ids (a big, valid restore).
    const doc = libraryJsonSeed();
    const n = Math.round((50 + int(rng, 500)) * scale);
    for (let i = 0; i < n; i++)
      doc.tables.tags.push({
        ...doc.tables.tags[0]!,
        id: `t${i}`,
        name: `tag ${i}`,
        name_key: `tag ${i}`,
      });
    return out(doc, `${n} more tags`);
  },
];
