/*
 * matrix.c - the regime matrix: a target's requirements against several
 * frameworks, each column the coverage by one framework on its own.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct matrix_column {
    char *framework, *jurisdiction;
    xw_coverage *coverage;
} matrix_column;

struct xw_matrix {
    matrix_column *cols;
    size_t n;
};

static xw_status add_column(xw_matrix *m, const char *fw, const char *jur,
                            xw_error *err)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->cols[i].framework, fw))
            return XW_OK;
    matrix_column *c = realloc(m->cols, (m->n + 1) * sizeof *c);
    if (!c)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    m->cols = c;
    c[m->n].framework = strdup(fw);
    c[m->n].jurisdiction = strdup(jur ? jur : "");
    c[m->n].coverage = NULL;
    m->n++;
    return XW_OK;
}

static xw_status resolve_columns(xw_db *db, const xw_matrix_opts *o,
                                 xw_matrix *m, xw_error *err)
{
    sqlite3_stmt *by_id, *by_jur;
    xw_status s = xw_prepare(db, "SELECT jurisdiction FROM framework"
                                 " WHERE id = ?1",
                             &by_id, err);
    if (s != XW_OK)
        return s;
    if ((s = xw_prepare(db, "SELECT id, jurisdiction FROM framework"
                            " WHERE jurisdiction = ?1 AND id <> ?2"
                            " ORDER BY id",
                        &by_jur, err)) != XW_OK) {
        sqlite3_finalize(by_id);
        return s;
    }
    for (int i = 0; i < o->nagainst && s == XW_OK; i++) {
        sqlite3_bind_text(by_id, 1, o->against[i], -1, SQLITE_STATIC);
        if (sqlite3_step(by_id) == SQLITE_ROW)
            s = add_column(m, o->against[i],
                           (const char *)sqlite3_column_text(by_id, 0), err);
        else
            s = xw_fail(err, XW_ENOTFOUND,
                        "no framework \"%s\" in the database (see 'xwalk "
                        "frameworks')",
                        o->against[i]);
        sqlite3_reset(by_id);
    }
    for (int i = 0; i < o->njurisdictions && s == XW_OK; i++) {
        if (!xw_jurisdiction_valid(o->jurisdictions[i])) {
            s = xw_fail(err, XW_EINPUT,
                        "jurisdiction \"%s\" is not an ISO 3166-1 alpha-2 "
                        "code, EU or INTL",
                        o->jurisdictions[i]);
            break;
        }
        sqlite3_bind_text(by_jur, 1, o->jurisdictions[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(by_jur, 2, o->target, -1, SQLITE_STATIC);
        while (s == XW_OK && sqlite3_step(by_jur) == SQLITE_ROW)
            s = add_column(m, (const char *)sqlite3_column_text(by_jur, 0),
                           (const char *)sqlite3_column_text(by_jur, 1), err);
        sqlite3_reset(by_jur);
    }
    sqlite3_finalize(by_id);
    sqlite3_finalize(by_jur);
    if (s == XW_OK && m->n == 0)
        s = xw_fail(err, XW_EINPUT,
                    "the matrix has no columns: no framework matched");
    return s;
}

xw_status xw_matrix_run(xw_db *db, const xw_matrix_opts *o, xw_matrix **out,
                        xw_error *err)
{
    *out = NULL;
    xw_matrix *m = calloc(1, sizeof *m);
    if (!m)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    /* Every column reads the same snapshot. */
    xw_status s = xw_begin_read(db, err);
    if (s != XW_OK) {
        free(m);
        return s;
    }
    s = resolve_columns(db, o, m, err);
    for (size_t i = 0; i < m->n && s == XW_OK; i++) {
        const char *from[1] = {m->cols[i].framework};
        xw_coverage_opts co = {o->target,   from,   1,       o->derived,
                               o->max_hops, o->via, o->nvia, o->filter,
                               NULL};
        s = xw_coverage_run(db, &co, &m->cols[i].coverage, err);
    }
    if (s == XW_OK)
        s = xw_commit(db, err);
    else
        xw_rollback(db);
    if (s != XW_OK) {
        xw_matrix_free(m);
        return s;
    }
    *out = m;
    return XW_OK;
}

size_t xw_matrix_column_count(const xw_matrix *m)
{
    return m ? m->n : 0;
}

const char *xw_matrix_framework(const xw_matrix *m, size_t col)
{
    return col < m->n ? m->cols[col].framework : NULL;
}

const char *xw_matrix_jurisdiction(const xw_matrix *m, size_t col)
{
    return col < m->n ? m->cols[col].jurisdiction : NULL;
}

const xw_coverage *xw_matrix_column(const xw_matrix *m, size_t col)
{
    return col < m->n ? m->cols[col].coverage : NULL;
}

void xw_matrix_free(xw_matrix *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->cols[i].framework);
        free(m->cols[i].jurisdiction);
        xw_coverage_free(m->cols[i].coverage);
    }
    free(m->cols);
    free(m);
}
