/**
 * One library behind both transports (the in-process dispatcher and web mode's HTTP server),
 * and the judgement of one API call on it: never a 500 or a stack trace; refused → nothing in
 * the library changed (every table's rows compared before and after); accepted → an ok envelope
 * whose data the method's output schema accepts; the file passes `integrity_check` either way.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { isAbsolute, join } from 'node:path';
import {
  contract,
  HTTP_API_PREFIX,
  isMethod,
  type Envelope,
  type Method,
} from '../../api/contract';
import { startWebServer, type WebServer } from '../../api/transports/http';
import { openTestLibrary } from '../../test/library';
import { SHARED_ARTICLE } from '../../test/sharedArticle';
import { changedTables, integrityProblems, snapshot } from '../snapshot';
import { resolveRefs, type PoolName } from './arbitraries';

export type ApiTransport = 'inproc' | 'http';

/** A V8 stack frame, or a source position in one of our or Node's files. */
const STACK =
  /\n\s+at |node:internal\/|\((?:file:\/\/)?\/[^()]*\.(?:ts|js|mjs|cjs):\d+:\d+\)|\bat \/\S*\.(?:ts|js|mjs|cjs):\d+/;

interface HttpReply {
  status: number;
  body: string;
}

export class ApiProbe {
  private constructor(
    readonly dir: string,
    private readonly t: ReturnType<typeof openTestLibrary>,
    private readonly server: WebServer,
  ) {}

  /** A library with articles from files in the fuzz folder, a tagged passage, a note and a link. */
  static async create(dir: string): Promise<ApiProbe> {
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>');
    mkdirSync(join(dir, 'files', 'folder'), { recursive: true });
    writeFileSync(
      join(dir, 'files', 'harbour.md'),
      '# Harbour\n\nThe harbour wall moved four centimetres.\n',
    );
    writeFileSync(
      join(dir, 'files', 'folder', 'tides.txt'),
      'Tides\n\nThe tide came in over the north pier.\n',
    );
    writeFileSync(join(dir, 'files', 'article.txt'), readFileSync(SHARED_ARTICLE));
    const t = openTestLibrary(dir);
    const results = await t.invoke('articles.importPaths', {
      paths: [join(dir, 'files', 'harbour.md'), join(dir, 'files', 'article.txt')],
    });
    const ids = results.flatMap((r) => (r.ok ? [r.article.id] : []));
    const passage = await t.invoke('passages.createFromQuote', {
      articleId: ids[1]!,
      quote: 'North Korea',
      tags: ['politics'],
      comment: 'seed',
    });
    const note = await t.invoke('notes.create', {
      title: 'Notes',
      markdown: 'About the harbour.',
      tags: ['harbours'],
    });
    await t.invoke('links.create', {
      from: { kind: 'passage', id: passage.id },
      to: { kind: 'note', id: note.id },
      relation: 'supports',
    });
    await t.invoke('tags.create', { name: 'coloured', color: '#ffcc00' });
    const server = await startWebServer({ library: t.library, dispatch: t.dispatch, rendererDir });
    return new ApiProbe(dir, t, server);
  }

  get db() {
    return this.t.library.db;
  }

  /** What generated references resolve to now. */
  pools(): Record<PoolName, string[]> {
    const col = (sql: string) => (this.db.prepare(sql).pluck().all() as string[]).slice(0, 50);
    const files = join(this.dir, 'files');
    return {
      id: [
        ...col('SELECT id FROM articles'),
        ...col('SELECT id FROM passages'),
        ...col('SELECT id FROM notes'),
        ...col('SELECT id FROM tags'),
        ...col('SELECT id FROM links'),
      ],
      jobId: [...this.jobIds],
      tag: col('SELECT name FROM tags'),
      // Where a local call may write: new names in the fuzz folder, a folder, a place with no parent, a bad name.
      path: [
        join(this.dir, 'out', 'export.md'),
        join(this.dir, 'out'),
        join(this.dir, 'missing', 'deeper', 'x.json'),
        join(files, 'harbour.md'),
        join(this.dir, 'out', 'x'.repeat(300)),
        join(this.dir, 'out', 'nul\u0000.md'),
      ],
      readPath: [
        join(files, 'harbour.md'),
        join(files, 'folder'),
        join(files, 'folder', 'tides.txt'),
        join(files, 'missing.txt'),
        join(files, 'article.txt'),
        this.t.library.path,
      ],
    };
  }

  private readonly jobIds = new Set<string>();

  /**
   * Keeps a local call's paths inside the fuzz folder whatever was generated: a local call writes
   * where it is told. Relative paths resolve in the fuzz folder (the test runs there).
   */
  private confine(method: Method, input: unknown): unknown {
    if (
      contract[method].exposure !== 'local' ||
      !input ||
      typeof input !== 'object' ||
      Array.isArray(input)
    )
      return input;
    const inside = (p: unknown) =>
      typeof p === 'string' && isAbsolute(p) && !p.startsWith(`${this.dir}/`)
        ? join(this.dir, 'confined', encodeURIComponent(p).slice(0, 100))
        : p;
    const o = { ...(input as Record<string, unknown>) };
    if ('path' in o) o.path = inside(o.path);
    if (Array.isArray(o.paths)) o.paths = o.paths.map(inside);
    return o;
  }

  private http(path: string, body: string): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.server.port,
          path,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${this.server.token}`,
            'Content-Type': 'application/json',
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Background jobs write after their call returns: let them end so the next call is judged alone. */
  private async settle(method: Method, env: Envelope<unknown>): Promise<void> {
    if (!env.ok || !method.startsWith('bulkImport.start')) return;
    const { jobId } = env.data as { jobId: string };
    this.jobIds.add(jobId);
    if (method === 'bulkImport.startUpload')
      await this.t.dispatch('bulkImport.cancel', { jobId }, 'inproc');
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const s = await this.t.dispatch('bulkImport.status', { jobId }, 'inproc');
      if (!s.ok || (s.data as { state: string }).state !== 'running') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`bulk import job ${jobId} still running after 120 s`);
  }

  /** Makes one call and says what is wrong with how it went (nothing, when it went as it should). */
  async judge(
    method: Method,
    generated: unknown,
    transport: ApiTransport,
  ): Promise<{ problems: string[]; input: unknown; ok: boolean }> {
    const input = this.confine(method, resolveRefs(generated, this.pools()));
    const before = snapshot(this.db);
    const problems: string[] = [];
    let env: Envelope<unknown>;
    if (transport === 'inproc') {
      env = await this.t.dispatch(method, input, 'inproc');
    } else {
      const reply = await this.http(
        `${HTTP_API_PREFIX}${encodeURIComponent(method)}`,
        input === undefined ? '' : JSON.stringify(input),
      );
      problems.push(...this.replyProblems(reply));
      try {
        env = JSON.parse(reply.body) as Envelope<unknown>;
      } catch {
        return {
          problems: [
            ...problems,
            `HTTP ${reply.status} with a body that is not JSON: ${reply.body.slice(0, 200)}`,
          ],
          input,
          ok: false,
        };
      }
      if (contract[method].exposure === 'local' && env.ok)
        problems.push(`${method} is local, yet HTTP accepted it`);
    }
    await this.settle(method, env);
    if (env.ok) {
      const out = contract[method].output.safeParse(env.data);
      if (!out.success)
        problems.push(
          `accepted, but the output does not match its schema: ${out.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
            .join('; ')}`,
        );
    } else {
      if (env.error.code === 'internal')
        problems.push(`an internal error: ${env.error.message.slice(0, 300)}`);
      if (/[\r\n\u2028\u2029]/.test(env.error.message))
        problems.push(
          `the message spans lines: ${JSON.stringify(env.error.message.slice(0, 300))}`,
        );
      if (STACK.test(env.error.message))
        problems.push(
          `the message holds a stack trace: ${JSON.stringify(env.error.message.slice(0, 300))}`,
        );
      const changed = changedTables(before, snapshot(this.db));
      if (changed.length)
        problems.push(
          `refused (${env.error.code}: ${env.error.message.slice(0, 200)}), yet tables changed: ${changed.join(', ')}`,
        );
    }
    problems.push(...integrityProblems(this.db).map((p) => `integrity_check: ${p}`));
    return { problems, input, ok: env.ok };
  }

  /** A request to any path under /api/ (arbitrary method names, escapes included). */
  async judgeRawPath(path: string, body: string): Promise<string[]> {
    const before = snapshot(this.db);
    const reply = await this.http(path, body);
    const problems = this.replyProblems(reply);
    let env: Envelope<unknown> | null = null;
    try {
      env = JSON.parse(reply.body) as Envelope<unknown>;
    } catch {
      problems.push(
        `HTTP ${reply.status} with a body that is not JSON: ${reply.body.slice(0, 200)}`,
      );
    }
    if (env?.ok) {
      const name = (() => {
        try {
          return decodeURIComponent(path.slice(HTTP_API_PREFIX.length));
        } catch {
          return '';
        }
      })();
      if (!isMethod(name)) problems.push(`an unknown method "${path}" was answered ok`);
    } else if (changedTables(before, snapshot(this.db)).length)
      problems.push('refused, yet tables changed');
    return problems;
  }

  private replyProblems(reply: HttpReply): string[] {
    const problems: string[] = [];
    if (reply.status >= 500) problems.push(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
    // An answer's data is the user's own text; only an error's body is ours to judge.
    if (reply.status !== 200 && STACK.test(reply.body))
      problems.push(`a stack trace in the response: ${reply.body.slice(0, 300)}`);
    return problems;
  }

  async close(): Promise<void> {
    for (const jobId of this.jobIds)
      await this.t.dispatch('bulkImport.cancel', { jobId }, 'inproc');
    await this.server.close();
    this.t.library.close();
  }
}
