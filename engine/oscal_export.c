/*
 * oscal_export.c - writes a mapping set as an OSCAL 1.2 mapping collection
 * (JSON).  Rows that share a map uuid become one map with all their sources
 * and targets.  Fields kept from an imported collection (metadata,
 * provenance, qualifiers, confidence scores, coverage, props) are written
 * back, so that importing and exporting loses nothing; a set authored here
 * gets them from its own columns.  The same database gives the same bytes:
 * uuids the set lacks are derived from its id.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* An RFC 9562 version 8 (custom) uuid from the SHA-256 of a name. */
static void derived_uuid(const char *set, const char *what, long n,
                         char out[37])
{
    char name[600], hex[65];
    snprintf(name, sizeof name, "xwalk:%s:%s:%ld", set, what, n);
    xw_sha256 h;
    xw_sha256_init(&h);
    xw_sha256_update(&h, name, strlen(name));
    xw_sha256_final_hex(&h, hex);
    hex[12] = '8';
    static const char variant[] = "89ab";
    hex[16] = variant[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3];
    snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12,
             hex + 16, hex + 20);
}

static const char *col(sqlite3_stmt *q, int i)
{
    return (const char *)sqlite3_column_text(q, i);
}

static json_t *item(const char *id, json_t *kept)
{
    /* The imported item for this id, when there was one (it may carry
     * props or remarks), else a plain control reference. */
    size_t i;
    json_t *k;
    json_array_foreach(kept, i, k)
    {
        json_t *ref = json_object_get(k, "id-ref");
        if (json_is_string(ref) && !strcmp(json_string_value(ref), id))
            return json_deep_copy(k);
    }
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("control"));
    json_object_set_new(o, "id-ref", json_string(id));
    return o;
}

static int has_id(json_t *items, const char *id)
{
    size_t i;
    json_t *k;
    json_array_foreach(items, i, k)
    {
        json_t *ref = json_object_get(k, "id-ref");
        if (json_is_string(ref) && !strcmp(json_string_value(ref), id))
            return 1;
    }
    return 0;
}

/* Gap summaries from the stored gaps, keeping an imported summary's uuid. */
static void gaps(xw_db *db, long sid, const char *set_id, json_t *mapping)
{
    static const char *const sides[2] = {"source", "target"};
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT coalesce(c.alt_id, c.id) FROM mapping_gap g"
                           " JOIN control c ON c.cid = g.control"
                           " WHERE g.sid = ?1 AND g.side = ?2"
                           " ORDER BY c.ordinal",
                           -1, &q, NULL) != SQLITE_OK)
        return;
    for (int s = 0; s < 2; s++) {
        char key[32];
        snprintf(key, sizeof key, "%s-gap-summary", sides[s]);
        json_t *ids = json_array();
        sqlite3_bind_int64(q, 1, sid);
        sqlite3_bind_text(q, 2, sides[s], -1, SQLITE_STATIC);
        while (sqlite3_step(q) == SQLITE_ROW)
            json_array_append_new(ids, json_string(col(q, 0)));
        sqlite3_reset(q);
        if (!json_array_size(ids)) {
            json_decref(ids);
            json_object_del(mapping, key);
            continue;
        }
        json_t *summary = json_object_get(mapping, key);
        if (!json_is_object(summary)) {
            char uuid[37];
            derived_uuid(set_id, key, 0, uuid);
            summary = json_object();
            json_object_set_new(summary, "uuid", json_string(uuid));
            json_object_set_new(mapping, key, summary);
        }
        json_t *sel = json_object();
        json_object_set_new(sel, "with-ids", ids);
        json_t *list = json_array();
        json_array_append_new(list, sel);
        json_object_set_new(summary, "unmapped-controls", list);
    }
    sqlite3_finalize(q);
}

xw_status xw_export_oscal(xw_db *db, const char *set_id, FILE *out,
                          xw_error *err)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(
        db,
        "SELECT s.sid, s.version, s.method, s.status, s.extra, s.imported_at,"
        " a.source_file, b.source_file, s.source, s.target FROM mapping_set s"
        " JOIN framework a ON a.id = s.source JOIN framework b ON b.id = s.target"
        " WHERE s.id = ?1",
        &q, err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(q, 1, set_id, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_ROW) {
        sqlite3_finalize(q);
        return xw_fail(err, XW_ENOTFOUND,
                       "no mapping set \"%s\" in the database (see 'xwalk "
                       "sets')",
                       set_id);
    }
    long sid = sqlite3_column_int64(q, 0);
    json_t *extra = col(q, 4) ? json_loads(col(q, 4), 0, NULL) : NULL;
    json_t *mc = json_object();
    char uuid[37];
    const char *cu = json_string_value(json_object_get(extra, "collection-uuid"));
    if (!cu || !*cu) {
        derived_uuid(set_id, "collection", 0, uuid);
        cu = uuid;
    }
    json_object_set_new(mc, "uuid", json_string(cu));
    json_t *meta = json_object_get(extra, "metadata");
    if (meta)
        json_object_set(mc, "metadata", meta);
    else {
        meta = json_object();
        json_object_set_new(meta, "title", json_string(set_id));
        json_object_set_new(meta, "last-modified",
                            json_string(col(q, 5) ? col(q, 5) : ""));
        json_object_set_new(meta, "version",
                            json_string(col(q, 1) ? col(q, 1) : "1"));
        json_object_set_new(meta, "oscal-version", json_string("1.2.0"));
        json_object_set_new(mc, "metadata", meta);
    }
    json_t *prov = json_object_get(extra, "provenance");
    if (prov)
        json_object_set(mc, "provenance", prov);
    else {
        prov = json_object();
        json_object_set_new(prov, "method",
                            json_string(col(q, 2) ? col(q, 2) : "human"));
        json_object_set_new(prov, "matching-rationale", json_string("semantic"));
        json_object_set_new(prov, "status",
                            json_string(col(q, 3) ? col(q, 3) : "draft"));
        char desc[400];
        snprintf(desc, sizeof desc, "xwalk mapping set %s, from %s to %s",
                 set_id, col(q, 8), col(q, 9));
        json_object_set_new(prov, "mapping-description", json_string(desc));
        json_object_set_new(mc, "provenance", prov);
    }
    json_t *mapping = json_object_get(extra, "mapping");
    mapping = mapping ? json_deep_copy(mapping) : json_object();
    if (!json_object_get(mapping, "uuid")) {
        derived_uuid(set_id, "mapping", 0, uuid);
        json_object_set_new(mapping, "uuid", json_string(uuid));
    }
    const char *sides[2][2] = {{"source-resource", col(q, 6)},
                               {"target-resource", col(q, 7)}};
    for (int i = 0; i < 2; i++)
        if (!json_object_get(mapping, sides[i][0])) {
            json_t *r = json_object();
            json_object_set_new(r, "type", json_string("catalog"));
            json_object_set_new(r, "href",
                                json_string(sides[i][1] ? sides[i][1] : ""));
            json_object_set_new(mapping, sides[i][0], r);
        }
    json_t *back = json_object_get(extra, "back-matter");
    if (back)
        json_incref(back);
    sqlite3_finalize(q);

    /* The rows, grouped into maps by uuid in document order. */
    if ((s = xw_prepare(db,
                        "SELECT m.map_uuid, m.relationship, m.rationale,"
                        " m.confidence, m.note, m.extra,"
                        " coalesce(a.alt_id, a.id), coalesce(b.alt_id, b.id),"
                        " m.ordinal FROM mapping m"
                        " JOIN control a ON a.cid = m.source"
                        " JOIN control b ON b.cid = m.target"
                        " WHERE m.sid = ?1 ORDER BY m.ordinal",
                        &q, err)) != XW_OK) {
        json_decref(extra);
        json_decref(mapping);
        json_decref(back);
        json_decref(mc);
        return s;
    }
    sqlite3_bind_int64(q, 1, sid);
    json_t *maps = json_array();
    json_t *by_uuid = json_object(); /* uuid -> index in maps */
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *mu = col(q, 0);
        char own[37];
        if (!mu) {
            derived_uuid(set_id, "map", sqlite3_column_int64(q, 8), own);
            mu = own;
        }
        json_t *idx = json_object_get(by_uuid, mu);
        json_t *map;
        json_t *kept = col(q, 5) ? json_loads(col(q, 5), 0, NULL) : NULL;
        if (idx) {
            map = json_array_get(maps, (size_t)json_integer_value(idx));
        } else {
            map = json_is_object(kept) ? json_deep_copy(kept) : json_object();
            json_object_set_new(map, "uuid", json_string(mu));
            json_object_set_new(map, "relationship", json_string(col(q, 1)));
            if (!kept) {
                if (col(q, 2) && *col(q, 2))
                    json_object_set_new(map, "matching-rationale",
                                        json_string(col(q, 2)));
                if (col(q, 3)) {
                    json_t *score = json_object();
                    json_object_set_new(score, "category",
                                        json_string(col(q, 3)));
                    json_object_set_new(map, "confidence-score", score);
                }
                if (col(q, 4))
                    json_object_set_new(map, "remarks", json_string(col(q, 4)));
            }
            json_object_set_new(map, "sources", json_array());
            json_object_set_new(map, "targets", json_array());
            json_object_set_new(by_uuid, mu,
                                json_integer((json_int_t)json_array_size(maps)));
            json_array_append_new(maps, map);
        }
        const char *ids[2] = {col(q, 6), col(q, 7)};
        const char *keys[2] = {"sources", "targets"};
        for (int i = 0; i < 2; i++) {
            json_t *list = json_object_get(map, keys[i]);
            if (!has_id(list, ids[i]))
                json_array_append_new(list,
                                      item(ids[i], json_object_get(kept,
                                                                   keys[i])));
        }
        json_decref(kept);
    }
    sqlite3_finalize(q);
    json_decref(by_uuid);
    json_object_set_new(mapping, "maps", maps);
    gaps(db, sid, set_id, mapping);
    json_t *list = json_array();
    json_array_append_new(list, mapping);
    json_object_set_new(mc, "mappings", list);
    if (back)
        json_object_set_new(mc, "back-matter", back);
    json_t *root = json_object();
    json_object_set_new(root, "mapping-collection", mc);
    int bad = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    json_decref(extra);
    return bad ? xw_fail(err, XW_EIO, "cannot write output") : XW_OK;
}
