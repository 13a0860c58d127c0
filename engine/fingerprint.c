/*
 * fingerprint.c - a SHA-256 of the database's content, read in a canonical
 * order, so that two databases built from the same files at different times
 * (or with different page layouts) share it.  Import times are left out:
 * they are not content.
 */
#include <string.h>

#include "internal.h"

static const char *const queries[] = {
    "SELECT id, name, version, jurisdiction, issuer, kind, published, url,"
    " license, language, status, source_sha256, urn FROM framework ORDER BY id",
    "SELECT framework, id, parent, ordinal, title, description, title_ja,"
    " description_ja, assessable, tags, source_ref, withdrawn, urn, sort_key,"
    " alt_id FROM control ORDER BY framework, ordinal",
    "SELECT id, source, target, version, author, method, status, exhaustive,"
    " published, license, url, source_sha256, urn, extra FROM mapping_set"
    " ORDER BY id",
    "SELECT s.id, a.id, b.id, m.relationship, m.rationale, m.strength,"
    " m.confidence, m.note, m.ordinal, m.map_uuid, m.extra FROM mapping m"
    " JOIN mapping_set s ON s.sid = m.sid JOIN control a ON a.cid = m.source"
    " JOIN control b ON b.cid = m.target ORDER BY s.id, m.ordinal",
    "SELECT a.framework, a.id, l.rel, b.id FROM control_link l"
    " JOIN control a ON a.cid = l.source JOIN control b ON b.cid = l.target"
    " ORDER BY 1, 2, 3, 4",
    "SELECT s.id, g.side, c.framework, c.id FROM mapping_gap g"
    " JOIN mapping_set s ON s.sid = g.sid JOIN control c ON c.cid = g.control"
    " ORDER BY 1, 2, 3, 4",
};

xw_status xw_db_fingerprint(xw_db *db, char hex[65], xw_error *err)
{
    xw_sha256 h;
    xw_sha256_init(&h);
    for (size_t k = 0; k < sizeof queries / sizeof *queries; k++) {
        sqlite3_stmt *q;
        xw_status s = xw_prepare(db, queries[k], &q, err);
        if (s != XW_OK)
            return s;
        int n = sqlite3_column_count(q);
        int rc;
        while ((rc = sqlite3_step(q)) == SQLITE_ROW)
            for (int i = 0; i < n; i++) {
                /* Each value with its length, NULL apart from "". */
                const unsigned char *v = sqlite3_column_text(q, i);
                long len = v ? (long)sqlite3_column_bytes(q, i) : -1;
                xw_sha256_update(&h, &len, sizeof len);
                if (v)
                    xw_sha256_update(&h, v, (size_t)len);
            }
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE)
            return xw_fail_sql(err, db->sql, "reading the database");
        unsigned char sep = 0xff;
        xw_sha256_update(&h, &sep, 1);
    }
    xw_sha256_final_hex(&h, hex);
    return XW_OK;
}
