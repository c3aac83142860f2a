import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp';
import { openTestLibrary } from '../test/library';
import { contract, type Method } from './contract';
import { createDispatcher, isAllowedOn, type Transport } from './dispatch';
import { createHandlers, createServices } from './handlers';

const tempDir = useTempDir();
let close: (() => void) | undefined;
afterEach(() => close?.());

function setup() {
  const t = openTestLibrary(tempDir());
  close = () => t.library.close();
  return t;
}

/** Payloads that no method accepts: every input is an object. */
const NOT_OBJECTS: unknown[] = [42, 'text', true, [], [1, 2]];

/** For each field a method declares, the same input with that field of the wrong type. */
function wrongFieldPayloads(method: Method): Record<string, unknown>[] {
  const shape = (contract[method].input as unknown as { shape: Record<string, unknown> }).shape;
  return Object.keys(shape).map((key) => ({ [key]: { wrong: 'type' } }));
}

describe('the API contract', () => {
  it('has a handler for every entry and no handler outside it', () => {
    const { library } = setup();
    const handlers = createHandlers(library, createServices(library));
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const name of Object.keys(contract))
      expect(typeof handlers[name as Method]).toBe('function');
  });

  it('rejects malformed input for every method with an invalid_input error naming the method', async () => {
    const { dispatch } = setup();
    for (const method of Object.keys(contract) as Method[]) {
      const payloads = [...NOT_OBJECTS, ...wrongFieldPayloads(method)];
      for (const payload of payloads) {
        const env = await dispatch(method, payload, 'inproc');
        expect(env.ok, `${method} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (!env.ok) {
          expect(env.error.code).toBe('invalid_input');
          expect(env.error.message.startsWith(`${method}: `)).toBe(true);
        }
      }
    }
  });

  it('names the field at fault', async () => {
    const { dispatch } = setup();
    const env = await dispatch('articles.get', { id: 'not-an-id' }, 'inproc');
    expect(env).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'articles.get: id: must be a UUIDv7' },
    });
    const files = await dispatch(
      'articles.importFiles',
      { files: [{ name: '', dataBase64: '' }] },
      'inproc',
    );
    expect(!files.ok && files.error.message).toBe(
      'articles.importFiles: files.0.name: file name is empty',
    );
  });

  it('refuses unknown methods and local-only methods over client transports', async () => {
    const { dispatch } = setup();
    expect(await dispatch('articles.dropAll', {}, 'http')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch('__proto__', {}, 'http')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const local = await dispatch('articles.importPaths', { paths: ['/etc/passwd'] }, 'http');
    expect(local).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'articles.importPaths: only available to the desktop app and the CLI',
      },
    });
    expect(
      (await dispatch('articles.importPaths', { paths: ['/no/such/file.txt'] }, 'ipc')).ok,
    ).toBe(false);
  });

  it('lets desktop-only methods through in-process and over IPC, never over HTTP', async () => {
    const { dispatch } = setup();
    const desktop = (Object.keys(contract) as Method[]).filter(
      (m) => contract[m].exposure === 'desktop',
    );
    expect(desktop).toContain('bulkImport.startPaths');
    for (const method of desktop) {
      const http = await dispatch(method, {}, 'http');
      expect(http).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: `${method}: only available to the desktop app` },
      });
    }
    // Over IPC and in-process the call reaches its schema (and would run): no paths → invalid input naming the field.
    for (const transport of ['ipc', 'inproc'] as const) {
      const env = await dispatch('bulkImport.startPaths', { paths: [] }, transport);
      expect(env).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: 'bulkImport.startPaths: paths: no paths given' },
      });
    }
  });

  it('allows each exposure on exactly its transports', () => {
    expect(['inproc', 'ipc', 'http'].filter((t) => isAllowedOn('client', t as Transport))).toEqual([
      'inproc',
      'ipc',
      'http',
    ]);
    expect(['inproc', 'ipc', 'http'].filter((t) => isAllowedOn('desktop', t as Transport))).toEqual(
      ['inproc', 'ipc'],
    );
    expect(['inproc', 'ipc', 'http'].filter((t) => isAllowedOn('local', t as Transport))).toEqual([
      'inproc',
    ]);
  });

  it('returns not_found for a well-formed id that is not in the library', async () => {
    const { dispatch } = setup();
    const env = await dispatch(
      'articles.get',
      { id: '01900000-0000-7000-8000-000000000000' },
      'inproc',
    );
    expect(env).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers every read method with output that matches its declared schema', async () => {
    const { invoke } = setup();
    await invoke('articles.importFiles', {
      files: [{ name: 'n.md', dataBase64: Buffer.from('# Hello\n\nWorld').toString('base64') }],
    });
    const info = await invoke('library.info', {});
    expect(contract['library.info'].output.parse(info).articleCount).toBe(1);
    const page = await invoke('articles.list', {});
    contract['articles.list'].output.parse(page);
    const article = await invoke('articles.get', { id: page.items[0]!.id });
    contract['articles.get'].output.parse(article);
  });

  it('publishes a change event after a call that changes the library', async () => {
    const { invoke, library } = setup();
    const events: unknown[] = [];
    library.onEvent((e) => events.push(e));
    await invoke('articles.list', {});
    expect(events).toEqual([]);
    const [r] = await invoke('articles.importFiles', {
      files: [
        { name: 'a.txt', dataBase64: Buffer.from('Title\n\nSome body text.').toString('base64') },
      ],
    });
    expect(r!.ok).toBe(true);
    expect(events).toEqual([
      {
        type: 'changed',
        seq: expect.any(Number),
        all: false,
        changes: [{ entity: 'article', id: r!.ok ? r!.article.id : '', op: 'insert' }],
      },
    ]);
  });
});

describe('handler outputs', () => {
  it('a handler returning the wrong shape fails with an internal error naming the field (checked under tests)', async () => {
    const { library } = setup();
    const handlers = {
      ...createHandlers(library, createServices(library)),
      'tags.list': () => [{ name: 42 }],
    };
    // @ts-expect-error -- the wrong shape on purpose: what the type system cannot see across a cast
    const dispatch = createDispatcher(handlers, library);
    const env = await dispatch('tags.list', {}, 'inproc');
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('internal');
      expect(env.error.message).toMatch(/^tags\.list: output does not match the contract \(0\./);
      expect(env.error.message).toContain('0.name');
    }
  });

  it('outputs are not checked when the option is off (production), and a right shape passes', async () => {
    const { library } = setup();
    const wrong = [{ name: 42 }];
    const handlers = {
      ...createHandlers(library, createServices(library)),
      'tags.list': () => wrong,
    };
    // @ts-expect-error -- the wrong shape on purpose
    const unchecked = createDispatcher(handlers, library, { checkOutputs: false });
    expect(await unchecked('tags.list', {}, 'inproc')).toEqual({ ok: true, data: wrong });
    const checked = createDispatcher(createHandlers(library, createServices(library)), library, {
      checkOutputs: true,
    });
    expect(await checked('tags.list', {}, 'inproc')).toEqual({ ok: true, data: [] });
  });
});
