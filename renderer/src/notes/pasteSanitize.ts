/**
 * Pasted HTML (Word, web pages) is cleaned with DOMPurify before Lexical imports it. Lexical
 * already skips unknown elements and HTML <script>/<style>, but not SVG's (their source would
 * come in as text), and it keeps link URLs as given. The allow-list is the importer's
 * (electron/core/import/html/sanitize.ts); `style` stays so bold/italic set by CSS (Google Docs)
 * survives — Lexical reads only formatting from it.
 */
import DOMPurify from 'dompurify';
import { ALLOWED_TAGS } from '../../../electron/model/htmlTags';

const DROPPED_WITH_CONTENT = [
  'object',
  'embed',
  'noscript',
  'template',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'canvas',
  'map',
];

export function sanitizePastedHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'style', 'colspan', 'rowspan'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
  });
}

/** A read-only clipboard whose HTML is the sanitized one (the rest as the browser gave it). */
export function withSanitizedHtml(data: DataTransfer): DataTransfer {
  const clean = sanitizePastedHtml(data.getData('text/html'));
  return new Proxy(data, {
    get(target, key) {
      if (key === 'getData')
        return (type: string) => (type === 'text/html' ? clean : target.getData(type));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
