import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  CITATION_STYLES,
  CitationStyleSchema,
  EXPORT_FORMATS,
  NOTE_EXPORT_FORMATS,
  type CitationStyle,
  type ExportFormat,
  type NoteExportFormat,
} from '../../model/export';
import { CommonplaceError } from '../../core/errors';
import type { CliContext } from '../context';
import { collect } from '../options';
import { exportWholeLibrary } from './transfer';

function parseStyle(value: string): CitationStyle {
  const parsed = CitationStyleSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(
      `--style must be ${CITATION_STYLES.join(', ')} or user:ID (an added style, see style list).`,
    );
  return parsed.data;
}

const FORMAT_NAMES: Record<ExportFormat, string> = {
  md: 'Markdown',
  obsidian: 'Obsidian folder',
  csv: 'CSV',
  json: 'Web Annotation JSON',
  html: 'HTML',
  docx: 'Word (DOCX)',
  csljson: 'CSL-JSON',
  bibtex: 'BibTeX',
  ris: 'RIS',
};

function isoDate(flag: string) {
  return (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
      throw new InvalidArgumentError(`${flag} must be a date like 2024-06-18.`);
    return v;
  };
}

interface ExportFlags {
  tag: string[];
  allTags?: boolean;
  article: string[];
  search?: string;
  from?: string;
  to?: string;
  dateField: 'passage' | 'article';
  format: ExportFormat;
  style?: CitationStyle;
  groupBy: 'tag' | 'source';
  title?: string;
  out?: string;
  json?: boolean;
  note?: string;
  all?: boolean;
}

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `export --note ID` without a file: the note's Markdown on stdout, via `export.note`. */
async function printNote(
  context: CliContext,
  command: Command,
  id: string,
  o: ExportFlags,
): Promise<void> {
  if (o.format === 'docx')
    return command.error('error: --note with --format docx writes a Word file: give --out FILE');
  const file = await context.client()('export.note', {
    id,
    format: o.format as NoteExportFormat,
    style: o.style,
  });
  if (o.json) return context.print(file);
  // io.out ends each line itself: drop the file's final newline, keep the rest as written.
  context.io.out(Buffer.from(file.dataBase64, 'base64').toString('utf8').replace(/\n$/, ''));
}

/** `commonplace export`: passages with their sources, to a file (or an Obsidian folder). */
export function registerExportCommands(program: Command, context: CliContext): void {
  program
    .command('export')
    .description(
      'export passages with their sources and citations (Markdown, Obsidian, CSV, Web Annotation JSON, HTML, DOCX)',
    )
    .option(
      '--tag <tag>',
      'passages with this tag (repeat for more; any of them, or all with --all-tags)',
      collect,
      [],
    )
    .option('--all-tags', 'only passages carrying every --tag')
    .option('--article <id>', 'passages of this article (repeat for more)', collect, [])
    .option('--search <query>', 'passages found by this search (the search syntax)')
    .option(
      '--note <id>',
      'export this note instead (--format md or docx): passage quotes as block quotes with citations (--style: in-text citations and a reference list)',
    )
    .option('--from <date>', 'from this date (YYYY-MM-DD, inclusive)', isoDate('--from'))
    .option('--to <date>', 'until this date (YYYY-MM-DD, inclusive)', isoDate('--to'))
    .addOption(
      new Option(
        '--date-field <field>',
        'what --from/--to bound: when the passage was kept, or when its source was published',
      )
        .choices(['passage', 'article'])
        .default('passage'),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--style <style>',
        `citation style: ${CITATION_STYLES.join(', ')} or an added style's user:ID (see style list)`,
      ).argParser(parseStyle),
    )
    .addOption(
      new Option('--group-by <group>', 'group excerpts by source or by tag')
        .choices(['source', 'tag'])
        .default('source'),
    )
    .option('--title <title>', "the export's title (default: describes the selection)")
    .option(
      '--out <path>',
      'file to write (a folder for --format obsidian); written whole or not at all. With --note: omitted or - prints the note to stdout',
    )
    .option('--all', 'the whole library as one JSON document (with --format json), for import-json')
    .option('--json', 'print the result as JSON')
    .action(async (o: ExportFlags, command: Command) => {
      if (o.note !== undefined && !(NOTE_EXPORT_FORMATS as readonly string[]).includes(o.format))
        throw new CommonplaceError(
          'invalid_input',
          `--note: a note exports to ${NOTE_EXPORT_FORMATS.join(' or ')}, not ${o.format}.`,
        );
      const toStdout = o.out === undefined || o.out === '-';
      if (o.note !== undefined && toStdout) return printNote(context, command, o.note, o);
      // Only a note's text goes to stdout; every other export is a file or folder.
      if (toStdout)
        return command.error(
          o.out === undefined
            ? "error: required option '--out <path>' not specified"
            : 'error: --out - (stdout) is only for --note; give a file to write',
        );
      const path = resolve(o.out as string);
      if (o.all) {
        if (o.format !== 'json')
          throw new CommonplaceError(
            'invalid_input',
            `--all writes the whole library as JSON: use --format json, not ${o.format}.`,
          );
        return exportWholeLibrary(context, path, o.json);
      }
      if (o.note !== undefined) {
        const n = await context.client()('export.noteToPath', {
          id: o.note,
          format: o.format as NoteExportFormat,
          style: o.style,
          path,
        });
        if (o.json) return context.print(n);
        return context.io.out(
          `exported note ${o.note} to ${n.path} (${FORMAT_NAMES[o.format]}, ${size(n.bytes)})`,
        );
      }
      const r = await context.client()('export.toPath', {
        path,
        format: o.format,
        style: o.style,
        groupBy: o.groupBy,
        title: o.title,
        selection: {
          tags: o.tag,
          tagMode: o.allTags ? 'all' : 'any',
          articleIds: o.article,
          search: o.search,
          dateField: o.dateField,
          from: o.from,
          to: o.to,
        },
      });
      if (o.json) return context.print(r);
      // An empty selection is not a failure: the file says so too.
      if (r.message) context.io.err(r.message);
      for (const c of r.folder?.conflicts ?? [])
        context.io.err(
          `${join(r.path, c.path)}: edited since it was exported, so kept as it is; this export's version is beside it: ${c.newVersion}`,
        );
      for (const k of r.folder?.keptEdited ?? [])
        context.io.err(
          `${join(r.path, k)}: no longer part of the export but edited since it was exported, so kept`,
        );
      const files = r.files > 1 ? `${r.files} files, ` : '';
      context.io.out(
        `exported ${r.count} excerpt${r.count === 1 ? '' : 's'} from ${r.sources} source${r.sources === 1 ? '' : 's'} to ${r.path} (${FORMAT_NAMES[o.format]}, ${files}${size(r.bytes)})`,
      );
    });
}
