/**
 * After the event stream drops and comes back, every open view shows what another writer changed
 * meanwhile: the server never resends what it sent while the page was away, so only the client's
 * "everything changed" on reconnecting brings the library list, the reader and the note up to date.
 *
 * The drop is cut in the page, at `fetch`: the open stream errors (its request is cancelled, so the
 * server sees it close) and every reconnect attempt fails like a refused connection until the test
 * lets it through. (Going offline does not cut a loopback stream, and `serve` cannot restart with
 * the same token, which the page keeps.)
 */
import type { Page } from '@playwright/test';
import { expect, test, type WebApp } from './fixtures';
import { SHARED_TITLE, markWith, openSharedArticle } from './reader';

const QUOTE = 'jointly oppose illegitimate';
const NEW_TITLE = 'State visit retitled by another writer';

interface StreamSwitch {
  down: boolean;
  refused: number;
  opened: number;
  cut(): void;
}

declare global {
  interface Window {
    __events?: StreamSwitch;
  }
}

async function installStreamSwitch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = window.fetch.bind(window);
    const open = new Set<() => void>();
    const state: StreamSwitch = {
      down: false,
      refused: 0,
      opened: 0,
      cut() {
        state.down = true;
        for (const cut of [...open]) cut();
      },
    };
    window.__events = state;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname !== '/api/events') return original(input, init);
      if (state.down) {
        state.refused++;
        throw new TypeError('Failed to fetch');
      }
      const response = await original(input, init);
      if (!response.body) return response;
      state.opened++;
      const reader = response.body.getReader();
      let cut: () => void = () => {};
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          cut = () => {
            open.delete(cut);
            controller.error(new TypeError('network error'));
            void reader.cancel();
          };
          open.add(cut);
        },
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) {
            open.delete(cut);
            return controller.close();
          }
          controller.enqueue(value);
        },
        cancel: (reason) => {
          open.delete(cut);
          return reader.cancel(reason);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
  });
}

/** The app's API called from the test: a second client of the same server. */
async function api<T>(page: Page, app: WebApp, method: string, input: unknown): Promise<T> {
  const response = await page.context().request.post(`${new URL(app.url).origin}/api/${method}`, {
    headers: app.authHeaders,
    data: input,
  });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data;
}

test('after the event stream drops and reconnects, the list, the reader and the open note show what changed meanwhile', async ({
  app,
  page,
}) => {
  await installStreamSwitch(page);
  const note = await api<{ id: string }>(page, app, 'notes.create', {
    title: 'Visit notes',
    markdown: 'First draft of the note.',
  });
  const articleId = await openSharedArticle(app, page);

  // The note opens beside the reader; the article list stays mounted behind its tab.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('option').filter({ hasText: 'Visit notes' }).click();
  const noteText = page.getByRole('region', { name: 'Note' }).getByRole('textbox', {
    name: 'Note text',
  });
  await expect(noteText).toContainText('First draft of the note.');
  await page.getByRole('tab', { name: 'Articles' }).click();
  const list = page.getByRole('listbox').filter({ hasText: SHARED_TITLE });
  await expect(list).toBeVisible();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
  await expect.poll(() => page.evaluate(() => window.__events!.opened)).toBeGreaterThan(0);

  // The stream drops, and the page has tried (and failed) to reconnect before anything changes.
  await page.evaluate(() => window.__events!.cut());
  await expect.poll(() => page.evaluate(() => window.__events!.refused)).toBeGreaterThan(0);
  const opened = await page.evaluate(() => window.__events!.opened);

  // Meanwhile: the CLI keeps a passage; a second API client retitles the article and edits the note.
  const added = await app.cli(['passage', 'add', articleId, '--quote', QUOTE]);
  expect(added.code, added.stderr).toBe(0);
  await api(page, app, 'articles.setMeta', { id: articleId, patch: { title: NEW_TITLE } });
  const current = await api<{ doc: unknown }>(page, app, 'notes.get', { id: note.id });
  const doc = JSON.parse(
    JSON.stringify(current.doc).replace(
      'First draft of the note.',
      'Second draft, from elsewhere.',
    ),
  ) as unknown;
  await api(page, app, 'notes.update', { id: note.id, doc });

  // The views still show the old state: nothing reached the page while the stream was down.
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SHARED_TITLE);
  await expect(noteText).toContainText('First draft of the note.');

  // The stream comes back (on the page's own back-off); every view catches up.
  await page.evaluate(() => (window.__events!.down = false));
  await expect
    .poll(() => page.evaluate(() => window.__events!.opened), { timeout: 60_000 })
    .toBeGreaterThan(opened);
  // Soft: a failure names every view that did not catch up.
  await expect.soft(page.getByRole('option').filter({ hasText: NEW_TITLE })).toBeVisible();
  await expect.soft(reader.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
  await expect.soft(markWith(page, QUOTE)).toHaveCount(1);
  await expect.soft(page.getByRole('region', { name: 'Passages' })).toContainText(QUOTE);
  await expect.soft(noteText).toContainText('Second draft, from elsewhere.');
});
