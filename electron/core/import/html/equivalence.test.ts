/**
 * The HTML importer gives the same result it gave before it was made faster: title, byline,
 * date, language, site, excerpt, citation metadata and the body (structure and text) of every
 * real page in `fixtures/pages/` (and the older real fixtures) and of generated pages (news-like
 * articles, a hostile page, a 5 MB page) equal the outputs stored in `fixtures/pages/expected/`,
 * which the jsdom + Readability + DOMPurify pipeline produced before the change.
 * `UPDATE_HTML_EXPECTED=1` rewrites them (only ever from a pipeline known to be right).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommonplaceError } from '../../errors';
import { generatedPages, realPages, type TestPage } from '../fixtures/pages';
import { parseHtml } from './parse';

const EXPECTED = join(__dirname, '..', 'fixtures', 'pages', 'expected');
const UPDATE = process.env.UPDATE_HTML_EXPECTED === '1';
/** Bodies longer than this (as JSON) are stored as a digest, with their first blocks for context. */
const MAX_STORED_BODY = 400_000;

function outcome(page: TestPage): unknown {
  try {
    const { body, ...fields } = parseHtml(page.bytes, page.name, page.sourceUrl);
    const json = JSON.stringify(body);
    return {
      ...fields,
      body:
        json.length <= MAX_STORED_BODY
          ? body
          : {
              blocks: body.blocks.length,
              sha256: createHash('sha256').update(json).digest('hex'),
              first: body.blocks.slice(0, 5),
            },
    };
  } catch (e) {
    if (e instanceof CommonplaceError) return { error: e.message };
    throw e;
  }
}

describe('HTML import: identical results on real and generated pages', () => {
  if (UPDATE) mkdirSync(EXPECTED, { recursive: true });
  for (const page of [...realPages(), ...generatedPages()]) {
    it(page.name, () => {
      const file = join(EXPECTED, `${page.name}.json`);
      const actual = outcome(page);
      if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
