/**
 * Formatted citations through citeproc-js with our bundled styles and locale (no disk, no
 * network). One engine per style and output mode, built once: building parses the style XML,
 * which costs far more than formatting one entry.
 */
import CSL from 'citeproc';
import type { CitationStyle } from '../../api/contract';
import type { CslItem } from './item';
import { APA_STYLE } from './styles/apa';
import { CHICAGO_STYLE } from './styles/chicago';
import { LOCALE_EN_US } from './styles/locale-en-us';
import { MLA_STYLE } from './styles/mla';

export const STYLE_XML: Record<CitationStyle, string> = {
  apa: APA_STYLE,
  chicago: CHICAGO_STYLE,
  mla: MLA_STYLE,
};

export interface FormattedCitation {
  text: string;
  html: string;
}

type Mode = 'text' | 'html';

class StyleEngine {
  private readonly items = new Map<string, CslItem>();
  private readonly engine: InstanceType<typeof CSL.Engine>;
  constructor(style: CitationStyle, mode: Mode) {
    this.engine = new CSL.Engine(
      {
        // Every style asks for en-US; any other language falls back to it.
        retrieveLocale: () => LOCALE_EN_US,
        retrieveItem: (id: string) => this.items.get(id),
      },
      STYLE_XML[style],
      'en-US',
      true,
    );
    this.engine.setOutputFormat(mode);
  }
  private calls = 0;
  format(item: CslItem): string {
    // citeproc caches items by id, and a source's metadata can change between calls: a fresh
    // id per call makes it read the item anew.
    const id = `c${++this.calls}`;
    this.items.clear();
    this.items.set(id, { ...item, id });
    this.engine.updateItems([id]);
    const bib = this.engine.makeBibliography();
    if (!bib) return '';
    return bib[1].join('').trim();
  }
}

const engines = new Map<string, StyleEngine>();
function engine(style: CitationStyle, mode: Mode): StyleEngine {
  const key = `${style}:${mode}`;
  let e = engines.get(key);
  if (!e) engines.set(key, (e = new StyleEngine(style, mode)));
  return e;
}

/** Strips citeproc's entry wrapper (`<div class="csl-entry">…</div>`) so the HTML is inline. */
function inlineHtml(html: string): string {
  return html
    .replace(/^<div class="csl-entry">/, '')
    .replace(/<\/div>$/, '')
    .trim();
}

export function formatCitation(item: CslItem, style: CitationStyle): FormattedCitation {
  return {
    text: engine(style, 'text').format(item),
    html: inlineHtml(engine(style, 'html').format(item)),
  };
}
