/*
 * export.c - the batch export for auditors: every report of the database
 * in one go, as CSV files with a manifest or as one workbook.
 *
 *   frameworks, sets                 the listings
 *   catalog-FW                       each catalog, every column
 *   mappings-SET                     each set, in the crosswalk CSV format
 *   coverage-T                       each target by all the sources
 *   coverage-T-by-S                  each target by each source
 *   matrix-T                         each target against the sources
 *   gaps-T                           the requirements of T that are gaps
 *   derived-S-to-T                   likely candidates through pivots
 *
 * Listings stream from one query each, so a million mapping rows export in
 * constant memory; coverage holds one row per requirement of the target.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sink.h"

typedef struct list {
    char **items;
    size_t n;
} list;

static void list_free(list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

static xw_status list_query(xw_db *db, const char *sql, const char *arg,
                            list *out, xw_error *err)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(db, sql, &q, err);
    if (s != XW_OK)
        return s;
    if (arg)
        sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        char **items = realloc(out->items, (out->n + 1) * sizeof *items);
        if (!items) {
            sqlite3_finalize(q);
            return xw_fail(err, XW_ENOMEM, "out of memory");
        }
        out->items = items;
        out->items[out->n++] = strdup((const char *)sqlite3_column_text(q, 0));
    }
    sqlite3_finalize(q);
    return XW_OK;
}

static xw_status stream_query(xw_db *db, xw_sink *sink, const char *name,
                              const xw_column *cols, int ncols,
                              const char *sql, const char *arg, xw_error *err)
{
    xw_status s = sink->ops->begin(sink, name, cols, ncols, err);
    if (s != XW_OK)
        return s;
    sqlite3_stmt *q;
    if ((s = xw_prepare(db, sql, &q, err)) != XW_OK)
        return s;
    if (arg)
        sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
    s = xw_stream_rows(db, q, sink->ops->row, sink, err);
    sqlite3_finalize(q);
    if (s == XW_OK)
        s = sink->ops->end(sink, err);
    return s;
}

static const xw_column catalog_cols[] = {
    {"id", XW_COL_TEXT},          {"parent", XW_COL_TEXT},
    {"title", XW_COL_TEXT},       {"title_ja", XW_COL_TEXT},
    {"description", XW_COL_TEXT}, {"description_ja", XW_COL_TEXT},
    {"assessable", XW_COL_INT},   {"tags", XW_COL_TEXT},
    {"source_ref", XW_COL_TEXT},  {"withdrawn", XW_COL_INT},
};

static const xw_column crosswalk_cols[] = {
    {"source", XW_COL_TEXT},    {"relationship", XW_COL_TEXT},
    {"target", XW_COL_TEXT},    {"rationale", XW_COL_TEXT},
    {"strength", XW_COL_INT},   {"confidence", XW_COL_TEXT},
    {"note", XW_COL_TEXT},
};

static xw_status coverage_report(xw_db *db, xw_sink *sink, const char *name,
                                 const char *target, const char *const *from,
                                 int nfrom, int gaps_only, xw_error *err)
{
    xw_coverage_opts o = {target, from, nfrom, 0, 2, NULL, 0, {-1, NULL},
                          NULL};
    xw_coverage *c;
    xw_status s = xw_coverage_run(db, &o, &c, err);
    if (s != XW_OK)
        return s;
    if ((s = sink->ops->begin(sink, name, xw_coverage_columns,
                                 XW_COVERAGE_NCOLUMNS, err)) == XW_OK) {
        for (size_t i = 0; i < xw_coverage_count(c); i++) {
            const xw_coverage_row *r = xw_coverage_row_at(c, i);
            if (gaps_only && (r->status != XW_GAP || !r->assessable))
                continue;
            xw_coverage_text text;
            const char *v[XW_COVERAGE_NCOLUMNS];
            xw_coverage_values(r, &text, v);
            if (sink->ops->row(sink, XW_COVERAGE_NCOLUMNS, v) != 0) {
                s = xw_fail(err, XW_EIO, "%s: cannot write", name);
                break;
            }
        }
        if (s == XW_OK)
            s = sink->ops->end(sink, err);
    }
    xw_coverage_free(c);
    return s;
}

static xw_status matrix_report(xw_db *db, xw_sink *sink, const char *name,
                               const char *target, const char *const *from,
                               int nfrom, xw_error *err)
{
    xw_matrix_opts o = {target, from, nfrom, NULL, 0, 0, 2, NULL, 0,
                        {-1, NULL}};
    xw_matrix *m;
    xw_status s = xw_matrix_run(db, &o, &m, err);
    if (s != XW_OK)
        return s;
    size_t ncol = xw_matrix_column_count(m);
    xw_column *cols = calloc(ncol + 2, sizeof *cols);
    const char **v = calloc(ncol + 2, sizeof *v);
    if (!cols || !v)
        s = xw_fail(err, XW_ENOMEM, "out of memory");
    if (s == XW_OK) {
        cols[0] = (xw_column){"target_id", XW_COL_TEXT};
        cols[1] = (xw_column){"target_title", XW_COL_TEXT};
        for (size_t j = 0; j < ncol; j++)
            cols[j + 2] = (xw_column){xw_matrix_framework(m, j), XW_COL_TEXT};
        s = sink->ops->begin(sink, name, cols, (int)ncol + 2, err);
    }
    const xw_coverage *first = s == XW_OK ? xw_matrix_column(m, 0) : NULL;
    for (size_t i = 0; first && i < xw_coverage_count(first) && s == XW_OK;
         i++) {
        const xw_coverage_row *r = xw_coverage_row_at(first, i);
        v[0] = r->id;
        v[1] = r->title;
        for (size_t j = 0; j < ncol; j++)
            v[j + 2] = xw_cover_status_name(
                xw_coverage_row_at(xw_matrix_column(m, j), i)->status);
        if (sink->ops->row(sink, (int)ncol + 2, v) != 0)
            s = xw_fail(err, XW_EIO, "%s: cannot write", name);
    }
    if (s == XW_OK)
        s = sink->ops->end(sink, err);
    free(cols);
    free(v);
    xw_matrix_free(m);
    return s;
}

static xw_status derived_report(xw_db *db, xw_sink *sink, const char *name,
                                const char *source, const char *target,
                                xw_error *err)
{
    xw_derive_opts o = {source, target, NULL, 0, 2, {-1, NULL}, NULL, 0};
    xw_derivation *d;
    xw_status s = xw_derive_run(db, &o, &d, err);
    if (s != XW_OK)
        return s;
    if ((s = sink->ops->begin(sink, name, xw_derived_columns,
                                 XW_DERIVED_NCOLUMNS, err)) == XW_OK) {
        for (size_t i = 0; i < xw_derivation_count(d) && s == XW_OK; i++) {
            const xw_derived_pair *p = xw_derivation_at(d, i);
            if (!p->likely)
                continue;
            xw_derived_text text;
            const char *v[XW_DERIVED_NCOLUMNS];
            xw_derived_values(p, &text, v);
            if (sink->ops->row(sink, XW_DERIVED_NCOLUMNS, v) != 0)
                s = xw_fail(err, XW_EIO, "%s: cannot write", name);
        }
        if (s == XW_OK)
            s = sink->ops->end(sink, err);
    }
    xw_derivation_free(d);
    return s;
}

/* The reports of one target: coverage (all, and by each source), matrix,
 * gaps, derived candidates. */
static xw_status target_reports(xw_db *db, xw_sink *sink, const char *target,
                                const xw_export_opts *o, xw_error *err)
{
    list from = {0};
    xw_status s = XW_OK;
    if (o->nfrom)
        for (int i = 0; i < o->nfrom && s == XW_OK; i++) {
            char **items = realloc(from.items, (from.n + 1) * sizeof *items);
            if (!items)
                s = xw_fail(err, XW_ENOMEM, "out of memory");
            else {
                from.items = items;
                from.items[from.n++] = strdup(o->from[i]);
            }
        }
    else if (o->njurisdictions)
        for (int i = 0; i < o->njurisdictions && s == XW_OK; i++)
            s = list_query(db, "SELECT id FROM framework WHERE jurisdiction"
                               " = ?1 ORDER BY id",
                           o->jurisdictions[i], &from, err);
    else
        s = list_query(db, "SELECT DISTINCT f FROM (SELECT source AS f FROM"
                           " mapping_set WHERE target = ?1 UNION SELECT target"
                           " FROM mapping_set WHERE source = ?1) ORDER BY f",
                       target, &from, err);
    /* The target itself is not a source of its own coverage. */
    size_t k = 0;
    for (size_t i = 0; i < from.n; i++) {
        if (!strcmp(from.items[i], target))
            free(from.items[i]);
        else
            from.items[k++] = from.items[i];
    }
    from.n = k;
    char name[600];
    const char *const *fl = (const char *const *)from.items;
    if (s == XW_OK && from.n) {
        snprintf(name, sizeof name, "coverage-%s", target);
        s = coverage_report(db, sink, name, target, fl, (int)from.n, 0, err);
        if (s == XW_OK) {
            snprintf(name, sizeof name, "gaps-%s", target);
            s = coverage_report(db, sink, name, target, fl, (int)from.n, 1,
                                err);
        }
        if (s == XW_OK) {
            snprintf(name, sizeof name, "matrix-%s", target);
            s = matrix_report(db, sink, name, target, fl, (int)from.n, err);
        }
        for (size_t i = 0; i < from.n && s == XW_OK; i++) {
            snprintf(name, sizeof name, "coverage-%s-by-%s", target,
                     from.items[i]);
            s = coverage_report(db, sink, name, target, fl + i, 1, 0, err);
        }
        for (size_t i = 0; i < from.n && s == XW_OK; i++) {
            snprintf(name, sizeof name, "derived-%s-to-%s", from.items[i],
                     target);
            s = derived_report(db, sink, name, from.items[i], target, err);
        }
    }
    list_free(&from);
    return s;
}

static xw_status all_reports(xw_db *db, xw_sink *sink, const xw_export_opts *o,
                             xw_error *err)
{
    xw_status s = stream_query(
        db, sink, "frameworks", xw_frameworks_columns, xw_frameworks_ncolumns,
        "SELECT f.id, f.jurisdiction, f.name, f.version, f.status,"
        " (SELECT count(*) FROM control c WHERE c.framework = f.id),"
        " (SELECT count(*) FROM mapping m WHERE m.sid IN (SELECT sid FROM"
        " mapping_set s WHERE s.source = f.id OR s.target = f.id))"
        " FROM framework f ORDER BY f.id",
        NULL, err);
    if (s == XW_OK) {
        if ((s = sink->ops->begin(sink, "sets", xw_sets_columns,
                                  xw_sets_ncolumns, err)) == XW_OK &&
            (s = xw_list_sets(db, sink->ops->row, sink, err)) == XW_OK)
            s = sink->ops->end(sink, err);
    }
    list fws = {0}, sets = {0}, targets = {0};
    if (s == XW_OK)
        s = list_query(db, "SELECT id FROM framework ORDER BY id", NULL, &fws,
                       err);
    for (size_t i = 0; i < fws.n && s == XW_OK; i++) {
        char name[300];
        snprintf(name, sizeof name, "catalog-%s", fws.items[i]);
        s = stream_query(db, sink, name, catalog_cols, 10,
                         "SELECT id, parent, title, title_ja, description,"
                         " description_ja, assessable, tags, source_ref,"
                         " withdrawn FROM control WHERE framework = ?1"
                         " ORDER BY ordinal",
                         fws.items[i], err);
    }
    if (s == XW_OK)
        s = list_query(db, "SELECT id FROM mapping_set ORDER BY id", NULL,
                       &sets, err);
    for (size_t i = 0; i < sets.n && s == XW_OK; i++) {
        char name[300];
        snprintf(name, sizeof name, "mappings-%s", sets.items[i]);
        s = stream_query(db, sink, name, crosswalk_cols, 7,
                         "SELECT a.id, m.relationship, b.id,"
                         " nullif(m.rationale, ''), m.strength, m.confidence,"
                         " m.note FROM mapping_set s"
                         " JOIN mapping m ON m.sid = s.sid"
                         " JOIN control a ON a.cid = m.source"
                         " JOIN control b ON b.cid = m.target"
                         " WHERE s.id = ?1 ORDER BY m.ordinal",
                         sets.items[i], err);
    }
    if (s == XW_OK) {
        if (o->ntargets)
            for (int i = 0; i < o->ntargets; i++) {
                char **items =
                    realloc(targets.items, (targets.n + 1) * sizeof *items);
                if (!items)
                    break;
                targets.items = items;
                targets.items[targets.n++] = strdup(o->targets[i]);
            }
        else
            s = list_query(db, "SELECT DISTINCT target FROM mapping_set"
                               " ORDER BY target",
                           NULL, &targets, err);
    }
    for (size_t i = 0; i < targets.n && s == XW_OK; i++)
        s = target_reports(db, sink, targets.items[i], o, err);
    list_free(&fws);
    list_free(&sets);
    list_free(&targets);
    return s;
}

xw_status xw_export(xw_db *db, const xw_export_opts *o, xw_error *err)
{
    for (int i = 0; i < o->ntargets; i++) {
        xw_status s = xw_require_framework(db, o->targets[i], err);
        if (s != XW_OK)
            return s;
    }
    xw_batch_info info = {{0}, {0}, XWALK_VERSION};
    time_t t = o->epoch >= 0 ? (time_t)o->epoch : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(info.generated_at, sizeof info.generated_at,
             "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* One snapshot for every report. */
    xw_status s = xw_begin_read(db, err);
    if (s != XW_OK)
        return s;
    s = xw_db_fingerprint(db, info.fingerprint, err);
    xw_sink *sink = NULL;
    if (s == XW_OK) {
        if (o->xlsx)
            s = xw_sink_xlsx_open(o->out, &sink, err);
        else {
            xw_writer_opts wo = {o->excel, o->excel, !o->raw};
            s = xw_sink_csv_open(o->out, &wo, &info, &sink, err);
        }
    }
    if (s == XW_OK) {
        s = all_reports(db, sink, o, err);
        if (s == XW_OK)
            s = sink->ops->finish(sink, err);
        else
            sink->ops->abort(sink);
    }
    if (s == XW_OK)
        return xw_commit(db, err);
    xw_rollback(db);
    return s;
}
