/**
 * Runs one fuzz input through the entry point users hit and judges it (inside the fuzz worker).
 * Files go to `articles.importFiles` over the same dispatcher the web server and the desktop
 * app use; library JSON goes to `library.importJson` (the CLI's import-json) into an empty
 * library. Per input: the call answers (the caller times it against its budget); a refusal is
 * one line naming the file, without a stack, with nothing in the library changed; an import is
 * an article the API's output schema accepts, with the other articles untouched; and the file
 * passes `PRAGMA integrity_check` either way.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type Method } from '../../api/contract';
import { ImportResultSchema } from '../../model/articles';
import { createDispatcher, type Dispatch } from '../../api/dispatch';
import { createHandlers, createServices } from '../../api/handlers';
import { bodyToText } from '../../model/body';
import { openLibrary, type Library } from '../../core/library';
import { checkSearchIndexes } from '../../core/search/rebuild';
import { SHARED_ARTICLE } from '../../test/sharedArticle';
import { changedTables, integrityProblems, snapshot } from '../snapshot';
import type { FuzzCase } from './cases';

export type Outcome = 'imported' | 'duplicate' | 'refused';

export interface Verdict {
  outcome: Outcome | 'broken';
  /** A refusal's error code (too_large for a parse over its budget, parse_error, …). */
  code?: string;
  /** What went wrong; empty when the input was handled as it should be. */
  findings: string[];
  ms: number;
}

/** What a one-line message for people must not look like. */
export function messageProblems(message: string, fileName: string): string[] {
  const problems: string[] = [];
  if (/[\r\n\u2028\u2029]/.test(message))
    problems.push(`the message spans lines: ${JSON.stringify(message.slice(0, 300))}`);
  if (/\bat \S+ \(|\bat (file|node):|node:internal|\.(ts|js|mjs|cjs):\d+:\d+/.test(message))
    problems.push(`the message holds a stack trace: ${JSON.stringify(message.slice(0, 300))}`);
  if (!message.includes(fileName))
    problems.push(
      `the message does not name the file ${fileName}: ${JSON.stringify(message.slice(0, 300))}`,
    );
  return problems;
}

interface Open {
  library: Library;
  dispatch: Dispatch;
}

function open(file: string): Open {
  const library = openLibrary(file, { watchIntervalMs: 0 });
  return {
    library,
    dispatch: createDispatcher(createHandlers(library, createServices(library)), library),
  };
}

async function call(
  o: Open,
  method: Method,
  input: unknown,
  transport: 'http' | 'inproc' = 'inproc',
): Promise<unknown> {
  const env = await o.dispatch(method, input, transport);
  if (!env.ok) throw new Error(`${method} failed: ${env.error.code}: ${env.error.message}`);
  return env.data;
}

/** Output-schema problems of one call's answer. */
function outputProblems(method: Method, data: unknown): string[] {
  const parsed = contract[method].output.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues
    .slice(0, 3)
    .map((i) => `${method} output ${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Recycle the library after this many imports, so judging stays fast in a long run. */
const RECYCLE_AFTER = 300;

export class ImportProbe {
  private lib!: Open;
  private bystander!: { id: string; article: string; passages: string };
  private imports = 0;
  private generation = 0;

  private constructor(private readonly dir: string) {}

  static async create(dir: string): Promise<ImportProbe> {
    mkdirSync(join(dir, 'inputs'), { recursive: true });
    const probe = new ImportProbe(dir);
    await probe.fresh();
    return probe;
  }

  /** A new library holding a bystander: an article with a tagged passage and a note quoting it. */
  private async fresh(): Promise<void> {
    this.lib?.library.close();
    const file = join(this.dir, `library-${this.generation++}.sqlite`);
    rmSync(file, { force: true });
    this.lib = open(file);
    const [result] = (await call(this.lib, 'articles.importFiles', {
      files: [
        { name: 'bystander.txt', dataBase64: readFileSync(SHARED_ARTICLE).toString('base64') },
      ],
    })) as { ok: boolean; article: { id: string } }[];
    const id = result!.article.id;
    const passage = (await call(this.lib, 'passages.createFromQuote', {
      articleId: id,
      quote: 'North Korea',
      tags: ['bystander'],
      comment: 'kept',
    })) as { id: string };
    await call(this.lib, 'notes.create', {
      title: 'Bystander note',
      markdown: `A note about ${passage.id}`,
      tags: ['bystander'],
    });
    this.bystander = { id, ...(await this.bystanderState(id)) };
    this.imports = 0;
  }

  private async bystanderState(id: string): Promise<{ article: string; passages: string }> {
    const article = JSON.stringify(await call(this.lib, 'articles.get', { id }));
    const passages = JSON.stringify(await call(this.lib, 'passages.list', { articleId: id }));
    return { article, passages };
  }

  async run(c: FuzzCase): Promise<Verdict> {
    return c.format === 'json' ? this.runJson(c) : this.runFile(c);
  }

  private async runFile(c: FuzzCase): Promise<Verdict> {
    if (this.imports >= RECYCLE_AFTER) await this.fresh();
    const { db } = this.lib.library;
    const before = snapshot(db);
    const t0 = performance.now();
    // Over the web transport: the same validation and handler an upload from a page goes through.
    const env = await this.lib.dispatch(
      'articles.importFiles',
      { files: [{ name: c.name, dataBase64: Buffer.from(c.bytes).toString('base64') }] },
      'http',
    );
    const ms = performance.now() - t0;
    const findings: string[] = [];
    const after = snapshot(db);
    findings.push(...integrityProblems(db).map((p) => `integrity_check: ${p}`));
    if (!env.ok) {
      findings.push(`the call failed as a whole: ${env.error.code}: ${env.error.message}`);
      return { outcome: 'broken', findings, ms };
    }
    const parsed = ImportResultSchema.array().length(1).safeParse(env.data);
    if (!parsed.success)
      return {
        outcome: 'broken',
        findings: [
          ...findings,
          `the result does not match ImportResultSchema: ${parsed.error.message.slice(0, 300)}`,
        ],
        ms,
      };
    const result = parsed.data[0]!;
    if (!result.ok) {
      findings.push(...messageProblems(result.error.message, c.name));
      if (result.error.code === 'internal')
        findings.push(`an unexpected error (code internal): ${result.error.message.slice(0, 300)}`);
      const changed = changedTables(before, after);
      if (changed.length) findings.push(`refused, yet tables changed: ${changed.join(', ')}`);
      return { outcome: 'refused', code: result.error.code, findings, ms };
    }
    if (result.duplicate) {
      const changed = changedTables(before, after);
      if (changed.length) findings.push(`a duplicate, yet tables changed: ${changed.join(', ')}`);
      return { outcome: 'duplicate', findings, ms };
    }
    this.imports++;
    const article = await this.lib.dispatch('articles.get', { id: result.article.id }, 'http');
    if (!article.ok)
      findings.push(`the imported article can't be read back: ${article.error.message}`);
    else {
      findings.push(...outputProblems('articles.get', article.data));
      const a = article.data as { text: string; body: Parameters<typeof bodyToText>[0] };
      if (findings.length === 0 && bodyToText(a.body) !== a.text)
        findings.push("the article's text is not its body's text");
      if (!a.text.trim()) findings.push('the article has no text');
    }
    const state = await this.bystanderState(this.bystander.id);
    if (state.article !== this.bystander.article || state.passages !== this.bystander.passages)
      findings.push('another article (or its passages) changed');
    return { outcome: 'imported', findings, ms };
  }

  /** Restores into an empty library of its own (import-json refuses a library with data). */
  private async runJson(c: FuzzCase): Promise<Verdict> {
    const file = join(this.dir, `restore-${this.generation++}.sqlite`);
    const target = open(file);
    const path = join(this.dir, 'inputs', c.name);
    writeFileSync(path, c.bytes);
    try {
      const { db } = target.library;
      const before = snapshot(db);
      const t0 = performance.now();
      const env = await target.dispatch('library.importJson', { path }, 'inproc');
      const ms = performance.now() - t0;
      const findings = integrityProblems(db).map((p) => `integrity_check: ${p}`);
      if (!env.ok) {
        findings.push(...messageProblems(env.error.message, c.name));
        if (env.error.code === 'internal')
          findings.push(`an unexpected error (code internal): ${env.error.message.slice(0, 300)}`);
        const changed = changedTables(before, snapshot(db));
        if (changed.length) findings.push(`refused, yet tables changed: ${changed.join(', ')}`);
        return { outcome: 'refused', code: env.error.code, findings, ms };
      }
      findings.push(...(await this.restoredProblems(target)));
      return { outcome: 'imported', findings, ms };
    } finally {
      target.library.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`, path]) rmSync(f, { force: true });
    }
  }

  /** A restored library is judged by what its clients read: every read call's output schema. */
  private async restoredProblems(o: Open): Promise<string[]> {
    const problems: string[] = [];
    const read = async (method: Method, input: unknown) => {
      const env = await o.dispatch(method, input, 'http');
      if (!env.ok) {
        problems.push(
          `${method} fails on the restored library: ${env.error.code}: ${env.error.message.slice(0, 200)}`,
        );
        return undefined;
      }
      problems.push(...outputProblems(method, env.data));
      return env.data;
    };
    const list = (await read('articles.list', { limit: 1000 })) as
      { items: { id: string }[] } | undefined;
    for (const { id } of list?.items ?? []) {
      const a = (await read('articles.get', { id })) as
        { text: string; body: Parameters<typeof bodyToText>[0] } | undefined;
      const passages = (await read('passages.list', { articleId: id })) as
        { start: number; end: number }[] | undefined;
      if (a && problems.length === 0 && bodyToText(a.body) !== a.text)
        problems.push(`article ${id}: its text is not its body's text`);
      for (const p of passages ?? [])
        if (a && (p.start > p.end || p.end > a.text.length))
          problems.push(
            `a passage of ${id} lies outside its text (${p.start}..${p.end} of ${a.text.length})`,
          );
    }
    const notes = (await read('notes.list', {})) as
      { id: string }[] | { items: { id: string }[] } | undefined;
    for (const n of (Array.isArray(notes) ? notes : notes?.items) ?? [])
      await read('notes.get', { id: n.id });
    await read('tags.list', {});
    const search = checkSearchIndexes(o.library.db);
    if (search.length) problems.push(`search indexes disagree with the tables: ${search[0]}`);
    return [...new Set(problems)];
  }

  close(): void {
    this.lib.library.close();
  }
}
