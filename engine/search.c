/*
 * search.c - full-text search over the controls (FTS5, trigram tokenizer):
 * any run of three or more characters of an id, a title or a description,
 * in English or Japanese.  Shorter queries (two-character Japanese words
 * are common) fall back to a substring scan, as does a read-only database
 * whose index is stale.
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

static xw_status read_stale(xw_db *db, int *stale, xw_error *err)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(db, "SELECT stale FROM search_index", &q, err);
    if (s != XW_OK)
        return s;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *stale = sqlite3_column_int(q, 0);
    else
        s = xw_fail_sql(err, db->sql, "reading the search index state");
    sqlite3_finalize(q);
    return s;
}

/* Brings the index up to date when the controls changed since it was
 * built.  A read-only database keeps a stale index; *usable says whether
 * the index may be queried. */
static xw_status refresh_index(xw_db *db, int *usable, xw_error *err)
{
    int stale = 0;
    xw_status s = read_stale(db, &stale, err);
    if (s != XW_OK || !stale) {
        *usable = s == XW_OK;
        return s;
    }
    *usable = 0;
    if (sqlite3_db_readonly(db->sql, "main"))
        return XW_OK;
    if ((s = xw_begin(db, err)) != XW_OK)
        return s;
    /* Another process may have rebuilt it while this one waited. */
    s = read_stale(db, &stale, err);
    if (s == XW_OK && stale)
        s = xw_exec(db,
                    "INSERT INTO control_fts(control_fts) VALUES ('rebuild');"
                    "UPDATE search_index SET stale = 0;",
                    err);
    if (s != XW_OK) {
        xw_rollback(db);
        return s;
    }
    if ((s = xw_commit(db, err)) == XW_OK)
        *usable = 1;
    return s;
}

xw_status xw_search_refresh(xw_db *db, xw_error *err)
{
    int usable;
    return refresh_index(db, &usable, err);
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
    int fts = chars(query) >= 3, usable = 0;
    xw_status s = fts ? refresh_index(db, &usable, err) : XW_OK;
    if (s != XW_OK)
        return s;
    fts = fts && usable;
    s = xw_prepare(db, fts ? fts_sql : like_sql, &q, err);
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
