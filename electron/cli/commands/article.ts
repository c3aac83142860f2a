import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CommonplaceError, errorMessage } from '../../core/errors';
import { dateToText, nameToText, parseDateText, parseNameLines } from '../../model/metaText';
import {
  ITEM_TYPES,
  MAX_META_FILE_BYTES,
  META_FIELDS,
  type MetaKey,
  type SourceMeta,
  type SourceMetaPatch,
} from '../../model/sourceMeta';
import { collect } from '../options';
import type { CliContext } from '../context';

type Options = Record<string, string | string[] | boolean | undefined>;

/** Commander's property name for `--short-title` is `shortTitle`. */
const prop = (flag: string) => flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The typed options as a patch: names parsed, dates parsed, `--clear FIELD` as null. */
function patchFromOptions(o: Options): SourceMetaPatch {
  const patch: Record<string, unknown> = {};
  for (const f of META_FIELDS) {
    const v = o[prop(f.flag)];
    if (v === undefined || (Array.isArray(v) && !v.length)) continue;
    if (f.kind === 'names') {
      const names = parseNameLines(v as string[]);
      if (!names.length) throw new CommonplaceError('invalid_input', `--${f.flag}: no name given`);
      patch[f.key] = names;
    } else if (f.kind === 'date') {
      const d = parseDateText(v as string);
      if (!d.ok) throw new CommonplaceError('invalid_input', `--${f.flag}: ${d.message}`);
      patch[f.key] = d.date;
    } else patch[f.key] = v;
  }
  for (const flag of (o.clear as string[] | undefined) ?? []) {
    const f = META_FIELDS.find((x) => x.flag === flag || x.key === flag);
    if (!f)
      throw new CommonplaceError(
        'invalid_input',
        `--clear ${flag}: no such field (one of ${META_FIELDS.map((x) => x.flag).join(', ')})`,
      );
    if (f.key in patch)
      throw new CommonplaceError('invalid_input', `--clear ${flag}: the field is also being set`);
    patch[f.key] = null;
  }
  return patch as SourceMetaPatch;
}

/** One line per field: "Authors: Ji, Da-gyum; …". */
function metaLines(meta: SourceMeta): string[] {
  const lines: string[] = [];
  for (const f of META_FIELDS) {
    const v = meta[f.key as MetaKey];
    if (v === undefined) continue;
    let text: string;
    if (f.kind === 'names')
      text = (v as Parameters<typeof nameToText>[0][]).map(nameToText).join('; ');
    else if (f.kind === 'date') text = dateToText(v as Parameters<typeof dateToText>[0]);
    else if (f.kind === 'type') text = `${ITEM_TYPES[v as keyof typeof ITEM_TYPES]} (${String(v)})`;
    else text = String(v);
    lines.push(`${f.label}: ${text}`);
  }
  return lines;
}

/** `commonplace article show|set`: an article's citation metadata. */
export function registerArticleCommands(program: Command, context: CliContext): void {
  const article = program
    .command('article')
    .description("an article's citation metadata (title, authors, date, publication, DOI…)");

  article
    .command('show')
    .description('show the citation metadata of an article')
    .argument('<id>', 'article id')
    .option('--csl', 'print it as CSL-JSON (what citation processors and Zotero read)')
    .option('--json', 'print what import found, what was edited, and the result, as JSON')
    .action(async (id: string, o: { csl?: boolean; json?: boolean }) => {
      const meta = await context.client()('articles.meta', { id });
      if (o.csl) return context.print(meta.csl);
      if (o.json) return context.print(meta);
      for (const line of metaLines(meta.effective)) context.io.out(line);
    });

  article
    .command('meta-import')
    .description(
      'put the metadata of a CSL-JSON, BibTeX or RIS file (e.g. a Zotero export) onto the matching articles (DOI, URL, then title)',
    )
    .argument('<file>', 'the .json, .bib or .ris file')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const path = resolve(file);
      let size: number;
      try {
        size = statSync(path).size;
      } catch (e) {
        throw new CommonplaceError('io_error', `${path}: cannot be read (${errorMessage(e)})`);
      }
      if (size > MAX_META_FILE_BYTES)
        throw new CommonplaceError('invalid_input', `${path}: larger than 5 MB; split the export`);
      const text = readFileSync(path, 'utf8');
      const report = await context.client()('articles.importMeta', { fileName: path, text });
      if (o.json) return context.print(report);
      for (const m of report.matched)
        context.io.out(`matched ${m.entry} → ${m.articleId} by ${m.by} (${m.fields.join(', ')})`);
      for (const a of report.ambiguous)
        context.io.out(
          `ambiguous ${a.entry}: matches ${a.articleIds.join(', ')}; set it with article set`,
        );
      for (const u of report.unmatched)
        context.io.out(`unmatched ${u}: no article has its DOI, URL or title`);
      for (const w of report.warnings ?? []) context.io.out(`warning ${w}`);
      context.io.out(
        `${report.matched.length} matched, ${report.ambiguous.length} ambiguous, ${report.unmatched.length} unmatched`,
      );
    });

  const set = article
    .command('set')
    .description(
      'edit the citation metadata of an article (fields not given stay; --clear FIELD removes an edit)',
    )
    .argument('<id>', 'article id');
  for (const f of META_FIELDS) {
    if (f.kind === 'names')
      set.option(
        `--${f.flag} <name>`,
        `${f.label.toLowerCase()}: "Family, Given", "{Organisation}" (repeat for more)`,
        collect,
        [],
      );
    else if (f.kind === 'date')
      set.option(
        `--${f.flag} <date>`,
        `${f.label.toLowerCase()}: 2024-06-18, 2024-06, 2024, Spring 2019`,
      );
    else if (f.kind === 'type')
      set.option(`--${f.flag} <type>`, `item type: ${Object.keys(ITEM_TYPES).join(', ')}`);
    else set.option(`--${f.flag} <value>`, f.label.toLowerCase());
  }
  set
    .option('--clear <field>', 'remove the edit of this field (repeat for more)', collect, [])
    .option('--json', 'print the result and the patch that undoes the edit as JSON')
    .action(async (id: string, o: Options) => {
      const patch = patchFromOptions(o);
      if (!Object.keys(patch).length)
        throw new CommonplaceError(
          'invalid_input',
          'article set: give at least one field to set (see `article set --help`)',
        );
      const result = await context.client()('articles.setMeta', { id, patch });
      if (o.json) return context.print(result);
      context.io.out(`updated ${id}:`);
      for (const line of metaLines(result.meta.effective)) context.io.out(`  ${line}`);
    });
}
