/**
 * The citation styles a library offers: the bundled ones and the `.csl` files the user added.
 * Runtime-neutral (the API's schemas and the renderer's style pickers).
 */
import { z } from 'zod';
import { CitationStyleSchema, type BundledStyle } from './export';

export const CitationStyleInfoSchema = z.object({
  /** What an export or "Copy as citation" is given: `apa`… or `user:ID`. */
  id: CitationStyleSchema,
  /** The style's own title ("American Psychological Association 7th edition"). */
  title: z.string(),
  /** `note` styles cite in footnotes; `in-text` ones in parentheses. */
  kind: z.enum(['in-text', 'note']),
  /** The locale its citations are written in (the style's, or en-US when that isn't bundled). */
  locale: z.string(),
  /** Why the locale differs from the one the style asks for; null when it doesn't. */
  localeNote: z.string().nullable(),
  builtIn: z.boolean(),
  /** An added style: the file it came from and when it was added (null for the bundled ones). */
  fileName: z.string().nullable(),
  addedAt: z.string().nullable(),
});
export type CitationStyleInfo = z.output<typeof CitationStyleInfoSchema>;

/** A `.csl` file may be at most this large (the official styles are under 100 kB). */
export const MAX_STYLE_BYTES = 1024 * 1024;

/** What a style file says about itself, once checked. */
export interface CheckedStyle {
  cslId: string;
  title: string;
  /** The bundled style a dependent style names as its parent; null for an independent style. */
  parent: BundledStyle | null;
}
