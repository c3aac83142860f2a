import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from './deep-link';

const ID = '01936b2e-8f7a-7c3d-9b1e-2f4a6c8d0e12';

describe('commonplace:// links', () => {
  it('parses passage, article and note links', () => {
    expect(parseDeepLink(`commonplace://passage/${ID}`)).toEqual({
      ok: true,
      link: { kind: 'passage', id: ID },
    });
    expect(parseDeepLink(`commonplace://article/${ID.toUpperCase()}/`)).toEqual({
      ok: true,
      link: { kind: 'article', id: ID },
    });
    expect(parseDeepLink(`commonplace:note/${ID}`)).toEqual({
      ok: true,
      link: { kind: 'note', id: ID },
    });
    expect(parseDeepLink(`COMMONPLACE://Passage/${ID}?from=x#y`)).toEqual({
      ok: true,
      link: { kind: 'passage', id: ID },
    });
  });
  it('refuses bad links with a reason', () => {
    const reason = (s: string) => {
      const r = parseDeepLink(s);
      if (r.ok) throw new Error(`accepted ${s}`);
      return r.reason;
    };
    expect(reason('not a url')).toBe('not a URL');
    expect(reason(`https://passage/${ID}`)).toMatch(/not a commonplace:\/\/ link/);
    expect(reason(`commonplace://tag/${ID}`)).toMatch(/"tag" is not passage, article or note/);
    expect(reason('commonplace://passage/../../etc/passwd')).toMatch(/expected|not an id/);
    expect(reason('commonplace://passage/1; DROP TABLE passages')).toMatch(/not an id/);
    expect(reason(`commonplace://passage/${ID}/extra`)).toMatch(/expected/);
    expect(reason('commonplace://passage/')).toMatch(/expected/);
    expect(reason(`commonplace://passage/${'a'.repeat(5000)}`)).toMatch(/longer than/);
  });
  it('finds the link in a second instance argv, skipping switches and the executable', () => {
    expect(
      deepLinkFromArgv([
        '/opt/Commonplace/commonplace',
        '--no-sandbox',
        `commonplace://passage/${ID}`,
      ]),
    ).toBe(`commonplace://passage/${ID}`);
    expect(
      deepLinkFromArgv([
        'C:\\Commonplace.exe',
        '--allow-file-access-from-files',
        'commonplace://note/x',
      ]),
    ).toBe('commonplace://note/x');
    expect(deepLinkFromArgv(['/usr/bin/electron', '.', '--inspect'])).toBeNull();
    expect(deepLinkFromArgv(['commonplace://passage/not-argv-zero'])).toBeNull();
  });
});
