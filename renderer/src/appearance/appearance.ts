/**
 * The theme and reading typography of this window: read from localStorage (anything stored that
 * doesn't fit the schema falls back field by field), and applied to the page as a `data-theme`
 * on <html> (theme/tokens.css) and CSS variables the reader column uses (theme/reader.css).
 */
import {
  AppearanceSchema,
  DEFAULT_APPEARANCE,
  ThemeSchema,
  TypographySchema,
  type Appearance,
  type Typography,
} from '../../../electron/model/appearance';
import { windowStorage } from '../app/windowStorage';
import { followTheme } from '../api/desktop';

export const APPEARANCE_KEY = 'commonplace.appearance';

/** The reader's font choices as CSS font stacks (the named stacks are in theme/tokens.css). */
export const FONT_STACKS: Record<Typography['font'], string> = {
  serif: 'var(--font-reading)',
  sans: "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif",
  system: 'var(--font-ui)',
  mono: 'var(--font-mono)',
};

/** Whatever is stored (older versions, hand edits, garbage) becomes a valid appearance. */
export function parseAppearance(stored: string | null): Appearance {
  if (!stored) return DEFAULT_APPEARANCE;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_APPEARANCE;
  }
  const whole = AppearanceSchema.safeParse(value);
  if (whole.success) return whole.data;
  const record =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const stored_typography =
    typeof record.typography === 'object' && record.typography !== null
      ? (record.typography as Record<string, unknown>)
      : {};
  const theme = ThemeSchema.safeParse(record.theme);
  const typography = { ...DEFAULT_APPEARANCE.typography };
  for (const key of Object.keys(typography) as (keyof Typography)[]) {
    const field = TypographySchema.shape[key].safeParse(stored_typography[key]);
    if (field.success) Object.assign(typography, { [key]: field.data });
  }
  return { theme: theme.success ? theme.data : DEFAULT_APPEARANCE.theme, typography };
}

export function loadAppearance(
  storage: Pick<Storage, 'getItem'> | null = windowStorage(),
): Appearance {
  try {
    return parseAppearance(storage?.getItem(APPEARANCE_KEY) ?? null);
  } catch {
    return DEFAULT_APPEARANCE;
  }
}

export function saveAppearance(
  appearance: Appearance,
  storage: Pick<Storage, 'setItem'> | null = windowStorage(),
): void {
  try {
    storage?.setItem(APPEARANCE_KEY, JSON.stringify(appearance));
  } catch {
    // Storage full or disabled: applied for this session only.
  }
}

/** Puts the appearance on the page at once (no reload), and tells the desktop shell the theme. */
export function applyAppearance(appearance: Appearance, root: HTMLElement): void {
  if (appearance.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = appearance.theme;
  const { font, size, measure, leading } = appearance.typography;
  root.style.setProperty('--reader-font', FONT_STACKS[font]);
  root.style.setProperty('--reader-size', `${size / 16}rem`);
  root.style.setProperty('--reader-measure', `${measure}ch`);
  root.style.setProperty('--reader-leading', String(leading));
  followTheme(appearance.theme);
}
