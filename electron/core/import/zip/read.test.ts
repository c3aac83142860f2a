import { describe, expect, it } from 'vitest';
import { CommonplaceError } from '../../errors';
import { makeZip, makeZipBomb } from './fixtures';
import { listZip } from './directory';
import { ZipReader } from './read';
import { nestsDeeperThan } from './xml';

function failure(run: () => unknown): CommonplaceError {
  try {
    run();
  } catch (e) {
    if (e instanceof CommonplaceError) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('ZipReader', () => {
  it('reads stored and deflated entries by name, in directory order', () => {
    const zip = makeZip(
      { mimetype: 'application/epub+zip', 'a/b.txt': 'hello '.repeat(1000), 'é.txt': 'accent' },
      'mimetype',
    );
    const reader = new ZipReader(zip, 'x.zip');
    expect(reader.entries.map((e) => [e.name, e.method])).toEqual([
      ['mimetype', 0],
      ['a/b.txt', 8],
      ['é.txt', 8],
    ]);
    expect(reader.readText('mimetype')).toBe('application/epub+zip');
    expect(reader.readText('a/b.txt')).toBe('hello '.repeat(1000));
    expect(reader.readText('é.txt')).toBe('accent');
    expect(reader.read('missing')).toBeNull();
  });

  it('refuses truncated and damaged archives with the file name', () => {
    const zip = makeZip({ 'doc.xml': '<x>'.repeat(500) });
    expect(
      failure(() => new ZipReader(zip.subarray(0, zip.length - 30), 'cut.docx')).message,
    ).toMatch(/^cut\.docx: is not a valid ZIP container/);
    expect(
      failure(
        () => new ZipReader(new TextEncoder().encode('PK\u0003\u0004 not really'), 'fake.epub'),
      ).code,
    ).toBe('parse_error');
    const damaged = zip.slice();
    damaged.fill(0xff, 37, 40); // the deflated data starts after the 30-byte header and the 7-byte name
    expect(failure(() => new ZipReader(damaged, 'bad.docx').read('doc.xml')).message).toMatch(
      /bad\.docx: .*doc\.xml/,
    );
  });

  it('refuses too many entries before inflating anything', () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, 'x']));
    const error = failure(() =>
      listZip(makeZip(files), 'many.epub', {
        maxEntries: 20,
        maxEntryBytes: 1e6,
        maxTotalBytes: 1e6,
      }),
    );
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(
      'many.epub: refused as a possible ZIP bomb (30 entries; the limit is 20)',
    );
  });

  it('refuses a 1 GB entry by its declared size', () => {
    const zip = makeZipBomb({ name: 'word/document.xml', mebibytes: 1024 });
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    const error = failure(() => new ZipReader(zip, 'bomb.docx'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(
      /^bomb\.docx: refused as a possible ZIP bomb \(word\/document\.xml declares 1073741824 bytes/,
    );
  });

  it('stops a 1 GB entry that declares 1 KB once it inflates past the cap', () => {
    const zip = makeZipBomb({ name: 'word/document.xml', mebibytes: 1024, declaredSize: 1024 });
    const reader = new ZipReader(zip, 'liar.docx', {
      maxEntries: 10,
      maxEntryBytes: 16 * 1024 * 1024,
      maxTotalBytes: 64 * 1024 * 1024,
    });
    const before = process.memoryUsage().rss;
    const error = failure(() => reader.read('word/document.xml'));
    expect(error.message).toBe(
      `liar.docx: refused as a possible ZIP bomb (word/document.xml inflates past ${16 * 1024 * 1024} bytes)`,
    );
    // Stopped near the cap: nowhere near a gigabyte was ever held.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('checks the declared total, then the inflated total across entries', () => {
    const limits = { maxEntries: 10, maxEntryBytes: 1_000_000, maxTotalBytes: 1_000_000 };
    const honest = makeZip({ 'a.txt': 'a'.repeat(600_000), 'b.txt': 'b'.repeat(600_000) });
    expect(failure(() => new ZipReader(honest, 'two.epub', limits)).message).toBe(
      'two.epub: refused as a possible ZIP bomb (its entries declare 1200000 bytes; the limit is 1000000)',
    );
    const liar = makeZipBomb({
      name: 'OEBPS/ch.xhtml',
      mebibytes: 64,
      declaredSize: 10,
      before: { 'OEBPS/a.xhtml': 'a'.repeat(1000) },
    });
    const reader = new ZipReader(liar, 'liar.epub', {
      maxEntries: 10,
      maxEntryBytes: 48 * 1024 * 1024,
      maxTotalBytes: 32 * 1024 * 1024,
    });
    expect(reader.readText('OEBPS/a.xhtml')).toHaveLength(1000);
    expect(failure(() => reader.read('OEBPS/ch.xhtml')).message).toBe(
      `liar.epub: refused as a possible ZIP bomb (its entries inflate past ${32 * 1024 * 1024} bytes)`,
    );
  });
});

describe('nestsDeeperThan', () => {
  it('counts elements, not self-closing tags, comments or CDATA', () => {
    expect(nestsDeeperThan('<a><b><c/></b></a>', 2)).toBe(false);
    expect(nestsDeeperThan('<a><b><c></c></b></a>', 2)).toBe(true);
    expect(
      nestsDeeperThan(`<r>${'<x/>'.repeat(500)}<!-- <a><b><c> --><![CDATA[<a><b><c>]]></r>`, 2),
    ).toBe(false);
    expect(nestsDeeperThan(`<r a="<b><c><d>">x</r>`, 2)).toBe(false);
    expect(nestsDeeperThan('<div>'.repeat(300))).toBe(true);
  });
});
