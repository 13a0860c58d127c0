/*
 * plan_load.c - writes a plan into the store: every framework first, then
 * every mapping set, each through the same loaders as the CSV importers.
 * The caller decides the transaction (one for the whole command).
 */
#include <string.h>

#include "plan.h"

/* Places an error about a plan entry in its file, when it has no file. */
static void place(xw_error *err, const char *file, long line, long column)
{
    if (err->file[0])
        return;
    snprintf(err->file, sizeof err->file, "%s", file);
    if (!err->line)
        err->line = line;
    if (!err->column)
        err->column = column;
}

static xw_status load_framework(xw_db *db, xw_plan_framework *f, int flags,
                                xw_import_cb cb, void *ctx, xw_error *err)
{
    xw_catalog_load *load;
    xw_import_result r;
    xw_status s = xw_catalog_begin(db, &f->meta, f->file, f->sha256,
                                   flags & XW_IMPORT_REPLACE, &load, &r, err);
    if (s != XW_OK) {
        place(err, f->file, 0, 0);
        return s;
    }
    if (load) {
        for (size_t i = 0; i < f->ncontrols && s == XW_OK; i++)
            if ((s = xw_catalog_add(load, &f->controls[i], err)) != XW_OK)
                place(err, f->file, f->controls[i].line, 0);
        for (size_t i = 0; i < f->nlinks && s == XW_OK; i++)
            s = xw_catalog_link(load, f->links[i].from, f->links[i].rel,
                                f->links[i].to, err);
        if (s != XW_OK) {
            xw_catalog_abort(load);
            return s;
        }
        if ((s = xw_catalog_finish(load, &r, err)) != XW_OK) {
            place(err, f->file, 0, 0);
            return s;
        }
    }
    if (cb)
        cb(ctx, f->file, &r);
    return XW_OK;
}

/* The framework id behind a URN (or, with by_file, the framework imported
 * from a file of that name), into buf; 0 when there is none. */
static int framework_by_urn(xw_db *db, const char *urn, char *buf, size_t size,
                            int by_file)
{
    sqlite3_stmt *q;
    const char *sql = by_file ? "SELECT id FROM framework WHERE source_file = ?1"
                                " OR source_file LIKE '%/' || ?1 ORDER BY id"
                              : "SELECT id FROM framework WHERE urn = ?1";
    if (sqlite3_prepare_v2(db->sql, sql, -1, &q, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(q, 1, urn, -1, SQLITE_STATIC);
    int found = sqlite3_step(q) == SQLITE_ROW;
    if (found)
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return found;
}

static xw_status resolve_framework(xw_db *db, xw_plan_set *s, const char *urn,
                                   const char *href, const char **id,
                                   char *buf, size_t size, const char *role,
                                   xw_error *err)
{
    if (*id)
        return XW_OK;
    if (!urn && href && framework_by_urn(db, href, buf, size, 1)) {
        *id = buf;
        return XW_OK;
    }
    if (!urn && href)
        return xw_fail_at(err, XW_EINPUT, s->file, 0, 0,
                          "mapping set %s: the %s resource %s names no "
                          "imported catalog; name the framework with --%s",
                          s->meta.id ? s->meta.id : "", role, href,
                          role);
    if (!urn || !framework_by_urn(db, urn, buf, size, 0))
        return xw_fail_at(err, XW_EINPUT, s->file, 0, 0,
                          "mapping set %s: the %s framework %s is not in the "
                          "database (import its framework file first or in "
                          "the same command)",
                          s->meta.id ? s->meta.id : "", role,
                          urn ? urn : "(unnamed)");
    *id = buf;
    return XW_OK;
}

/* The id of the control with this URN in framework fw, into buf. */
static int control_by_urn(sqlite3_stmt *q, const char *fw, const char *urn,
                          char *buf, size_t size)
{
    sqlite3_bind_text(q, 1, urn, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, fw, -1, SQLITE_STATIC);
    int found = sqlite3_step(q) == SQLITE_ROW;
    if (found)
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_reset(q);
    return found;
}

static xw_status load_set(xw_db *db, xw_plan_set *ps, int flags,
                          xw_import_cb cb, void *ctx, xw_error *err)
{
    char src[256], dst[256];
    xw_status s = resolve_framework(db, ps, ps->source_urn, ps->source_href,
                                    &ps->meta.source, src, sizeof src,
                                    "source", err);
    if (s == XW_OK)
        s = resolve_framework(db, ps, ps->target_urn, ps->target_href,
                              &ps->meta.target, dst, sizeof dst, "target",
                              err);
    if (s != XW_OK)
        return s;
    xw_set_load *load;
    xw_import_result r;
    if ((s = xw_set_begin(db, &ps->meta, ps->file, ps->sha256,
                          (flags & XW_IMPORT_REPLACE) | XW_IMPORT_SKIP_REPEATS,
                          &load, &r, err)) != XW_OK) {
        place(err, ps->file, 0, 0);
        return s;
    }
    if (!load) {
        if (cb)
            cb(ctx, ps->file, &r);
        return XW_OK;
    }
    sqlite3_stmt *q = NULL;
    if (ps->refs_are_urns &&
        (s = xw_prepare(db, "SELECT id FROM control WHERE urn = ?1"
                            " AND framework = ?2",
                        &q, err)) != XW_OK) {
        xw_set_abort(load);
        return s;
    }
    long unresolved = 0;
    char first[256] = "";
    for (size_t i = 0; i < ps->nrows && s == XW_OK; i++) {
        xw_plan_row *row = &ps->rows[i];
        xw_mapping_in in = row->in;
        char a[512], b[512];
        if (ps->refs_are_urns) {
            const char *missing = NULL, *fw = NULL;
            if (!control_by_urn(q, ps->meta.source, in.source, a, sizeof a))
                missing = in.source, fw = ps->meta.source;
            else if (!control_by_urn(q, ps->meta.target, in.target, b,
                                     sizeof b))
                missing = in.target, fw = ps->meta.target;
            if (missing && (flags & XW_PLAN_SKIP_UNRESOLVED)) {
                if (!unresolved++)
                    snprintf(first, sizeof first, "%s", missing);
                continue;
            }
            if (missing) {
                s = xw_fail_at(err, XW_EINPUT, ps->file, in.line, row->column,
                               "requirement %s is not in framework %s (the "
                               "mapping refers to a requirement that no "
                               "imported framework has; --skip-unresolved "
                               "skips such rows and counts them)",
                               missing, fw);
                break;
            }
            in.source = a;
            in.target = b;
        }
        if ((s = xw_set_add(load, &in, err)) != XW_OK)
            place(err, ps->file, in.line, row->column);
    }
    sqlite3_finalize(q);
    for (size_t i = 0; i < ps->ngaps && s == XW_OK; i++)
        if ((s = xw_set_gap(load, ps->gaps[i].side, ps->gaps[i].control,
                            err)) != XW_OK)
            place(err, ps->file, 0, 0);
    if (s != XW_OK) {
        xw_set_abort(load);
        return s;
    }
    if ((s = xw_set_finish(load, &r, err)) != XW_OK)
        return s;
    r.merged = ps->merged_reverse;
    r.unresolved = unresolved;
    snprintf(r.first_unresolved, sizeof r.first_unresolved, "%s", first);
    if (cb)
        cb(ctx, ps->file, &r);
    return XW_OK;
}

xw_status xw_plan_load(xw_db *db, xw_plan *p, int flags, xw_import_cb cb,
                       void *ctx, xw_error *err)
{
    xw_status s = XW_OK;
    for (size_t i = 0; i < p->nfws && s == XW_OK; i++)
        s = load_framework(db, &p->fws[i], flags, cb, ctx, err);
    for (size_t i = 0; i < p->nsets && s == XW_OK; i++)
        s = load_set(db, &p->sets[i], flags, cb, ctx, err);
    return s;
}
