import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, type ImportResult } from '../../../electron/model/articles';
import { ApiError } from '../api/errors';
import { BATCH_BYTES, BATCH_FILES, uploadFiles, type Upload } from './uploadFiles';

/** The text of a small upload; for large ones only the size (decoding megabytes in a test is slow). */
function received(dataBase64: string): string {
  if (dataBase64.length > 4096) return `${dataBase64.length} base64 chars`;
  return new TextDecoder().decode(Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0)));
}

/** A receiving end that decodes what it got, like the server does, and answers per file. */
function recorder() {
  const batches: Upload[][] = [];
  const send = async (files: Upload[]): Promise<ImportResult[]> => {
    batches.push(files);
    return files.map((file) => ({
      ok: false,
      file: file.name,
      error: { code: 'echo', message: received(file.dataBase64) },
    }));
  };
  return { batches, send };
}

const message = (result: ImportResult | undefined) =>
  result && !result.ok ? result.error.message : null;

describe('uploadFiles', () => {
  it('sends each file’s exact bytes and returns results in the order of the files', async () => {
    const { send } = recorder();
    const files = [
      new File(['héllo ✓'], 'a.txt'),
      new File(['# Title\n'], 'b.md'),
      new File([''], 'empty.txt'),
    ];
    const results = await uploadFiles(files, send);
    expect(results.map((r) => r.file)).toEqual(['a.txt', 'b.md', 'empty.txt']);
    expect(results.map(message)).toEqual(['héllo ✓', '# Title\n', '']);
  });

  it('refuses a file over the size limit without reading or sending it', async () => {
    const { batches, send } = recorder();
    const big = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'huge.html');
    const results = await uploadFiles([big, new File(['x'], 'small.txt')], send);
    expect(results[0]).toMatchObject({
      ok: false,
      file: 'huge.html',
      error: { code: 'too_large' },
    });
    expect(message(results[0])).toMatch(/huge\.html.*64 MB/);
    expect(batches.flat().map((u) => u.name)).toEqual(['small.txt']);
  });

  it('splits many or large files into bounded batches', async () => {
    const { batches, send } = recorder();
    const many = Array.from({ length: BATCH_FILES + 3 }, (_, i) => new File([`${i}`], `${i}.txt`));
    const results = await uploadFiles(many, send);
    expect(batches.map((b) => b.length)).toEqual([BATCH_FILES, 3]);
    expect(results.map(message)).toEqual(many.map((_, i) => `${i}`));

    const large = recorder();
    const half = new Uint8Array(Math.floor(BATCH_BYTES / 2) + 1);
    await uploadFiles(
      [new File([half], 'one'), new File([half], 'two'), new File(['x'], 'three')],
      large.send,
    );
    expect(large.batches.map((b) => b.map((u) => u.name))).toEqual([['one'], ['two', 'three']]);
  });

  it('turns a failed request into a failure for every file in it, keeping the others', async () => {
    let calls = 0;
    const send = async (files: Upload[]): Promise<ImportResult[]> => {
      calls++;
      if (calls === 1) throw new ApiError('unavailable', 'Cannot reach the library server.');
      return files.map((f) => ({
        ok: false,
        file: f.name,
        error: { code: 'x', message: 'second batch' },
      }));
    };
    const files = Array.from({ length: BATCH_FILES + 1 }, (_, i) => new File(['x'], `${i}.txt`));
    const results = await uploadFiles(files, send);
    expect(results[0]).toEqual({
      ok: false,
      file: '0.txt',
      error: { code: 'unavailable', message: 'Cannot reach the library server.' },
    });
    expect(message(results[BATCH_FILES])).toBe('second batch');
  });

  it('fills in a failure when the server answers with fewer results than files', async () => {
    const results = await uploadFiles(
      [new File(['a'], 'a.txt'), new File(['b'], 'b.txt')],
      async () => [],
    );
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(message(results[1])).toMatch(/b\.txt/);
  });

  it('reports a file that cannot be read', async () => {
    const unreadable = new File(['x'], 'gone.txt');
    Object.defineProperty(unreadable, 'arrayBuffer', {
      value: () =>
        Promise.reject(new DOMException('A requested file could not be read', 'NotReadableError')),
    });
    const { batches, send } = recorder();
    const results = await uploadFiles([unreadable], send);
    expect(results[0]).toMatchObject({ ok: false, file: 'gone.txt', error: { code: 'io_error' } });
    expect(batches).toHaveLength(0);
  });
});
