/*
 * mapping_set.c - the store side of loading one mapping set: the set row
 * and its mappings, each checked against the two frameworks' catalogs.
 * A mapping is stored once, in the direction of its set; readers compute
 * the inverse.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct xw_set_load {
    xw_db *db;
    long sid;
    char source[256], target[256];
    sqlite3_stmt *find_control;
    sqlite3_stmt *find_alt;
    sqlite3_stmt *insert;
    sqlite3_stmt *has_pair;
    sqlite3_stmt *same_row;
    int skip_repeats;
    long count, repeated, conflicting;
    char first_conflict[256];
    /* The two frameworks' control ids, read once: looking every row's two
     * ids up in the database was most of an import's time. */
    xw_hashmap ids[2];
    long *cids[2];
    char **names[2];
    size_t nids[2];
};

/* FNV-1a over "framework\0id", for the id maps (never UINT64_MAX). */
static uint64_t id_hash(const char *id)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    return h == UINT64_MAX ? 0 : h;
}

/* Reads the ids (and alternative ids) of one side's framework. */
static xw_status load_ids(xw_set_load *load, int side, const char *framework,
                          xw_error *err)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(load->db,
                             "SELECT cid, id FROM control WHERE framework = ?1"
                             " ORDER BY ordinal",
                             &q, err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(q, 1, framework, -1, SQLITE_STATIC);
    size_t cap = 0;
    while (s == XW_OK && sqlite3_step(q) == SQLITE_ROW) {
        if (load->nids[side] == cap) {
            cap = cap ? cap * 2 : 256;
            long *c = realloc(load->cids[side], cap * sizeof *c);
            if (c)
                load->cids[side] = c;
            char **n = realloc(load->names[side], cap * sizeof *n);
            if (n)
                load->names[side] = n;
            if (!c || !n) {
                s = xw_fail(err, XW_ENOMEM, "out of memory");
                break;
            }
        }
        size_t k = load->nids[side];
        const char *id = (const char *)sqlite3_column_text(q, 1);
        load->cids[side][k] = sqlite3_column_int64(q, 0);
        load->names[side][k] = strdup(id);
        load->nids[side]++;
        /* On the rare hash collision the first id keeps the slot; the
         * other is found through the database. */
        size_t seen;
        if (!xw_hashmap_get(&load->ids[side], id_hash(id), &seen) &&
            xw_hashmap_put(&load->ids[side], id_hash(id), k) != 0)
            s = xw_fail(err, XW_ENOMEM, "out of memory");
    }
    sqlite3_finalize(q);
    return s;
}

static void free_ids(xw_set_load *load)
{
    for (int side = 0; side < 2; side++) {
        for (size_t k = 0; k < load->nids[side]; k++)
            free(load->names[side][k]);
        free(load->names[side]);
        free(load->cids[side]);
        xw_hashmap_free(&load->ids[side]);
    }
}

static xw_status check_framework(xw_db *db, const char *id, const char *role,
                                 xw_error *err)
{
    if (xw_is_blank(id))
        return xw_fail(err, XW_EINPUT, "a %s framework is required", role);
    sqlite3_stmt *st;
    xw_status s = xw_prepare(db, "SELECT 1 FROM framework WHERE id = ?1", &st,
                             err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return XW_OK;
    if (rc != SQLITE_DONE)
        return xw_fail_sql(err, db->sql, "looking up a framework");
    return xw_fail(err, XW_EINPUT,
                   "%s framework \"%s\" is not in the database (import its "
                   "catalog first)",
                   role, id);
}

static xw_status check_meta(const xw_set_meta *m, const char *id,
                            xw_error *err)
{
    if (!xw_is_slug(id))
        return xw_fail(err, XW_EINPUT,
                       "mapping set id \"%s\" is not a valid id (letters, "
                       "digits, '.', '_' and '-')",
                       id);
    if (!xw_is_blank(m->method) &&
        !xw_vocabulary_allows(XW_VOCAB_SET_METHOD, m->method))
        return xw_fail(err, XW_EINPUT,
                       "mapping set %s: unknown method \"%s\" (expected %s)",
                       id, m->method,
                       xw_vocabulary_expected(XW_VOCAB_SET_METHOD));
    if (!xw_is_blank(m->status) &&
        !xw_vocabulary_allows(XW_VOCAB_SET_STATUS, m->status))
        return xw_fail(err, XW_EINPUT,
                       "mapping set %s: unknown status \"%s\" (expected %s)",
                       id, m->status,
                       xw_vocabulary_expected(XW_VOCAB_SET_STATUS));
    if (!xw_is_blank(m->published) && !xw_is_date(m->published))
        return xw_fail(err, XW_EINPUT,
                       "mapping set %s: published date \"%s\" is not YYYY, "
                       "YYYY-MM or YYYY-MM-DD",
                       id, m->published);
    return XW_OK;
}

void xw_set_abort(xw_set_load *load)
{
    if (!load)
        return;
    xw_rollback(load->db);
    sqlite3_finalize(load->find_control);
    sqlite3_finalize(load->find_alt);
    sqlite3_finalize(load->insert);
    sqlite3_finalize(load->has_pair);
    sqlite3_finalize(load->same_row);
    free_ids(load);
    free(load);
}

/* Existing set with this id: fills sid, source, target and sha; returns 1
 * when found, 0 when absent, -1 on error. */
static int find_set(xw_db *db, const char *id, long *sid, char *source,
                    char *target, char *sha, xw_error *err)
{
    sqlite3_stmt *st;
    if (xw_prepare(db, "SELECT sid, source, target, source_sha256"
                       " FROM mapping_set WHERE id = ?1",
                   &st, err) != XW_OK)
        return -1;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        const char *v[3];
        for (int i = 0; i < 3; i++) {
            v[i] = (const char *)sqlite3_column_text(st, i + 1);
            if (!v[i])
                v[i] = "";
        }
        *sid = sqlite3_column_int64(st, 0);
        snprintf(source, 256, "%s", v[0]);
        snprintf(target, 256, "%s", v[1]);
        snprintf(sha, 65, "%s", v[2]);
        found = 1;
    } else if (rc != SQLITE_DONE) {
        xw_fail_sql(err, db->sql, "looking up a mapping set");
        found = -1;
    }
    sqlite3_finalize(st);
    return found;
}

static xw_status write_set(xw_set_load *load, const xw_set_meta *m,
                           const char *id, const char *source_file,
                           const char *sha256, int exists, xw_error *err)
{
    static const char *insert_sql =
        "INSERT INTO mapping_set (id, source, target, version, author, method,"
        " status, exhaustive, published, license, url, imported_at,"
        " source_file, source_sha256, urn, extra)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)";
    static const char *update_sql =
        "UPDATE mapping_set SET source=?2, target=?3, version=?4, author=?5,"
        " method=?6, status=?7, exhaustive=?8, published=?9, license=?10,"
        " url=?11, imported_at=?12, source_file=?13, source_sha256=?14,"
        " urn=?15, extra=?16 WHERE id=?1";
    sqlite3_stmt *st;
    xw_status s = xw_prepare(load->db, exists ? update_sql : insert_sql, &st,
                             err);
    if (s != XW_OK)
        return s;
    char now[32];
    xw_utc_now(now);
    const char *vals[] = {id,         m->source,    m->target, m->version,
                          m->author,  m->method,    m->status, NULL,
                          m->published, m->license, m->url,    now,
                          source_file, sha256, m->urn, m->extra};
    for (int i = 0; i < 16; i++)
        if (i != 7)
            xw_bind_text_or_null(st, i + 1, vals[i]);
    sqlite3_bind_int(st, 8, m->exhaustive ? 1 : 0);
    s = xw_step_done(load->db, st, err);
    sqlite3_finalize(st);
    if (s == XW_OK && !exists)
        load->sid = sqlite3_last_insert_rowid(load->db->sql);
    return s;
}

xw_status xw_set_begin(xw_db *db, const xw_set_meta *meta,
                       const char *source_file, const char *sha256, int flags,
                       xw_set_load **out, xw_import_result *result,
                       xw_error *err)
{
    *out = NULL;
    memset(result, 0, sizeof *result);
    result->what = "mapping set";
    char id[256];
    if (!xw_is_blank(meta->id))
        snprintf(id, sizeof id, "%s", meta->id);
    else
        snprintf(id, sizeof id, "%s-to-%s", meta->source ? meta->source : "",
                 meta->target ? meta->target : "");
    snprintf(result->id, sizeof result->id, "%s", id);
    xw_status s;
    if ((s = check_framework(db, meta->source, "source", err)) != XW_OK ||
        (s = check_framework(db, meta->target, "target", err)) != XW_OK ||
        (s = check_meta(meta, id, err)) != XW_OK)
        return s;
    if ((s = xw_begin(db, err)) != XW_OK)
        return s;

    long sid = 0;
    char old_source[256], old_target[256], old_sha[65];
    int exists = find_set(db, id, &sid, old_source, old_target, old_sha, err);
    if (exists < 0) {
        xw_rollback(db);
        return err->status;
    }
    if (exists && !strcmp(old_sha, sha256) &&
        !strcmp(old_source, meta->source) && !strcmp(old_target, meta->target)) {
        xw_rollback(db);
        result->outcome = XW_IMPORT_UNCHANGED;
        return XW_OK;
    }
    if (exists && !(flags & XW_IMPORT_REPLACE)) {
        xw_rollback(db);
        return xw_fail(err, XW_EINPUT,
                       "mapping set %s is already imported (from another "
                       "file); use --replace to replace it",
                       id);
    }

    xw_set_load *load = calloc(1, sizeof *load);
    if (!load) {
        xw_rollback(db);
        return xw_fail(err, XW_ENOMEM, "out of memory");
    }
    load->db = db;
    load->sid = sid;
    snprintf(load->source, sizeof load->source, "%s", meta->source);
    snprintf(load->target, sizeof load->target, "%s", meta->target);
    s = write_set(load, meta, id, source_file, sha256, exists, err);
    if (s == XW_OK && exists) {
        sqlite3_stmt *del;
        static const char *const clear[] = {
            "DELETE FROM mapping WHERE sid = ?1",
            "DELETE FROM mapping_gap WHERE sid = ?1"};
        for (int k = 0; k < 2 && s == XW_OK; k++)
            if ((s = xw_prepare(db, clear[k], &del, err)) == XW_OK) {
                sqlite3_bind_int64(del, 1, sid);
                s = xw_step_done(db, del, err);
                sqlite3_finalize(del);
            }
    }
    if (s == XW_OK)
        s = xw_prepare(db, "SELECT cid FROM control WHERE framework = ?1"
                           " AND id = ?2",
                       &load->find_control, err);
    if (s == XW_OK)
        s = xw_prepare(db, "SELECT cid FROM control WHERE framework = ?1"
                           " AND alt_id = ?2",
                       &load->find_alt, err);
    if (s == XW_OK)
        s = xw_prepare(db, "INSERT INTO mapping (sid, source, target,"
                           " relationship, rationale, strength, confidence,"
                           " note, ordinal, map_uuid, extra)"
                           " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
                       &load->insert, err);
    if (s == XW_OK)
        s = xw_prepare(db, "SELECT 1 FROM mapping WHERE sid = ?1"
                           " AND source = ?2 AND target = ?3",
                       &load->has_pair, err);
    if (s == XW_OK)
        s = xw_prepare(db, "SELECT relationship FROM mapping WHERE sid = ?1"
                           " AND source = ?2 AND target = ?3"
                           " AND rationale = ?4",
                       &load->same_row, err);
    load->skip_repeats = (flags & XW_IMPORT_SKIP_REPEATS) != 0;
    if (s == XW_OK)
        s = load_ids(load, 0, load->source, err);
    if (s == XW_OK)
        s = load_ids(load, 1, load->target, err);
    if (s != XW_OK) {
        xw_set_abort(load);
        return s;
    }
    result->outcome = exists ? XW_IMPORT_REPLACED : XW_IMPORT_CREATED;
    *out = load;
    return XW_OK;
}

/* cid of control id in framework, 0 when absent, -1 on error: the published
 * id first, else the id the format uses inside (alt_id). */
static long find_control(xw_set_load *load, const char *framework,
                         const char *id, xw_error *err)
{
    int side = framework == load->source ? 0 : framework == load->target ? 1
                                                                        : -1;
    size_t k;
    if (side >= 0 && xw_hashmap_get(&load->ids[side], id_hash(id), &k) &&
        !strcmp(load->names[side][k], id))
        return load->cids[side][k];
    sqlite3_stmt *queries[2] = {load->find_control, load->find_alt};
    for (int k = 0; k < 2; k++) {
        sqlite3_stmt *st = queries[k];
        sqlite3_bind_text(st, 1, framework, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        long cid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            xw_fail_sql(err, load->db->sql, "looking up a control");
            return -1;
        }
        if (cid)
            return cid;
    }
    return 0;
}

/* Lower-cases a short vocabulary word into buf; returns buf. */
static const char *lower(const char *s, char *buf, size_t size)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    buf[i] = '\0';
    return buf;
}

xw_status xw_set_add(xw_set_load *load, const xw_mapping_in *m, xw_error *err)
{
    long line = m->line;
    if (xw_is_blank(m->source))
        return xw_fail_field(err, XW_FIELD_SOURCE, line, "empty source");
    if (xw_is_blank(m->target))
        return xw_fail_field(err, XW_FIELD_TARGET, line, "empty target");
    int rel = xw_relationship_parse(m->relationship);
    if (rel < 0)
        return xw_fail_field(
            err, XW_FIELD_RELATIONSHIP, line,
            "unknown relationship \"%s\" (expected equal-to, equivalent-to, "
            "subset-of, superset-of, intersects-with or no-relationship)",
            m->relationship ? m->relationship : "");
    char rationale[32] = "";
    if (!xw_is_blank(m->rationale)) {
        lower(m->rationale, rationale, sizeof rationale);
        if (!xw_vocabulary_allows(XW_VOCAB_RATIONALE, rationale))
            return xw_fail_field(err, XW_FIELD_RATIONALE, line,
                                 "unknown rationale \"%s\" (expected %s)",
                                 m->rationale,
                                 xw_vocabulary_expected(XW_VOCAB_RATIONALE));
    }
    long strength = -1;
    if (!xw_is_blank(m->strength) &&
        xw_parse_int(m->strength, 0, 10, &strength) != 0)
        return xw_fail_field(err, XW_FIELD_STRENGTH, line,
                             "strength \"%s\" is not a whole number from 0 "
                             "to 10",
                             m->strength);
    char confidence[32] = "";
    if (!xw_is_blank(m->confidence)) {
        lower(m->confidence, confidence, sizeof confidence);
        if (!xw_vocabulary_allows(XW_VOCAB_CONFIDENCE, confidence))
            return xw_fail_field(err, XW_FIELD_CONFIDENCE, line,
                                 "unknown confidence \"%s\" (expected %s)",
                                 m->confidence,
                                 xw_vocabulary_expected(XW_VOCAB_CONFIDENCE));
    }
    long src = find_control(load, load->source, m->source, err);
    if (src < 0)
        return err->status;
    if (src == 0)
        return xw_fail_field(err, XW_FIELD_SOURCE, line,
                             "no control \"%s\" in framework %s", m->source,
                             load->source);
    long tgt = find_control(load, load->target, m->target, err);
    if (tgt < 0)
        return err->status;
    if (tgt == 0)
        return xw_fail_field(err, XW_FIELD_TARGET, line,
                             "no control \"%s\" in framework %s", m->target,
                             load->target);

    sqlite3_stmt *st = load->insert;
    sqlite3_bind_int64(st, 1, load->sid);
    sqlite3_bind_int64(st, 2, src);
    sqlite3_bind_int64(st, 3, tgt);
    sqlite3_bind_text(st, 4, xw_relationship_name((xw_relationship)rel), -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(st, 5, rationale, -1, SQLITE_STATIC);
    if (strength >= 0)
        sqlite3_bind_int(st, 6, (int)strength);
    else
        sqlite3_bind_null(st, 6);
    xw_bind_text_or_null(st, 7, confidence);
    xw_bind_text_or_null(st, 8, m->note);
    sqlite3_bind_int64(st, 9, load->count);
    xw_bind_text_or_null(st, 10, m->map_uuid);
    xw_bind_text_or_null(st, 11, m->extra);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if ((rc == SQLITE_CONSTRAINT_PRIMARYKEY ||
         rc == SQLITE_CONSTRAINT_UNIQUE) &&
        load->skip_repeats) {
        /* The same row again is counted once; a different relationship for
         * the same pair and rationale is still an error. */
        sqlite3_stmt *q = load->same_row;
        sqlite3_bind_int64(q, 1, load->sid);
        sqlite3_bind_int64(q, 2, src);
        sqlite3_bind_int64(q, 3, tgt);
        sqlite3_bind_text(q, 4, rationale, -1, SQLITE_STATIC);
        int same = sqlite3_step(q) == SQLITE_ROW &&
                   !strcmp((const char *)sqlite3_column_text(q, 0),
                           xw_relationship_name((xw_relationship)rel));
        sqlite3_reset(q);
        if (same)
            load->repeated++;
        else if (!load->conflicting++)
            snprintf(load->first_conflict, sizeof load->first_conflict,
                     "%s -> %s (line %ld)", m->source, m->target, m->line);
        return XW_OK;
    }
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
        return xw_fail_field(err, XW_FIELD_SOURCE, line,
                             "duplicate mapping %s -> %s%s%s: the pair is "
                             "already mapped with this rationale earlier in "
                             "the file",
                             m->source, m->target, rationale[0] ? " " : "",
                             rationale);
    if (rc != SQLITE_DONE)
        return xw_fail_sql(err, load->db->sql, "writing a mapping");
    load->count++;
    return XW_OK;
}

xw_status xw_set_gap(xw_set_load *load, const char *side, const char *control,
                     xw_error *err)
{
    int target = !strcmp(side, "target");
    long cid = find_control(load, target ? load->target : load->source,
                            control, err);
    if (cid < 0)
        return err->status;
    if (cid == 0)
        return xw_fail(err, XW_EINPUT, "gap summary names no control \"%s\" "
                                       "of framework %s",
                       control, target ? load->target : load->source);
    sqlite3_stmt *st;
    xw_status s = xw_prepare(load->db,
                             "INSERT OR IGNORE INTO mapping_gap (sid, control,"
                             " side) VALUES (?1, ?2, ?3)",
                             &st, err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_int64(st, 1, load->sid);
    sqlite3_bind_int64(st, 2, cid);
    sqlite3_bind_text(st, 3, target ? "target" : "source", -1, SQLITE_STATIC);
    s = xw_step_done(load->db, st, err);
    sqlite3_finalize(st);
    return s;
}

int xw_set_has_pair(xw_set_load *load, const char *source, const char *target)
{
    xw_error ignore;
    long s = find_control(load, load->source, source, &ignore);
    long t = find_control(load, load->target, target, &ignore);
    if (s <= 0 || t <= 0)
        return 0;
    sqlite3_stmt *q = load->has_pair;
    sqlite3_bind_int64(q, 1, load->sid);
    sqlite3_bind_int64(q, 2, s);
    sqlite3_bind_int64(q, 3, t);
    int found = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_reset(q);
    return found;
}

xw_status xw_set_finish(xw_set_load *load, xw_import_result *result,
                        xw_error *err)
{
    sqlite3_finalize(load->find_control);
    sqlite3_finalize(load->find_alt);
    sqlite3_finalize(load->insert);
    sqlite3_finalize(load->has_pair);
    sqlite3_finalize(load->same_row);
    load->find_control = load->find_alt = load->insert = load->has_pair =
        load->same_row = NULL;
    xw_status s = xw_commit(load->db, err);
    if (s != XW_OK) {
        xw_set_abort(load);
        return s;
    }
    free_ids(load);
    result->rows = load->count;
    result->repeated = load->repeated;
    result->conflicting = load->conflicting;
    snprintf(result->first_conflict, sizeof result->first_conflict, "%s",
             load->first_conflict);
    free(load);
    return XW_OK;
}
