/*
 * catalog.c - the store side of loading one framework's catalog: the
 * framework row, its controls, and the checks that need the whole catalog
 * (parents exist, no parent cycles, no control dropped that a mapping still
 * uses).  Format readers in importers/ feed it; it never parses files.
 *
 * Replacing a catalog keeps each control's row (and so its cid, which
 * mappings refer to) when the id is still there: every old control is
 * marked with ordinal -1, the new file's rows are upserted, and rows still
 * marked at the end are deleted.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct pending_link {
    char *from, *rel, *to;
} pending_link;

struct xw_catalog_load {
    xw_db *db;
    char framework[256];
    pending_link *links;
    size_t nlinks, caplinks;
    sqlite3_stmt *upsert;
    sqlite3_stmt *first_seen;
    long *lines; /* lines[ordinal]: where each control stands in the file */
    long count, cap;
};

static xw_status check_meta(const xw_framework_meta *m, xw_error *err)
{
    if (!xw_is_slug(m->id))
        return xw_fail(err, XW_EINPUT,
                       "framework id \"%s\" is not a valid id (letters, "
                       "digits, '.', '_' and '-', starting with a letter or "
                       "digit)",
                       m->id ? m->id : "");
    if (xw_is_blank(m->name))
        return xw_fail(err, XW_EINPUT, "framework %s: a name is required",
                       m->id);
    if (xw_is_blank(m->version))
        return xw_fail(err, XW_EINPUT, "framework %s: a version is required",
                       m->id);
    if (!xw_jurisdiction_valid(m->jurisdiction))
        return xw_fail(err, XW_EINPUT,
                       "framework %s: jurisdiction \"%s\" is not an ISO "
                       "3166-1 alpha-2 code, EU or INTL",
                       m->id, m->jurisdiction ? m->jurisdiction : "");
    if (!xw_is_blank(m->kind) &&
        !xw_vocabulary_allows(XW_VOCAB_FRAMEWORK_KIND, m->kind))
        return xw_fail(err, XW_EINPUT,
                       "framework %s: unknown kind \"%s\" (expected %s)", m->id,
                       m->kind, xw_vocabulary_expected(XW_VOCAB_FRAMEWORK_KIND));
    if (!xw_is_blank(m->status) &&
        !xw_vocabulary_allows(XW_VOCAB_FRAMEWORK_STATUS, m->status))
        return xw_fail(err, XW_EINPUT,
                       "framework %s: unknown status \"%s\" (expected %s)",
                       m->id, m->status,
                       xw_vocabulary_expected(XW_VOCAB_FRAMEWORK_STATUS));
    if (!xw_is_blank(m->published) && !xw_is_date(m->published))
        return xw_fail(err, XW_EINPUT,
                       "framework %s: published date \"%s\" is not YYYY, "
                       "YYYY-MM or YYYY-MM-DD",
                       m->id, m->published);
    return XW_OK;
}

/* Looks up an existing framework: returns 1 when found and fills version and
 * sha, 0 when absent, -1 on error. */
static int find_framework(xw_db *db, const char *id, char *version,
                          size_t vsize, char *sha, size_t ssize, xw_error *err)
{
    sqlite3_stmt *st;
    if (xw_prepare(db, "SELECT version, source_sha256 FROM framework "
                       "WHERE id = ?1",
                   &st, err) != XW_OK)
        return -1;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        const char *s = (const char *)sqlite3_column_text(st, 1);
        snprintf(version, vsize, "%s", v ? v : "");
        snprintf(sha, ssize, "%s", s ? s : "");
        found = 1;
    } else if (rc != SQLITE_DONE) {
        xw_fail_sql(err, db->sql, "looking up a framework");
        found = -1;
    }
    sqlite3_finalize(st);
    return found;
}

static xw_status write_framework(xw_db *db, const xw_framework_meta *m,
                                 const char *source_file, const char *sha256,
                                 int exists, xw_error *err)
{
    static const char *insert_sql =
        "INSERT INTO framework (id, name, version, jurisdiction, issuer, kind,"
        " published, url, license, language, status, imported_at,"
        " source_file, source_sha256, urn)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,coalesce(?11,'official'),"
        " ?12,?13,?14,?15)";
    static const char *update_sql =
        "UPDATE framework SET name=?2, version=?3, jurisdiction=?4, issuer=?5,"
        " kind=?6, published=?7, url=?8, license=?9, language=?10,"
        " status=coalesce(?11,'official'), imported_at=?12, source_file=?13,"
        " source_sha256=?14, urn=?15 WHERE id=?1";
    sqlite3_stmt *st;
    xw_status s = xw_prepare(db, exists ? update_sql : insert_sql, &st, err);
    if (s != XW_OK)
        return s;
    char now[32];
    xw_utc_now(now);
    const char *vals[] = {m->id,      m->name,     m->version, m->jurisdiction,
                          m->issuer,  m->kind,     m->published, m->url,
                          m->license, m->language, m->status,  now,
                          source_file, sha256, m->urn};
    for (int i = 0; i < 15; i++)
        xw_bind_text_or_null(st, i + 1, vals[i]);
    s = xw_step_done(db, st, err);
    sqlite3_finalize(st);
    return s;
}

static xw_status exec_bound1(xw_db *db, const char *sql, const char *arg,
                             xw_error *err)
{
    sqlite3_stmt *st;
    xw_status s = xw_prepare(db, sql, &st, err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    s = xw_step_done(db, st, err);
    sqlite3_finalize(st);
    return s;
}

static void load_free(xw_catalog_load *load)
{
    if (!load)
        return;
    for (size_t i = 0; i < load->nlinks; i++) {
        free(load->links[i].from);
        free(load->links[i].rel);
        free(load->links[i].to);
    }
    free(load->links);
    sqlite3_finalize(load->upsert);
    sqlite3_finalize(load->first_seen);
    free(load->lines);
    free(load);
}

void xw_catalog_abort(xw_catalog_load *load)
{
    if (!load)
        return;
    xw_rollback(load->db);
    load_free(load);
}

xw_status xw_catalog_begin(xw_db *db, const xw_framework_meta *meta,
                           const char *source_file, const char *sha256,
                           int flags, xw_catalog_load **out,
                           xw_import_result *result, xw_error *err)
{
    *out = NULL;
    memset(result, 0, sizeof *result);
    result->what = "framework";
    xw_status s = check_meta(meta, err);
    if (s != XW_OK)
        return s;
    snprintf(result->id, sizeof result->id, "%s", meta->id);
    if ((s = xw_begin(db, err)) != XW_OK)
        return s;

    char old_version[256], old_sha[65];
    int exists = find_framework(db, meta->id, old_version, sizeof old_version,
                                old_sha, sizeof old_sha, err);
    if (exists < 0) {
        xw_rollback(db);
        return err->status;
    }
    if (exists && !strcmp(old_version, meta->version) &&
        !strcmp(old_sha, sha256)) {
        xw_rollback(db);
        result->outcome = XW_IMPORT_UNCHANGED;
        return XW_OK;
    }
    if (exists && !(flags & XW_IMPORT_REPLACE)) {
        xw_rollback(db);
        return xw_fail(err, XW_EINPUT,
                       "framework %s is already imported (version %s, from "
                       "another file); use --replace to replace it",
                       meta->id, old_version);
    }

    xw_catalog_load *load = calloc(1, sizeof *load);
    if (!load) {
        xw_rollback(db);
        return xw_fail(err, XW_ENOMEM, "out of memory");
    }
    load->db = db;
    snprintf(load->framework, sizeof load->framework, "%s", meta->id);
    s = write_framework(db, meta, source_file, sha256, exists, err);
    if (s == XW_OK && exists)
        s = exec_bound1(db, "UPDATE control SET ordinal = -1 "
                            "WHERE framework = ?1",
                        meta->id, err);
    if (s == XW_OK)
        s = xw_prepare(
            db,
            "INSERT INTO control (framework, id, parent, ordinal, title,"
            " description, title_ja, description_ja, assessable, tags,"
            " source_ref, withdrawn, urn, sort_key, alt_id)"
            " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"
            " ON CONFLICT (framework, id) DO UPDATE SET parent=excluded.parent,"
            " ordinal=excluded.ordinal, title=excluded.title,"
            " description=excluded.description, title_ja=excluded.title_ja,"
            " description_ja=excluded.description_ja,"
            " assessable=excluded.assessable, tags=excluded.tags,"
            " source_ref=excluded.source_ref, withdrawn=excluded.withdrawn,"
            " urn=excluded.urn, sort_key=excluded.sort_key,"
            " alt_id=excluded.alt_id"
            " WHERE control.ordinal = -1",
            &load->upsert, err);
    if (s == XW_OK)
        s = xw_prepare(db, "SELECT ordinal FROM control WHERE framework = ?1 "
                           "AND id = ?2",
                       &load->first_seen, err);
    if (s != XW_OK) {
        xw_catalog_abort(load);
        return s;
    }
    result->outcome = exists ? XW_IMPORT_REPLACED : XW_IMPORT_CREATED;
    *out = load;
    return XW_OK;
}


static long line_of_ordinal(const xw_catalog_load *load, long ordinal)
{
    return ordinal >= 0 && ordinal < load->count ? load->lines[ordinal] : 0;
}

xw_status xw_catalog_add(xw_catalog_load *load, const xw_control_in *c,
                         xw_error *err)
{
    if (xw_is_blank(c->id))
        return xw_fail_field(err, XW_FIELD_ID, c->line, "empty id");
    if (xw_is_blank(c->title))
        return xw_fail_field(err, XW_FIELD_TITLE, c->line,
                           "control %s: empty title", c->id);
    if (c->parent && !strcmp(c->parent, c->id))
        return xw_fail_field(err, XW_FIELD_PARENT, c->line,
                           "control %s is its own parent", c->id);
    if (load->count == load->cap) {
        long cap = load->cap ? load->cap * 2 : 256;
        long *l = realloc(load->lines, (size_t)cap * sizeof *l);
        if (!l)
            return xw_fail(err, XW_ENOMEM, "out of memory");
        load->lines = l;
        load->cap = cap;
    }
    sqlite3_stmt *st = load->upsert;
    const char *text[] = {load->framework, c->id, c->parent};
    for (int i = 0; i < 3; i++)
        xw_bind_text_or_null(st, i + 1, text[i]);
    sqlite3_bind_int64(st, 4, load->count);
    xw_bind_text_or_null(st, 5, c->title);
    xw_bind_text_or_null(st, 6, c->description);
    xw_bind_text_or_null(st, 7, c->title_ja);
    xw_bind_text_or_null(st, 8, c->description_ja);
    sqlite3_bind_int(st, 9, c->assessable ? 1 : 0);
    xw_bind_text_or_null(st, 10, c->tags);
    xw_bind_text_or_null(st, 11, c->source_ref);
    sqlite3_bind_int(st, 12, c->withdrawn ? 1 : 0);
    xw_bind_text_or_null(st, 13, c->urn);
    xw_bind_text_or_null(st, 14, c->sort_key);
    xw_bind_text_or_null(st, 15, c->alt_id);
    xw_status s = xw_step_done(load->db, st, err);
    if (s != XW_OK)
        return s;
    if (sqlite3_changes(load->db->sql) == 0) {
        /* The upsert's WHERE refused: this id was already in this file. */
        sqlite3_stmt *q = load->first_seen;
        sqlite3_bind_text(q, 1, load->framework, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, c->id, -1, SQLITE_STATIC);
        long first = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0)
                                                   : -1;
        sqlite3_reset(q);
        return xw_fail_field(err, XW_FIELD_ID, c->line,
                             "duplicate id \"%s\" (first on line %ld)", c->id,
                             line_of_ordinal(load, first));
    }
    load->lines[load->count++] = c->line;
    return XW_OK;
}

xw_status xw_catalog_link(xw_catalog_load *load, const char *from,
                          const char *rel, const char *to, xw_error *err)
{
    if (load->nlinks == load->caplinks) {
        size_t cap = load->caplinks ? load->caplinks * 2 : 256;
        pending_link *l = realloc(load->links, cap * sizeof *l);
        if (!l)
            return xw_fail(err, XW_ENOMEM, "out of memory");
        load->links = l;
        load->caplinks = cap;
    }
    pending_link *l = &load->links[load->nlinks];
    l->from = strdup(from);
    l->rel = strdup(rel);
    l->to = strdup(to);
    if (!l->from || !l->rel || !l->to) {
        free(l->from);
        free(l->rel);
        free(l->to);
        return xw_fail(err, XW_ENOMEM, "out of memory");
    }
    load->nlinks++;
    return XW_OK;
}

/* Writes the recorded links whose both ends are in the catalog. */
static xw_status write_links(xw_catalog_load *load, xw_error *err)
{
    if (!load->nlinks)
        return XW_OK;
    sqlite3_stmt *st = NULL;
    xw_status s = exec_bound1(load->db,
                              "DELETE FROM control_link WHERE source IN"
                              " (SELECT cid FROM control WHERE framework = ?1)",
                              load->framework, err);
    if (s == XW_OK)
        s = xw_prepare(load->db,
                       "INSERT OR IGNORE INTO control_link (source, rel, target)"
                       " SELECT a.cid, ?3, b.cid FROM control a, control b"
                       " WHERE a.framework = ?1 AND a.id = ?2"
                       " AND b.framework = ?1 AND b.id = ?4",
                       &st, err);
    for (size_t i = 0; i < load->nlinks && s == XW_OK; i++) {
        sqlite3_bind_text(st, 1, load->framework, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, load->links[i].from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, load->links[i].rel, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, load->links[i].to, -1, SQLITE_STATIC);
        s = xw_step_done(load->db, st, err);
    }
    sqlite3_finalize(st);
    return s;
}

/* Runs a query bound to the framework id that returns (ordinal, text) of
 * the first offending control, if any.  Returns 1 when a row was found. */
static int first_offender(xw_catalog_load *load, const char *sql,
                          long *ordinal, char *text, size_t tsize,
                          xw_error *err)
{
    sqlite3_stmt *st;
    if (xw_prepare(load->db, sql, &st, err) != XW_OK)
        return -1;
    sqlite3_bind_text(st, 1, load->framework, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, load->count);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        *ordinal = sqlite3_column_int64(st, 0);
        const char *t = (const char *)sqlite3_column_text(st, 1);
        snprintf(text, tsize, "%s", t ? t : "");
        found = 1;
    } else if (rc != SQLITE_DONE) {
        xw_fail_sql(err, load->db->sql, "checking the catalog");
        found = -1;
    }
    sqlite3_finalize(st);
    return found;
}

static const char *missing_parent_sql =
    "SELECT c.ordinal, c.parent FROM control c"
    " WHERE c.framework = ?1 AND c.ordinal >= 0 AND c.parent IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM control p WHERE p.framework = ?1"
    "   AND p.id = c.parent AND p.ordinal >= 0)"
    " ORDER BY c.ordinal LIMIT 1";

/* Walks up from every control; a walk that comes back to its start is a
 * cycle.  Walks are bounded by the number of controls. */
static const char *cycle_sql =
    "WITH RECURSIVE walk(start, start_id, cur, n) AS ("
    "  SELECT ordinal, id, parent, 1 FROM control"
    "   WHERE framework = ?1 AND ordinal >= 0 AND parent IS NOT NULL"
    "  UNION ALL"
    "  SELECT w.start, w.start_id, c.parent, w.n + 1 FROM walk w"
    "   JOIN control c ON c.framework = ?1 AND c.id = w.cur"
    "   WHERE c.parent IS NOT NULL AND w.cur <> w.start_id AND w.n <= ?2)"
    " SELECT start, start_id FROM walk WHERE cur = start_id"
    " ORDER BY start LIMIT 1";

static const char *dropped_in_use_sql =
    "SELECT c.ordinal, c.id || ' (used by mapping set ' || s.id || ')'"
    " FROM control c JOIN mapping m ON m.source = c.cid"
    " JOIN mapping_set s ON s.sid = m.sid"
    " WHERE c.framework = ?1 AND c.ordinal = -1"
    " UNION ALL "
    "SELECT c.ordinal, c.id || ' (used by mapping set ' || s.id || ')'"
    " FROM control c JOIN mapping m ON m.target = c.cid"
    " JOIN mapping_set s ON s.sid = m.sid"
    " WHERE c.framework = ?1 AND c.ordinal = -1 LIMIT 1";

xw_status xw_catalog_finish(xw_catalog_load *load, xw_import_result *result,
                            xw_error *err)
{
    long ord;
    char text[512];
    int found;
    if (load->count == 0) {
        xw_fail(err, XW_EINPUT, "no controls after the header");
        goto fail;
    }
    if ((found = first_offender(load, missing_parent_sql, &ord, text,
                                sizeof text, err)) != 0) {
        if (found > 0) {
            xw_fail_field(err, XW_FIELD_PARENT, line_of_ordinal(load, ord),
                          "parent \"%s\" is not a control of this catalog",
                          text);
        }
        goto fail;
    }
    if ((found = first_offender(load, cycle_sql, &ord, text, sizeof text,
                                err)) != 0) {
        if (found > 0) {
            xw_fail_field(err, XW_FIELD_PARENT, line_of_ordinal(load, ord),
                          "parent cycle: control \"%s\" is its own ancestor",
                          text);
        }
        goto fail;
    }
    if ((found = first_offender(load, dropped_in_use_sql, &ord, text,
                                sizeof text, err)) != 0) {
        if (found > 0)
            xw_fail(err, XW_EINPUT,
                    "the new file drops control %s; remove or re-import "
                    "those mappings first",
                    text);
        goto fail;
    }
    if (exec_bound1(load->db, "DELETE FROM control WHERE framework = ?1 "
                              "AND ordinal = -1",
                    load->framework, err) != XW_OK)
        goto fail;
    if (write_links(load, err) != XW_OK)
        goto fail;
    sqlite3_finalize(load->upsert);
    sqlite3_finalize(load->first_seen);
    load->upsert = load->first_seen = NULL;
    if (xw_commit(load->db, err) != XW_OK)
        goto fail;
    result->rows = load->count;
    load_free(load);
    return XW_OK;
fail:
    xw_catalog_abort(load);
    return err->status ? err->status : XW_EINPUT;
}
