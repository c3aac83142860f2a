// `npm run bench -- notes [--runs N] [--keys N] [--cli PATH]`: how long a 10,000-word note with 200
// passage quotes takes to open against the same note without quotes (issue target: < 2×), and
// the typing latency in it per keystroke (target: median < 16 ms, one frame), in Chromium.
// Plain ESM like the marks bench: it drives the built CLI (`out/main/cli.js serve`) and Debian's
// Chromium. Writes bench/results/notes.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { call, CHROMIUM_FLAGS, option, ROOT, seeded, startServer, stats } from '../webMode.mjs';

const RUNS = option('runs', 9);
const KEYS = option('keys', 80);
const WORDS = 10_000;
const QUOTES = 200;

const VOCABULARY =
  'the of note draft source claim evidence argument passage reader quote archive river stone lantern margin ledger witness'.split(
    ' ',
  );

function textNode(text) {
  return { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' };
}
function paragraph(text) {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [textNode(text)],
  };
}

/**
 * A note of WORDS words in QUOTES sections. `quotes`: each section ends with a quote of one of the
 * passages; otherwise the same quote text as a plain paragraph, so both notes hold the same text.
 */
function noteDoc(passages, quotes, label) {
  const next = seeded(11);
  const perSection = WORDS / QUOTES;
  const children = [paragraph(`Notes bench (${label})`)];
  for (let s = 0; s < QUOTES; s++) {
    const words = [];
    for (let w = 0; w < perSection; w++) words.push(VOCABULARY[next() % VOCABULARY.length]);
    children.push(paragraph(`Section ${s + 1}: ${words.join(' ')}.`));
    const passage = passages[s % passages.length];
    children.push(
      quotes
        ? {
            type: 'passage-quote',
            version: 1,
            passageId: passage.id,
            quote: passage.quote,
            citation: '',
          }
        : paragraph(passage.quote),
    );
  }
  children.push(paragraph(`Last line of the ${label} note.`));
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
}

function article() {
  const next = seeded(7);
  const paragraphs = ['Notes benchmark source'];
  for (let p = 0; p < 120; p++) {
    const words = [];
    for (let w = 0; w < 60; w++) words.push(VOCABULARY[next() % VOCABULARY.length]);
    paragraphs.push(`Paragraph ${p + 1}: ${words.join(' ')}.`);
  }
  return paragraphs.join('\n\n') + '\n';
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-notes-'));
  const server = await startServer(join(dir, 'library.sqlite'));
  let browser;
  try {
    const [imported] = await call(server, 'articles.importFiles', {
      files: [
        { name: 'notes-bench-source.txt', dataBase64: Buffer.from(article()).toString('base64') },
      ],
    });
    if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.error)}`);
    const articleId = imported.article.id;
    const { text } = await call(server, 'articles.get', { id: articleId });
    // 200 passages of a few words each, spread over the article.
    const passages = [];
    const step = Math.floor(text.length / QUOTES);
    for (let i = 0; i < QUOTES; i += 25) {
      const batch = [];
      for (let k = i; k < Math.min(QUOTES, i + 25); k++)
        batch.push(
          call(server, 'passages.create', {
            articleId,
            start: k * step,
            end: k * step + Math.floor(step * 0.4),
          }),
        );
      passages.push(...(await Promise.all(batch)));
    }
    const withQuotes = await call(server, 'notes.create', {
      title: 'Bench note with quotes',
      doc: noteDoc(passages, true, 'quoted'),
    });
    const without = await call(server, 'notes.create', {
      title: 'Bench note without quotes',
      doc: noteDoc(passages, false, 'plain'),
    });
    await call(server, 'notes.create', {
      title: 'Bench spacer note',
      doc: {
        root: {
          type: 'root',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [paragraph('Spacer note, opened between measurements.')],
        },
      },
    });
    const docChars = JSON.stringify(noteDoc(passages, true, 'quoted')).length;

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/?token=${server.token}`);
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('option').filter({ hasText: 'Bench spacer note' }).waitFor();

    /** Clicks the row in-page; done when the note's last line and every quote (with its live text) are drawn. */
    const open = (title, lastLine, quotes) =>
      page.evaluate(
        ({ title, lastLine, quotes }) =>
          new Promise((resolve, reject) => {
            const row = [...document.querySelectorAll('[role="option"]')].find((el) =>
              el.textContent?.includes(title),
            );
            if (!row) return reject(new Error(`no row for ${title}`));
            const t0 = performance.now();
            row.click();
            const check = () => {
              const pane = document.querySelector('.note-pane');
              const body = pane?.querySelector('[aria-label="Note text"]');
              const last = body?.lastElementChild?.textContent ?? '';
              const shown = body ? body.querySelectorAll('figure.note-quote').length : 0;
              const loading = body
                ? [...body.querySelectorAll('.note-quote-text')].some(
                    (q) => q.textContent === 'Loading passage…' || q.textContent === '',
                  )
                : false;
              const citations = body ? body.querySelectorAll('.note-quote-cite').length : 0;
              if (
                last.includes(lastLine) &&
                shown === quotes &&
                !loading &&
                (quotes === 0 || citations === quotes)
              ) {
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              } else if (performance.now() - t0 > 30_000)
                reject(new Error(`timed out: ${shown} quotes, last "${last.slice(0, 40)}"`));
              else requestAnimationFrame(check);
            };
            check();
          }),
        { title, lastLine, quotes },
      );
    const settle = async () => {
      await open('Bench spacer note', 'Spacer note', 0);
      await page.waitForTimeout(250);
    };

    // Warm-up: one open of each.
    await open(withQuotes.title, 'quoted note', QUOTES);
    await settle();
    await open(without.title, 'plain note', 0);
    const times = { plain: [], quoted: [] };
    for (let i = 0; i < RUNS; i++) {
      await settle();
      times.quoted.push(await open(withQuotes.title, 'quoted note', QUOTES));
      await settle();
      times.plain.push(await open(without.title, 'plain note', 0));
    }

    // Typing: in the note with quotes, at its end. Two figures per key, both from the keydown's
    // timestamp: `work` ends when the editor has updated its DOM and the browser has redone style
    // and layout (forced in the editor's update listener); `frame` ends after the next frame has
    // been drawn (rAF, then a task), so it includes the wait for the display's next refresh.
    await open(withQuotes.title, 'quoted note', QUOTES);
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.evaluate(() => {
      const w = window;
      const root = document.querySelector('[aria-label="Note text"]');
      const lexical = root.__lexicalEditor;
      if (!lexical) throw new Error('no Lexical editor on the note');
      w.__work = [];
      w.__frames = [];
      let pending = null;
      window.addEventListener(
        'keydown',
        (event) => {
          const t0 = event.timeStamp;
          pending = t0;
          requestAnimationFrame(() => setTimeout(() => w.__frames.push(performance.now() - t0), 0));
        },
        true,
      );
      lexical.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
        if (pending === null || (dirtyLeaves.size === 0 && dirtyElements.size === 0)) return;
        void root.offsetHeight;
        w.__work.push(performance.now() - pending);
        pending = null;
      });
    });
    const sentence = 'typing into a long note with many quotes ';
    let typed = '';
    while (typed.length < KEYS) typed += sentence;
    typed = typed.slice(0, KEYS);
    await page.keyboard.type(typed, { delay: 40 });
    await page.waitForTimeout(500);
    const { work, frames } = await page.evaluate(() => ({
      work: window.__work,
      frames: window.__frames,
    }));
    const tail = await editor.evaluate((el) => el.lastElementChild?.textContent ?? '');
    if (!tail.endsWith(typed.trimEnd()))
      throw new Error(`typed text did not arrive intact: "${tail.slice(-60)}"`);

    const result = {
      date: new Date().toISOString(),
      words: WORDS,
      quotes: QUOTES,
      docChars,
      plain: stats(times.plain),
      quoted: stats(times.quoted),
      typing: stats(work),
      typingToNextFrame: stats(frames),
    };
    result.ratio = Number((result.quoted.median / result.plain.median).toFixed(2));
    const fmt = (s) =>
      `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;
    console.log(`note: ${WORDS} words, ${QUOTES} passage quotes, ${docChars} chars of JSON`);
    console.log(`open, quotes as plain text: ${fmt(result.plain)}`);
    console.log(`open, ${QUOTES} live quotes:     ${fmt(result.quoted)}`);
    console.log(`ratio (median): ${result.ratio}× (target < 2×)`);
    console.log(`typing, per keystroke:      ${fmt(result.typing)} (target: median < 16 ms)`);
    console.log(`  …until the next frame:   ${fmt(result.typingToNextFrame)}`);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench', 'results', 'notes.json'),
      JSON.stringify(result, null, 2) + '\n',
    );
    console.log('wrote bench/results/notes.json');
  } finally {
    await browser?.close();
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`notes bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
