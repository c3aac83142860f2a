import type { Database } from 'better-sqlite3';
import type { ReanchorReport } from '../../model/articles';
import { bodyToText, type Body } from '../../model/body';
import { CommonplaceError } from '../errors';
import { nowIso } from '../ids';
import { reanchorArticlePassages } from '../passages/repo';
import { remapArticleContents } from './contents';
import { remapArticlePages } from './pages';
import { remapReadingPlace } from './state';
import { textCarry } from './textCarry';
import { getArticleText } from './repo';
import { packBody } from './bodyStore';
import { writeTransaction } from '../db/transactions';

/**
 * Saves a corrected body (the user removed junk, fixed typos, split paragraphs). The text, the
 * search index (by trigger) and every passage's anchor change in one transaction.
 */
export function updateArticleBody(db: Database, id: string, body: Body): ReanchorReport {
  const text = bodyToText(body);
  if (!text.trim())
    throw new CommonplaceError(
      'invalid_input',
      `article ${id}: the corrected text is empty; delete the article instead`,
    );
  return writeTransaction(db, () => {
    const oldText = getArticleText(db, id);
    db.prepare('UPDATE articles SET body = ?, text = ?, updated_at = ? WHERE id = ?').run(
      packBody(body, text),
      text,
      nowIso(),
      id,
    );
    const moved = textCarry(oldText, text);
    remapArticlePages(db, id, moved);
    remapArticleContents(db, id, moved);
    remapReadingPlace(db, id, moved);
    return reanchorArticlePassages(db, id, oldText, text);
  });
}
