/**
 * Re-anchoring: where a stored passage belongs in an article's (possibly changed) text.
 *
 * The order is Hypothesis's, with the scoring made explicit:
 *   1. position — the stored offsets, accepted when the text there still equals the quote;
 *   2. quote    — every exact occurrence, ranked by context agreement and nearness;
 *   3. fuzzy    — approximate matches on folded text (see fold.ts): the quote alone with at most
 *                 25 % errors, and the quote bracketed by its prefix and suffix (which finds an
 *                 edited passage even when an unedited copy of it exists elsewhere).
 * Every candidate gets one score; the best acceptable one wins; when none is acceptable the
 * passage is orphaned — a passage must never land on unrelated text.
 */
import { fold, foldString, toRawRange, type FoldedText } from './fold';
import { bestMatches, nearest, type ApproxMatch } from './fuzzy';
import type { Selectors } from './selectors';
import { contextAgreement, editDistance, similarity } from './similarity';
import { snapBackward, snapForward, splitsSurrogatePair } from './unicode';

export type Placement =
  | {
      /**
       * position: the stored offsets still hold the quote; quote: the exact quote found elsewhere;
       * fuzzy: the passage's text itself changed (or only its typography/whitespace did).
       */
      status: 'position' | 'quote' | 'fuzzy';
      start: number;
      end: number;
      /** The text now at [start, end). */
      exact: string;
      /** Confidence in [0, 1]: the weighted agreement of quote, prefix, suffix and position. */
      score: number;
    }
  | { status: 'orphaned' };

export interface ReanchorOptions {
  /** Where the passage is expected to start now (defaults to the stored start). */
  hint?: number;
  /**
   * Rules out candidates known to be other text: reanchorAfterEdit passes one that is true for
   * text copied unchanged from elsewhere in the old version (a similar sentence that was
   * already there is not the passage, whose own sentence was edited or removed).
   */
  isOtherText?: (start: number, end: number) => boolean;
}

/**
 * Weights of the score (Hypothesis's): the quote dominates; prefix and suffix decide between
 * copies of a repeated phrase; position only breaks ties between otherwise equal copies.
 */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/**
 * Most errors a fuzzy quote match may have, as a share of the quote's length. Hypothesis allows
 * 50 %; at that rate short quotes match unrelated prose (two random 12-letter English stretches
 * are often within 6 edits), so a rewritten sentence would land on random text. 25 % still
 * covers typo fixes, a few inserted or deleted words and changed punctuation.
 */
const MAX_ERROR_RATE = 0.25;
/** Context agreement (0–1, chance = 0) that counts as "the surroundings confirm it". */
const CONTEXT_SUPPORT = 0.3;
/**
 * Context agreement at which an exact occurrence is taken without looking for edited ones.
 * Lower than this, the passage's own copy may have been edited while an unedited copy of the
 * sentence sits elsewhere (a pull quote, a repeated caption): the fuzzy stage then compares both.
 */
const CONTEXT_SETTLES = 0.75;
/**
 * A quote found with both prefix and suffix in place (agreement ≥ 0.8 each) is accepted down to
 * 50 % similarity: "the treaty" → "the new treaty" between unchanged context is plainly the same
 * passage, while a rewritten sentence between unchanged context falls far below 50 %.
 */
const BRACKET_CONTEXT = 0.8;
const BRACKET_MIN_QUOTE = 0.5;
/**
 * Without context support, only a quote found at one place only and at least as long as the
 * context it lost (32 units) is accepted: a few-word phrase whose sentence was rewritten around
 * it often recurs elsewhere in an article on the same subject, and landing there is wrong.
 */
const SELF_EVIDENT_EXACT = 32;
const SELF_EVIDENT_FUZZY = 32;
const SELF_EVIDENT_FUZZY_QUOTE = 0.9;
/**
 * An acceptable candidate near the expected place scoring at least this needs no search further
 * out (0.75 ≈ a quote with a few errors whose context half agrees). Exact copies with agreeing
 * context were already taken in stage 2, so what a whole-text search could still find is a
 * passage both moved far and edited: rarer than the search is expensive.
 */
const LOCAL_ENOUGH = 0.75;
/** A quote match this good makes the bracketed search pointless. */
const CONFIDENT = 0.9;
/**
 * Reach of the successive fuzzy searches around the expected position (folded units): edits
 * nearby shift a passage by tens of units, a moved paragraph by thousands; the whole text last.
 */
const WINDOWS = [512, 4096, Infinity] as const;
/** How far from the hint an exact occurrence with intact context is looked for first. */
const WINDOW = 4096;
/** Longer quotes are located from three seeds and verified in a window (bounds the cost). */
const LONG_QUOTE = 512;
const SEED = 64;
/** Caps that keep pathological inputs (a one-letter quote in a 1 MB text) bounded. */
const MAX_OCCURRENCES = 5000;
const SCORED_OCCURRENCES = 16;
const SCORED_MATCHES = 8;

interface Query {
  exact: string;
  prefix: string;
  suffix: string;
  /** Folded quote, prefix and suffix (computed on first use: unmoved passages never need them). */
  readonly q: string;
  readonly p: string;
  readonly s: string;
  stored: { start: number; end: number } | null;
  hint: number;
  isOtherText: ((start: number, end: number) => boolean) | null;
}

interface Candidate {
  start: number;
  end: number;
  quote: number;
  prefix: number;
  suffix: number;
  score: number;
}

/** Re-anchors any number of passages against one text, folding the text at most once. */
export class Anchorer {
  private foldedText: FoldedText | null = null;

  constructor(readonly text: string) {}

  private get folded(): FoldedText {
    this.foldedText ??= fold(this.text);
    return this.foldedText;
  }

  place(selectors: Selectors, options: ReanchorOptions = {}): Placement {
    const query = this.query(selectors, options);
    if (!query) return { status: 'orphaned' };
    const pool: Candidate[] = [];

    // 1. Position (and the caller's hint, when it differs): O(quote length) when nothing moved.
    const spots =
      query.stored && query.stored.start !== query.hint
        ? [query.stored.start, query.hint]
        : [query.hint];
    for (const at of spots) {
      if (!this.holdsExact(query.exact, at) || query.isOtherText?.(at, at + query.exact.length))
        continue;
      if (this.contextEqual(query, at)) return this.result(query, this.intact(query, at));
      const c = this.score(query, at, at + query.exact.length, 1);
      if (contextOf(c) >= CONTEXT_SUPPORT || query.q.length >= SELF_EVIDENT_EXACT)
        return this.result(query, c);
      pool.push(c);
    }

    // 2. Exact occurrences: the nearest one with its context intact settles it; else all, scored.
    const settled = this.nearestIntact(query);
    if (settled !== null) return this.result(query, this.intact(query, settled));
    const occurrences = this.occurrences(query);
    for (const at of occurrences) pool.push(this.score(query, at, at + query.exact.length, 1));
    const bestExact = pickBest(pool, query);
    if (bestExact && contextOf(bestExact) >= CONTEXT_SETTLES) return this.result(query, bestExact);

    // 3. Fuzzy, in widening windows around the expected place, stopping at a good enough match.
    if (query.q.length === 0) return { status: 'orphaned' }; // only invisible characters were quoted
    const f = this.folded;
    const n = f.text.length;
    const hintF = f.fromRaw[query.hint]!;
    const good = (): boolean => (pickBest(pool, query)?.score ?? 0) >= LOCAL_ENOUGH;
    for (const reach of WINDOWS) {
      const from = Math.max(0, hintF - reach);
      const to = Math.min(n, hintF + query.q.length + reach);
      const whole = from === 0 && to === n;
      if (query.q.length > LONG_QUOTE) this.searchLong(query, from, to, pool);
      else {
        // A whole-text quote search only reports the lowest-error matches: pointless when exact
        // copies exist (they are already in the pool), so there the bracketed search does the work.
        if (!(whole && occurrences.length > 0)) this.searchQuote(query, from, to, pool);
        // The bracketed search can still beat a mediocre quote match (an unedited copy elsewhere).
        if ((pickBest(pool, query)?.score ?? 0) >= CONFIDENT) break;
        this.searchBracketed(query, from, to, pool);
      }
      if (whole || good()) break;
    }
    const best = pickBest(pool, query);
    return best ? this.result(query, best) : { status: 'orphaned' };
  }

  private query(selectors: Selectors, options: ReanchorOptions): Query | null {
    const { exact, prefix, suffix } = selectors.quote;
    if (typeof exact !== 'string' || exact.length === 0 || this.text.length === 0) return null;
    const { start, end } = selectors.position;
    const storedOk =
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      end > start &&
      end <= this.text.length;
    const stored = storedOk ? { start, end } : null;
    const rawHint = options.hint ?? (storedOk ? start : Number.isInteger(start) ? start : 0);
    const hint = Math.max(
      0,
      Math.min(this.text.length, Math.round(Number.isFinite(rawHint) ? rawHint : 0)),
    );
    const pre = typeof prefix === 'string' ? prefix : '';
    const suf = typeof suffix === 'string' ? suffix : '';
    let folded: { q: string; p: string; s: string } | null = null;
    const get = (): { q: string; p: string; s: string } =>
      (folded ??= { q: foldString(exact), p: foldString(pre), s: foldString(suf) });
    return {
      exact,
      prefix: pre,
      suffix: suf,
      stored,
      hint,
      isOtherText: options.isOtherText ?? null,
      get q() {
        return get().q;
      },
      get p() {
        return get().p;
      },
      get s() {
        return get().s;
      },
    };
  }

  /** The candidate for an exact occurrence whose raw context is unchanged (no folding needed). */
  private intact(query: Query, at: number): Candidate {
    const position = 1 - Math.min(1, Math.abs(at - query.hint) / Math.max(1, this.text.length));
    const score =
      (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position * position) / WEIGHT_TOTAL;
    return { start: at, end: at + query.exact.length, quote: 1, prefix: 1, suffix: 1, score };
  }

  /**
   * The occurrence nearest the hint with its prefix and suffix unchanged, looked for within
   * WINDOW units of the hint: no other occurrence can score higher, so the whole-text scan is
   * skipped (a passage after an insertion or deletion costs one short search from the hint).
   */
  private nearestIntact(query: Query): number | null {
    const from = Math.max(0, query.hint - WINDOW);
    // Searching a slice (O(1) to take) keeps each miss from scanning to the end of the text.
    const near = this.text.slice(
      from,
      Math.min(this.text.length, query.hint + WINDOW + query.exact.length),
    );
    let best: number | null = null;
    for (let i = near.indexOf(query.exact); i !== -1; i = near.indexOf(query.exact, i + 1)) {
      const at = from + i;
      if (best !== null && Math.abs(at - query.hint) >= Math.abs(best - query.hint)) break;
      if (this.contextEqual(query, at) && !query.isOtherText?.(at, at + query.exact.length))
        best = at;
    }
    return best;
  }

  private holdsExact(exact: string, at: number): boolean {
    return at >= 0 && at + exact.length <= this.text.length && this.text.startsWith(exact, at);
  }

  /** Raw prefix and suffix unchanged around `at` (the passage's own text already checked). */
  private contextEqual(query: Query, at: number): boolean {
    const end = at + query.exact.length;
    return (
      at >= query.prefix.length &&
      this.text.startsWith(query.prefix, at - query.prefix.length) &&
      this.text.startsWith(query.suffix, end)
    );
  }

  /** Exact occurrences worth scoring: all when few, else the best by a cheap context check. */
  private occurrences(query: Query): number[] {
    const { text } = this;
    const found: number[] = [];
    for (
      let at = text.indexOf(query.exact);
      at !== -1 && found.length < MAX_OCCURRENCES;
      at = text.indexOf(query.exact, at + 1)
    ) {
      if (!splitsSurrogatePair(text, at) && !splitsSurrogatePair(text, at + query.exact.length))
        found.push(at);
    }
    if (found.length <= SCORED_OCCURRENCES) return found;
    const cheap = (at: number): number =>
      commonSuffix(query.prefix, text, at) +
      commonPrefix(query.suffix, text, at + query.exact.length);
    return found
      .map((at) => ({ at, agree: cheap(at) }))
      .sort(
        (a, b) => b.agree - a.agree || Math.abs(a.at - query.hint) - Math.abs(b.at - query.hint),
      )
      .slice(0, SCORED_OCCURRENCES)
      .map((o) => o.at);
  }

  /** The quote alone, approximately, in folded[from, to). */
  private searchQuote(query: Query, from: number, to: number, pool: Candidate[]): void {
    const f = this.folded;
    const maxErrors = Math.floor(query.q.length * MAX_ERROR_RATE);
    const matches = bestMatches(f.text, query.q, maxErrors, from, to);
    for (const m of nearest(matches, (x) => x.start, f.fromRaw[query.hint]!, SCORED_MATCHES))
      this.addRefined(query, m, pool);
  }

  /**
   * prefix + quote + suffix as one pattern: its best match is where the passage sits even when
   * the quote itself was edited beyond 25 % or an unedited copy of it exists elsewhere; the quote
   * is then aligned inside that match (up to 50 % errors) and its edges settled as usual.
   */
  private searchBracketed(query: Query, from: number, to: number, pool: Candidate[]): void {
    if (!query.p && !query.s) return;
    const f = this.folded;
    const pattern = query.p + query.q + query.s;
    const regions = bestMatches(f.text, pattern, pattern.length * MAX_ERROR_RATE, from, to);
    for (const r of nearest(regions, (x) => x.start, f.fromRaw[query.hint]!, 4)) {
      const inside = bestMatches(
        f.text,
        query.q,
        query.q.length * (1 - BRACKET_MIN_QUOTE),
        Math.max(0, r.start - 8),
        Math.min(f.text.length, r.end + 8),
      );
      const hit = nearest(inside, (x) => x.start, r.start + query.p.length, 1)[0];
      if (hit) this.addRefined(query, hit, pool);
    }
  }

  /**
   * Long quotes: approximate search over the whole text would cost O(length/32 · text), so three
   * 64-unit seeds (head, middle, tail) are searched instead, each hit proposes a start, and the
   * full quote is verified in a window around the best few proposals.
   */
  private searchLong(query: Query, from: number, to: number, pool: Candidate[]): void {
    const f = this.folded;
    const m = query.q.length;
    const maxErrors = Math.floor(m * MAX_ERROR_RATE);
    const hintF = f.fromRaw[query.hint]!;
    const proposals: ApproxMatch[] = [{ start: hintF, end: hintF + m, errors: SEED }];
    for (const offset of [0, Math.floor((m - SEED) / 2), m - SEED]) {
      const seed = query.q.slice(offset, offset + SEED);
      for (const hit of bestMatches(f.text, seed, SEED * MAX_ERROR_RATE, from, to)) {
        proposals.push({
          start: hit.start - offset,
          end: hit.start - offset + m,
          errors: hit.errors,
        });
      }
    }
    proposals.sort(
      (a, b) => a.errors - b.errors || Math.abs(a.start - hintF) - Math.abs(b.start - hintF),
    );
    const verified: number[] = [];
    for (const p of proposals) {
      if (verified.length >= 4) break;
      if (verified.some((v) => Math.abs(v - p.start) < m / 4)) continue;
      verified.push(p.start);
      const wFrom = Math.max(0, p.start - maxErrors - SEED);
      const wTo = Math.min(f.text.length, p.start + m + maxErrors + SEED);
      for (const hit of bestMatches(f.text, query.q, maxErrors, wFrom, wTo))
        this.addRefined(query, hit, pool);
    }
  }

  /**
   * Adds an approximate match, and variants with its edges re-decided. The lowest-error
   * alignment of an edited quote happily swaps a deleted head or tail for as many unrelated
   * neighbouring characters, so an edge whose opening (or closing) units differ from the quote's
   * gets an alternative: at the stored context when it is found nearby, else at the first
   * stretch of the quote that survives nearly intact. The score then decides. An edge whose
   * units are intact stays put: text inserted next to a passage belongs to its context.
   */
  private addRefined(query: Query, match: ApproxMatch, pool: Candidate[]): void {
    const f = this.folded;
    const q = query.q;
    this.addSpan(query, match, match.start, match.end, pool);
    if (match.errors === 0) return;
    const slack = Math.floor(q.length * MAX_ERROR_RATE) + match.errors + 8;
    const edge = Math.min(16, Math.ceil(q.length / 4));
    const starts = [match.start];
    const ends = [match.end];
    if (q.slice(0, edge) !== f.text.slice(match.start, match.start + edge)) {
      starts.push(
        this.contextEnd(query.p, match.start, slack) ??
          this.survivingHead(q, match.start, match.end, slack),
      );
    }
    if (q.slice(-edge) !== f.text.slice(match.end - edge, match.end)) {
      ends.push(
        this.contextStart(query.s, match.end, slack) ??
          this.survivingTail(q, match.start, match.end, slack),
      );
    }
    for (let from of starts) {
      for (let to of ends) {
        if (q[0] !== ' ' && f.text[from] === ' ') from++;
        if (q[q.length - 1] !== ' ' && f.text[to - 1] === ' ') to--;
        if (from !== match.start || to !== match.end) this.addSpan(query, match, from, to, pool);
      }
    }
  }

  /** Adds folded[from, to) as a candidate for the quote that `match` aligned nearby. */
  private addSpan(
    query: Query,
    match: ApproxMatch,
    from: number,
    to: number,
    pool: Candidate[],
  ): void {
    if (to <= from) return;
    if (from === match.start && to === match.end) {
      this.addFolded(query, from, to, 1 - match.errors / query.q.length, pool);
      return;
    }
    // Moving the edges changes the distance by at most the units moved: that bounds the band of
    // the edit-distance computation, which keeps a 5,000-unit quote cheap.
    const bound = match.errors + Math.abs(from - match.start) + Math.abs(to - match.end);
    const longer = Math.max(query.q.length, to - from);
    this.addFolded(
      query,
      from,
      to,
      Math.max(0, 1 - editDistance(query.q, this.folded.text.slice(from, to), bound) / longer),
      pool,
    );
  }

  /** Where the stored prefix ends, if it is found (≤ 25 % errors) within `slack` of `near`. */
  private contextEnd(prefix: string, near: number, slack: number): number | null {
    if (prefix.length < 8) return null;
    const f = this.folded;
    const hits = bestMatches(
      f.text,
      prefix,
      prefix.length * MAX_ERROR_RATE,
      Math.max(0, near - prefix.length - slack),
      Math.min(f.text.length, near + slack),
    );
    const best = nearest(hits, (h) => h.end, near, 1)[0];
    return best && Math.abs(best.end - near) <= slack ? best.end : null;
  }

  /** Where the stored suffix starts, if it is found (≤ 25 % errors) within `slack` of `near`. */
  private contextStart(suffix: string, near: number, slack: number): number | null {
    if (suffix.length < 8) return null;
    const f = this.folded;
    const hits = bestMatches(
      f.text,
      suffix,
      suffix.length * MAX_ERROR_RATE,
      Math.max(0, near - slack),
      Math.min(f.text.length, near + suffix.length + slack),
    );
    const best = nearest(hits, (h) => h.start, near, 1)[0];
    return best && Math.abs(best.start - near) <= slack ? best.start : null;
  }

  /**
   * Start of the span: where the first nearly intact 32-unit stretch of the quote is found,
   * unless what lies before it still resembles the quote's opening (an edited, kept head).
   */
  private survivingHead(q: string, from: number, to: number, slack: number): number {
    const f = this.folded;
    const len = Math.min(32, Math.floor(q.length / 2));
    if (len < 8) return from;
    for (let o = 0; o + len <= q.length && o <= slack; o += len >> 1) {
      const hit = bestMatches(
        f.text,
        q.slice(o, o + len),
        len / 8,
        from,
        Math.min(to, from + o + len + slack),
      )[0];
      if (!hit) continue;
      if (hit.start <= from) return from;
      return similarity(q.slice(0, o), f.text.slice(from, hit.start), 0.5) >= 0.5
        ? from
        : hit.start;
    }
    return from;
  }

  /** End of the span, mirroring survivingHead from the quote's closing side. */
  private survivingTail(q: string, from: number, to: number, slack: number): number {
    const f = this.folded;
    const len = Math.min(32, Math.floor(q.length / 2));
    if (len < 8) return to;
    for (let o = 0; o + len <= q.length && o <= slack; o += len >> 1) {
      const hits = bestMatches(
        f.text,
        q.slice(q.length - o - len, q.length - o),
        len / 8,
        Math.max(from, to - o - len - slack),
        to,
      );
      const hit = hits[hits.length - 1];
      if (!hit) continue;
      if (hit.end >= to) return to;
      return similarity(q.slice(q.length - o), f.text.slice(hit.end, to), 0.5) >= 0.5
        ? to
        : hit.end;
    }
    return to;
  }

  /** Adds the candidate for folded[from, to), mapped back to raw offsets. */
  private addFolded(
    query: Query,
    from: number,
    to: number,
    quote: number,
    pool: Candidate[],
  ): void {
    if (to <= from) return;
    const raw = toRawRange(this.folded, from, to);
    let start = snapBackward(this.text, raw.start);
    let end = snapForward(this.text, raw.end);
    // A folded space stands for a whole whitespace run; keep only as much of it at each edge as
    // the quote had (a passage that ended with one newline of a paragraph break still does).
    const lead =
      leadingSpace(this.text, start, end) - leadingSpace(query.exact, 0, query.exact.length);
    if (lead > 0) start += lead;
    const trail =
      trailingSpace(this.text, start, end) - trailingSpace(query.exact, 0, query.exact.length);
    if (trail > 0) end -= trail;
    if (end <= start) return;
    if (pool.some((c) => c.start === start && c.end === end && c.quote >= quote)) return;
    pool.push(this.score(query, start, end, quote));
  }

  private score(query: Query, start: number, end: number, quote: number): Candidate {
    const f = this.folded;
    const fs = f.fromRaw[start]!;
    const fe = f.fromRaw[end]!;
    const prefix = contextAgreement(query.p, f.text.slice(Math.max(0, fs - query.p.length), fs));
    const suffix = contextAgreement(query.s, f.text.slice(fe, fe + query.s.length));
    const position = 1 - Math.min(1, Math.abs(start - query.hint) / Math.max(1, this.text.length));
    const score =
      (WEIGHT.quote * quote +
        WEIGHT.prefix * prefix +
        WEIGHT.suffix * suffix +
        WEIGHT.position * position) /
      WEIGHT_TOTAL;
    return { start, end, quote, prefix, suffix, score };
  }

  private result(query: Query, c: Candidate): Placement {
    const exact = this.text.slice(c.start, c.end);
    const status =
      exact !== query.exact
        ? 'fuzzy'
        : query.stored && query.stored.start === c.start && query.stored.end === c.end
          ? 'position'
          : 'quote';
    return { status, start: c.start, end: c.end, exact, score: Math.round(c.score * 1000) / 1000 };
  }
}

function contextOf(c: Candidate): number {
  return (c.prefix + c.suffix) / 2;
}

/**
 * Whether a candidate may be used at all (see the constants for the reasons): confirmed by its
 * context, bracketed by intact context, or a long quote found at one place only.
 */
function acceptable(c: Candidate, pool: readonly Candidate[], query: Query): boolean {
  const m = query.q.length;
  if (c.prefix >= BRACKET_CONTEXT && c.suffix >= BRACKET_CONTEXT && c.quote >= BRACKET_MIN_QUOTE)
    return true;
  if (c.quote < 1 - MAX_ERROR_RATE) return false;
  if (contextOf(c) >= CONTEXT_SUPPORT) return true;
  const unique = !pool.some(
    (o) => o !== c && (o.end <= c.start || o.start >= c.end) && o.quote >= c.quote - 0.05,
  );
  if (!unique) return false;
  return c.quote === 1
    ? m >= SELF_EVIDENT_EXACT
    : c.quote >= SELF_EVIDENT_FUZZY_QUOTE && m >= SELF_EVIDENT_FUZZY;
}

/** The highest-scoring acceptable candidate (ties go to the one nearer the expected place). */
function pickBest(pool: readonly Candidate[], query: Query): Candidate | null {
  let best: Candidate | null = null;
  for (const c of pool) {
    if (query.isOtherText?.(c.start, c.end) || !acceptable(c, pool, query)) continue;
    if (
      !best ||
      c.score > best.score ||
      (c.score === best.score && Math.abs(c.start - query.hint) < Math.abs(best.start - query.hint))
    )
      best = c;
  }
  return best;
}

const WHITESPACE = /\s/;

/** Whitespace units at the start of text[from, to). */
function leadingSpace(text: string, from: number, to: number): number {
  let k = from;
  while (k < to && WHITESPACE.test(text[k]!)) k++;
  return k - from;
}

/** Whitespace units at the end of text[from, to). */
function trailingSpace(text: string, from: number, to: number): number {
  let k = to;
  while (k > from && WHITESPACE.test(text[k - 1]!)) k--;
  return to - k;
}

/** Length of the common ending of `context` and text[…, at). */
function commonSuffix(context: string, text: string, at: number): number {
  let k = 0;
  while (
    k < context.length &&
    at - k - 1 >= 0 &&
    context.charCodeAt(context.length - 1 - k) === text.charCodeAt(at - k - 1)
  )
    k++;
  return k;
}

/** Length of the common beginning of `context` and text[at, …). */
function commonPrefix(context: string, text: string, at: number): number {
  let k = 0;
  while (
    k < context.length &&
    at + k < text.length &&
    context.charCodeAt(k) === text.charCodeAt(at + k)
  )
    k++;
  return k;
}

/** Where a passage described by `selectors` now belongs in `text`. Pure; never throws for bad selectors. */
export function reanchor(text: string, selectors: Selectors, options?: ReanchorOptions): Placement {
  return new Anchorer(text).place(selectors, options);
}

/**
 * Re-anchors every passage of one article. Unmoved passages cost O(quote length) each; the text
 * is folded once, and only if some passage needs more than the position check.
 */
export function reanchorAll(text: string, selectors: readonly Selectors[]): Placement[] {
  const anchorer = new Anchorer(text);
  return selectors.map((s) => anchorer.place(s));
}
