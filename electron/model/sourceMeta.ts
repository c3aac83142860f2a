/**
 * A source's citation metadata: the CSL-JSON fields an article can carry, declared once here.
 * The zod schemas, the edit patch, the CLI's `article set` flags and the Edit details dialog are
 * all derived from `META_FIELDS`, so adding a field is one line.
 *
 * Stored values are CSL-JSON as citeproc reads it (names split into family/given or a literal,
 * dates as `date-parts` with the precision known), except `subtitle`, which CSL has no variable
 * for: `articleToCsl` joins it to the title.
 *
 * Runtime-neutral (imports only zod): core, API, CLI and renderer all read it.
 */
import { z } from 'zod';

/** The item types offered, with the label a person reads (CSL 1.0.2 type names). */
export const ITEM_TYPES = {
  'article-newspaper': 'News article',
  'article-magazine': 'Magazine article',
  'article-journal': 'Journal article',
  book: 'Book',
  chapter: 'Book chapter',
  'paper-conference': 'Conference paper',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'Web page',
  'post-weblog': 'Blog post',
  'entry-encyclopedia': 'Encyclopedia entry',
  dataset: 'Dataset',
  document: 'Document',
} as const;
export type CslType = keyof typeof ITEM_TYPES;
export const CslTypeSchema = z.enum(Object.keys(ITEM_TYPES) as [CslType, ...CslType[]]);

const NamePart = z.string().trim().min(1).max(300);

/** A person (family + given) or an organisation / unsplittable name (literal). */
export const CslNameSchema = z
  .strictObject({
    family: NamePart.optional(),
    given: NamePart.optional(),
    literal: NamePart.optional(),
    'non-dropping-particle': NamePart.optional(),
    'dropping-particle': NamePart.optional(),
    suffix: NamePart.optional(),
  })
  .refine((n) => Boolean(n.family) !== Boolean(n.literal), {
    message: 'a name has either a family name (a person) or a literal name (an organisation)',
  });
export type CslName = z.infer<typeof CslNameSchema>;
/** Most names a field holds; a longer list keeps its first names and then OTHERS. */
export const MAX_NAMES = 500;
/** CSL-JSON's "and others" (citation-js reads BibTeX's `and others` so): styles print it as et al. */
export const OTHERS: CslName = { family: 'others' };
const NamesSchema = z.array(CslNameSchema).min(1).max(MAX_NAMES);

/** 1 spring, 2 summer, 3 autumn, 4 winter (CSL's season numbers). */
export const SEASONS = ['Spring', 'Summer', 'Autumn', 'Winter'] as const;

const DateParts = z
  .tuple([
    z.number().int().min(-9999).max(9999),
    z.number().int().min(1).max(12).optional(),
    z.number().int().min(1).max(31).optional(),
  ])
  .refine(([, m, d]) => d === undefined || m !== undefined, { message: 'a day needs a month' });

/**
 * A date with the precision known: [year], [year, month] or [year, month, day]; a range is two
 * parts. A season keeps the text it came from as `literal` ("Spring 2019") beside its number.
 */
export const CslDateSchema = z
  .strictObject({
    'date-parts': z.array(DateParts).min(1).max(2).optional(),
    season: z.union([z.number().int().min(1).max(4), z.string().trim().min(1).max(40)]).optional(),
    circa: z.boolean().optional(),
    literal: z.string().trim().min(1).max(200).optional(),
  })
  .refine((d) => d['date-parts'] || d.literal, {
    message: 'a date needs a year (date-parts) or a literal',
  });
export type CslDate = z.infer<typeof CslDateSchema>;

const Text = z.string().trim().min(1).max(2000);
const Short = z.string().trim().min(1).max(200);
const Url = z
  .string()
  .trim()
  .max(2000)
  // Case-insensitive scheme spelled out: the API fuzzer generates strings from flag-free patterns.
  .regex(
    /^[hH][tT][tT][pP][sS]?:\/\/\S+$/,
    'a URL starts with http:// or https:// and has no spaces',
  );
const Doi = z
  .string()
  .trim()
  .max(300)
  .transform((v) => v.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''))
  .pipe(z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abc'));

const KINDS = {
  type: CslTypeSchema,
  text: Text,
  short: Short,
  url: Url,
  doi: Doi,
  names: NamesSchema,
  date: CslDateSchema,
} as const;
type Kind = keyof typeof KINDS;

interface FieldSpec {
  /** The CSL-JSON variable (or `subtitle`). */
  readonly key: string;
  readonly kind: Kind;
  /** What the dialog and messages call it. */
  readonly label: string;
  /** The CLI's `article set --FLAG`. */
  readonly flag: string;
}

/** Every metadata field, in the order the dialog shows them. */
export const META_FIELDS = [
  { key: 'type', kind: 'type', label: 'Item type', flag: 'type' },
  { key: 'title', kind: 'text', label: 'Title', flag: 'title' },
  { key: 'subtitle', kind: 'text', label: 'Subtitle', flag: 'subtitle' },
  { key: 'title-short', kind: 'text', label: 'Short title', flag: 'short-title' },
  { key: 'author', kind: 'names', label: 'Authors', flag: 'author' },
  { key: 'editor', kind: 'names', label: 'Editors', flag: 'editor' },
  { key: 'translator', kind: 'names', label: 'Translators', flag: 'translator' },
  { key: 'issued', kind: 'date', label: 'Date', flag: 'issued' },
  // Not a CSL 1.0 variable: a web page's revision date. It stands in for a missing issued date
  // (processor.ts), and the bundled Chicago styles print it as "Last modified …" (CMOS 14.207).
  { key: 'modified', kind: 'date', label: 'Last modified', flag: 'modified' },
  { key: 'container-title', kind: 'text', label: 'Publication', flag: 'container' },
  { key: 'volume', kind: 'short', label: 'Volume', flag: 'volume' },
  { key: 'issue', kind: 'short', label: 'Issue', flag: 'issue' },
  { key: 'edition', kind: 'short', label: 'Edition', flag: 'edition' },
  { key: 'number', kind: 'short', label: 'Report number', flag: 'number' },
  { key: 'genre', kind: 'short', label: 'Genre (thesis type…)', flag: 'genre' },
  { key: 'page', kind: 'short', label: 'Pages', flag: 'pages' },
  { key: 'publisher', kind: 'text', label: 'Publisher', flag: 'publisher' },
  { key: 'publisher-place', kind: 'text', label: 'Place', flag: 'place' },
  { key: 'URL', kind: 'url', label: 'URL', flag: 'url' },
  { key: 'DOI', kind: 'doi', label: 'DOI', flag: 'doi' },
  { key: 'ISBN', kind: 'short', label: 'ISBN', flag: 'isbn' },
  { key: 'ISSN', kind: 'short', label: 'ISSN', flag: 'issn' },
  { key: 'language', kind: 'short', label: 'Language', flag: 'language' },
  { key: 'accessed', kind: 'date', label: 'Accessed', flag: 'accessed' },
] as const satisfies readonly FieldSpec[];

export type MetaField = (typeof META_FIELDS)[number];
export type MetaKey = MetaField['key'];
type SchemaOf<K extends MetaKey> = (typeof KINDS)[Extract<MetaField, { key: K }>['kind']];

const fieldShape = <T>(wrap: (s: (typeof KINDS)[Kind]) => T) =>
  Object.fromEntries(META_FIELDS.map((f) => [f.key, wrap(KINDS[f.kind])]));

/** The metadata an article carries: every field optional, nothing else allowed. */
export const SourceMetaSchema = z.strictObject(
  fieldShape((s) => s.optional()) as { [K in MetaKey]: z.ZodOptional<SchemaOf<K>> },
);
export type SourceMeta = z.infer<typeof SourceMetaSchema>;

/** An edit: the fields given are set, a field given as null is cleared, the others stay. */
export const SourceMetaPatchSchema = z.strictObject(
  fieldShape((s) => s.nullable().optional()) as {
    [K in MetaKey]: z.ZodOptional<z.ZodNullable<SchemaOf<K>>>;
  },
);
export type SourceMetaPatch = z.infer<typeof SourceMetaPatchSchema>;

/** `base` with `patch` applied (null clears a field). */
export function applyMetaPatch(base: SourceMeta, patch: SourceMetaPatch): SourceMeta {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out as SourceMeta;
}

/**
 * A name list longer than MAX_NAMES as its first names and OTHERS (so the style still prints the
 * first authors and "et al."), with a warning naming the field; any other value as it is.
 */
function capNames(key: string, v: unknown, warn: (message: string) => void): unknown {
  if (!Array.isArray(v) || v.length <= MAX_NAMES) return v;
  const kept = MAX_NAMES - 1;
  warn(`${key}: ${v.length} names, more than ${MAX_NAMES}; kept the first ${kept}, then "others"`);
  return [...v.slice(0, kept), OTHERS];
}

/**
 * The fields of `raw` that validate, the rest dropped: stored metadata written by an older or
 * newer build, or what an importer found in a file, never breaks every citation of an article.
 * `warn` hears what was kept only in part.
 */
export function validMetaFields(
  raw: unknown,
  warn: (message: string) => void = () => {},
): SourceMeta {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const f of META_FIELDS) {
    let v = (raw as Record<string, unknown>)[f.key];
    if (v === undefined) continue;
    if (f.kind === 'names') v = capNames(f.key, v, warn);
    const parsed = KINDS[f.kind].safeParse(v);
    if (parsed.success) out[f.key] = parsed.data;
  }
  return out as SourceMeta;
}

/** Stored metadata (JSON text) read back field by field. */
export function readStoredMeta(json: string | null | undefined): SourceMeta {
  if (!json) return {};
  try {
    return validMetaFields(JSON.parse(json));
  } catch {
    return {};
  }
}

/** A CSL-JSON item as citeproc and the BibTeX/RIS writers read it (`subtitle` joined to the title). */
export type CslItem = Omit<SourceMeta, 'subtitle' | 'type' | 'title'> & {
  id: string;
  type: CslType;
  title: string;
};

/** A CSL item as the API carries it. */
export const CslItemSchema = SourceMetaSchema.omit({
  subtitle: true,
  type: true,
  title: true,
}).extend({ id: z.string(), type: CslTypeSchema, title: z.string() });

/** An article's metadata as the API answers it. */
export const ArticleMetaSchema = z.object({
  id: z.string(),
  /** What the importer found. */
  imported: SourceMetaSchema,
  /** What the user set: wins over everything else. */
  edited: SourceMetaSchema,
  /** What every citation uses: edits over import over the article's own fields. */
  effective: SourceMetaSchema,
  csl: CslItemSchema,
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** Largest CSL-JSON, BibTeX or RIS file whose metadata is imported (an untrusted parse stays short). */
export const MAX_META_FILE_BYTES = 5 * 1024 * 1024;

/** What importing a CSL-JSON, BibTeX or RIS file onto the library did, entry by entry. */
export const MetaImportReportSchema = z.object({
  matched: z.array(
    z.object({
      entry: z.string(),
      articleId: z.string(),
      by: z.enum(['DOI', 'URL', 'title']),
      fields: z.array(z.string()),
      /** The patch (`articles.setMeta`) that takes this article's import back. */
      undo: SourceMetaPatchSchema,
    }),
  ),
  unmatched: z.array(z.string()),
  ambiguous: z.array(z.object({ entry: z.string(), articleIds: z.array(z.string()) })),
  /** What was applied only in part ("“Title”: author: 612 names…"); absent when nothing was. */
  warnings: z.array(z.string()).optional(),
});
export type MetaImportReport = z.infer<typeof MetaImportReportSchema>;
