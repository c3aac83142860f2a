import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommonplaceError } from '../errors';
import { decodeBytes, decodeText, resolveCharsetLabel, sniffHtmlCharset } from './decode';

const TEXT = join(__dirname, 'fixtures', 'text');
const HTML = join(__dirname, 'fixtures', 'html');
const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** The UTF-8 original a legacy fixture was made from (with iconv), line endings as decoded. */
const original = (name: string): string => readFileSync(join(TEXT, `${name}.utf8.txt`), 'utf8');

describe('decodeBytes: byte-order marks', () => {
  it('strips a UTF-8 BOM and wins over a contrary declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('café')]);
    const out = decodeBytes(bytes, 'a.txt', { declaredCharset: 'windows-1252' });
    expect(out).toMatchObject({
      text: 'café',
      encoding: 'utf-8',
      source: 'bom',
      declared: 'windows-1252',
    });
  });

  it('decodes UTF-16 LE and BE with their BOMs', () => {
    const le = new Uint8Array([
      0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0x42, 0x30,
    ]);
    const be = new Uint8Array([
      0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9, 0x00, 0x0d, 0x00, 0x0a, 0x30, 0x42,
    ]);
    expect(decodeBytes(le, 'le.txt')).toMatchObject({
      text: 'hé\nあ',
      encoding: 'utf-16le',
      source: 'bom',
    });
    expect(decodeBytes(be, 'be.txt')).toMatchObject({
      text: 'hé\nあ',
      encoding: 'utf-16be',
      source: 'bom',
    });
  });
});

describe('decodeBytes: declared charsets', () => {
  it('uses a declared legacy charset', () => {
    const out = decodeBytes(latin1('caf\xe9 \x93ok\x94'), 'a.html', {
      declaredCharset: 'windows-1252',
    });
    expect(out).toMatchObject({ text: 'café “ok”', encoding: 'windows-1252', source: 'declared' });
  });

  it('maps labels the WHATWG way (latin1 and iso-8859-1 are windows-1252)', () => {
    expect(resolveCharsetLabel(' "ISO-8859-1" ')).toBe('windows-1252');
    expect(resolveCharsetLabel('latin1')).toBe('windows-1252');
    expect(resolveCharsetLabel('Shift_JIS')).toBe('shift_jis');
    expect(resolveCharsetLabel('x-sjis')).toBe('shift_jis');
    expect(resolveCharsetLabel('UTF-16')).toBe('utf-8');
  });

  it('never throws on an unknown or unusable label and falls back to the bytes', () => {
    for (const label of ['klingon', 'hz-gb-2312', 'replacement', '', 'x'.repeat(500)]) {
      expect(resolveCharsetLabel(label)).toBeNull();
      expect(decodeBytes(bytesOf('naïve'), 'a.html', { declaredCharset: label })).toMatchObject({
        text: 'naïve',
        source: 'utf-8',
      });
    }
  });

  it('prefers valid multi-byte UTF-8 over a stale legacy declaration', () => {
    const out = decodeBytes(bytesOf('Grüße'), 'a.html', { declaredCharset: 'iso-8859-1' });
    expect(out).toMatchObject({
      text: 'Grüße',
      encoding: 'utf-8',
      source: 'utf-8',
      declared: 'windows-1252',
    });
  });

  it('falls back to a guess when a UTF-8 declaration is contradicted by the bytes', () => {
    const out = decodeBytes(latin1('Gr\xfc\xdfe aus M\xfcnchen'), 'a.html', {
      declaredCharset: 'utf-8',
    });
    expect(out).toMatchObject({
      text: 'Grüße aus München',
      encoding: 'windows-1252',
      source: 'guessed',
    });
  });
});

describe('decodeBytes: undeclared text', () => {
  it('reads UTF-8 strictly and normalises CRLF and CR to LF', () => {
    expect(decodeBytes(bytesOf('a\r\nb\rc\n'), 'a.txt')).toMatchObject({
      text: 'a\nb\nc\n',
      encoding: 'utf-8',
      source: 'utf-8',
    });
  });

  it.each([
    ['western', 'windows-1252'],
    ['russian', 'windows-1251'],
    ['russian', 'koi8-r'],
    ['japanese', 'shift_jis'],
    ['japanese', 'euc-jp'],
    ['japanese', 'iso-2022-jp'],
    ['korean', 'euc-kr'],
    ['chinese-simplified', 'gbk'],
    ['chinese-traditional', 'big5'],
  ])('recognises %s text in %s', (name, encoding) => {
    const bytes = readFileSync(join(TEXT, `${name}.${encoding}.txt`));
    const out = decodeBytes(bytes, `${name}.txt`);
    expect(out.text).toBe(original(name));
    expect(out.source).toBe('guessed');
    expect(out.encoding).toBe(encoding === 'gbk' ? 'gb18030' : encoding);
  });

  it('reads a few stray high bytes in ASCII text as windows-1252 rather than refusing', () => {
    const out = decodeBytes(latin1(`${'plain ascii text '.repeat(20)}\x81\x8d end`), 'a.txt');
    expect(out.encoding).toBe('windows-1252');
    expect(out.text.endsWith(' end')).toBe(true);
  });

  it('refuses bytes that fit no known encoding, naming the file', () => {
    const junk = new Uint8Array(400);
    for (let i = 0; i < junk.length; i++) junk[i] = 0x80 + ((i * 37) % 0x7f);
    expect(() => decodeText(junk, 'mystery.txt')).toThrowError(CommonplaceError);
    try {
      decodeText(junk, 'mystery.txt');
    } catch (e) {
      expect((e as CommonplaceError).code).toBe('parse_error');
      expect((e as CommonplaceError).message).toMatch(
        /^mystery\.txt: .*not valid UTF-8.*save it as UTF-8/,
      );
    }
  });
});

describe('sniffHtmlCharset', () => {
  it('finds <meta charset> and http-equiv declarations, in fixtures too', () => {
    expect(sniffHtmlCharset(bytesOf('<meta charset="Shift_JIS">'))).toBe('Shift_JIS');
    expect(sniffHtmlCharset(bytesOf('<META CHARSET=euc-kr>'))).toBe('euc-kr');
    expect(
      sniffHtmlCharset(
        bytesOf('<meta content="text/html; charset=koi8-r" http-equiv="Content-Type">'),
      ),
    ).toBe('koi8-r');
    expect(sniffHtmlCharset(readFileSync(join(HTML, 'windows-1252.html')))).toBe('windows-1252');
    expect(sniffHtmlCharset(readFileSync(join(HTML, 'euc-kr.html')))).toBe('EUC-KR');
  });

  it('ignores declarations in comments, beyond the scan window, or in unrelated meta tags', () => {
    expect(sniffHtmlCharset(bytesOf('<!-- <meta charset="big5"> --><p>hi'))).toBeNull();
    expect(sniffHtmlCharset(bytesOf(`${' '.repeat(5000)}<meta charset="big5">`))).toBeNull();
    expect(
      sniffHtmlCharset(bytesOf('<meta name="description" content="charset=big5">')),
    ).toBeNull();
    expect(sniffHtmlCharset(bytesOf('<p>no declaration</p>'))).toBeNull();
  });

  it('reads an XML declaration when there is no meta', () => {
    expect(sniffHtmlCharset(bytesOf('<?xml version="1.0" encoding="ISO-8859-15"?><html>'))).toBe(
      'ISO-8859-15',
    );
  });
});
