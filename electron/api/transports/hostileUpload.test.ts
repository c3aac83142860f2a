/**
 * Web mode never blocks on a hostile upload: the parse runs in the bounded parser thread, so the
 * server keeps answering other calls meanwhile, and the upload ends with one line naming the file.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overrideParseBudget } from '../../core/import/bounded';
import { hugeParagraphMarkdown } from '../../core/import/bounded/hostile';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { startWebServer, type WebServer } from './http';

const tempDir = useTempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  overrideParseBudget(null);
  for (const c of cleanups.splice(0).reverse()) await c();
});

function post(
  server: WebServer,
  method: string,
  body: unknown,
): { sent: Promise<void>; reply: Promise<{ status: number; body: string }> } {
  let sent!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body), () => sent());
  });
  return { sent: sentPromise, reply };
}

describe('web mode with a hostile upload', { timeout: 180_000 }, () => {
  it('answers other API calls while the upload parses, then refuses it naming the file', async () => {
    // A 6 MB Markdown paragraph parses synchronously for ~6 s even on an idle machine: on the server's
    // own thread it would hold every other request.
    overrideParseBudget({ timeMs: 1500 });
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>');
    const t = openTestLibrary(dir);
    const server = await startWebServer({ library: t.library, dispatch: t.dispatch, rendererDir });
    cleanups.push(
      () => t.library.close(),
      () => server.close(),
    );

    const upload = post(server, 'articles.importFiles', {
      files: [
        {
          name: 'huge.md',
          dataBase64: Buffer.from(hugeParagraphMarkdown(6 * 1024 * 1024)).toString('base64'),
        },
      ],
    });
    let uploadAnswered = false;
    const uploadReply = upload.reply.then((r) => {
      uploadAnswered = true;
      return r;
    });
    await upload.sent;
    // One call after another for as long as the upload is pending: each must be answered meanwhile.
    let answeredMeanwhile = 0;
    while (!uploadAnswered) {
      const info = await post(server, 'library.info', {}).reply;
      expect(info.status).toBe(200);
      if (!uploadAnswered) answeredMeanwhile++;
    }
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(5);

    const reply = await uploadReply;
    expect(reply.status).toBe(200);
    const results = (
      JSON.parse(reply.body) as { data: { ok: boolean; error?: { message: string } }[] }
    ).data;
    expect(results).toHaveLength(1);
    expect(results[0]!.error?.message).toBe(
      'huge.md: parsing took longer than 1.5 s — refused as too large or too complex for its size',
    );
    expect(t.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
