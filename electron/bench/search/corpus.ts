/**
 * A deterministic synthetic library for the search benchmark: English-like articles with
 * Zipf-distributed words (a real head of common words, a long tail of invented ones), a few
 * accented words, fixed phrases that phrase queries can find, and ~5% articles in Chinese,
 * Japanese or Korean. Same seed, same corpus.
 */

import { prng } from '../../test/prng';

/** Bump when the generated library changes: cached libraries (see `cache.ts`) are keyed by it. */
export const CORPUS_VERSION = 1;

export { prng };

// The most frequent English words, roughly in order, then topic words the queries use.
const HEAD =
  `the of and to a in is that for it as was with be by on not he i this are or his from at which but have an they
you were her she there been one all we their has would when if so no will what can more about out up into them do some
could said time than other then its only also new two first like our over may years after most made people such these
should well state government year because world where work much between many before three through even back public
during while last against both those under war being since city national still however without each country part
another local made four percent often later found high early american long few night group report house day little
during policy market water energy climate power health school family money history law village region river island
coast mountain valley forest harbour railway bridge factory farm museum library hospital council court election
minister president company industry price tax trade bank budget debt growth labour union strike wage rent housing
transport fuel coal oil gas wind solar carbon emissions methane permafrost glacier drought flood storm harvest wheat
rice fishing shipping port border treaty summit army navy ministry parliament senate committee inquiry scandal
archive manuscript letter diary novel poem painting concert theatre festival cathedral monastery castle empire
dynasty colony revolution reform protest census survey statistics economics economist economy economic`
    .split(/\s+/)
    .filter(Boolean);

const ACCENTED = [
  'café',
  'naïve',
  'résumé',
  'Zürich',
  'Malmö',
  'façade',
  'jalapeño',
  'Ångström',
  'crème',
  'São',
  'Kraków',
  'déjà',
  'señor',
  'Montréal',
];

/** Sentences placed whole in ~2% of articles, so phrase queries have real hits. */
export const PHRASES = [
  'The carbon tax was debated again in parliament.',
  'Critics said the carbon tax would hit rural drivers hardest.',
  'A border adjustment would extend the carbon tax to imports.',
  'The river authority published the flood map on Monday.',
];

/** An invented word placed in one article in 20,000 (the "rare word" query). */
export const RARE_WORD = 'quillwort';
const RARE_EVERY = 20_000;

const SYLLABLES =
  'ka ri to ne mu sa lo vi de ba po ru mi ta ze ko la fe gu ni sho ren tal mar vin dor pel quin sar tor ul em ad ix or an'.split(
    ' ',
  );

/** Chinese words (a few multi-character compounds the CJK queries look for). */
const ZH =
  `中国 经济 政府 发展 国家 北京 上海 市场 企业 社会 技术 国际 合作 问题 人民 总统 访问 会议 政策 改革 银行 投资 城市 文化
教育 科学 研究 环境 能源 气候 历史 世界 美国 日本 韩国 俄罗斯 朝鲜 平壤 记者 报道 新闻 安全 军事 外交 领导人 国事访问 经济增长
人工智能 数据 网络 公司 产品 价格 消费者 工人 农民 学生 医院 健康 交通 铁路 机场 港口 贸易 出口 进口 关税 货币 通货膨胀 利率 股市
房地产 人口 老龄化 城市化 长江 黄河 农业 工业 制造业 互联网 平台 监管 法律 法院 选举 议会 政党 军队 边境 条约 峰会`.split(
    /\s+/,
  );
const ZH_GLUE = '的 了 在 是 和 与 对 将 也 都 而 但 因为 所以 已经 正在 表示 认为'.split(' ');

const JA_NOUNS =
  `政府 経済 東京 大阪 首相 会議 発表 記者 市場 企業 技術 研究 大学 学生 病院 地震 台風 選挙 国会 外交 訪問 プーチン ロシア アメリカ
ニュース インターネット エネルギー 電力 鉄道 空港 港 物価 賃金 円安 株価 輸出 輸入 気候 環境 人口 高齢化 地方 都市 文化 歴史`.split(
    /\s+/,
  );
const JA_PARTICLES = 'は が を に で と の も から まで へ'.split(' ');
const JA_ENDS = 'した。 する。 された。 している。 と述べた。 を発表した。'.split(' ');

const KO_NOUNS =
  `정부 경제 서울 부산 대통령 회의 발표 기자 시장 기업 기술 연구 대학 학생 병원 북한 평양 푸틴 러시아 미국 중국 일본 외교 방문 선거 국회
에너지 전력 철도 공항 항구 물가 임금 환율 주가 수출 수입 기후 환경 인구 고령화 지방 도시 문화 역사`.split(
    /\s+/,
  );
const KO_PARTICLES = '은 는 이 가 을 를 에 의 에서 으로 와 과 도'.split(' ');
const KO_ENDS = '했다. 한다. 있다. 밝혔다. 전했다.'.split(' ');

export const TAGS =
  `energy climate policy economics history method quote key-idea follow-up disagree evidence statistics transport housing
health labour trade water agriculture finance elections diplomacy war archives sources biography`.split(
    /\s+/,
  );

export const SITES = [
  'The Guardian',
  'Le Monde',
  'Nikkei',
  'Yonhap',
  'Xinhua',
  'Reuters',
  'The Atlantic',
  'Der Spiegel',
  'El País',
  'Al Jazeera',
];

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s, by binary search in the cumulative weights. */
export function zipf(n: number, s: number, rand: () => number): () => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += 1 / Math.pow(i + 1, s);
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface CorpusOptions {
  seed: number;
  /** Vocabulary size (head + invented tail). */
  vocabulary?: number;
  /** Target body length in UTF-16 units. */
  articleChars?: number;
}

export interface GeneratedArticle {
  title: string;
  text: string;
  lang: string;
  siteName: string;
  published: string;
  source: string;
  tags: string[];
}

export interface Corpus {
  /** Words by rank: words[0] is the most frequent. */
  words: readonly string[];
  article(n: number): GeneratedArticle;
}

export function makeCorpus(opts: CorpusOptions): Corpus {
  const rand = prng(opts.seed);
  const size = opts.vocabulary ?? 30_000;
  const chars = opts.articleChars ?? 8000;
  const words: string[] = [...HEAD];
  const seen = new Set(words);
  while (words.length < size) {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const word = zipf(words.length, 1.0, rand);
  const zh = zipf(ZH.length, 0.9, rand);
  const ja = zipf(JA_NOUNS.length, 0.9, rand);
  const ko = zipf(KO_NOUNS.length, 0.9, rand);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const englishSentence = (): string => {
    const n = 8 + Math.floor(rand() * 18);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(rand() < 0.004 ? pick(ACCENTED) : words[word()]!);
    const s = out.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const chineseSentence = (): string => {
    let s = '';
    const n = 6 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) s += ZH[zh()]! + (rand() < 0.4 ? pick(ZH_GLUE) : '');
    return `${s}。`;
  };
  const japaneseSentence = (): string => {
    let s = '';
    const n = 3 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) s += JA_NOUNS[ja()]! + pick(JA_PARTICLES);
    return s + pick(JA_ENDS);
  };
  const koreanSentence = (): string => {
    const out: string[] = [];
    const n = 4 + Math.floor(rand() * 8);
    for (let i = 0; i < n; i++)
      out.push(KO_NOUNS[ko()]! + (rand() < 0.8 ? pick(KO_PARTICLES) : ''));
    return `${out.join(' ')} ${pick(KO_ENDS)}`;
  };

  const article = (n: number): GeneratedArticle => {
    const r = rand();
    const script = r < 0.02 ? 'zh' : r < 0.035 ? 'ja' : r < 0.05 ? 'ko' : 'en';
    const sentence =
      script === 'zh'
        ? chineseSentence
        : script === 'ja'
          ? japaneseSentence
          : script === 'ko'
            ? koreanSentence
            : englishSentence;
    // CJK characters carry more per character: shorter bodies of about the same byte size.
    const target = script === 'en' ? chars : Math.round(chars / 3);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      let p = '';
      const k = 3 + Math.floor(rand() * 5);
      for (let i = 0; i < k; i++) p += (i ? ' ' : '') + sentence();
      if (script === 'en' && rand() < 0.003) p += ` ${pick(PHRASES)}`;
      if (n % RARE_EVERY === 7 && !paragraphs.length)
        p += ` The ${RARE_WORD} grows in shallow lakes.`;
      paragraphs.push(p);
      length += p.length + 2;
    }
    const titleWords =
      script === 'en'
        ? Array.from({ length: 4 + Math.floor(rand() * 5) }, () => words[word()]!).join(' ')
        : sentence().slice(0, 24);
    const year = 2000 + Math.floor(rand() * 26);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    return {
      title: `${titleWords[0]!.toUpperCase()}${titleWords.slice(1)}`,
      text: paragraphs.join('\n\n'),
      lang: script,
      siteName: pick(SITES),
      published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      source: `https://example${n % 50}.com/articles/${n}`,
      tags: rand() < 0.1 ? [pick(TAGS)] : [],
    };
  };

  return { words, article };
}
