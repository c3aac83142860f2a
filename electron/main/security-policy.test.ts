import { describe, expect, it } from 'vitest';
import { isAppUrl, RENDERER_ENTRY_URL } from './app-url';
import { isAllowedNavigation, isAllowedRequest, isPermissionGranted } from './security-policy';

const prod = { allowDevtools: false };
const dev = { allowDevtools: true };

describe('isAppUrl', () => {
  it('accepts our origin only', () => {
    expect(isAppUrl(RENDERER_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://commonplace/assets/index-abc.js?x=1#y')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://commonplace.evil/index.html')).toBe(false);
    expect(isAppUrl('app://commonplace:8080/index.html')).toBe(false);
    expect(isAppUrl('app://user@commonplace/index.html')).toBe(false);
    expect(isAppUrl('https://commonplace/index.html')).toBe(false);
    expect(isAppUrl('commonplace://commonplace/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('lets our own files, our own blobs (Export, Download original) and data: images through', () => {
    expect(isAllowedRequest('app://commonplace/index.html', prod)).toBe(true);
    expect(
      isAllowedRequest('blob:app://commonplace/5f0c6c7e-2c55-4b59-9a55-111111111111', prod),
    ).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', prod)).toBe(true);
  });

  it.each([
    'https://example.org/tracker.gif',
    'http://127.0.0.1:8080/',
    'ws://localhost/',
    'wss://example.org/',
    'file:///etc/passwd',
    'ftp://example.org/',
    'app://other/index.html',
    'blob:https://example.org/5f0c6c7e-2c55-4b59-9a55-111111111111',
    'blob:null/5f0c6c7e-2c55-4b59-9a55-111111111111',
    'blob:app://other/5f0c6c7e-2c55-4b59-9a55-111111111111',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('cancels %s in a packaged app', (url) => {
    expect(isAllowedRequest(url, prod)).toBe(false);
  });

  it('allows DevTools pages only in development', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRequest('https://chrome-devtools-frontend.appspot.com/x', dev)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only in-page moves on our origin', () => {
    expect(isAllowedNavigation('app://commonplace/index.html#/article/1', true)).toBe(true);
    expect(isAllowedNavigation('app://commonplace/index.html', false)).toBe(false);
    expect(isAllowedNavigation('https://example.org/', false)).toBe(false);
    expect(isAllowedNavigation('https://example.org/', true)).toBe(false);
    expect(isAllowedNavigation('file:///home/me/dropped.html', false)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('grants clipboard writing to our pages and nothing else to anyone', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://commonplace/index.html')).toBe(
      true,
    );
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://commonplace')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
    for (const p of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'usb',
      'unknown',
    ]) {
      expect(isPermissionGranted(p, 'app://commonplace/index.html')).toBe(false);
    }
  });
});
