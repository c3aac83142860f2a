import { PASSAGE_COLORS, type PassageColor } from '../../../electron/api/contract';

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

/**
 * Sets a mark element's classes for its `ids` (outermost first): the theme's mark classes, the
 * innermost passage's colour as the fill and, where passages overlap, the next one out as an
 * underline. One className write per mark (this runs for every mark on every render).
 */
export function setMarkColorClasses(element: HTMLElement, ids: readonly string[], colorOf: (id: string) => PassageColor | undefined): void {
  const inner = ids[ids.length - 1];
  let className = `rd-mark ${markColorClass((inner !== undefined && colorOf(inner)) || DEFAULT_COLOR)}`;
  if (ids.length > 1) className += ` rd-mark-overlap ${markUnderClass(colorOf(ids[ids.length - 2]!) ?? DEFAULT_COLOR)}`;
  if (element.classList.contains(FLASH_CLASS)) className += ` ${FLASH_CLASS}`;
  if (element.className !== className) element.className = className;
}

/** Added for a moment to the marks of a passage the reader scrolls to. */
export const FLASH_CLASS = 'rd-mark-flash';
