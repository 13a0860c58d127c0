/*
 * lint.c - consistency checks over the whole database.  Each finding is a
 * row (severity, check, subject, message); errors are what makes a report
 * untrustworthy, warnings what a curator should look at.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const xw_column xw_lint_columns[] = {
    {"severity", XW_COL_TEXT}, {"check", XW_COL_TEXT},
    {"subject", XW_COL_TEXT},  {"message", XW_COL_TEXT},
};
const int xw_lint_ncolumns = 4;

typedef struct lint_run {
    xw_db *db;
    xw_row_cb cb;
    void *ctx;
    long errors, findings;
    xw_error *err;
} lint_run;

static xw_status report(lint_run *l, const char *severity, const char *check,
                        const char *subject, const char *message)
{
    const char *v[4] = {severity, check, subject, message};
    if (!strcmp(severity, "error"))
        l->errors++;
    l->findings++;
    if (l->cb(l->ctx, 4, v) != 0)
        return xw_fail(l->err, XW_EIO, "cannot write output");
    return XW_OK;
}

/* Runs a query whose rows are (subject, message) findings of one check. */
static xw_status simple_check(lint_run *l, const char *severity,
                              const char *check, const char *sql)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(l->db, sql, &q, l->err);
    if (s != XW_OK)
        return s;
    int rc;
    while (s == XW_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
        s = report(l, severity, check, (const char *)sqlite3_column_text(q, 0),
                   (const char *)sqlite3_column_text(q, 1));
    if (s == XW_OK && rc != SQLITE_DONE)
        s = xw_fail_sql(l->err, l->db->sql, "checking the database");
    sqlite3_finalize(q);
    return s;
}

static const char *dangling_sql =
    "SELECT s.id, 'mapping from ' || c.framework || ':' || c.id ||"
    " ' but the set maps from ' || s.source"
    " FROM mapping m JOIN mapping_set s ON s.sid = m.sid"
    " JOIN control c ON c.cid = m.source WHERE c.framework <> s.source"
    " UNION ALL "
    "SELECT s.id, 'mapping to ' || c.framework || ':' || c.id ||"
    " ' but the set maps to ' || s.target"
    " FROM mapping m JOIN mapping_set s ON s.sid = m.sid"
    " JOIN control c ON c.cid = m.target WHERE c.framework <> s.target"
    " UNION ALL "
    "SELECT p.\"table\", 'row ' || p.rowid || ' refers to a missing ' ||"
    " p.parent FROM pragma_foreign_key_check p";

static const char *duplicate_sql =
    "SELECT a.framework || ':' || a.id || ' -> ' || b.framework || ':' ||"
    " b.id, 'mapped in both ' || s1.id || ' and ' || s2.id"
    " FROM mapping m1 JOIN mapping m2 ON m2.source = m1.source"
    "  AND m2.target = m1.target AND m2.sid > m1.sid"
    " JOIN mapping_set s1 ON s1.sid = m1.sid"
    " JOIN mapping_set s2 ON s2.sid = m2.sid"
    " JOIN control a ON a.cid = m1.source JOIN control b ON b.cid = m1.target"
    " ORDER BY 1, 2";

static const char *withdrawn_sql =
    "SELECT s.id, 'maps ' || a.framework || ':' || a.id ||"
    " CASE WHEN a.withdrawn THEN ' (withdrawn)' ELSE '' END || ' to ' ||"
    " b.framework || ':' || b.id ||"
    " CASE WHEN b.withdrawn THEN ' (withdrawn)' ELSE '' END"
    " FROM mapping m JOIN mapping_set s ON s.sid = m.sid"
    " JOIN control a ON a.cid = m.source JOIN control b ON b.cid = m.target"
    " WHERE a.withdrawn = 1 OR b.withdrawn = 1 ORDER BY s.id, m.ordinal";

static const char *complete_sql =
    "SELECT id, 'status is complete but the set is not marked exhaustive,"
    " so a missing row does not mean no relationship'"
    " FROM mapping_set WHERE status = 'complete' AND exhaustive = 0"
    " ORDER BY id";

/* Two rows about the same two controls (either direction, any sets) whose
 * relationships cannot both hold. */
static const char *pairs_sql =
    "SELECT m1.relationship, m2.relationship, 0, a.framework || ':' || a.id,"
    " b.framework || ':' || b.id, s1.id, s2.id"
    " FROM mapping m1 JOIN mapping m2 ON m2.source = m1.source"
    "  AND m2.target = m1.target AND (m2.sid > m1.sid OR"
    "  (m2.sid = m1.sid AND m2.rationale > m1.rationale))"
    " JOIN mapping_set s1 ON s1.sid = m1.sid"
    " JOIN mapping_set s2 ON s2.sid = m2.sid"
    " JOIN control a ON a.cid = m1.source JOIN control b ON b.cid = m1.target"
    " WHERE m1.relationship <> m2.relationship"
    " UNION ALL "
    "SELECT m1.relationship, m2.relationship, 1, a.framework || ':' || a.id,"
    " b.framework || ':' || b.id, s1.id, s2.id"
    " FROM mapping m1 JOIN mapping m2 ON m2.source = m1.target"
    "  AND m2.target = m1.source"
    " JOIN mapping_set s1 ON s1.sid = m1.sid"
    " JOIN mapping_set s2 ON s2.sid = m2.sid"
    " JOIN control a ON a.cid = m1.source JOIN control b ON b.cid = m1.target"
    " WHERE m1.source < m1.target";

static xw_status contradictions(lint_run *l)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(l->db, pairs_sql, &q, l->err);
    if (s != XW_OK)
        return s;
    while (s == XW_OK && sqlite3_step(q) == SQLITE_ROW) {
        int r1 = xw_relationship_parse((const char *)sqlite3_column_text(q, 0));
        int r2 = xw_relationship_parse((const char *)sqlite3_column_text(q, 1));
        if (r1 < 0 || r2 < 0)
            continue;
        unsigned m1 = xw_mask_of((xw_relationship)r1);
        unsigned m2 = xw_mask_of((xw_relationship)r2);
        if (sqlite3_column_int(q, 2))
            m2 = xw_mask_inverse(m2);
        if (m1 & m2)
            continue;
        char subject[512], message[1024];
        snprintf(subject, sizeof subject, "%s -> %s",
                 (const char *)sqlite3_column_text(q, 3),
                 (const char *)sqlite3_column_text(q, 4));
        snprintf(message, sizeof message,
                 "%s says %s, %s says the reverse is %s",
                 (const char *)sqlite3_column_text(q, 5),
                 (const char *)sqlite3_column_text(q, 0),
                 (const char *)sqlite3_column_text(q, 6),
                 (const char *)sqlite3_column_text(q, 1));
        if (!sqlite3_column_int(q, 2))
            snprintf(message, sizeof message, "%s says %s, %s says %s",
                     (const char *)sqlite3_column_text(q, 5),
                     (const char *)sqlite3_column_text(q, 0),
                     (const char *)sqlite3_column_text(q, 6),
                     (const char *)sqlite3_column_text(q, 1));
        s = report(l, "error", "contradiction", subject, message);
    }
    sqlite3_finalize(q);
    return s;
}

/* Derivations between every two frameworks: paths whose masks do not
 * intersect contradict each other, or the direct mappings. */
static xw_status derived_conflicts(lint_run *l, int max_hops)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(l->db, "SELECT id FROM framework ORDER BY id", &q,
                             l->err);
    if (s != XW_OK)
        return s;
    char **ids = NULL;
    size_t n = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        char **more = realloc(ids, (n + 1) * sizeof *ids);
        if (!more)
            break;
        ids = more;
        ids[n++] = strdup((const char *)sqlite3_column_text(q, 0));
    }
    sqlite3_finalize(q);
    for (size_t i = 0; i < n && s == XW_OK; i++)
        for (size_t j = i + 1; j < n && s == XW_OK; j++) {
            xw_derive_opts o = {ids[i],   ids[j],     NULL, 0,
                                max_hops, {-1, NULL}, NULL, 0};
            xw_derivation *d;
            if ((s = xw_derive_run(l->db, &o, &d, l->err)) != XW_OK)
                break;
            for (size_t k = 0; k < xw_derivation_count(d) && s == XW_OK; k++) {
                const xw_derived_pair *p = xw_derivation_at(d, k);
                if (p->mask)
                    continue;
                char subject[512], message[2048];
                snprintf(subject, sizeof subject, "%s:%s -> %s:%s", ids[i],
                         p->source_id, ids[j], p->target_id);
                snprintf(message, sizeof message,
                         "no relationship fits every path%s: %s",
                         p->direct ? " and the direct evidence" : "",
                         p->paths);
                s = report(l, "error", "derived-conflict", subject, message);
            }
            xw_derivation_free(d);
        }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    return s;
}

xw_status xw_lint(xw_db *db, int max_hops, xw_row_cb cb, void *ctx,
                  long *errors, xw_error *err)
{
    lint_run l = {db, cb, ctx, 0, 0, err};
    *errors = 0;
    xw_status s = xw_begin_read(db, err);
    if (s != XW_OK)
        return s;
    s = simple_check(&l, "error", "dangling", dangling_sql);
    if (s == XW_OK)
        s = contradictions(&l);
    if (s == XW_OK)
        s = derived_conflicts(&l, max_hops);
    if (s == XW_OK)
        s = simple_check(&l, "warning", "duplicate", duplicate_sql);
    if (s == XW_OK)
        s = simple_check(&l, "warning", "withdrawn", withdrawn_sql);
    if (s == XW_OK)
        s = simple_check(&l, "warning", "complete-not-exhaustive",
                         complete_sql);
    if (s == XW_OK)
        s = xw_commit(db, err);
    else
        xw_rollback(db);
    *errors = l.errors;
    return s;
}
