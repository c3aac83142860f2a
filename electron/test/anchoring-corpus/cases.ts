/**
 * The labelled edit corpus: real-looking corrections and re-imports of real-looking text, each
 * with the place a careful reader would expect the passage to end up (or 'orphaned' when its
 * text is gone). Labels were written from the edit alone, before running the engine on them.
 */
import { buildCase, type CaseSpec, type EditCase } from './build';
import { CJK, EMOJI, ESSAY, putinArticle } from './texts';

const TOP_NOTE =
  'Editor’s note: This article was updated on June 19 to add comments from the Unification Ministry.\n\n';

function specs(): CaseSpec[] {
  const P = putinArticle();
  const prependNote = (t: string): string => TOP_NOTE + t;
  const PURPOSE = 'The purpose of Putin\'s "state visit" to North Korea';
  return [
    // ── the passage's own text is unchanged; it moved ──
    {
      name: 'no edit',
      category: 'shift',
      original: P,
      passage: 'signed a presidential decree',
      edits: [],
      expect: 'signed a presidential decree',
    },
    {
      name: 'editor’s note inserted at the top',
      category: 'shift',
      original: P,
      passage: 'broaden bilateral cooperation between Pyongyang and Moscow',
      edits: [prependNote],
      expect: 'broaden bilateral cooperation between Pyongyang and Moscow',
    },
    {
      name: 'words inserted earlier in the same sentence',
      category: 'shift',
      original: P,
      passage: 'a pivotal opportunity to broaden bilateral cooperation',
      edits: [
        [
          'Putin underscored that his state visit',
          'Putin underscored in the article on Tuesday that his state visit',
        ],
      ],
      expect: 'a pivotal opportunity to broaden bilateral cooperation',
    },
    {
      name: 'paragraph deleted before the passage',
      category: 'shift',
      original: P,
      passage: 'bolster unity and forge all-encompassing cooperation',
      edits: [
        [
          "The DPRK stands for the Democratic People's Republic of Korea, which is the official name of North Korea.\n\n",
          '',
        ],
      ],
      expect: 'bolster unity and forge all-encompassing cooperation',
    },
    {
      name: 'word just before the passage deleted (prefix changed)',
      category: 'shift',
      original: P,
      passage: 'official newspaper',
      edits: [
        ["North Korea's widely circulated official newspaper", "North Korea's official newspaper"],
        prependNote,
      ],
      expect: 'official newspaper',
    },
    {
      name: 'clause added just after the passage (suffix changed)',
      category: 'shift',
      original: P,
      passage: "Rodong Sinmun, North Korea's widely circulated official newspaper",
      edits: [
        ['official newspaper.', "official newspaper, which is run by the ruling Workers' Party."],
        prependNote,
      ],
      expect: "Rodong Sinmun, North Korea's widely circulated official newspaper",
    },
    {
      name: 'paragraph moved below the next one',
      category: 'shift',
      original: P,
      passage: "a payment system using Russia's ruble as the principal currency",
      edits: [
        (t) => {
          const a = t.indexOf("South Korea's Unification Ministry indicated Tuesday");
          const b = t.indexOf('Although Russia and North Korea agreed');
          const c = t.indexOf('\n\n', b);
          return t.slice(0, a) + t.slice(b, c) + '\n\n' + t.slice(a, b - 2) + t.slice(c);
        },
      ],
      expect: "a payment system using Russia's ruble as the principal currency",
    },
    {
      name: 'passage at the very start, a heading inserted above it',
      category: 'shift',
      original: ESSAY,
      passage: 'Keeping a commonplace book',
      edits: [(t) => 'Essays on reading\n\n' + t],
      expect: 'Keeping a commonplace book',
    },
    {
      name: 'passage at the very end, a credit line appended',
      category: 'shift',
      original: P,
      passage: 'it would hurt its relationship with Seoul enormously."',
      edits: [(t) => t + '\n\nKim Arin contributed to this report.'],
      expect: 'it would hurt its relationship with Seoul enormously."',
    },
    {
      name: 'list item inserted before the passage',
      category: 'shift',
      original: ESSAY,
      passage: 'Arguments they disagreed with, so they could answer them later',
      edits: [['Recipes and remedies', 'Letters from friends\nRecipes and remedies']],
      expect: 'Arguments they disagreed with, so they could answer them later',
    },
    {
      name: 'heading above the passage renamed',
      category: 'shift',
      original: ESSAY,
      passage: 'Cheap printing made books plentiful',
      edits: [['Why it faded', 'Why the habit faded']],
      expect: 'Cheap printing made books plentiful',
    },

    // ── text inserted inside the passage ──
    {
      name: 'word inserted inside',
      category: 'insert',
      original: P,
      passage: 'signed a presidential decree',
      edits: [['signed a presidential decree', 'signed a new presidential decree']],
      expect: 'signed a new presidential decree',
    },
    {
      name: 'clause inserted inside a sentence-long passage',
      category: 'insert',
      original: P,
      passage:
        "Putin's key message was unequivocal: Moscow and Pyongyang intend to bolster unity and forge all-encompassing cooperation",
      edits: [['intend to bolster unity', 'intend, he wrote, to bolster unity']],
      expect:
        "Putin's key message was unequivocal: Moscow and Pyongyang intend, he wrote, to bolster unity and forge all-encompassing cooperation",
    },
    {
      name: 'word inserted inside a short passage (over 25 % of it)',
      category: 'insert',
      original: P,
      passage: "Putin's visit to North Korea",
      edits: [["Putin's visit to North Korea", "Putin's official visit to North Korea"]],
      expect: "Putin's official visit to North Korea",
    },
    {
      name: 'sentence inserted between the two sentences of a passage',
      category: 'insert',
      original: ESSAY,
      passage:
        'Copy less than you think you should. Write one line under each passage saying why you kept it.',
      edits: [['you should. Write', 'you should. Leave room in the margins. Write']],
      expect:
        'Copy less than you think you should. Leave room in the margins. Write one line under each passage saying why you kept it.',
    },

    // ── text deleted inside or just before the passage ──
    {
      name: 'adjective deleted inside',
      category: 'delete',
      original: P,
      passage:
        'Putin underscored that his state visit represents a pivotal opportunity to broaden bilateral cooperation between Pyongyang and Moscow',
      edits: [['represents a pivotal opportunity', 'represents an opportunity']],
      expect:
        'Putin underscored that his state visit represents an opportunity to broaden bilateral cooperation between Pyongyang and Moscow',
    },
    {
      name: 'parenthesis deleted inside',
      category: 'delete',
      original: P,
      passage:
        "Russia's President Vladimir Putin (left) and North Korea's leader Kim Jong-un visit the Vostochny Cosmodrome",
      edits: [
        [
          "Vladimir Putin (left) and North Korea's leader Kim Jong-un",
          "Vladimir Putin and North Korea's leader Kim Jong-un",
        ],
      ],
      expect:
        "Russia's President Vladimir Putin and North Korea's leader Kim Jong-un visit the Vostochny Cosmodrome",
    },
    {
      name: 'first word of the passage deleted',
      category: 'delete',
      original: P,
      passage:
        'Although Russia and North Korea agreed to use Russian rubles for mutual settlements',
      edits: [['Although Russia and North Korea agreed', 'Russia and North Korea agreed']],
      expect: 'Russia and North Korea agreed to use Russian rubles for mutual settlements',
    },
    {
      name: 'sentence before the passage deleted in the same paragraph',
      category: 'delete',
      original: P,
      passage: 'Originally planned as a two-day trip starting Tuesday evening',
      edits: [
        [
          '"The presidential decree was released just hours before Putin\'s arrival at Pyongyang International Airport early Wednesday morning. ',
          '',
        ],
      ],
      expect: 'Originally planned as a two-day trip starting Tuesday evening',
    },

    // ── whitespace ──
    {
      name: 'double spaces after full stops inside',
      category: 'whitespace',
      original: ESSAY,
      passage:
        'Copy less than you think you should. Write one line under each passage saying why you kept it. Once a month',
      edits: [(t) => t.replace(/\. (?=[A-Z])/g, '.  ')],
      expect:
        'Copy less than you think you should.  Write one line under each passage saying why you kept it.  Once a month',
    },
    {
      name: 'two paragraphs of the passage joined',
      category: 'whitespace',
      original: P,
      passage:
        'and Vietnam, according to the database provided by the Foreign Ministry in Seoul.\n\nThe purpose of Putin',
      edits: [['in Seoul.\n\nThe purpose', 'in Seoul. The purpose']],
      expect:
        'and Vietnam, according to the database provided by the Foreign Ministry in Seoul. The purpose of Putin',
    },
    {
      name: 're-import with single newlines between paragraphs',
      category: 'whitespace',
      original: P,
      passage: "is the official name of North Korea.\n\nRussia's President Vladimir Putin (left)",
      edits: [(t) => t.replace(/\n\n/g, '\n')],
      expect: "is the official name of North Korea.\nRussia's President Vladimir Putin (left)",
    },
    {
      name: 'non-breaking spaces in a name inside',
      category: 'whitespace',
      original: P,
      passage: 'The leaders of Russia and North Korea are set to sign',
      edits: [
        [
          'The leaders of Russia and North Korea are',
          'The leaders of Russia and North\u00a0Korea are',
        ],
        prependNote,
      ],
      expect: 'The leaders of Russia and North\u00a0Korea are set to sign',
    },

    // ── punctuation ──
    {
      name: 'curly quotes straightened inside',
      category: 'punctuation',
      original: P,
      passage:
        '“I am convinced that our joint efforts will take our bilateral interaction to a higher level',
      edits: [['“I am convinced', '"I am convinced'], prependNote],
      expect:
        '"I am convinced that our joint efforts will take our bilateral interaction to a higher level',
    },
    {
      name: 'straight quotes made curly inside',
      category: 'punctuation',
      original: P,
      passage: 'sign a "treaty on a comprehensive strategic partnership" that could elevate',
      edits: [
        [
          '"treaty on a comprehensive strategic partnership"',
          '“treaty on a comprehensive strategic partnership”',
        ],
      ],
      expect: 'sign a “treaty on a comprehensive strategic partnership” that could elevate',
    },
    {
      name: 'double hyphen made an em dash inside',
      category: 'punctuation',
      original: P,
      passage: 'the mutual defense treaty of 1961 -- the one the DPRK had with the USSR',
      edits: [['treaty of 1961 -- the one', 'treaty of 1961 — the one']],
      expect: 'the mutual defense treaty of 1961 — the one the DPRK had with the USSR',
    },
    {
      name: 'em dash made a spaced hyphen inside',
      category: 'punctuation',
      original: ESSAY,
      passage:
        'Copying a sentence by hand forces you to decide why it matters — and that decision is the beginning',
      edits: [['matters — and', 'matters - and']],
      expect:
        'Copying a sentence by hand forces you to decide why it matters - and that decision is the beginning',
    },
    {
      name: 'every apostrophe straightened by a re-import',
      category: 'punctuation',
      original: ESSAY,
      passage: 'still being printed in stationers’ catalogues a hundred years later',
      edits: [(t) => t.replace(/’/g, "'")],
      expect: "still being printed in stationers' catalogues a hundred years later",
    },
    {
      name: 'three dots made an ellipsis inside',
      category: 'punctuation',
      original: ESSAY.replace('dates of harvests', 'dates of harvests...'),
      passage: 'Numbers: prices, distances, dates of harvests...',
      edits: [['harvests...', 'harvests…']],
      expect: 'Numbers: prices, distances, dates of harvests…',
    },

    // ── paragraph split inside the passage ──
    {
      name: 'paragraph split between two sentences of the passage',
      category: 'split',
      original: P,
      passage:
        'Pyongyang International Airport early Wednesday morning. Originally planned as a two-day trip',
      edits: [['morning. Originally planned', 'morning.\n\nOriginally planned']],
      expect:
        'Pyongyang International Airport early Wednesday morning.\n\nOriginally planned as a two-day trip',
    },
    {
      name: 'sentence split at a semicolon into a new paragraph',
      category: 'split',
      original: ESSAY,
      passage: 'a place to collect, not to compose; the composing happened later',
      edits: [['not to compose; the composing', 'not to compose.\n\nThe composing']],
      expect: 'a place to collect, not to compose.\n\nThe composing happened later',
    },

    // ── typos and small corrections inside ──
    {
      name: 'typo fixed inside',
      category: 'typo',
      original: P.replace('Pyongyang International Airport', 'Pyongyang Internatonal Airport'),
      passage: "Putin's arrival at Pyongyang Internatonal Airport",
      edits: [['Internatonal', 'International']],
      expect: "Putin's arrival at Pyongyang International Airport",
    },
    {
      name: 'stray opening quote removed at the start of the passage',
      category: 'typo',
      original: P,
      passage: '"The presidential decree was released just hours before Putin\'s arrival',
      edits: [['"The presidential decree was released', 'The presidential decree was released']],
      expect: "The presidential decree was released just hours before Putin's arrival",
    },
    {
      name: 'year corrected inside',
      category: 'typo',
      original: P,
      passage: 'during a joint economic committee meeting in Vladivostok in June 2014',
      edits: [['in June 2014', 'in June 2015'], prependNote],
      expect: 'during a joint economic committee meeting in Vladivostok in June 2015',
    },
    {
      name: 'capitalisation changed inside',
      category: 'typo',
      original: P,
      passage:
        'will replace the Treaty of Friendship, Good-Neighborliness and Cooperation signed in 2000',
      edits: [
        [
          'the Treaty of Friendship, Good-Neighborliness and Cooperation signed',
          'the treaty of friendship, good-neighborliness and cooperation signed',
        ],
      ],
      expect:
        'will replace the treaty of friendship, good-neighborliness and cooperation signed in 2000',
    },

    // ── duplicates: the passage must stay on its own copy ──
    {
      name: 'its sentence duplicated as a pull quote earlier',
      category: 'duplicate',
      original: P,
      passage: "Putin's key message was unequivocal",
      edits: [
        [
          'The decree also said Putin',
          "Putin's key message was unequivocal: Moscow and Pyongyang stand together.\n\nThe decree also said Putin",
        ],
      ],
      expect: { quote: "Putin's key message was unequivocal", occurrence: 2 },
    },
    {
      name: 'its sentence duplicated later, text inserted at the top',
      category: 'duplicate',
      original: P,
      passage: "Putin's key message was unequivocal",
      edits: [
        prependNote,
        [
          'However, experts are skeptical',
          "Putin's key message was unequivocal, analysts agreed.\n\nHowever, experts are skeptical",
        ],
      ],
      expect: { quote: "Putin's key message was unequivocal", occurrence: 1 },
    },
    {
      name: 'second of two identical captions, text inserted at the top',
      category: 'duplicate',
      original: P,
      passage: { quote: '(Pool Photo via AFP)', occurrence: 2 },
      edits: [prependNote],
      expect: { quote: '(Pool Photo via AFP)', occurrence: 2 },
    },
    {
      name: 'third occurrence of a repeated phrase, heading inserted',
      category: 'duplicate',
      original: ESSAY,
      passage: { quote: 'the commonplace book', occurrence: 3 },
      edits: [(t) => 'Essays on reading\n\n' + t],
      expect: { quote: 'the commonplace book', occurrence: 3 },
    },
    {
      name: 'last occurrence of a repeated phrase, its prefix edited',
      category: 'duplicate',
      original: ESSAY,
      passage: { quote: 'commonplace book', within: 'read the commonplace book from the start' },
      edits: [
        ['Once a month, read the', 'Every month or so, read the'],
        (t) => 'Essays on reading\n\n' + t,
      ],
      expect: { quote: 'commonplace book', within: 'read the commonplace book from the start' },
    },

    // ── passages of one or two characters ──
    {
      name: 'one-character passage, text inserted above',
      category: 'short',
      original: P,
      passage: { quote: 'L', within: 'Kim Jong Un (L)' },
      edits: [prependNote],
      expect: { quote: 'L', within: 'Kim Jong Un (L)' },
    },
    {
      name: 'two-character passage, paragraph deleted above',
      category: 'short',
      original: P,
      passage: { quote: '24', within: 'first time in 24 years' },
      edits: [
        [
          'The decree also said Putin allowed the Foreign Ministry to "make changes to its draft that are not of a fundamental nature."\n\n',
          '',
        ],
      ],
      expect: { quote: '24', within: 'first time in 24 years' },
    },
    {
      name: 'two-character passage written out in words',
      category: 'short',
      original: P,
      passage: { quote: '24', within: 'first time in 24 years' },
      edits: [['first time in 24 years', 'first time in twenty-four years']],
      expect: 'orphaned',
    },

    // ── the passage's text is gone ──
    {
      name: 'its paragraph rewritten',
      category: 'orphan',
      original: P,
      passage: 'Russia has established comprehensive strategic partnerships with several countries',
      edits: [
        [
          'Russia has established comprehensive strategic partnerships with several countries, including Argentina, Mongolia, South Africa, Uzbekistan, and Vietnam, according to the database provided by the Foreign Ministry in Seoul.',
          "According to figures from Seoul's Foreign Ministry, Moscow already keeps this top tier of ties with a handful of states such as Vietnam, Argentina and Mongolia.",
        ],
      ],
      expect: 'orphaned',
    },
    {
      name: 'its sentence rewritten',
      category: 'orphan',
      original: ESSAY,
      passage: 'most of them store highlights as loose fragments',
      edits: [
        [
          'Digital tools promised to revive the practice, but most of them store highlights as loose fragments, cut off from where they came from.',
          'Software was supposed to bring the habit back; instead, apps keep scattered snippets with no link to their origin.',
        ],
      ],
      expect: 'orphaned',
    },
    {
      name: 'its sentence deleted',
      category: 'orphan',
      original: ESSAY,
      passage: 'Write one line under each passage saying why you kept it.',
      edits: [['Write one line under each passage saying why you kept it. ', '']],
      expect: 'orphaned',
    },
    {
      name: 'its list item deleted',
      category: 'orphan',
      original: ESSAY,
      passage: 'Numbers: prices, distances, dates of harvests',
      edits: [['\nNumbers: prices, distances, dates of harvests', '']],
      expect: 'orphaned',
    },
    {
      name: 'its sentence rewritten, the phrase survives elsewhere in another context',
      category: 'orphan',
      original: P,
      passage: {
        quote: 'mutual defense treaty',
        within: 'revival of the mutual defense treaty of 1961',
      },
      edits: [
        [
          'The biggest fear in South Korea and Japan would be, of course, the revival of the mutual defense treaty of 1961',
          'What Seoul and Tokyo dread most is a return of the 1961 alliance pact',
        ],
      ],
      expect: 'orphaned',
    },
    {
      name: 'whole article replaced by another',
      category: 'orphan',
      original: P,
      passage: 'signed a presidential decree',
      edits: [() => ESSAY],
      expect: 'orphaned',
    },
    {
      name: 'article emptied',
      category: 'orphan',
      original: P,
      passage: 'signed a presidential decree',
      edits: [() => ''],
      expect: 'orphaned',
    },

    // ── Chinese and Japanese ──
    {
      name: 'CJK: sentence inserted before the passage',
      category: 'cjk',
      original: CJK,
      passage: '这种思考，往往比抄录本身更有价值',
      edits: [['札记的好处在于', '很多人以为札记只是摘抄。其实札记的好处在于']],
      expect: '这种思考，往往比抄录本身更有价值',
    },
    {
      name: 'CJK: wrong character corrected inside',
      category: 'cjk',
      original: CJK.replace('就是这样一部书', '就是这祥一部书'),
      passage: '顾炎武的《日知录》就是这祥一部书，他花了三十多年时间',
      edits: [['这祥', '这样']],
      expect: '顾炎武的《日知录》就是这样一部书，他花了三十多年时间',
    },
    {
      name: 'CJK: two-character passage, second occurrence, heading inserted',
      category: 'cjk',
      original: CJK,
      passage: { quote: '札记', occurrence: 2 },
      edits: [(t) => '读书与记忆\n\n' + t],
      expect: { quote: '札记', occurrence: 2 },
    },
    {
      name: 'CJK: corner brackets replaced by quotation marks inside',
      category: 'cjk',
      original: CJK,
      passage: '江戸時代の学者たちは「抜き書き」と呼ばれるノートを作っていた',
      edits: [['「抜き書き」', '“抜き書き”']],
      expect: '江戸時代の学者たちは“抜き書き”と呼ばれるノートを作っていた',
    },
    {
      name: 'CJK: paragraph rewritten',
      category: 'cjk',
      original: CJK,
      passage: '它迫使读者停下来思考',
      edits: [
        [
          '札记的好处在于，它迫使读者停下来思考：这句话为什么重要？它和我以前读过的东西有什么联系？这种思考，往往比抄录本身更有价值。',
          '写札记能让人慢下来，把零散的阅读变成自己的知识。',
        ],
      ],
      expect: 'orphaned',
    },

    // ── emoji (surrogate pairs) ──
    {
      name: 'emoji passage, words inserted before',
      category: 'emoji',
      original: EMOJI,
      passage: 'The dumplings 🥟 were worth the queue',
      edits: [['Day one:', 'Day one (Tuesday):']],
      expect: 'The dumplings 🥟 were worth the queue',
    },
    {
      name: 'single-emoji passage, text inserted above',
      category: 'emoji',
      original: EMOJI,
      passage: '🏺',
      edits: [(t) => 'Seoul, autumn\n\n' + t],
      expect: '🏺',
    },
    {
      name: 'flag in the prefix changed',
      category: 'emoji',
      original: EMOJI,
      passage: 'Day one: landed at 6 a.m.',
      edits: [['🇰🇷', '🇯🇵']],
      expect: 'Day one: landed at 6 a.m.',
    },
    {
      name: 'skin-tone modifier added to an emoji inside',
      category: 'emoji',
      original: EMOJI,
      passage: 'Everyone agreed 👍 it was the highlight of the trip.',
      edits: [['👍', '👍🏽']],
      expect: 'Everyone agreed 👍🏽 it was the highlight of the trip.',
    },
    {
      name: 'emoji removed inside',
      category: 'emoji',
      original: EMOJI,
      passage: 'Day two: rain all day ☔, so we spent it in the museum.',
      edits: [['all day ☔, so', 'all day, so']],
      expect: 'Day two: rain all day, so we spent it in the museum.',
    },

    // ── long passages (about 5,000 characters) ──
    {
      name: 'long passage: typo fixed and a sentence inserted inside',
      category: 'long',
      original: P,
      passage: { from: PURPOSE, to: 'Sejong Institute in Seoul, said.' },
      edits: [
        ['a pivotal opportunity', 'a pivotal oportunity'],
        [
          'no substantial progress has been made since.',
          'no substantial progress has been made since. Trade between the two remains tiny.',
        ],
        ['oportunity', 'opportunity'],
        ['diminishing the dominance', 'diminishing the dominence'],
      ],
      expect: { from: PURPOSE, to: 'Sejong Institute in Seoul, said.' },
    },
    {
      name: 'long passage: text inserted above, its first sentence deleted',
      category: 'long',
      original: P,
      passage: { from: PURPOSE, to: 'Sejong Institute in Seoul, said.' },
      edits: [
        prependNote,
        [
          PURPOSE +
            " was made clear in an article authored by Putin and published Tuesday in Korean on the front page of the Rodong Sinmun, North Korea's widely circulated official newspaper.\n\n",
          '',
        ],
      ],
      expect: {
        from: 'Putin underscored that his state visit',
        to: 'Sejong Institute in Seoul, said.',
      },
    },
    {
      name: 'long passage: a paragraph inside rewritten',
      category: 'long',
      original: P,
      passage: { from: PURPOSE, to: 'Sejong Institute in Seoul, said.' },
      edits: [
        [
          "The DPRK stands for the Democratic People's Republic of Korea, which is the official name of North Korea.",
          "DPRK is the acronym of North Korea's formal name.",
        ],
      ],
      expect: { from: PURPOSE, to: 'Sejong Institute in Seoul, said.' },
    },
    {
      name: 'long passage: the article replaced by a different one',
      category: 'long',
      original: P,
      passage: { from: PURPOSE, to: 'Sejong Institute in Seoul, said.' },
      edits: [() => ESSAY + '\n\n' + CJK],
      expect: 'orphaned',
    },
  ];
}

let built: EditCase[] | null = null;

/** Every corpus case with concrete offsets. */
export function editCorpus(): EditCase[] {
  built ??= specs().map(buildCase);
  return built;
}
