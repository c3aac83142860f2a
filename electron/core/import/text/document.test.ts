import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../../model/body';
import { parsePastedText } from './pasted';
import { dropPageFurniture, headerBlockDate } from './document';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const real = (name: string): string => readFileSync(join(REAL, name), 'utf8');

describe('plain-text page furniture', () => {
  it('drops form feeds and the running head with its page number from every page (pdftotext output of a real manual)', () => {
    const source = real('maint-guide.de.pdftotext.txt');
    expect(source.match(/\f/g)?.length).toBeGreaterThanOrEqual(7);
    const text = bodyToText(parsePastedText(source, 'maint-guide.de.txt').body);
    expect(text).not.toContain('\f');
    expect(text).not.toMatch(/Debian-Leitfaden für Neue Paketbetreuer\s+\d+ \/ 63/);
    // The prose stays.
    expect(text).toContain('Debian Mentors FAQ');
  });

  it('leaves a text without form feeds alone', () => {
    const t = 'Running head 1\n\nBody.\n\nRunning head 2';
    expect(dropPageFurniture(t)).toBe(t);
  });
});

describe('the date of a dated header block', () => {
  it('reads "Version 3, 29 June 2007" from the GNU GPL', () => {
    expect(parsePastedText(real('GPL-3.txt'), 'GPL-3').published).toBe('2007-06-29');
  });

  it("reads an RFC header's month and year, and an ISO date", () => {
    const rfc = [
      'Network Working Group                                          J. Postel',
      'Request for Comments:  791                                           ISI',
      '                                                          September 1981',
      '',
      '                           INTERNET PROTOCOL',
    ].join('\n');
    expect(headerBlockDate(rfc)).toBe('1981-09');
    expect(headerBlockDate('Minutes\n\n2024-06-18\n\nPresent: all.')).toBe('2024-06-18');
    expect(headerBlockDate('Due February 30, 2024')).toBeNull();
  });
});

describe('an RFC as plain text whose form feeds were lost (RFC 7159, fixtures/real)', () => {
  const source = real('rfc7159.txt');
  const a = parsePastedText(source, 'rfc7159.txt');
  const text = bodyToText(a.body);

  it('drops the running feet and heads, found by the page numbers the feet carry', () => {
    expect(source).not.toContain('\f');
    expect(text).not.toMatch(/\[Page \d\]|RFC 7159 {10,}JSON/);
    expect(text).toContain('The terms "object" and "array" come from the conventions of');
  });

  it('takes the title centred under the memo header block and the author from its right column', () => {
    expect(a.title).toBe('The JavaScript Object Notation (JSON) Data Interchange Format');
    expect(a.byline).toBe('T. Bray');
    expect(a.published).toBe('2014-03');
    // The header block itself stays in the text: only the title moves above it.
    expect(text).toMatch(
      /^Internet Engineering Task Force \(IETF\) +T\. Bray, Ed\.\nRequest for Comments: 7159/,
    );
    expect(text).not.toContain('The JavaScript Object Notation (JSON) Data Interchange Format');
  });

  it('leaves a text with fewer than three numbered feet, or none, as it is', () => {
    const two = 'One\nSmith   [Page 1]\nTwo\nSmith   [Page 2]\nThree';
    expect(dropPageFurniture(two)).toBe(two);
    expect(dropPageFurniture('Plain\n\nwords')).toBe('Plain\n\nwords');
  });
});

describe("the credits under a text's title (DocBook's author group as plain text, fixtures/real)", () => {
  it.each([
    ['de', 'Helge Kreutzmann'],
    ['fr', 'Frédéric Dumont'],
    ['es', 'Javier Fernández-Sanguino Peña'],
  ])(
    'reads the names over their role-and-address lines as the byline (maint-guide.%s.txt)',
    (lang, translator) => {
      const a = parsePastedText(real(`maint-guide.${lang}.txt`), `maint-guide.${lang}.txt`);
      expect(a.byline?.startsWith('Josip Rodin, Osamu Aoki, ')).toBe(true);
      expect(a.byline).toContain(translator);
      const text = bodyToText(a.body);
      // The credits leave the body; what follows them stays.
      expect(text).not.toMatch(/^Josip Rodin$/m);
      expect(text).toContain('Copyright © 1998-2002 Josip Rodin');
    },
  );

  it('takes a name line only over a line ending with an e-mail address', () => {
    const t = 'The Title\n\nJane Doe\n\nWrote this without an address\n\nBody text follows here.';
    expect(parsePastedText(t, 'x.txt').byline).toBeNull();
  });
});
