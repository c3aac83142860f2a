import type { Migration } from '../migrate';

// Frozen copies (a migration never imports live code).
const SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";
const OBJECT = (col: string) => `CHECK (json_valid(${col}) AND json_type(${col}) = 'object')`;

/**
 * Citation metadata (CSL-JSON fields) for each article, in its own table so that writing it never
 * re-indexes the article's text: `imported` is what an importer found (replaced on re-parse),
 * `edited` what the user set (kept across re-parses, wins over `imported`). Fields in neither
 * still fall back to the article's columns (title, byline, published, site_name…).
 *
 * The backfill writes, for every existing article, the fields its columns determine exactly —
 * item type, issued date with its precision, publication or publisher, URL, accessed date,
 * language — by the same rules citations used until now, so no citation changes. Authors stay
 * split from the byline when read (SQL can't split names).
 */
export const sourceMeta: Migration = {
  version: 10,
  name: 'source_meta',
  up(db) {
    db.exec(`
      CREATE TABLE article_meta (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        imported    TEXT NOT NULL DEFAULT '{}' ${OBJECT('imported')},
        edited      TEXT NOT NULL DEFAULT '{}' ${OBJECT('edited')},
        updated_at  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      WITH cols AS (
        SELECT a.id, a.created_at,
               trim(coalesce(a.published, '')) AS p,
               trim(coalesce(a.site_name, '')) AS site,
               trim(coalesce(a.lang, '')) AS lang,
               trim(coalesce(a.source, '')) AS src,
               lower(coalesce(o.media_type, '')) AS media
        FROM articles a LEFT JOIN originals o ON o.hash = a.hash
      ), typed AS (
        SELECT *,
          (lower(src) LIKE 'http://%' OR lower(src) LIKE 'https://%') AS web,
          CASE
            WHEN media = 'application/pdf' OR lower(src) LIKE '%.pdf' THEN 'report'
            WHEN media = 'application/epub+zip' OR lower(src) LIKE '%.epub' THEN 'book'
            WHEN lower(src) LIKE 'http://%' OR lower(src) LIKE 'https://%' THEN
              CASE WHEN site != '' AND p != '' THEN 'article-newspaper' ELSE 'webpage' END
            ELSE 'document'
          END AS type,
          CASE
            WHEN (p GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR p GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*')
              AND CAST(substr(p, 6, 2) AS INTEGER) BETWEEN 1 AND 12
              AND CAST(substr(p, 9, 2) AS INTEGER) BETWEEN 1 AND 31
              THEN json_array(CAST(substr(p, 1, 4) AS INTEGER), CAST(substr(p, 6, 2) AS INTEGER), CAST(substr(p, 9, 2) AS INTEGER))
            WHEN (p GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR p GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][T ]*')
              AND CAST(substr(p, 6, 2) AS INTEGER) BETWEEN 1 AND 12
              THEN json_array(CAST(substr(p, 1, 4) AS INTEGER), CAST(substr(p, 6, 2) AS INTEGER))
            WHEN p GLOB '[0-9][0-9][0-9][0-9]' OR p GLOB '[0-9][0-9][0-9][0-9][T ]*'
              THEN json_array(CAST(substr(p, 1, 4) AS INTEGER))
          END AS issued
        FROM cols
      )
      INSERT INTO article_meta (article_id, imported, edited, updated_at)
      SELECT id,
        json_patch('{}', json_object(
          'type', type,
          'issued', CASE WHEN issued IS NOT NULL THEN json_object('date-parts', json_array(json(issued))) END,
          'container-title', CASE WHEN site != '' AND type IN ('article-newspaper', 'webpage') THEN site END,
          'publisher', CASE WHEN site != '' AND type NOT IN ('article-newspaper', 'webpage') THEN site END,
          'URL', CASE WHEN web AND src NOT GLOB '*[ 	]*' THEN src END,
          'accessed', CASE WHEN web AND created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN json_object('date-parts', json_array(json_array(
            CAST(substr(created_at, 1, 4) AS INTEGER), CAST(substr(created_at, 6, 2) AS INTEGER), CAST(substr(created_at, 9, 2) AS INTEGER)))) END,
          'language', CASE WHEN lang != '' THEN lang END
        )),
        '{}', ${SQL_NOW}
      FROM typed;

      -- Metadata changes are article changes: open windows re-render the article's citations.
      CREATE TRIGGER article_meta_ai AFTER INSERT ON article_meta BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('article', new.article_id, 'update', ${SQL_NOW});
      END;
      CREATE TRIGGER article_meta_au AFTER UPDATE ON article_meta BEGIN
        INSERT INTO changes(entity, entity_id, op, at) VALUES ('article', new.article_id, 'update', ${SQL_NOW});
      END;
    `);
  },
};
