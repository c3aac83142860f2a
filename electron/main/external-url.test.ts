import { describe, expect, it } from 'vitest';
import { externalUrl } from './external-url';

describe('externalUrl', () => {
  it('passes http, https and mailto links, normalised', () => {
    expect(externalUrl('https://example.org/a b'.replace(' ', '%20'))).toBe(
      'https://example.org/a%20b',
    );
    expect(externalUrl('HTTP://Example.org')).toBe('http://example.org/');
    expect(externalUrl('mailto:someone@example.org?subject=Hi')).toBe(
      'mailto:someone@example.org?subject=Hi',
    );
  });

  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['smb://server/share'],
    ['commonplace://passage/1'],
    ['app://commonplace/index.html'],
    ['vbscript:msgbox'],
    ['ms-settings:'],
    ['//example.org/no-scheme'],
    ['example.org'],
    ['https://user:pass@example.org/'],
    ['https://bank.example@evil.example/'],
    ['https://'],
    ['mailto:'],
    [' https://example.org/'],
    ['https://exa\tmple.org/'],
    ['https://example.org/\n'],
    ['java\nscript:alert(1)'],
    [''],
  ])('refuses %j', (raw) => {
    expect(externalUrl(raw)).toBeNull();
  });

  it('refuses non-strings and overlong URLs', () => {
    expect(externalUrl(undefined)).toBeNull();
    expect(externalUrl(42)).toBeNull();
    expect(externalUrl({ toString: () => 'https://example.org/' })).toBeNull();
    expect(externalUrl(`https://example.org/${'a'.repeat(9000)}`)).toBeNull();
  });
});
