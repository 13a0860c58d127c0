/*
 * compare.c - two frameworks side by side: their equivalences, their other
 * relationships, and what each has that the other lacks.  Mappings in
 * either direction count; each row is read "a REL b".
 */
#include "internal.h"

const xw_column xw_compare_columns[] = {
    {"kind", XW_COL_TEXT},         {"a_id", XW_COL_TEXT},
    {"a_title", XW_COL_TEXT},      {"relationship", XW_COL_TEXT},
    {"b_id", XW_COL_TEXT},         {"b_title", XW_COL_TEXT},
    {"set", XW_COL_TEXT},
};
const int xw_compare_ncolumns = 7;

/* pairs: every row between A and B, turned to read from A's side. */
static const char *compare_sql =
    "WITH pairs AS ("
    "  SELECT m.source AS a, m.target AS b, m.relationship AS rel,"
    "   s.id AS set_id FROM mapping_set s JOIN mapping m ON m.sid = s.sid"
    "   WHERE s.source = ?1 AND s.target = ?2"
    "  UNION ALL"
    "  SELECT m.target, m.source, xw_inverse(m.relationship), s.id"
    "   FROM mapping_set s JOIN mapping m ON m.sid = s.sid"
    "   WHERE s.source = ?2 AND s.target = ?1),"
    " positive AS (SELECT * FROM pairs WHERE rel <> 'no-relationship')"
    " SELECT kind, a_id, a_title, rel, b_id, b_title, set_id FROM ("
    "  SELECT CASE WHEN p.rel IN ('equal-to','equivalent-to')"
    "   THEN 0 ELSE 1 END AS k,"
    "   CASE WHEN p.rel IN ('equal-to','equivalent-to') THEN 'equivalent'"
    "   ELSE 'related' END AS kind, ca.ordinal AS o1, cb.ordinal AS o2,"
    "   ca.id AS a_id, ca.title AS a_title, p.rel AS rel, cb.id AS b_id,"
    "   cb.title AS b_title, p.set_id AS set_id"
    "   FROM positive p JOIN control ca ON ca.cid = p.a"
    "   JOIN control cb ON cb.cid = p.b"
    "  UNION ALL"
    "  SELECT 2, 'only-in-a', c.ordinal, 0, c.id, c.title,"
    "   (SELECT 'no-relationship' FROM pairs x WHERE x.a = c.cid LIMIT 1),"
    "   NULL, NULL, NULL FROM control c"
    "   WHERE c.framework = ?1 AND c.assessable = 1"
    "   AND NOT EXISTS (SELECT 1 FROM positive p WHERE p.a = c.cid)"
    "  UNION ALL"
    "  SELECT 3, 'only-in-b', c.ordinal, 0, NULL, NULL,"
    "   (SELECT 'no-relationship' FROM pairs x WHERE x.b = c.cid LIMIT 1),"
    "   c.id, c.title, NULL FROM control c"
    "   WHERE c.framework = ?2 AND c.assessable = 1"
    "   AND NOT EXISTS (SELECT 1 FROM positive p WHERE p.b = c.cid)"
    " ) ORDER BY k, o1, o2, set_id";

xw_status xw_compare(xw_db *db, const char *a, const char *b, xw_row_cb cb,
                     void *ctx, xw_error *err)
{
    xw_status s = xw_require_framework(db, a, err);
    if (s == XW_OK)
        s = xw_require_framework(db, b, err);
    if (s != XW_OK)
        return s;
    sqlite3_stmt *q;
    if ((s = xw_prepare(db, compare_sql, &q, err)) != XW_OK)
        return s;
    sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
    s = xw_stream_rows(db, q, cb, ctx, err);
    sqlite3_finalize(q);
    return s;
}
