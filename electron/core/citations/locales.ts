/**
 * The CSL locales bundled with the styles (CC BY-SA 3.0, from the CSL project): the terms,
 * date forms and quote marks citeproc uses for a style's language. A language we don't have
 * falls back to another region of it, then to en-US.
 */
import { LOCALE_FILES } from './styles/files.generated';

/** By tag ("en-US"), from the bundled files' names (locales-en-US.xml). */
const LOCALES: Record<string, string> = Object.fromEntries(
  Object.entries(LOCALE_FILES).map(([file, xml]) => [file.replace(/^locales-|\.xml$/g, ''), xml]),
);

/** The locale tag we have for `lang` ("de" → "de-DE", "en-AU" → "en-US" … ), en-US at worst. */
export function localeTag(lang: string | null | undefined): string {
  const want = (lang ?? '').trim().replace('_', '-').toLowerCase();
  const tags = Object.keys(LOCALES);
  const exact = tags.find((t) => t.toLowerCase() === want);
  if (exact) return exact;
  const primary = want.split('-')[0];
  if (primary === 'en') return 'en-US';
  return tags.find((t) => t.toLowerCase().split('-')[0] === primary) ?? 'en-US';
}

export function localeXml(lang: string | null | undefined): string {
  return LOCALES[localeTag(lang)]!;
}

export interface QuoteMarks {
  open: string;
  close: string;
  openInner: string;
  closeInner: string;
}

/** The locale's quotation marks, outer and inner ("“…‘…’…”" in en-US, "„…‚…‘…“" in de-DE). */
export function quoteMarks(lang: string | null | undefined): QuoteMarks {
  const xml = localeXml(lang);
  const term = (name: string, fallback: string): string =>
    (new RegExp(`<term name="${name}">([^<]*)</term>`).exec(xml)?.[1] ?? fallback).replace(
      /&#(\d+);/g,
      (_, n: string) => String.fromCharCode(Number(n)),
    );
  return {
    open: term('open-quote', '“'),
    close: term('close-quote', '”'),
    openInner: term('open-inner-quote', '‘'),
    closeInner: term('close-inner-quote', '’'),
  };
}

/**
 * A quotation in the locale's marks: quotes inside it (straight or typographic double quotes)
 * become the inner marks, so no straight quote sits inside curly ones; apostrophes stay.
 */
export function quoteInLocale(text: string, lang: string | null | undefined): string {
  const q = quoteMarks(lang);
  let open = true;
  const inner = text.replace(/"|“|”|„|«\s?|\s?»/g, (m) => {
    const t = m.trim();
    // „ and « only open, ” and » only close; " and “ (closing in German) alternate.
    const opening = t === '„' || t === '«' ? true : t === '”' || t === '»' ? false : open;
    open = !opening;
    return opening ? q.openInner : q.closeInner;
  });
  return `${q.open}${inner}${q.close}`;
}
