/**
 * A UTF-16 code unit of a surrogate pair standing alone: not a character. SQLite and UTF-8 files
 * can't hold one as written (it reads back as U+FFFD), so text that may hold one is checked or
 * cleaned with this one pattern.
 */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
