import { describe, expect, it } from 'vitest';
import { blockText } from '../../../model/body';
import { droppedLines, readFixture, shapeOf, type Shape } from './fixture-helpers';
import { parsePastedText } from './index';

const p = (text: string): Shape => ({ type: 'paragraph', text });
const cap = (text: string): Shape => ({ type: 'caption', text });
const h2 = (text: string): Shape => ({ type: 'heading', level: 2, text });

describe('the shared Korea Herald article', () => {
  const source = readFixture('putin-north-korea-state-visit.txt');
  const article = parsePastedText(source, 'putin-north-korea-state-visit.txt');

  // The expectation comes from the file itself: its non-blank lines, minus the four header lines;
  // lines ending in a pool-photo credit are the captions, everything else a paragraph.
  const lines = source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const headerLines = [
    'Send to',
    "Putin's state visit to North Korea sets stage for elevated ties",
    "Putin says his trip aims to broaden partnership, fortify unity against 'rules-based order'",
    'June 18, 2024 - 16:20 By Ji Da-gyum',
  ];
  const bodyLines = lines.slice(headerLines.length);
  const isPoolCredit = (l: string): boolean => /\(Pool Photo via \w+\)$/.test(l);

  it('has the header lines first, in that order', () => {
    expect(lines.slice(0, headerLines.length)).toEqual(headerLines);
  });

  it('reads every metadata field', () => {
    expect({ ...article, body: undefined, excerpt: undefined }).toEqual({
      format: 'text',
      title: "Putin's state visit to North Korea sets stage for elevated ties",
      subtitle:
        "Putin says his trip aims to broaden partnership, fortify unity against 'rules-based order'",
      byline: 'Ji Da-gyum',
      published: '2024-06-18T16:20:00',
      siteName: null,
      lang: null,
      tags: [],
      body: undefined,
      excerpt: undefined,
    });
  });

  it('takes the excerpt from the first paragraph, cut at a word', () => {
    const first = bodyLines.find((l) => !isPoolCredit(l)) ?? '';
    expect(first.length).toBeGreaterThan(300);
    expect(article.excerpt?.endsWith('…')).toBe(true);
    const stem = (article.excerpt ?? '').slice(0, -1);
    expect(stem.length).toBeLessThanOrEqual(300);
    expect(first.startsWith(stem)).toBe(true);
    expect(first[stem.length]).toBe(' ');
  });

  it('keeps every body line in order: captions as captions, the rest as paragraphs, text unchanged', () => {
    expect(shapeOf(article)).toEqual(bodyLines.map((l) => (isPoolCredit(l) ? cap(l) : p(l))));
    expect(bodyLines.filter(isPoolCredit)).toHaveLength(3);
  });

  it('drops only the share widget and the dateline', () => {
    expect(droppedLines(source, article)).toEqual([
      'Send to',
      'June 18, 2024 - 16:20 By Ji Da-gyum',
    ]);
  });
});

describe('fixtures in other house styles', () => {
  it('wire story: "By A and B | Reuters", an ET dateline before daylight saving, mid-article ad slots', () => {
    const source = readFixture('wire-reuters.txt');
    const a = parsePastedText(source, 'wire-reuters.txt');
    expect({ ...a, body: undefined }).toEqual({
      format: 'text',
      title: 'Exclusive: Chipmakers race to secure neon supply as Ukraine war drags on',
      subtitle: null,
      byline: 'Jane Smith and Omar Haddad',
      published: '2024-03-04T16:20:00-05:00',
      siteName: 'Reuters',
      lang: null,
      excerpt:
        "SINGAPORE (Reuters) - The world's biggest chipmakers are stockpiling neon and signing multi-year contracts with new suppliers in Asia, four industry sources told Reuters, as the war in Ukraine keeps a key source of the gas offline.",
      tags: [],
      body: undefined,
    });
    expect(shapeOf(a)).toEqual([
      p(
        "SINGAPORE (Reuters) - The world's biggest chipmakers are stockpiling neon and signing multi-year contracts with new suppliers in Asia, four industry sources told Reuters, as the war in Ukraine keeps a key source of the gas offline.",
      ),
      p(
        "Ukraine produced about half of the world's semiconductor-grade neon before the invasion, most of it purified by two companies in Odesa and Mariupol.",
      ),
      p(
        '"Nobody wants to be caught short again," said one procurement manager at a Taiwanese foundry, who declined to be named because the contracts are confidential.',
      ),
      cap(
        'A worker inspects a silicon wafer at a plant in Singapore, February 2, 2024. REUTERS/Edgar Su/File Photo',
      ),
      p(
        'Prices for the gas jumped tenfold in 2022 before easing last year, according to data from the consultancy TechInsights.',
      ),
      p(
        "Chinese suppliers have since expanded capacity, and South Korea's SK Specialty now says it can meet most domestic demand.",
      ),
      p('Reporting by Jane Smith in Singapore and Omar Haddad in Seoul; Editing by Tom Hale'),
    ]);
    expect(droppedLines(source, a)).toEqual([
      'Skip to main content',
      'By Jane Smith and Omar Haddad | Reuters',
      'Mar. 4, 2024, 4:20 p.m. ET',
      'Advertisement',
      'Scroll to continue',
      'Share',
      'Print',
    ]);
  });

  it('blog post: "Posted on … by …", a dash list under its intro line, a subhead, a share footer', () => {
    const source = readFixture('blog-posted-on.txt');
    const a = parsePastedText(source, 'blog-posted-on.txt');
    expect({ ...a, body: undefined }).toEqual({
      format: 'text',
      title: 'Why I went back to a paper notebook',
      subtitle: null,
      byline: 'Maya Lindqvist',
      published: '2023-03-03',
      siteName: null,
      lang: null,
      excerpt:
        'For three years I kept every note in an app. It synced everywhere, searched instantly and never ran out of pages. Last autumn I stopped using it.',
      tags: [],
      body: undefined,
    });
    expect(shapeOf(a)).toEqual([
      p(
        'For three years I kept every note in an app. It synced everywhere, searched instantly and never ran out of pages. Last autumn I stopped using it.',
      ),
      p(
        'The reason was not nostalgia. I noticed that I was capturing far more than I was thinking about.',
      ),
      p('Here is what changed after six months:'),
      {
        type: 'list',
        ordered: false,
        items: [
          'I write less, but I reread more',
          'Meetings end with a list of decisions, not a transcript',
          'My desk is messier',
        ],
      },
      p(
        'A notebook forces a small delay between hearing something and writing it down. That delay turned out to be the useful part.',
      ),
      h2('What I miss'),
      p(
        'Search, mostly. Finding a phone number from last June means leafing through four notebooks.',
      ),
    ]);
    expect(droppedLines(source, a)).toEqual([
      'Skip to content',
      'Menu',
      'Posted on 3 March 2023 by Maya Lindqvist',
      'Share this:',
      'Twitter',
      'Facebook',
      'Like this:',
      'Like Loading...',
    ]);
  });

  it('Korean article: Hangul, 입력/수정 timestamps, a 기자 byline, a bracketed photo credit', () => {
    const source = readFixture('korean-news.txt');
    const a = parsePastedText(source, 'korean-news.txt');
    expect({ ...a, body: undefined }).toEqual({
      format: 'text',
      title: '정부, 전기차 보조금 개편안 발표…중소 제조사 지원 확대',
      subtitle: '충전 인프라 예산 30% 늘려',
      byline: '김민수',
      published: '2024-03-05T10:30:00',
      siteName: null,
      lang: 'ko',
      excerpt:
        '정부가 올해 전기차 구매 보조금 체계를 개편해 중소 제조사의 차량에 대한 지원을 늘리기로 했다.',
      tags: [],
      body: undefined,
    });
    expect(shapeOf(a)).toEqual([
      p(
        '정부가 올해 전기차 구매 보조금 체계를 개편해 중소 제조사의 차량에 대한 지원을 늘리기로 했다.',
      ),
      p("환경부는 5일 이런 내용을 담은 '2024년 전기차 보조금 개편안'을 발표했다."),
      cap('5일 서울 시내의 한 전기차 충전소에서 차량이 충전하고 있다. [연합뉴스 자료사진]'),
      p(
        '개편안에 따르면 충전 인프라 예산은 지난해보다 30% 늘어난다. 정부는 아파트 단지와 고속도로 휴게소를 중심으로 급속 충전기를 확충할 계획이다.',
      ),
      p('업계에서는 이번 개편이 가격 경쟁력을 높이는 데 도움이 될 것이라는 평가가 나온다.'),
      p('kimms@example.co.kr'),
    ]);
    expect(droppedLines(source, a)).toEqual([
      '공유하기',
      '입력 2024.03.05 10:30 수정 2024.03.05 11:12',
      '김민수 기자',
    ]);
  });

  it('explainer: font-size widget, "Updated … CEST", three authors, bullets, quoted lines, Related links', () => {
    const source = readFixture('explainer-lists.txt');
    const a = parsePastedText(source, 'explainer-lists.txt');
    expect({ ...a, body: undefined }).toEqual({
      format: 'text',
      title: 'What the new EU battery rules mean for your phone',
      subtitle: 'Replaceable batteries return by 2027, but loopholes remain',
      byline: 'Léa Martin, Tomás Ortega and Priya Nair',
      published: '2024-06-18T09:05:00+02:00',
      siteName: null,
      lang: null,
      excerpt:
        'Phones sold in the European Union will need batteries that owners can replace themselves from 2027, under rules that took effect this week.',
      tags: [],
      body: undefined,
    });
    expect(shapeOf(a)).toEqual([
      p(
        'Phones sold in the European Union will need batteries that owners can replace themselves from 2027, under rules that took effect this week.',
      ),
      p('The regulation requires:'),
      {
        type: 'list',
        ordered: false,
        items: [
          'Batteries removable with commonly available tools',
          'Spare batteries on sale for at least five years',
          'Clear labelling of capacity and expected lifetime',
        ],
      },
      {
        type: 'quote',
        text: '"We are ending the era of glued-in batteries," said the rapporteur.\n"Consumers will feel the difference."',
      },
      p(
        'Manufacturers can still seal devices that meet strict water-resistance and durability standards, which critics call a loophole.',
      ),
      h2('What happens next'),
      p(
        'Member states have until early 2025 to set penalties. The Commission will review the exemptions in 2030.',
      ),
      {
        type: 'list',
        ordered: true,
        items: [
          'Check whether your phone is covered',
          'Keep the original charger',
          'Recycle old batteries at collection points',
        ],
      },
    ]);
    expect(droppedLines(source, a)).toEqual([
      'Listen to this article',
      'A A',
      'Updated: 18 June 2024, 09:05 CEST',
      'By Léa Martin, Tomás Ortega and Priya Nair',
      'Related: EU lawmakers back right-to-repair rules',
      "Read more: How to extend your battery's life",
      'Share',
      'Print',
    ]);
  });

  it('CRLF magazine piece: NBSP blank lines, "Name | Published …", NBSP and zero-width characters kept in text', () => {
    const source = readFixture('crlf-nbsp.txt');
    expect(source).toContain('\r\n');
    const a = parsePastedText(source, 'crlf-nbsp.txt');
    expect({ ...a, body: undefined }).toEqual({
      format: 'text',
      title: 'The quiet return of the night train',
      subtitle: 'Sleeper services are back on European rails\u00a0\u2014 and they are selling out',
      byline: 'Hannah Okafor',
      published: '2024-06-18T16:20:00-04:00',
      siteName: null,
      lang: null,
      excerpt:
        'At 7:30 p.m. the platform at Vienna\u2019s main station fills with people carrying pillows.\u200b Few of them are tourists.',
      tags: [],
      body: undefined,
    });
    expect(shapeOf(a)).toEqual([
      cap(
        'Passengers boarding the Vienna\u2013Paris Nightjet at Wien Hauptbahnhof. Photo: Lukas Berger',
      ),
      p(
        'At 7:30\u00a0p.m. the platform at Vienna\u2019s main station fills with people carrying pillows.\u200b Few of them are tourists.',
      ),
      p(
        'Demand has outstripped supply on almost every route, and operators are refurbishing old carriages while they wait for new ones.',
      ),
      p('\u201cWe could sell every berth twice,\u201d said a spokesperson for the operator.'),
    ]);
    for (const b of a.body.blocks) expect(blockText(b)).not.toMatch(/\r/);
    expect(droppedLines(source, a)).toEqual([
      'Print',
      'Hannah\u00a0Okafor | Published Jun.\u00a018, 2024, 4:20\u202fp.m. ET',
      'Share',
    ]);
  });

  it('paragraphs separated by single newlines; a date line and a "Published 3:45 PM" line combine', () => {
    const source = readFixture('single-newline.txt');
    const a = parsePastedText(source, 'single-newline.txt');
    expect({ ...a, body: undefined }).toEqual({
      format: 'text',
      title: 'City council approves late-night bus pilot',
      subtitle: 'Routes 12 and 40 will run until 2 a.m. from September',
      byline: 'Daniel Reyes',
      published: '2024-08-06T15:45:00',
      siteName: null,
      lang: null,
      excerpt:
        "The city council voted 7-2 on Tuesday to fund a six-month trial of late-night bus service on two of the city's busiest routes, a change that transit advocates have sought for nearly a decade.",
      tags: [],
      body: undefined,
    });
    expect(shapeOf(a)).toEqual([
      p(
        "The city council voted 7-2 on Tuesday to fund a six-month trial of late-night bus service on two of the city's busiest routes, a change that transit advocates have sought for nearly a decade.",
      ),
      p(
        'Under the plan, buses on routes 12 and 40 will run every 30 minutes between midnight and 2 a.m.',
      ),
      p(
        'Council member Ana Ruiz, who voted against the measure, said the money would be better spent on daytime reliability.',
      ),
      p('The pilot will cost about $1.2 million.'),
    ]);
    expect(droppedLines(source, a)).toEqual([
      'Share',
      'By Daniel Reyes, Staff Writer',
      'Tuesday, August 6, 2024',
      'Published 3:45 PM',
      'Comments',
    ]);
  });
});

describe('plain text that is not a pasted article', () => {
  it('a note: title from its first line, the rest kept as paragraphs, nothing invented', () => {
    const a = parsePastedText(
      'Groceries\n\nmilk\neggs\nbread\n\nAsk Sam about the party on Saturday.\n',
      'list.txt',
    );
    expect(a.title).toBe('Groceries');
    expect([a.subtitle, a.byline, a.published, a.siteName, a.lang]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(shapeOf(a)).toEqual([p('milk\neggs\nbread'), p('Ask Sam about the party on Saturday.')]);
    expect(a.excerpt).toBe('milk\neggs\nbread'.replace(/\n/g, ' '));
  });

  it('a short second line is not promoted to subtitle, and short lines are not made headings, without a byline or date', () => {
    const a = parsePastedText(
      'Meeting notes\n\nAttendees: Bob, Alice\n\nWe agreed to ship on Friday.\n\nOpen questions\n\nWho writes the release notes?',
      'notes.txt',
    );
    expect(a.title).toBe('Meeting notes');
    expect(a.subtitle).toBeNull();
    expect(shapeOf(a)).toEqual([
      p('Attendees: Bob, Alice'),
      p('We agreed to ship on Friday.'),
      p('Open questions'),
      p('Who writes the release notes?'),
    ]);
  });

  it('a poem keeps its stanzas with their line breaks', () => {
    const poem =
      'The Harbour\n\nGrey water folds\nagainst the stones,\nthe gulls complain\n\nand then the tide\nforgets them all.\n';
    const a = parsePastedText(poem, 'harbour.txt');
    expect(a.title).toBe('The Harbour');
    expect(shapeOf(a)).toEqual([
      p('Grey water folds\nagainst the stones,\nthe gulls complain'),
      p('and then the tide\nforgets them all.'),
    ]);
  });

  it('a poem without a title line: titled by its first line, every line kept', () => {
    const a = parsePastedText(
      'Grey water folds\nagainst the stones,\nthe gulls complain',
      'untitled-poem.txt',
    );
    expect(a.title).toBe('Grey water folds');
    expect(shapeOf(a)).toEqual([p('Grey water folds\nagainst the stones,\nthe gulls complain')]);
  });

  it('a one-line file is both the title and the body', () => {
    const a = parsePastedText('Remember to call the bank\n', 'todo.txt');
    expect(a.title).toBe('Remember to call the bank');
    expect(shapeOf(a)).toEqual([p('Remember to call the bank')]);
    expect(a.excerpt).toBe('Remember to call the bank');
  });

  it('prose without a title line: the first sentence, shortened at a word, titles it', () => {
    const text =
      'When the archive reopened after the renovation, the reading room had lost half of its desks and all of its charm, or so the regulars insisted over coffee. Nobody had asked them.';
    const a = parsePastedText(text, 'archive.txt');
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.title.length).toBeLessThanOrEqual(100);
    expect(text.startsWith(a.title.slice(0, -1))).toBe(true);
    expect(text[a.title.length - 1]).toBe(' ');
    expect(shapeOf(a)).toEqual([p(text)]);
  });

  it('a short first sentence titles the text whole', () => {
    const a = parsePastedText(
      'It rained all day. We stayed in and read, and nobody minded much at all.',
      'rain.txt',
    );
    expect(a.title).toBe('It rained all day.');
  });

  it('a file of nothing but chrome words keeps them as text rather than importing nothing', () => {
    const a = parsePastedText('Share\n', 'share.txt');
    expect(a.title).toBe('Share');
    expect(shapeOf(a)).toEqual([p('Share')]);
  });

  it('the file name titles text without letters or digits', () => {
    const a = parsePastedText('😀 🎉 👍🏽\n', 'party time.txt');
    expect(a.title).toBe('party time');
    expect(shapeOf(a)).toEqual([p('😀 🎉 👍🏽')]);
    expect(a.lang).toBeNull();
  });
});

describe('header variants', () => {
  const head = (text: string) => {
    const a = parsePastedText(text, 'x.txt');
    return {
      title: a.title,
      subtitle: a.subtitle,
      byline: a.byline,
      published: a.published,
      siteName: a.siteName,
      body: shapeOf(a),
    };
  };
  const body = [p('Body text here.')];

  it.each([
    [
      'a weekday, a dotted time and BST',
      'Kim and Putin sign defence pact\n\nThe two leaders pledged mutual assistance\n\nTue 18 Jun 2024 12.20 BST\n\nBody text here.',
      {
        title: 'Kim and Putin sign defence pact',
        subtitle: 'The two leaders pledged mutual assistance',
        byline: null,
        published: '2024-06-18T12:20:00+01:00',
        siteName: null,
      },
    ],
    [
      'reading time, separator dots and widgets between the byline and the date',
      'Why notes fail\n\nA short essay on capture\n\nBy Jane Doe\n\n5 min read\n\n·\n\nJun 18, 2024\n\nListen\n\nShare\n\nBody text here.',
      {
        title: 'Why notes fail',
        subtitle: 'A short essay on capture',
        byline: 'Jane Doe',
        published: '2024-06-18',
        siteName: null,
      },
    ],
    [
      'byline, date and time split by bullets and pipes',
      'Headline here\n\nBy Jane Doe • June 18, 2024 | 4:20 PM\n\nBody text here.',
      {
        title: 'Headline here',
        subtitle: null,
        byline: 'Jane Doe',
        published: '2024-06-18T16:20:00',
        siteName: null,
      },
    ],
    [
      'an outlet after a dash, a labelled EDT timestamp',
      'Headline here\n\nBy Jane Doe — Reuters\n\nPublished: June 18, 2024 at 4:20 p.m. EDT\n\nBody text here.',
      {
        title: 'Headline here',
        subtitle: null,
        byline: 'Jane Doe',
        published: '2024-06-18T16:20:00-04:00',
        siteName: 'Reuters',
      },
    ],
    [
      'a date line above the headline',
      'June 18, 2024\n\nHeadline here\n\nBody text here.',
      {
        title: 'Headline here',
        subtitle: null,
        byline: null,
        published: '2024-06-18',
        siteName: null,
      },
    ],
    [
      'a section kicker above headline and subtitle',
      'World\n\nKim meets Putin in Pyongyang\n\nThe leaders signed a pact\n\nBy Jane Doe\n\nBody text here.',
      {
        title: 'Kim meets Putin in Pyongyang',
        subtitle: 'The leaders signed a pact',
        byline: 'Jane Doe',
        published: null,
        siteName: null,
      },
    ],
    [
      'a one-word title with a subtitle is not a kicker',
      'Brexit\n\nHow Britain left the European Union\n\nBy Jane Doe\n\nBody text here.',
      {
        title: 'Brexit',
        subtitle: 'How Britain left the European Union',
        byline: 'Jane Doe',
        published: null,
        siteName: null,
      },
    ],
    [
      'a subtitle ending in a full stop, kept because the byline follows it',
      'Headline here\n\nThe leaders signed a pact on Wednesday.\n\nBy Jane Doe\n\nBody text here.',
      {
        title: 'Headline here',
        subtitle: 'The leaders signed a pact on Wednesday.',
        byline: 'Jane Doe',
        published: null,
        siteName: null,
      },
    ],
    [
      'title and subtitle pasted without a blank line',
      'Headline here\nA subtitle line\n\nBy Jane Doe\n\nBody text here.',
      {
        title: 'Headline here',
        subtitle: 'A subtitle line',
        byline: 'Jane Doe',
        published: null,
        siteName: null,
      },
    ],
  ])('%s', (_name, text, fields) => {
    expect(head(text)).toEqual({ ...fields, body });
  });

  it('a full-stop first paragraph after the byline is body, not subtitle', () => {
    expect(
      head(
        'Headline here\n\nBy Jane Doe\n\nThe leaders signed a pact on Wednesday.\n\nBody text here.',
      ),
    ).toEqual({
      title: 'Headline here',
      subtitle: null,
      byline: 'Jane Doe',
      published: null,
      siteName: null,
      body: [p('The leaders signed a pact on Wednesday.'), ...body],
    });
  });
});
