/*
 * search.c - full-text search over the controls (FTS5, trigram tokenizer):
 * any run of three or more characters of an id, a title or a description,
 * in English or Japanese.  Shorter queries (two-character Japanese words
 * are common) fall back to a substring scan.
 */
#include <string.h>

#include "internal.h"

const xw_column xw_search_columns[] = {
    {"framework", XW_COL_TEXT}, {"id", XW_COL_TEXT},
    {"title", XW_COL_TEXT},     {"title_ja", XW_COL_TEXT},
    {"source_ref", XW_COL_TEXT},
};
const int xw_search_ncolumns = 5;

/* Characters (not bytes) in a UTF-8 string. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            n++;
    return n;
}

xw_status xw_search(xw_db *db, const char *query, const char *framework,
                    int limit, xw_row_cb cb, void *ctx, xw_error *err)
{
    if (!query || !*query)
        return xw_fail(err, XW_EINPUT, "search: an empty query");
    if (xw_utf8_invalid_at(query, strlen(query)) >= 0)
        return xw_fail(err, XW_EINPUT, "search: the query is not UTF-8");
    static const char *fts_sql =
        "SELECT c.framework, c.id, c.title, c.title_ja, c.source_ref"
        " FROM control_fts f JOIN control c ON c.cid = f.rowid"
        " WHERE control_fts MATCH ?1 AND (?2 IS NULL OR c.framework = ?2)"
        " ORDER BY f.rank, c.framework, c.ordinal LIMIT ?3";
    static const char *like_sql =
        "SELECT framework, id, title, title_ja, source_ref FROM control"
        " WHERE (instr(id, ?1) OR instr(title, ?1) OR instr(description, ?1)"
        "  OR instr(title_ja, ?1) OR instr(description_ja, ?1))"
        " AND (?2 IS NULL OR framework = ?2)"
        " ORDER BY framework, ordinal LIMIT ?3";
    sqlite3_stmt *q;
    int fts = chars(query) >= 3;
    xw_status s = xw_prepare(db, fts ? fts_sql : like_sql, &q, err);
    if (s != XW_OK)
        return s;
    char phrase[1100];
    if (fts) {
        /* The query as one phrase: quotes doubled, no FTS syntax. */
        size_t o = 0;
        phrase[o++] = '"';
        for (const char *p = query; *p && o < sizeof phrase - 3; p++) {
            if (*p == '"')
                phrase[o++] = '"';
            phrase[o++] = *p;
        }
        phrase[o++] = '"';
        phrase[o] = '\0';
    }
    sqlite3_bind_text(q, 1, fts ? phrase : query, -1, SQLITE_STATIC);
    xw_bind_text_or_null(q, 2, framework);
    sqlite3_bind_int(q, 3, limit > 0 ? limit : 100);
    s = xw_stream_rows(db, q, cb, ctx, err);
    sqlite3_finalize(q);
    return s;
}
