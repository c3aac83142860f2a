/**
 * The rest of #19's grid: the cells standard.test.ts leaves open, each case in each style with its
 * reference entry and its in-text citation or note with a page locator, against an example a
 * guide prints for the same metadata (or, where none is printed, the guide's rule, quoted).
 * Differences that are the CSL processor's typography, not the style (an en dash in a page range
 * where a web page prints a hyphen), are mapped in the open where they occur.
 *
 * Sources (stored copies read with the search tool, except where said):
 * - CMOS17_AD_WEB: the Chicago Manual of Style (17th ed.) author-date quick guide's web-page
 *   examples and CMOS 15.37 (an organisation as author), quoted in
 *   AEADataEditor/aea-de-guidance, addtl-data-citation-guidance.md ("Google. 2017. “Privacy
 *   Policy.” …", "Yale University. n.d. “About Yale: Yale Facts.” …", "ISO (International
 *   Organization for Standardization). 1997. …").
 * - CMOS17_NB: the CMOS 17 notes-and-bibliography quick guide
 *   (https://www.chicagomanualofstyle.org/tools_citationguide/citation-guide-1.html). Checked in
 *   a stored copy: "Website content", quoted in atet/cite, README.md ("Google. “Privacy Policy.”
 *   Privacy & Terms. Last modified April 17, 2017. …"; short note "Google, “Privacy Policy.”").
 *   A notes bibliography entry is the author-date entry with the date after the publication facts.
 * - CMOS_NB_SAMPLE: a notes-and-bibliography sample paper built from the CMOS quick guide's
 *   examples (16th-ed. set: Kelly, Stolberg and Pear, McDonald's), stored as
 *   mpingram/refscanner, app/spec/test_papers/Chicago-NotesBibliography/ChicagoNB-sample-paper-1.ts
 *   (its notes 9, 26, 28, 38, 41 and its bibliography). The 17th edition kept these forms but
 *   for access dates, which it no longer asks of a dated source (CMOS 17 14.12): the one place
 *   we map, named where it occurs.
 * - CMOS18_NB_QUICK: the CMOS notes-and-bibliography quick guide's short notes as quoted in
 *   brian-davis/friendly-octo-computing-machine, test/services/citation/note_test.rb (web page:
 *   "“Yale Facts.”").
 * - APA_MAGAZINE: https://apastyle.apa.org/style-grammar-guidelines/references/examples/magazine-article-references
 *   (example with a DOI, two authors), also quoted in a stored library guide ("Schaefer, N. K., &
 *   Shapiro, B. (2019, September 6). …").
 * - MLA_AUTHORS: https://morningside.libguides.com/MLA8/author (MLA Handbook, 9th ed., pp.
 *   111–12 two authors: "Dorris, Michael, and Louise Erdrich. The Crown of Columbus.
 *   HarperCollins Publishers, 1999."; p. 119 corporate author: "United Nations. Consequences of
 *   Rapid Population Growth in Developing Countries. Taylor and Francis, 1991."; "When a work is
 *   published by an organization that is also its author, skip the author element and begin the
 *   entry with the title. List the organization only as publisher.").
 * - MLA_JOURNAL: https://guides.library.unr.edu/mlacitation/articles ("Ki, Eyun-Jung. “A Measure
 *   of Relationship Cultivation Strategies.” Journal of Public Relations Research, vol. 21, no. 1,
 *   2009, pp. 1-24."; "In-text citation: (Author's Last Name Page Number)").
 * - MLA_REPORT_INTEXT: https://chat.library.berkeleycollege.edu/faq/342625 ("put the agency and
 *   page number in parentheses: (Division of Violence Prevention 11)").
 * - MLA_SAME_AUTHOR: https://libguides.hiu.edu/mla/gov ("use three hyphens for any name
 *   repeated from the author element in the previous entry") and
 *   https://library.gannon.edu/c.php?g=1183183&p=8653519 ("If citing multiple books by same
 *   author …, list author's last name, shortened title and page number in parentheses. (Wilson,
 *   "Visual Works" 45)"; "If there is no known author, use a shortened version of the item's
 *   title. Place in quotation marks if it is a short work.").
 * - CMOS_AD, CHICAGO_AD_SHEET, MOHAVE: as in standard.test.ts (the in-text form "(Grazer and
 *   Fishman 2015, 188)", the 3-em dash for a repeated name, MLA "(Burke 3)").
 */
import { describe, expect, it } from 'vitest';
import type { CslItem, CslName } from './item';
import { citeDocument, type CiteRequest } from './processor';
import { bundledStyle } from './styles';
import type { BundledStyle } from '../../model/export';

const date = (...p: [number, number?, number?]) => ({ 'date-parts': [p] });
const person = (family: string, given: string): CslName => ({ family, given });
/** citeproc sets apostrophes typographically (’); the guides' web pages print either. */
const plainApostrophes = (s: string) => s.replace(/’/g, "'");
/** citeproc sets a page range with an en dash; some guides' web pages print a hyphen. */
const hyphenRanges = (s: string) => s.replace(/(\d)–(\d)/g, '$1-$2');

function cite(style: BundledStyle, items: CslItem[], cites: CiteRequest[]) {
  const doc = citeDocument(bundledStyle(style), items, cites);
  return { refs: doc.references.map((r) => r.text), notes: doc.inText.map((c) => c.text) };
}
const one = (style: BundledStyle, item: CslItem, locator = '3') =>
  cite(style, [item], [{ id: item.id, locator }]);

// CMOS17_AD_WEB / CMOS17_NB: web page with a revision date ("Last modified"), no other date, an
// organisation as its owner.
const google: CslItem = {
  id: 'google',
  type: 'webpage',
  title: 'Privacy Policy',
  author: [{ literal: 'Google' }],
  'container-title': 'Privacy & Terms',
  modified: date(2017, 4, 17),
  URL: 'https://www.google.com/policies/privacy/',
  language: 'en',
};
// CMOS17_AD_WEB / CMOS17_NB: web page with no date, an access date, its site its owner.
const yale: CslItem = {
  id: 'yale',
  type: 'webpage',
  title: 'About Yale: Yale Facts',
  // The guide's short note shortens the title by hand (CMOS 14.30): a "Short Title" field.
  'title-short': 'Yale Facts',
  author: [{ literal: 'Yale University' }],
  'container-title': 'Yale University',
  accessed: date(2017, 5, 1),
  URL: 'https://www.yale.edu/about-yale/yale-facts',
  language: 'en',
};
// CMOS17_AD_WEB (CMOS 15.37): a report by an organisation.
const iso: CslItem = {
  id: 'iso',
  type: 'report',
  title:
    'Information and Documentation—Rules for the Abbreviation of Title Words and Titles of Publications',
  author: [{ literal: 'ISO (International Organization for Standardization)' }],
  number: 'ISO 4:1997',
  issued: date(1997),
  publisher: 'ISO',
  'publisher-place': 'Paris',
  language: 'en',
};
// APA's report example (standard.test.ts), cited in the other styles by their rules.
const nci: CslItem = {
  id: 'nci',
  type: 'report',
  title: 'Taking time: Support for people with cancer',
  author: [{ literal: 'National Cancer Institute' }],
  issued: date(2018),
  publisher: 'U.S. Department of Health and Human Services, National Institutes of Health',
  URL: 'https://www.cancer.gov/publications/patient-education/takingtime.pdf',
  language: 'en',
};
const manjoo: CslItem = {
  id: 'manjoo',
  type: 'article-newspaper',
  title: 'Snap Makes a Bet on the Cultural Supremacy of the Camera',
  author: [person('Manjoo', 'Farhad')],
  'container-title': 'New York Times',
  issued: date(2017, 3, 8),
  URL: 'https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html',
  language: 'en',
};
const thoreau: CslItem = {
  id: 'thoreau',
  type: 'chapter',
  title: 'Walking',
  author: [person('Thoreau', 'Henry David')],
  editor: [person('D’Agata', 'John')],
  issued: date(2016),
  'container-title': 'The Making of the American Essay',
  page: '167-195',
  publisher: 'Graywolf Press',
  'publisher-place': 'Minneapolis',
  language: 'en',
};
// CMOS_NB_SAMPLE: a newspaper article by two authors.
const stolberg: CslItem = {
  id: 'stolberg',
  type: 'article-newspaper',
  title: 'Wary Centrists Posing Challenge in Health Care Vote',
  // The sample's short note shortens the title by hand (CMOS 14.30).
  'title-short': 'Wary Centrists',
  author: [person('Stolberg', 'Sheryl Gay'), person('Pear', 'Robert')],
  'container-title': 'New York Times',
  issued: date(2010, 2, 27),
  URL: 'http://www.nytimes.com/2010/02/28/us/politics/28health.html',
  language: 'en',
};
// CMOS_NB_SAMPLE: a chapter in a book its author co-edited with three others.
const kelly: CslItem = {
  id: 'kelly',
  type: 'chapter',
  title: 'Seeing Red: Mao Fetishism, Pax Americana, and the Moral Economy of War',
  author: [person('Kelly', 'John D.')],
  editor: [
    person('Kelly', 'John D.'),
    person('Jauregui', 'Beatrice'),
    person('Mitchell', 'Sean T.'),
    person('Walton', 'Jeremy'),
  ],
  'container-title': 'Anthropology and Global Counterinsurgency',
  page: '67-83',
  publisher: 'University of Chicago Press',
  'publisher-place': 'Chicago',
  issued: date(2010),
  language: 'en',
};
// CMOS_NB_SAMPLE: an undated page, its site its owner, with an access date.
const mcdonalds: CslItem = {
  id: 'mcdonalds',
  type: 'webpage',
  title: 'McDonald’s Happy Meal Toy Safety Facts',
  'title-short': 'Toy Safety Facts',
  author: [{ literal: 'McDonald’s Corporation' }],
  'container-title': 'McDonald’s Corporation',
  accessed: date(2008, 7, 19),
  URL: 'http://www.mcdonalds.com/corp/about/factsheets.html',
  language: 'en',
};
const ji = (id: string, title: string, issued: [number, number, number]): CslItem => ({
  id,
  type: 'article-newspaper',
  title,
  author: [person('Ji', 'Da-gyum')],
  issued: date(...issued),
  'container-title': 'The Korea Herald',
  language: 'en',
});
const putin = ji(
  'seed',
  "Putin's state visit to North Korea sets stage for elevated ties",
  [2024, 6, 18],
);
const seoul = ji('a', 'Seoul weighs its options', [2024, 7, 2]);

describe('grid: Chicago author-date (17th ed.)', () => {
  // The guide gives the page's revision date ("Last modified April 17, 2017"). CSL 1.0 has no
  // revision date: an article's "Last modified" (modified) stands in for its missing date, and
  // our bundled copy of the style labels it.
  it('web page by an organisation: reference entry (CMOS17_AD_WEB, Google)', () => {
    expect(one('chicago', google).refs[0]).toBe(
      'Google. 2017. “Privacy Policy.” Privacy & Terms. Last modified April 17, 2017. https://www.google.com/policies/privacy/.',
    );
  });
  it('a revision date is cited only when the page has no other date, and labelled only on a web page', () => {
    const dated = { ...google, issued: date(2016, 6, 28) };
    expect(one('chicago', dated).refs[0]).toBe(
      'Google. 2016. “Privacy Policy.” Privacy & Terms. June 28, 2016. https://www.google.com/policies/privacy/.',
    );
    expect(one('chicago-note', dated).refs[0]).toBe(
      'Google. “Privacy Policy.” Privacy & Terms, June 28, 2016. https://www.google.com/policies/privacy/.',
    );
    // A news article with only a revision date is dated by it, with no label.
    expect(
      one('chicago', { ...manjoo, issued: undefined, modified: date(2017, 3, 9) }).refs[0],
    ).toMatch(/^Manjoo, Farhad\. 2017\. .* New York Times, March 9, 2017\. https/);
    // APA dates a page by its last update (APA 7 9.15), with no label.
    expect(one('apa', google).refs[0]).toBe(
      'Google. (2017, April 17). Privacy Policy. Privacy & Terms. https://www.google.com/policies/privacy/',
    );
  });
  it('web page by an organisation: in-text with a page (CMOS17_AD_WEB "(Google 2017)", the page as in CMOS_AD "(Grazer and Fishman 2015, 188)")', () => {
    expect(one('chicago', google).notes[0]).toBe('(Google 2017, 3)');
  });
  it('item with no date: reference entry with its access date (CMOS17_AD_WEB, Yale)', () => {
    expect(one('chicago', yale).refs[0]).toBe(
      'Yale University. n.d. “About Yale: Yale Facts.” Accessed May 1, 2017. https://www.yale.edu/about-yale/yale-facts.',
    );
  });
  // Chicago sets a comma before n.d. in the text, "(Yale University, n.d.)", as the official
  // style's own citation layout says ("<!---comma before forthcoming and n.d.-->"); but it took
  // that branch only when an item had neither an issued nor an accessed date, and an undated web
  // page has an access date (its entry needs it). Our bundled copy tests the issued date alone.
  it('item with no date: in-text with a page (the comma before n.d. as the bundled style states it)', () => {
    expect(one('chicago', yale).notes[0]).toBe('(Yale University, n.d., 3)');
  });
  // CMOS 15.37 (as quoted) sets this report's title in italics (no quotation marks in plain
  // text); the official style quoted a report's title. Our bundled copy italicises it.
  it('report by an organisation: reference entry (CMOS17_AD_WEB, CMOS 15.37 ISO)', () => {
    expect(one('chicago', iso).refs[0]).toBe(
      'ISO (International Organization for Standardization). 1997. Information and Documentation—Rules for the Abbreviation of Title Words and Titles of Publications. ISO 4:1997. Paris: ISO.',
    );
  });
  it('report by an organisation: in-text with a page (the organisation as author, the form of CMOS_AD "(Grazer and Fishman 2015, 188)")', () => {
    expect(one('chicago', nci).notes[0]).toBe('(National Cancer Institute 2018, 3)');
  });
});

describe('grid: Chicago author-date (17th ed.), pages in the text', () => {
  it('news article: in-text with a page (the form of CMOS_AD "(Grazer and Fishman 2015, 188)"; the entry is in standard.test.ts, SNHU)', () => {
    expect(one('chicago', manjoo).notes[0]).toBe('(Manjoo 2017, 3)');
  });
});

describe('grid: Chicago notes and bibliography (17th ed.)', () => {
  it('news article: bibliography entry and short note (CMOS_NB_SAMPLE, Stolberg and Pear: "Stolberg and Pear, “Wary Centrists.”")', () => {
    const { refs, notes } = cite('chicago-note', [stolberg], [{ id: 'stolberg' }]);
    // The sample, after CMOS 16, gives an access date ("… February 27, 2010. Accessed
    // February 28, 2010. http://…"); CMOS 17 14.12 asks none of a dated source, and the 17th-ed.
    // style prints one only when there is no date. Mapped: the item has no access date.
    expect(refs[0]).toBe(
      'Stolberg, Sheryl Gay, and Robert Pear. “Wary Centrists Posing Challenge in Health Care Vote.” New York Times, February 27, 2010. http://www.nytimes.com/2010/02/28/us/politics/28health.html.',
    );
    expect(notes[0]).toBe('Stolberg and Pear, “Wary Centrists.”');
  });
  it('chapter in an edited book, four editors: bibliography entry and short note with pages (CMOS_NB_SAMPLE, Kelly: "Kelly, “Seeing Red,” 81–82.")', () => {
    const { refs, notes } = one('chicago-note', kelly, '81-82');
    expect(refs[0]).toBe(
      'Kelly, John D. “Seeing Red: Mao Fetishism, Pax Americana, and the Moral Economy of War.” In Anthropology and Global Counterinsurgency, edited by John D. Kelly, Beatrice Jauregui, Sean T. Mitchell, and Jeremy Walton, 67–83. Chicago: University of Chicago Press, 2010.',
    );
    expect(notes[0]).toBe('Kelly, “Seeing Red,” 81–82.');
  });
  // As in author-date, "Last modified" (see above).
  it('web page by an organisation: bibliography entry (CMOS17_NB, Google)', () => {
    expect(one('chicago-note', google).refs[0]).toBe(
      'Google. “Privacy Policy.” Privacy & Terms. Last modified April 17, 2017. https://www.google.com/policies/privacy/.',
    );
  });
  it('web page by an organisation: short note with a page (CMOS17_NB: "Google, “Privacy Policy.”")', () => {
    expect(one('chicago-note', google).notes[0]).toBe('Google, “Privacy Policy,” 3.');
  });
  it('item with no date, its site its owner: bibliography entry and short note (CMOS_NB_SAMPLE, McDonald\'s: "“Toy Safety Facts.”")', () => {
    const { refs, notes } = cite('chicago-note', [mcdonalds], [{ id: 'mcdonalds' }]);
    expect(refs[0]).toBe(
      'McDonald’s Corporation. “McDonald’s Happy Meal Toy Safety Facts.” Accessed July 19, 2008. http://www.mcdonalds.com/corp/about/factsheets.html.',
    );
    expect(notes[0]).toBe('“Toy Safety Facts.”');
  });
  it('item with no date: short note with a page (CMOS18_NB_QUICK, Yale: "“Yale Facts.”")', () => {
    expect(one('chicago-note', yale).notes[0]).toBe('“Yale Facts,” 3.');
  });
  it('report by an organisation: short note with a page (the form of CMOS_NB_SAMPLE "Ward and Burns, War, 59–61.")', () => {
    // A report's title in italics, as in its entry (CMOS 14.220).
    expect(one('chicago-note', nci).notes[0]).toBe('National Cancer Institute, Taking Time, 3.');
  });
  // As in author-date: the official notes style quoted the title and left out the number; our
  // bundled copy italicises the title and prints the number after it.
  it('report by an organisation: bibliography entry (CMOS 15.37 ISO, the date last as CMOS17_NB puts it)', () => {
    expect(one('chicago-note', iso).refs[0]).toBe(
      'ISO (International Organization for Standardization). Information and Documentation—Rules for the Abbreviation of Title Words and Titles of Publications. ISO 4:1997. Paris: ISO, 1997.',
    );
  });
  it('same author, same year: the 3-em dash in the bibliography (CHICAGO_AD_SHEET, CMOS 14.67), the short title in each note (CMOS17_NB)', () => {
    const { refs, notes } = cite(
      'chicago-note',
      [seoul, { ...putin, 'title-short': "Putin's State Visit" }],
      [
        { id: 'seed', locator: '3' },
        { id: 'a', locator: '5' },
      ],
    );
    expect(notes.map(plainApostrophes)).toEqual([
      "Ji, “Putin's State Visit,” 3.",
      'Ji, “Seoul Weighs Its Options,” 5.',
    ]);
    expect(refs.map(plainApostrophes)).toEqual([
      "Ji, Da-gyum. “Putin's State Visit to North Korea Sets Stage for Elevated Ties.” The Korea Herald, June 18, 2024.",
      '———. “Seoul Weighs Its Options.” The Korea Herald, July 2, 2024.',
    ]);
  });
});

describe('grid: MLA 9', () => {
  it('journal article: works-cited entry and in-text with a page (MLA_JOURNAL)', () => {
    const ki: CslItem = {
      id: 'ki',
      type: 'article-journal',
      title: 'A Measure of Relationship Cultivation Strategies',
      author: [person('Ki', 'Eyun-Jung')],
      'container-title': 'Journal of Public Relations Research',
      volume: '21',
      issue: '1',
      issued: date(2009),
      page: '1-24',
      language: 'en',
    };
    const { refs, notes } = one('mla', ki, '7');
    expect(hyphenRanges(refs[0]!)).toBe(
      'Ki, Eyun-Jung. “A Measure of Relationship Cultivation Strategies.” Journal of Public Relations Research, vol. 21, no. 1, 2009, pp. 1-24.',
    );
    expect(notes[0]).toBe('(Ki 7)');
  });
  it('two authors: works-cited entry and in-text with a page (MLA_AUTHORS; MOHAVE "(Best and Marcus 9)")', () => {
    const dorris: CslItem = {
      id: 'dorris',
      type: 'book',
      title: 'The Crown of Columbus',
      author: [person('Dorris', 'Michael'), person('Erdrich', 'Louise')],
      issued: date(1999),
      publisher: 'HarperCollins Publishers',
      language: 'en',
    };
    const { refs, notes } = one('mla', dorris, '12');
    expect(refs[0]).toBe(
      'Dorris, Michael, and Louise Erdrich. The Crown of Columbus. HarperCollins Publishers, 1999.',
    );
    expect(notes[0]).toBe('(Dorris and Erdrich 12)');
  });
  it('report by an organisation: works-cited entry and in-text with a page (MLA_AUTHORS, MLA_REPORT_INTEXT)', () => {
    const un: CslItem = {
      id: 'un',
      type: 'report',
      title: 'Consequences of Rapid Population Growth in Developing Countries',
      author: [{ literal: 'United Nations' }],
      issued: date(1991),
      publisher: 'Taylor and Francis',
      language: 'en',
    };
    const { refs, notes } = one('mla', un, '11');
    expect(refs[0]).toBe(
      'United Nations. Consequences of Rapid Population Growth in Developing Countries. Taylor and Francis, 1991.',
    );
    expect(notes[0]).toBe('(United Nations 11)');
  });
  it('item with no date, its site its owner: begins with the title, the access date last (MLA_AUTHORS p. 119)', () => {
    const { refs, notes } = one('mla', yale);
    expect(refs[0]).toBe(
      '“About Yale: Yale Facts.” Yale University, https://www.yale.edu/about-yale/yale-facts. Accessed 1 May 2017.',
    );
    // MLA cites a work without an author by its (short) title, in quotation marks.
    expect(notes[0]).toBe('(“Yale Facts” 3)');
  });
  it('web page: works-cited entry and in-text with a page (the MLA Style Center template the news test in standard.test.ts follows: Author. "Title." Website, Day Mon. Year, URL.)', () => {
    const bologna: CslItem = {
      id: 'bologna',
      type: 'webpage',
      title: 'Why some people with anxiety love watching horror movies',
      author: [person('Bologna', 'Caroline')],
      issued: date(2019, 10, 31),
      'container-title': 'HuffPost',
      URL: 'https://www.huffpost.com/entry/anxiety-love-watching-horror-movies_l_5d277587e4b02a5a5d57b59e',
      language: 'en',
    };
    const { refs, notes } = one('mla', bologna);
    expect(refs[0]).toBe(
      'Bologna, Caroline. “Why Some People with Anxiety Love Watching Horror Movies.” HuffPost, 31 Oct. 2019, https://www.huffpost.com/entry/anxiety-love-watching-horror-movies_l_5d277587e4b02a5a5d57b59e.',
    );
    expect(notes[0]).toBe('(Bologna 3)');
  });
  it('chapter in an edited book: in-text with a page (MOHAVE "(Burke 3)"; the entry is in standard.test.ts)', () => {
    expect(one('mla', thoreau, '177').notes[0]).toBe('(Thoreau 177)');
  });
  it('same author, same year: three hyphens for the repeated name, a title in the text (MLA_SAME_AUTHOR)', () => {
    const { refs, notes } = cite(
      'mla',
      [seoul, { ...putin, 'title-short': "Putin's State Visit" }],
      [
        { id: 'seed', locator: '3' },
        { id: 'a', locator: '5' },
      ],
    );
    expect(refs.map(plainApostrophes)).toEqual([
      "Ji, Da-gyum. “Putin's State Visit to North Korea Sets Stage for Elevated Ties.” The Korea Herald, 18 June 2024.",
      '---. “Seoul Weighs Its Options.” The Korea Herald, 2 July 2024.',
    ]);
    expect(notes.map(plainApostrophes)).toEqual([
      "(Ji, “Putin's State Visit” 3)",
      '(Ji, “Seoul Weighs Its Options” 5)',
    ]);
  });
});

describe('grid: APA 7', () => {
  it('two authors: reference entry and in-text with a page (APA_MAGAZINE)', () => {
    const schaefer: CslItem = {
      id: 'schaefer',
      type: 'article-magazine',
      title: 'New middle chapter in the story of human evolution',
      author: [person('Schaefer', 'N. K.'), person('Shapiro', 'B.')],
      issued: date(2019, 9, 6),
      'container-title': 'Science',
      volume: '365',
      issue: '6457',
      page: '981-982',
      DOI: '10.1126/science.aay3550',
      language: 'en',
    };
    const { refs, notes } = one('apa', schaefer, '981');
    expect(hyphenRanges(refs[0]!)).toBe(
      'Schaefer, N. K., & Shapiro, B. (2019, September 6). New middle chapter in the story of human evolution. Science, 365(6457), 981-982. https://doi.org/10.1126/science.aay3550',
    );
    expect(notes[0]).toBe('(Schaefer & Shapiro, 2019, p. 981)');
  });
  it('item with no date, its site its owner: the site name left out (APA webpage-website-references: when the author and site name are the same, the site name is left out, as in its "National Nurses United" example)', () => {
    const { refs, notes } = one('apa', yale);
    expect(refs[0]).toBe(
      'Yale University. (n.d.). About Yale: Yale Facts. Retrieved May 1, 2017, from https://www.yale.edu/about-yale/yale-facts',
    );
    expect(notes[0]).toBe('(Yale University, n.d., p. 3)');
  });
});
