import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupConfig } from './startup-config';

describe('startupConfig', () => {
  const userData = join('/home', 'me', '.config', 'Commonplace');

  it('opens <userData>/library.sqlite with the package build by default', () => {
    expect(startupConfig({}, userData, false)).toEqual({
      libraryPath: join(userData, 'library.sqlite'),
      nativeBinding: undefined,
    });
  });

  it('takes the library and the Electron build of better-sqlite3 from npm start', () => {
    const env = {
      COMMONPLACE_LIBRARY: '/tmp/x.sqlite',
      COMMONPLACE_SQLITE_BINDING: '/cache/better_sqlite3.node',
    };
    expect(startupConfig(env, userData, false)).toEqual({
      libraryPath: '/tmp/x.sqlite',
      nativeBinding: '/cache/better_sqlite3.node',
    });
  });

  it('a packaged app loads the Electron build packed in its resources, whatever the environment says', () => {
    const resources = join('/opt', 'Commonplace', 'resources');
    expect(
      startupConfig({ COMMONPLACE_SQLITE_BINDING: '/evil.node' }, userData, true, resources)
        .nativeBinding,
    ).toBe(join(resources, 'native', 'better_sqlite3.node'));
  });

  it('ignores empty values', () => {
    expect(
      startupConfig({ COMMONPLACE_LIBRARY: '', COMMONPLACE_SQLITE_BINDING: '' }, userData, false),
    ).toEqual({
      libraryPath: join(userData, 'library.sqlite'),
      nativeBinding: undefined,
    });
  });
});
