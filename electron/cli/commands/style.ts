import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { CommonplaceError, errorMessage } from '../../core/errors';
import { MAX_STYLE_BYTES, type CitationStyleInfo } from '../../model/citationStyles';
import type { CliContext } from '../context';

/** "user:… Title (in-text, en-US) — from file.csl" */
function styleLine(s: CitationStyleInfo): string {
  const from = s.builtIn ? 'bundled' : `added from ${s.fileName ?? '?'}`;
  const note = s.localeNote ? ` — ${s.localeNote}` : '';
  return `${s.id}\t${s.title} (${s.kind}, ${s.locale}; ${from})${note}`;
}

/** `commonplace style add|list|rm`: the citation styles exports and citations may use. */
export function registerStyleCommands(program: Command, context: CliContext): void {
  const style = program
    .command('style')
    .description('citation styles: the bundled ones and .csl files you add');

  style
    .command('list')
    .description('list the citation styles (their ids go to export --style)')
    .option('--json', 'print them as JSON')
    .action(async (o: { json?: boolean }) => {
      const styles = await context.client()('citations.styles', {});
      if (o.json) return context.print(styles);
      for (const s of styles) context.io.out(styleLine(s));
    });

  style
    .command('add')
    .description(
      'add a CSL style file (.csl, at most 1 MB): independent, or dependent on a bundled style',
    )
    .argument('<file>', 'the .csl file')
    .option('--json', 'print the added style as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const path = resolve(file);
      let size: number;
      try {
        size = statSync(path).size;
      } catch (e) {
        throw new CommonplaceError('io_error', `${path}: cannot be read (${errorMessage(e)})`);
      }
      if (size > MAX_STYLE_BYTES)
        throw new CommonplaceError(
          'too_large',
          `${path}: a CSL style may be at most ${MAX_STYLE_BYTES / 1024} kB; this one is ${Math.ceil(size / 1024).toLocaleString('en-US')} kB.`,
        );
      const text = readFileSync(path, 'utf8');
      const added = await context.client()('citations.addStyle', {
        fileName: basename(path),
        text,
      });
      if (o.json) return context.print(added);
      context.io.out(`added ${styleLine(added)}`);
    });

  style
    .command('rm')
    .description('remove an added citation style')
    .argument('<id>', 'the style id (user:…), as style list shows it')
    .action(async (id: string) => {
      if (!/^user:/.test(id))
        throw new CommonplaceError(
          'invalid_input',
          `style rm ${id}: only added styles (user:…) can be removed; the bundled ones stay`,
        );
      const removed = await context.client()('citations.removeStyle', {
        id: id as `user:${string}`,
      });
      context.io.out(`removed ${removed.id}\t${removed.title}`);
    });
}
