/**
 * Page chrome that comes along when an article is copied from a browser: share and print widgets,
 * font-size buttons, "Advertisement" slots, "Related:" link-outs. Matching is by whole line only,
 * on short lines, so a sentence that merely mentions "share" or "print" is never touched.
 */
import { comparable } from './normalize';

/** Widget labels; a line made only of these (and counts) is chrome at the top or bottom of a paste. */
const WIDGET_PHRASES: readonly string[] = [
  'send to',
  'send',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on',
  'share via',
  'share article',
  'shares',
  'print',
  'print this page',
  'print article',
  'email',
  'e-mail',
  'mail',
  'listen',
  'listen to this article',
  'listen to article',
  'listen to this story',
  'audio',
  'subscribe',
  'subscribe now',
  'sign up',
  'sign in',
  'log in',
  'register',
  'read more',
  'more',
  'save',
  'save article',
  'saved',
  'bookmark',
  'copy link',
  'copy url',
  'link copied',
  'comments',
  'comment',
  'leave a comment',
  'follow',
  'tweet',
  'like',
  'like this',
  'like loading...',
  'reblog',
  'menu',
  'skip to content',
  'skip to main content',
  'search',
  'close',
  'font size',
  'text size',
  'a',
  'aa',
  'a+',
  'a-',
  'gift article',
  'gift this article',
  'related',
  'related articles',
  'related stories',
  'recommended',
  'most read',
  'back to top',
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'reddit',
  'pinterest',
  'telegram',
  'threads',
  'bluesky',
  'mastodon',
  'flipboard',
  'tumblr',
  'pocket',
  'kakaotalk',
  '공유',
  '공유하기',
  '인쇄',
  '인쇄하기',
  '스크랩',
  '글자크기',
  '글자 크기',
  '가',
  '가가',
  '기사 듣기',
  '기사듣기',
  '본문 듣기',
  '구독',
  '구독하기',
  '댓글',
  '좋아요',
  '카카오톡',
  '페이스북',
  '트위터',
  '링크 복사',
  'url 복사',
  '닫기',
];

/** Ad slots: dropped wherever they stand, they are never part of the article. */
const AD_LINES: ReadonlySet<string> = new Set([
  'advertisement',
  'advertisements',
  'ad',
  'ads',
  'sponsored',
  'sponsored content',
  'skip advertisement',
  'story continues below advertisement',
  'article continues below advertisement',
  'continue reading below',
  'article continues below',
  'story continues below',
  'scroll to continue',
  'scroll to continue with content',
  'continue reading the main story',
  '광고',
]);

const MAX_CHROME_LENGTH = 80;
const READING_TIME = /^\d{1,3} ?min(?:ute)?s? (?:read|listen)$/;
const MAX_PHRASE_WORDS = 5;

const PHRASES_BY_LENGTH: ReadonlyMap<string, number> = new Map(
  WIDGET_PHRASES.map((p) => [p, p.split(' ').length]),
);

function chromeKey(line: string): string | null {
  if (line.length > MAX_CHROME_LENGTH * 2) return null;
  const key = comparable(line).toLowerCase();
  return key.length > 0 && key.length <= MAX_CHROME_LENGTH ? key : null;
}

export function isAdLine(line: string): boolean {
  const key = chromeKey(line);
  return key !== null && AD_LINES.has(key.replace(/[.:]+$/, ''));
}

/**
 * True when the line consists only of widget labels ("Send to", "Share this: Twitter Facebook",
 * "A A", "Comments 12"), matched greedily by the longest phrase first.
 */
export function isWidgetLine(line: string): boolean {
  const key = chromeKey(line);
  if (key === null) return false;
  if (PHRASES_BY_LENGTH.has(key) || READING_TIME.test(key)) return true;
  // Separators left over from a layout ("·", "--", "|"); emoji and other symbols are content.
  if (key.length <= 5 && /^[\p{P}|\s]+$/u.test(key)) return true;
  const words = key
    .split(/[\s|·•,/()[\]]+/)
    .map((w) => w.replace(/^:+|:+$/g, ''))
    .filter((w) => w.length > 0);
  let matched = 0;
  let i = 0;
  while (i < words.length) {
    let step = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && step === 0; n--) {
      if (PHRASES_BY_LENGTH.has(words.slice(i, i + n).join(' '))) step = n;
    }
    if (step > 0) matched++;
    else if (/^\d+$/.test(words[i] ?? ''))
      step = 1; // counters such as "Comments 12"
    else return false;
    i += step;
  }
  return matched > 0;
}

/** Any chrome: ad slots or widget labels. */
export function isChromeLine(line: string): boolean {
  return isAdLine(line) || isWidgetLine(line);
}

const LINK_OUT =
  /^(?:related(?: articles?| stories| story| coverage| content| reading)?|read more|read also|also read|see also|more on this|recommended|관련 ?기사)\s*:\s*\S/i;

/** "Related: Other headline" / "Read more: …" lines that point at other articles. */
export function isLinkOutLine(line: string): boolean {
  if (line.length > 200) return false;
  return LINK_OUT.test(comparable(line));
}
