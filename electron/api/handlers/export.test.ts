import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportFixture, options } from '../../core/export/testFixture';
import { useTempDir } from '../../test/temp';

const tempDir = useTempDir();

async function untilDone(
  invoke: Awaited<ReturnType<typeof exportFixture>>['invoke'],
  jobId: string,
) {
  for (;;) {
    const s = await invoke('export.status', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('export API', () => {
  it('previews the first excerpts in the chosen format with the full count', async () => {
    const f = await exportFixture(tempDir());
    const p = await f.invoke('export.preview', { format: 'md', limit: 2 });
    expect(p).toMatchObject({
      shown: 2,
      count: 6,
      sources: 1,
      message: null,
      fileName: 'All excerpts.md',
    });
    expect(p.text.match(/^> /gm)).toHaveLength(2);
    const obsidian = await f.invoke('export.preview', { format: 'obsidian', limit: 1 });
    expect(obsidian.fileName).toBe('All excerpts.zip');
    expect(obsidian.text).toContain('=== Index.md ===');
    const none = await f.invoke('export.preview', {
      format: 'csv',
      selection: { tags: ['ghost'] },
    });
    expect(none).toMatchObject({
      shown: 0,
      count: 0,
      message: 'No tag named "ghost": nothing to export.',
    });
    f.library.close();
  });

  it('builds in the background with progress, then hands the file over once (DOCX, zipped Obsidian)', async () => {
    const f = await exportFixture(tempDir());
    const started = await f.invoke('export.start', options('docx'));
    expect(started).toMatchObject({ state: 'running', total: 6, done: 0 });
    const done = await untilDone(f.invoke, started.jobId);
    expect(done).toMatchObject({
      state: 'done',
      done: 6,
      total: 6,
      count: 6,
      sources: 2,
      error: null,
    });
    const file = await f.invoke('export.download', { jobId: started.jobId });
    expect(file.fileName).toBe('All excerpts.docx');
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(file.dataBase64, 'base64'),
    });
    expect(value).toContain('alternative trade and mutual settlements');
    await expect(f.invoke('export.download', { jobId: started.jobId })).rejects.toMatchObject({
      code: 'not_found',
    });

    const vault = await f.invoke('export.start', options('obsidian'));
    await untilDone(f.invoke, vault.jobId);
    const zip = await f.invoke('export.download', { jobId: vault.jobId });
    expect(zip).toMatchObject({ fileName: 'All excerpts.zip', mediaType: 'application/zip' });
    expect(Object.keys(unzipSync(Buffer.from(zip.dataBase64, 'base64'))).sort()).toEqual([
      'All excerpts/CON script alert( x ) script a b.md',
      'All excerpts/Index.md',
      'All excerpts/Putin arrives in North Korea.md',
    ]);
    f.library.close();
  });

  it('writing to a path is for the desktop app and the CLI only; bad input is refused at the boundary', async () => {
    const f = await exportFixture(tempDir());
    const overHttp = await f.dispatch(
      'export.toPath',
      { ...options('md'), path: '/tmp/x.md' },
      'http',
    );
    expect(overHttp).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await f.dispatch('export.preview', { format: 'pdf' }, 'http')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^export.preview: format:/) },
    });
    expect(
      await f.dispatch('export.preview', { format: 'md', selection: { from: '2024-13' } }, 'http'),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/selection.from: must be a date/) },
    });
    await expect(f.invoke('export.status', { jobId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    f.library.close();
  });
});
