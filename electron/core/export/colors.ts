import type { PassageColor } from '../../model/passages';

/** Highlight colours for exported files (the light theme's values in renderer/src/theme/tokens-highlights.css). */
export const COLOR_CSS: Record<PassageColor, string> = {
  yellow: '#fff0a0',
  green: '#cdeccf',
  blue: '#d6e6fb',
  pink: '#fbd6e6',
  purple: '#e5dbf8',
};
