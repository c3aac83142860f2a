import { PASSAGE_COLORS, type PassageColor } from '../../../electron/model/passages';

export { PASSAGE_COLORS };
export const DEFAULT_COLOR: PassageColor = 'yellow';

export const COLOR_LABELS: Record<PassageColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** Class of a highlight's colour (theme/passages.css); never inline styles (the CSP forbids them). */
export function markColorClass(color: PassageColor): string {
  return `rd-mark-${color}`;
}

/** Class of the second colour an overlap shows, as an underline. */
export function markUnderClass(color: PassageColor): string {
  return `rd-mark-under-${color}`;
}

export function swatchClass(color: PassageColor): string {
  return `swatch swatch-${color}`;
}

/** How a mark with `ids` (outermost first) looks: the innermost passage's fill and, where passages overlap, the next one out as an underline. */
export function markStyle(
  ids: readonly string[],
  colorOf: (id: string) => PassageColor | undefined,
): { fill: PassageColor; under: PassageColor | null } {
  const inner = ids[ids.length - 1];
  const fill = (inner !== undefined && colorOf(inner)) || DEFAULT_COLOR;
  return { fill, under: ids.length > 1 ? (colorOf(ids[ids.length - 2]!) ?? DEFAULT_COLOR) : null };
}

/**
 * Sets a mark element's classes for its `ids` (outermost first): the theme's mark classes, the
 * innermost passage's colour as the fill and, where passages overlap, the next one out as an
 * underline. One className write per mark (this runs for every mark on every render).
 */
export function setMarkColorClasses(
  element: HTMLElement,
  ids: readonly string[],
  colorOf: (id: string) => PassageColor | undefined,
): void {
  const style = markStyle(ids, colorOf);
  let className = `rd-mark ${markColorClass(style.fill)}`;
  if (style.under !== null) className += ` rd-mark-overlap ${markUnderClass(style.under)}`;
  if (element.classList.contains(FLASH_CLASS)) className += ` ${FLASH_CLASS}`;
  if (element.className !== className) element.className = className;
}

/** Added for a moment to the marks of a passage the reader scrolls to. */
export const FLASH_CLASS = 'rd-mark-flash';
