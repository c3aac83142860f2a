/**
 * Appearance: the theme (light, dark or the OS's) and the reader's typography. Shared by the
 * renderer (its settings, kept per window) and the desktop shell (the theme it gives the native
 * parts of the window), so both validate with the same schema.
 */
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.output<typeof ThemeSchema>;

/** Offline faces only (the CSP allows no remote fonts): stacks of fonts the systems ship. */
export const READER_FONTS = ['serif', 'sans', 'system', 'mono'] as const;

export const TYPOGRAPHY_LIMITS = {
  /** Text size in CSS pixels. */
  size: { min: 14, max: 28 },
  /** Line width in characters. */
  measure: { min: 45, max: 90 },
  /** Line height as a multiple of the size. */
  leading: { min: 1.3, max: 2 },
} as const;

const { size, measure, leading } = TYPOGRAPHY_LIMITS;
export const TypographySchema = z.object({
  font: z.enum(READER_FONTS),
  size: z.number().int().min(size.min).max(size.max),
  measure: z.number().int().min(measure.min).max(measure.max),
  leading: z.number().min(leading.min).max(leading.max),
});
export type Typography = z.output<typeof TypographySchema>;

export const AppearanceSchema = z.object({ theme: ThemeSchema, typography: TypographySchema });
export type Appearance = z.output<typeof AppearanceSchema>;

export const DEFAULT_APPEARANCE: Appearance = {
  theme: 'system',
  typography: { font: 'serif', size: 19, measure: 66, leading: 1.65 },
};
