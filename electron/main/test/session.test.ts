/** The session's hooks and the app:// scheme, as the real main process installs them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../api/transports/web-assets';
import { BUILT_RENDERER, useMainProcess } from './boot';

const boot = useMainProcess();

describe('the session', () => {
  it('cancels remote and file requests, lets our pages, our blobs (downloads) and data: images through', async () => {
    const { electron } = await boot();
    const ses = electron.session.defaultSession;
    for (const url of [
      'https://example.org/pixel.gif',
      'http://127.0.0.1:9/',
      'wss://example.org/',
      'file:///etc/passwd',
      'app://other/index.html',
      'blob:https://example.org/0c0a',
    ]) {
      expect(ses.allows(url), url).toBe(false);
    }
    for (const url of [
      'app://commonplace/index.html',
      'blob:app://commonplace/5f0c6c7e-2c55-4b59-9a55-111111111111',
      'data:image/png;base64,iVBORw0KGgo=',
    ]) {
      expect(ses.allows(url), url).toBe(true);
    }
  });

  it('denies every permission but clipboard writing from our own pages, and every device', async () => {
    const { electron } = await boot();
    const ses = electron.session.defaultSession;
    const ask = (permission: string, requestingUrl: string) =>
      new Promise<boolean>((resolve) =>
        ses.permissionRequest!(null, permission, resolve, { requestingUrl }),
      );
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(await ask(p, 'app://commonplace/index.html'), p).toBe(false);
    }
    expect(await ask('clipboard-sanitized-write', 'app://commonplace/index.html')).toBe(true);
    expect(await ask('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(ses.permissionCheck!(null, 'media', 'app://commonplace', {})).toBe(false);
    expect(ses.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('app://commonplace', () => {
  it('is registered privileged and serves the built renderer with the CSP', async () => {
    const { electron } = await boot();
    expect(electron.protocol.registeredSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    const res = await electron.protocol.fetch('app://commonplace/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe(readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8'));
    // A client-side route reloads to the app; a missing asset is a 404.
    expect((await electron.protocol.fetch('app://commonplace/notes')).status).toBe(200);
    expect((await electron.protocol.fetch('app://commonplace/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    const { electron } = await boot();
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00index.html',
    ]) {
      const res = await electron.protocol.fetch(`app://commonplace${path}`);
      // The URL parser may fold ../ away: then it is a path inside the build, which has no package.json.
      expect([403, 404], path).toContain(res.status);
      expect(await res.text()).not.toContain('"electron-vite"');
    }
    expect(
      (await electron.protocol.fetch('app://commonplace/index.html', { method: 'POST', body: 'x' }))
        .status,
    ).toBe(405);
  });
});
