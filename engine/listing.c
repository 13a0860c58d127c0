/*
 * listing.c - the read-only listings behind 'frameworks', 'controls',
 * 'sets' and 'show'.  Each streams rows to a callback straight from one
 * prepared statement; nothing is gathered in memory.
 */
#include <string.h>

#include "internal.h"

const xw_column xw_frameworks_columns[] = {
    {"id", XW_COL_TEXT},      {"jurisdiction", XW_COL_TEXT},
    {"name", XW_COL_TEXT},    {"version", XW_COL_TEXT},
    {"status", XW_COL_TEXT},  {"controls", XW_COL_INT},
    {"mappings", XW_COL_INT},
};
const int xw_frameworks_ncolumns = 7;

const xw_column xw_controls_columns[] = {
    {"id", XW_COL_TEXT},       {"parent", XW_COL_TEXT},
    {"title", XW_COL_TEXT},    {"title_ja", XW_COL_TEXT},
    {"assessable", XW_COL_INT}, {"source_ref", XW_COL_TEXT},
    {"depth", XW_COL_INT},
};
const int xw_controls_ncolumns = 7;

const xw_column xw_sets_columns[] = {
    {"id", XW_COL_TEXT},          {"source", XW_COL_TEXT},
    {"target", XW_COL_TEXT},      {"version", XW_COL_TEXT},
    {"author", XW_COL_TEXT},      {"exhaustive", XW_COL_INT},
    {"mappings", XW_COL_INT},     {"equal-to", XW_COL_INT},
    {"equivalent-to", XW_COL_INT}, {"subset-of", XW_COL_INT},
    {"superset-of", XW_COL_INT},  {"intersects-with", XW_COL_INT},
    {"no-relationship", XW_COL_INT},
};
const int xw_sets_ncolumns = 13;

const xw_column xw_show_columns[] = {
    {"role", XW_COL_TEXT},       {"framework", XW_COL_TEXT},
    {"id", XW_COL_TEXT},         {"title", XW_COL_TEXT},
    {"relationship", XW_COL_TEXT}, {"set", XW_COL_TEXT},
    {"rationale", XW_COL_TEXT},  {"strength", XW_COL_INT},
    {"confidence", XW_COL_TEXT}, {"note", XW_COL_TEXT},
};
const int xw_show_ncolumns = 10;

const xw_column xw_control_detail_columns[] = {
    {"framework", XW_COL_TEXT},   {"id", XW_COL_TEXT},
    {"parent", XW_COL_TEXT},      {"title", XW_COL_TEXT},
    {"description", XW_COL_TEXT}, {"title_ja", XW_COL_TEXT},
    {"description_ja", XW_COL_TEXT}, {"assessable", XW_COL_INT},
    {"tags", XW_COL_TEXT},        {"source_ref", XW_COL_TEXT},
    {"withdrawn", XW_COL_INT},
};
const int xw_control_detail_ncolumns = 11;

/* Prepares sql, binds the given text parameters, streams the rows. */
static xw_status run_listing(xw_db *db, const char *sql, int nparams,
                             const char *const *params, xw_row_cb cb,
                             void *ctx, xw_error *err)
{
    sqlite3_stmt *st;
    xw_status s = xw_prepare(db, sql, &st, err);
    if (s != XW_OK)
        return s;
    for (int i = 0; i < nparams; i++)
        sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC);
    s = xw_stream_rows(db, st, cb, ctx, err);
    sqlite3_finalize(st);
    return s;
}

xw_status xw_require_framework(xw_db *db, const char *fw, xw_error *err)
{
    sqlite3_stmt *st;
    xw_status s = xw_prepare(db, "SELECT 1 FROM framework WHERE id = ?1", &st,
                             err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(st, 1, fw, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return XW_OK;
    if (rc != SQLITE_DONE)
        return xw_fail_sql(err, db->sql, "looking up a framework");
    return xw_fail(err, XW_ENOTFOUND,
                   "no framework \"%s\" in the database (see 'xwalk "
                   "frameworks')",
                   fw);
}

xw_status xw_list_frameworks(xw_db *db, xw_row_cb cb, void *ctx,
                             xw_error *err)
{
    static const char *sql =
        "SELECT f.id, f.jurisdiction, f.name, f.version, f.status,"
        " (SELECT count(*) FROM control c WHERE c.framework = f.id),"
        " (SELECT count(*) FROM mapping m WHERE m.sid IN"
        "   (SELECT sid FROM mapping_set s"
        "     WHERE s.source = f.id OR s.target = f.id))"
        " FROM framework f ORDER BY f.id";
    return run_listing(db, sql, 0, NULL, cb, ctx, err);
}

xw_status xw_list_controls(xw_db *db, const char *framework, int tree,
                           xw_row_cb cb, void *ctx, xw_error *err)
{
    /* Depth and tree order come from walking down from the roots; a key of
     * zero-padded ordinals sorts each subtree under its parent. */
    static const char *tree_sql =
        "WITH RECURSIVE t(cid, depth, key) AS ("
        "  SELECT cid, 0, printf('%%010d', ordinal) FROM control"
        "   WHERE framework = ?1 AND parent IS NULL"
        "  UNION ALL"
        "  SELECT c.cid, t.depth + 1, t.key || printf('%%010d', c.ordinal)"
        "   FROM t JOIN control p ON p.cid = t.cid"
        "   JOIN control c ON c.framework = ?1 AND c.parent = p.id)"
        " SELECT c.id, c.parent, c.title, c.title_ja, c.assessable,"
        " c.source_ref, t.depth FROM t JOIN control c ON c.cid = t.cid"
        " ORDER BY %s";
    char sql[1024];
    snprintf(sql, sizeof sql, tree_sql, tree ? "t.key" : "c.ordinal");
    xw_status s = xw_require_framework(db, framework, err);
    if (s != XW_OK)
        return s;
    return run_listing(db, sql, 1, &framework, cb, ctx, err);
}

xw_status xw_list_sets(xw_db *db, xw_row_cb cb, void *ctx, xw_error *err)
{
    static const char *sql =
        "SELECT s.id, s.source, s.target, s.version, s.author, s.exhaustive,"
        " count(m.sid),"
        " count(CASE m.relationship WHEN 'equal-to' THEN 1 END),"
        " count(CASE m.relationship WHEN 'equivalent-to' THEN 1 END),"
        " count(CASE m.relationship WHEN 'subset-of' THEN 1 END),"
        " count(CASE m.relationship WHEN 'superset-of' THEN 1 END),"
        " count(CASE m.relationship WHEN 'intersects-with' THEN 1 END),"
        " count(CASE m.relationship WHEN 'no-relationship' THEN 1 END)"
        " FROM mapping_set s LEFT JOIN mapping m ON m.sid = s.sid"
        " GROUP BY s.sid ORDER BY s.id";
    return run_listing(db, sql, 0, NULL, cb, ctx, err);
}

static xw_status require_control(xw_db *db, const char *fw, const char *id,
                                 xw_error *err)
{
    xw_status s = xw_require_framework(db, fw, err);
    if (s != XW_OK)
        return s;
    sqlite3_stmt *st;
    if ((s = xw_prepare(db, "SELECT 1 FROM control WHERE framework = ?1"
                            " AND id = ?2",
                        &st, err)) != XW_OK)
        return s;
    sqlite3_bind_text(st, 1, fw, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return XW_OK;
    if (rc != SQLITE_DONE)
        return xw_fail_sql(err, db->sql, "looking up a control");
    return xw_fail(err, XW_ENOTFOUND, "no control \"%s\" in framework %s", id,
                   fw);
}

xw_status xw_control_detail(xw_db *db, const char *framework,
                            const char *control, xw_row_cb cb, void *ctx,
                            xw_error *err)
{
    static const char *sql =
        "SELECT framework, id, parent, title, description, title_ja,"
        " description_ja, assessable, tags, source_ref, withdrawn FROM control"
        " WHERE framework = ?1 AND id = ?2";
    xw_status s = require_control(db, framework, control, err);
    if (s != XW_OK)
        return s;
    const char *params[] = {framework, control};
    return run_listing(db, sql, 2, params, cb, ctx, err);
}

xw_status xw_show_control(xw_db *db, const char *framework,
                          const char *control, xw_row_cb cb, void *ctx,
                          xw_error *err)
{
    /* Mappings that point at this control are turned round with
     * xw_inverse() so that every row reads "this control REL other". */
    static const char *sql =
        "WITH me AS (SELECT * FROM control WHERE framework = ?1 AND id = ?2)"
        " SELECT role, framework, id, title, relationship, set_id, rationale,"
        " strength, confidence, note FROM ("
        "  SELECT 0 AS rank, 0 AS k, 'control' AS role, me.framework, me.id,"
        "   me.title, NULL AS relationship, NULL AS set_id, NULL AS rationale,"
        "   NULL AS strength, NULL AS confidence, NULL AS note FROM me"
        "  UNION ALL"
        "  SELECT 1, 0, 'parent', p.framework, p.id, p.title, NULL, NULL,"
        "   NULL, NULL, NULL, NULL FROM me JOIN control p"
        "   ON p.framework = me.framework AND p.id = me.parent"
        "  UNION ALL"
        "  SELECT 2, c.ordinal, 'child', c.framework, c.id, c.title, NULL,"
        "   NULL, NULL, NULL, NULL, NULL FROM me JOIN control c"
        "   ON c.framework = me.framework AND c.parent = me.id"
        "  UNION ALL"
        "  SELECT 3, m.ordinal, 'mapping', o.framework, o.id, o.title,"
        "   m.relationship, s.id, nullif(m.rationale, ''), m.strength,"
        "   m.confidence, m.note FROM me JOIN mapping m ON m.source = me.cid"
        "   JOIN control o ON o.cid = m.target"
        "   JOIN mapping_set s ON s.sid = m.sid"
        "  UNION ALL"
        "  SELECT 3, m.ordinal, 'mapping', o.framework, o.id, o.title,"
        "   xw_inverse(m.relationship), s.id, nullif(m.rationale, ''),"
        "   m.strength, m.confidence, m.note FROM me"
        "   JOIN mapping m ON m.target = me.cid"
        "   JOIN control o ON o.cid = m.source"
        "   JOIN mapping_set s ON s.sid = m.sid"
        "  UNION ALL"
        "  SELECT 4, o.ordinal, 'link', o.framework, o.id, o.title, l.rel,"
        "   NULL, NULL, NULL, NULL, NULL FROM me"
        "   JOIN control_link l ON l.source = me.cid"
        "   JOIN control o ON o.cid = l.target"
        "  UNION ALL"
        "  SELECT 5, o.ordinal, 'linked-from', o.framework, o.id, o.title,"
        "   l.rel, NULL, NULL, NULL, NULL, NULL FROM me"
        "   JOIN control_link l ON l.target = me.cid"
        "   JOIN control o ON o.cid = l.source"
        " ) ORDER BY rank, set_id, k";
    xw_status s = require_control(db, framework, control, err);
    if (s != XW_OK)
        return s;
    const char *params[] = {framework, control};
    return run_listing(db, sql, 2, params, cb, ctx, err);
}
