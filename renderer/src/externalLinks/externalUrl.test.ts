import { describe, expect, it } from 'vitest';
import { openableUrl } from './externalUrl';

describe('openableUrl', () => {
  it('accepts web and mail links', () => {
    expect(openableUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(openableUrl('http://example.com')).toBe('http://example.com/');
    expect(openableUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
  });

  it('refuses scripts, files, app-internal and malformed addresses', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'about:blank',
      '/api/articles.list',
      'not a url',
      '',
    ]) {
      expect(openableUrl(href), href).toBeNull();
    }
  });
});
