/**
 * Who wrote a web page. Readability's byline is the text of whatever element looked like one, so
 * it may be "by NAME22 Dec 2016651" (a name glued to a date and a comment count), a bare
 * "Last Updated: …", or a site name. It is cleaned, and kept only when what is left reads as
 * names; otherwise the page's structured metadata names the person: JSON-LD `author`,
 * `itemprop="author"`, `<meta name="author">`.
 */
import { cleanField } from '../../text-fields';
import { isNameList, parseMetadataLine } from '../text/byline';
import { formatMoment } from '../text/dateline';
import { jsonLdBlocks } from './jsonLd';

const MAX_BYLINE = 300;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Dates glued to the text around them ("Smith22 Dec 2016651"): no word boundaries required. */
const GLUED_DATES = [
  new RegExp(`\\d{1,2}(?:st|nd|rd|th)?\\s*${MONTH}\\s*,?\\s*\\d{4}`, 'gi'),
  new RegExp(`${MONTH}\\s*\\d{1,2}(?:st|nd|rd|th)?\\s*,?\\s*\\d{4}`, 'gi'),
  /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/g,
  /\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/g,
  /\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?/gi,
];
const LABELS =
  /\b(?:last\s+)?(?:updated|modified|published|posted|written|reviewed)(?:\s+(?:on|at|by))?\s*:?/gi;
const BY_PREFIX =
  /^(?:(?:written|posted|reported|story|text|words)\s+)?(?:by|von|par|por|di|door|av)\b[\s:]*/i;
const COMMENTS = /\b\d+\s*(?:comments?|responses?|replies|shares?)\b/gi;
/** An aside in brackets: the writer's employer or outlet ("Kedar Vijay Kulkarni (Red Hat)", "(AP)"). */
const ASIDES = /\([^()]*\)/g;
/**
 * Labels of the links and buttons a site puts inside its byline element: a feed or follow link,
 * share buttons, a vote widget ("219 up" once its count is gone). A vote's words only in lower
 * case: "Down" and "Like" are also surnames.
 */
const WIDGETS =
  /\b(?:[Ff]eed|RSS|[Ff]ollow|[Ss]ubscribe|[Ss]hare|[Tt]weet|[Ee]-?mail|[Pp]rint|up|down|like)\b/g;

/** The names in a byline, or null when what is left doesn't read as names. */
export function cleanByline(raw: string | null | undefined): string | null {
  const field = cleanField(raw, MAX_BYLINE * 2);
  if (!field) return null;
  const facts = parseMetadataLine(field);
  if (facts?.byline) return facts.byline;
  let s = field;
  for (const re of GLUED_DATES) s = s.replace(re, ' ');
  s = s.replace(COMMENTS, ' ').replace(LABELS, ' ');
  // Counts and stray numbers left by the glue ("651") are no part of a name.
  s = s.replace(/\d+/g, ' ').replace(ASIDES, ' ').replace(WIDGETS, ' ');
  s =
    s
      .split(/\s*[|·•]\s*|\s+[—–-]\s+/)
      .map((part) => part.trim())
      .find((part) => part.replace(/[\s,.;:]+/g, '').length > 0) ?? '';
  s = s.replace(BY_PREFIX, '').replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/g, '');
  const names = cleanField(s, MAX_BYLINE);
  return names && isNameList(names) ? names : null;
}

/**
 * The publication date a byline states ("25 Jan 2018" beside the name), for a page whose metadata
 * gives none; a date labelled as an update is not one.
 */
export function bylineDate(raw: string | null | undefined): string | null {
  if (!raw || raw.length > MAX_BYLINE * 2) return null;
  for (const segment of raw.split(/\n|\s[|·•]\s/)) {
    const facts = parseMetadataLine(segment.trim());
    const moment = facts?.moments.find((m) => m.role === 'published' && m.moment.date)?.moment;
    if (moment?.date) return formatMoment(moment.date, moment.time);
  }
  return null;
}

/** Names from the page's structured metadata, most specific first. */
export function structuredAuthors(doc: Document, metas: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  out.push(...jsonLdAuthors(doc));
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="author"]')).slice(0, 20)) {
    const named = el.querySelector('[itemprop~="name"]');
    const value =
      el.getAttribute('content') ?? named?.getAttribute('content') ?? (named ?? el).textContent;
    if (value) out.push(value);
  }
  for (const key of [
    'author',
    'dc.creator',
    'dcterms.creator',
    'citation_author',
    'article:author',
  ])
    if (metas.get(key)) out.push(metas.get(key) as string);
  return out;
}

/** The byline: Readability's when it cleans to names, else the first structured one that does. */
export function pickByline(
  readabilityByline: string | null | undefined,
  structured: readonly string[],
): string | null {
  const cleaned = cleanByline(readabilityByline);
  if (cleaned) return cleaned;
  for (const candidate of structured) {
    if (/^https?:/i.test(candidate.trim())) continue;
    const name = cleanByline(candidate);
    if (name) return name;
  }
  return null;
}

function jsonLdAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const data of jsonLdBlocks(doc)) {
    const found = findAuthors(data);
    if (found.length) names.push(found.join(', '));
  }
  return names;
}

/** Breadth-first to the first `author` (a name, an object with `name`, or a list of those). */
function findAuthors(data: unknown): string[] {
  const queue: unknown[] = [data];
  for (let visited = 0; queue.length && visited < 2000; visited++) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item.slice(0, 200));
    } else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const author = record.author ?? record.creator;
      if (author !== undefined) {
        const list = (Array.isArray(author) ? author : [author]).slice(0, 50);
        const names = list
          .map((a) =>
            typeof a === 'string'
              ? a
              : a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string'
                ? ((a as { name: string }).name as string)
                : null,
          )
          .filter((n): n is string => n !== null && n.trim().length > 0);
        if (names.length) return names;
      }
      for (const value of Object.values(record))
        if (value && typeof value === 'object') queue.push(value);
    }
  }
  return [];
}
