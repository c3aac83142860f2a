import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { sourcePathProblem } from './sourcePath';

const tempDir = useTempDir();

/** A library holding one article imported from a file in a temp folder (a legit source). */
async function libraryWithSourcedArticle() {
  const dir = tempDir();
  const file = join(dir, 'article.txt');
  writeFileSync(file, readFileSync(SHARED_ARTICLE, 'utf8'));
  const t = openTestLibrary(dir);
  const [imported] = await t.invoke('articles.importPaths', { paths: [file] });
  if (!imported?.ok) throw new Error('import failed');
  return { ...t, dir, file, id: imported.article.id };
}

/** What a foreign library file can hold: any string as an article's source. */
function setSource(
  t: { library: { db: import('better-sqlite3').Database } },
  id: string,
  source: string,
) {
  t.library.db.prepare('UPDATE articles SET source = ? WHERE id = ?').run(source, id);
}

describe('articles.updateFromSource follows only checked paths', () => {
  it('re-reads a legit changed source in-process, and is refused over HTTP', async () => {
    const t = await libraryWithSourcedArticle();
    writeFileSync(t.file, readFileSync(SHARED_ARTICLE, 'utf8') + '\n\nA paragraph added later.\n');
    const overHttp = await t.dispatch('articles.updateFromSource', { id: t.id }, 'http');
    expect(overHttp).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(
          /^articles\.updateFromSource: only available to the desktop app/,
        ),
      },
    });
    expect((await t.invoke('articles.get', { id: t.id })).text).not.toContain('added later');
    const { report } = await t.invoke('articles.updateFromSource', { id: t.id });
    expect(report).not.toBeNull();
    expect((await t.invoke('articles.get', { id: t.id })).text).toContain(
      'A paragraph added later.',
    );
    // The desktop app's IPC may still call it.
    expect(await t.dispatch('articles.updateFromSource', { id: t.id }, 'ipc')).toMatchObject({
      ok: true,
      data: { report: null },
    });
    t.library.close();
  });

  it('refuses a source in a system folder, a relative one, and a symlink leading to one; nothing changes', async () => {
    const t = await libraryWithSourcedArticle();
    const before = await t.invoke('articles.get', { id: t.id });
    const link = join(t.dir, 'innocent.txt');
    symlinkSync('/etc/passwd', link);
    for (const [source, why] of [
      ['/etc/passwd', /its source path "\/etc\/passwd" is in a system folder \(\/etc\)/],
      ['article.txt', /is not an absolute path/],
      [`${t.dir}/../x/article.txt`, /is not a plain path/],
      [link, /leads to \/etc\/passwd\).*is in a system folder/],
      ['/home/someone/.ssh/id_rsa', /is in a credentials folder \(\.ssh\)/],
    ] as const) {
      setSource(t, t.id, source);
      const env = await t.dispatch('articles.updateFromSource', { id: t.id }, 'inproc');
      expect(env, source).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(new RegExp(`^article ${t.id}`)),
        },
      });
      if (!env.ok) expect(env.error.message, source).toMatch(why);
    }
    const after = await t.invoke('articles.get', { id: t.id });
    expect({ ...after, source: before.source }).toEqual(before);
    expect((await t.invoke('library.info', {})).articleCount).toBe(1);
    t.library.close();
  });

  it("refuses a FIFO or a device in the source file's place at once, instead of hanging", async () => {
    const t = await libraryWithSourcedArticle();
    unlinkSync(t.file);
    execFileSync('mkfifo', [t.file]);
    // Opening a FIFO for reading blocks until a writer comes: a hang here fails by the test's timeout.
    expect(await t.dispatch('articles.updateFromSource', { id: t.id }, 'inproc')).toMatchObject({
      ok: false,
      error: {
        code: 'not_a_file',
        message: `${t.file}: is not a regular file (a device, FIFO or socket is never read)`,
      },
    });
    unlinkSync(t.file);
    symlinkSync('/dev/zero', t.file);
    expect(await t.dispatch('articles.updateFromSource', { id: t.id }, 'inproc')).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/in a system folder \(\/dev\)/),
      },
    });
    t.library.close();
  });
});

describe('sourcePathProblem', () => {
  it('accepts absolute plain paths and URLs, on POSIX and Windows', () => {
    for (const ok of [
      '/home/ana/Sources/paper.pdf',
      '/var/home/ana/a b.txt',
      'C:\\Users\\ana\\paper.pdf',
      'https://example.org/a',
      '/usr/share/doc/x/README.md',
    ]) {
      expect(sourcePathProblem(ok), ok).toBeNull();
    }
  });
  it('names what is wrong with each kind of bad path', () => {
    expect(sourcePathProblem('')).toBe('is empty');
    expect(sourcePathProblem('/proc/self/environ')).toMatch(/system folder \(\/proc\)/);
    expect(sourcePathProblem('/tmp/a\u0000b')).toMatch(/control character/);
    expect(sourcePathProblem('\\\\evil\\share\\x.txt')).toMatch(/network or device path/);
    expect(sourcePathProblem('C:\\Windows\\win.ini')).toMatch(/system folder \(Windows\)/);
    expect(sourcePathProblem('/tmp//a.txt')).toMatch(/not a plain path/);
    expect(sourcePathProblem('/home/a/.aws/credentials')).toMatch(/credentials folder \(\.aws\)/);
    expect(sourcePathProblem(`/${'a'.repeat(5000)}`)).toMatch(/longer than 4,096/);
  });
});
