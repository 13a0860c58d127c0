/*
 * schema.c - the database schema and its forward migrations.
 *
 * PRAGMA user_version holds the schema version; migrations[i] takes a
 * database from version i to i+1.  A migration is only ever appended, never
 * edited, so that every older database can be brought forward.  A database
 * written by a newer xwalk is refused rather than misread.
 */
#include <string.h>

#include "internal.h"

/* "xwlk": marks the file as an xwalk database for file(1) and for us. */
#define XW_APPLICATION_ID 0x78776c6b

static const char *const migrations[] = {
    /* 0 -> 1: frameworks, controls, mapping sets, mappings. */
    "CREATE TABLE framework ("
    "  id TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  version TEXT NOT NULL,"
    "  jurisdiction TEXT NOT NULL,"
    "  issuer TEXT,"
    "  kind TEXT CHECK (kind IN ('law','regulation','guideline','standard',"
    "                           'certification','framework')),"
    "  published TEXT,"
    "  url TEXT,"
    "  license TEXT,"
    "  language TEXT,"
    "  status TEXT NOT NULL DEFAULT 'official'"
    "    CHECK (status IN ('official','partial','provisional')),"
    "  imported_at TEXT NOT NULL,"
    "  source_file TEXT,"
    "  source_sha256 TEXT"
    ");"
    "CREATE TABLE control ("
    "  cid INTEGER PRIMARY KEY,"
    "  framework TEXT NOT NULL REFERENCES framework(id) ON DELETE CASCADE,"
    "  id TEXT NOT NULL,"
    "  parent TEXT,"
    "  ordinal INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  description TEXT,"
    "  title_ja TEXT,"
    "  description_ja TEXT,"
    "  assessable INTEGER NOT NULL DEFAULT 1 CHECK (assessable IN (0,1)),"
    "  tags TEXT,"
    "  source_ref TEXT,"
    "  UNIQUE (framework, id),"
    "  FOREIGN KEY (framework, parent) REFERENCES control(framework, id)"
    "    DEFERRABLE INITIALLY DEFERRED"
    ");"
    "CREATE INDEX control_parent ON control(framework, parent);"
    "CREATE INDEX control_order ON control(framework, ordinal);"
    "CREATE TABLE mapping_set ("
    "  sid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  source TEXT NOT NULL REFERENCES framework(id),"
    "  target TEXT NOT NULL REFERENCES framework(id),"
    "  version TEXT,"
    "  author TEXT,"
    "  method TEXT CHECK (method IN ('human','automation','hybrid')),"
    "  status TEXT CHECK (status IN ('draft','complete','not-complete',"
    "                               'deprecated','superseded')),"
    "  exhaustive INTEGER NOT NULL DEFAULT 0 CHECK (exhaustive IN (0,1)),"
    "  published TEXT,"
    "  license TEXT,"
    "  url TEXT,"
    "  imported_at TEXT NOT NULL,"
    "  source_file TEXT,"
    "  source_sha256 TEXT"
    ");"
    "CREATE INDEX mapping_set_source ON mapping_set(source);"
    "CREATE INDEX mapping_set_target ON mapping_set(target);"
    "CREATE TABLE mapping ("
    "  sid INTEGER NOT NULL REFERENCES mapping_set(sid) ON DELETE CASCADE,"
    "  source INTEGER NOT NULL REFERENCES control(cid),"
    "  target INTEGER NOT NULL REFERENCES control(cid),"
    "  relationship TEXT NOT NULL CHECK (relationship IN ('equal-to',"
    "    'equivalent-to','subset-of','superset-of','intersects-with',"
    "    'no-relationship')),"
    "  rationale TEXT NOT NULL DEFAULT ''"
    "    CHECK (rationale IN ('','syntactic','semantic','functional')),"
    "  strength INTEGER CHECK (strength BETWEEN 0 AND 10),"
    "  confidence TEXT CHECK (confidence IN ('high','medium','low')),"
    "  note TEXT,"
    "  ordinal INTEGER NOT NULL,"
    "  UNIQUE (sid, source, target, rationale)"
    ");"
    "CREATE INDEX mapping_source ON mapping(source);"
    "CREATE INDEX mapping_target ON mapping(target);",

    /* 1 -> 2: withdrawn controls (kept, so that old mappings to them can be
     * found and reported). */
    "ALTER TABLE control ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0"
    "  CHECK (withdrawn IN (0,1));",

    /* 2 -> 3: mappings clustered by set (WITHOUT ROWID, keyed by what was
     * the unique constraint), so that reading a set's rows reads them in
     * place instead of looking each one up. */
    "CREATE TABLE mapping_v3 ("
    "  sid INTEGER NOT NULL REFERENCES mapping_set(sid) ON DELETE CASCADE,"
    "  source INTEGER NOT NULL REFERENCES control(cid),"
    "  target INTEGER NOT NULL REFERENCES control(cid),"
    "  relationship TEXT NOT NULL CHECK (relationship IN ('equal-to',"
    "    'equivalent-to','subset-of','superset-of','intersects-with',"
    "    'no-relationship')),"
    "  rationale TEXT NOT NULL DEFAULT ''"
    "    CHECK (rationale IN ('','syntactic','semantic','functional')),"
    "  strength INTEGER CHECK (strength BETWEEN 0 AND 10),"
    "  confidence TEXT CHECK (confidence IN ('high','medium','low')),"
    "  note TEXT,"
    "  ordinal INTEGER NOT NULL,"
    "  PRIMARY KEY (sid, source, target, rationale)"
    ") WITHOUT ROWID;"
    "INSERT INTO mapping_v3 SELECT sid, source, target, relationship,"
    "  rationale, strength, confidence, note, ordinal FROM mapping;"
    "DROP TABLE mapping;"
    "ALTER TABLE mapping_v3 RENAME TO mapping;"
    "CREATE INDEX mapping_source ON mapping(source);"
    "CREATE INDEX mapping_target ON mapping(target);",

    /* 3 -> 4: what the published formats carry beyond the CSV columns:
     * URNs (CISO Assistant), sort keys and links between controls (OSCAL),
     * and the group a mapping came in (an OSCAL map with N sources and M
     * targets is stored as N x M rows sharing its uuid). */
    "ALTER TABLE framework ADD COLUMN urn TEXT;"
    "ALTER TABLE control ADD COLUMN urn TEXT;"
    "ALTER TABLE control ADD COLUMN sort_key TEXT;"
    "CREATE INDEX control_urn ON control(urn) WHERE urn IS NOT NULL;"
    "CREATE INDEX framework_urn ON framework(urn) WHERE urn IS NOT NULL;"
    "ALTER TABLE mapping_set ADD COLUMN urn TEXT;"
    "ALTER TABLE mapping ADD COLUMN map_uuid TEXT;"
    "CREATE TABLE control_link ("
    "  source INTEGER NOT NULL REFERENCES control(cid) ON DELETE CASCADE,"
    "  rel TEXT NOT NULL,"
    "  target INTEGER NOT NULL REFERENCES control(cid) ON DELETE CASCADE,"
    "  PRIMARY KEY (source, rel, target)"
    ") WITHOUT ROWID;"
    "CREATE INDEX control_link_target ON control_link(target);",

    /* 4 -> 5: what OSCAL mapping collections carry beyond the columns,
     * kept so that an export gives back every field: the id a format uses
     * inside (OSCAL's "ac-2.1" for the published "AC-2(1)"), the JSON of a
     * map's and a collection's other fields, and explicit gaps. */
    "ALTER TABLE control ADD COLUMN alt_id TEXT;"
    "CREATE INDEX control_alt_id ON control(framework, alt_id)"
    "  WHERE alt_id IS NOT NULL;"
    "ALTER TABLE mapping ADD COLUMN extra TEXT;"
    "ALTER TABLE mapping_set ADD COLUMN extra TEXT;"
    "CREATE TABLE mapping_gap ("
    "  sid INTEGER NOT NULL REFERENCES mapping_set(sid) ON DELETE CASCADE,"
    "  control INTEGER NOT NULL REFERENCES control(cid),"
    "  side TEXT NOT NULL CHECK (side IN ('source','target')),"
    "  PRIMARY KEY (sid, side, control)"
    ") WITHOUT ROWID;"
    "CREATE INDEX mapping_gap_control ON mapping_gap(control);",

    /* 5 -> 6: full-text search over ids, titles and descriptions in English
     * and Japanese.  The trigram tokenizer finds any run of three or more
     * characters, which serves Japanese text, written without spaces. */
    "CREATE VIRTUAL TABLE control_fts USING fts5(id, title, description,"
    "  title_ja, description_ja, content='control', content_rowid='cid',"
    "  tokenize='trigram');"
    "INSERT INTO control_fts(control_fts) VALUES ('rebuild');"
    "CREATE TRIGGER control_fts_insert AFTER INSERT ON control BEGIN"
    "  INSERT INTO control_fts(rowid, id, title, description, title_ja,"
    "   description_ja) VALUES (new.cid, new.id, new.title, new.description,"
    "   new.title_ja, new.description_ja);"
    " END;"
    "CREATE TRIGGER control_fts_delete AFTER DELETE ON control BEGIN"
    "  INSERT INTO control_fts(control_fts, rowid, id, title, description,"
    "   title_ja, description_ja) VALUES ('delete', old.cid, old.id,"
    "   old.title, old.description, old.title_ja, old.description_ja);"
    " END;"
    "CREATE TRIGGER control_fts_update AFTER UPDATE OF id, title,"
    "  description, title_ja, description_ja ON control BEGIN"
    "  INSERT INTO control_fts(control_fts, rowid, id, title, description,"
    "   title_ja, description_ja) VALUES ('delete', old.cid, old.id,"
    "   old.title, old.description, old.title_ja, old.description_ja);"
    "  INSERT INTO control_fts(rowid, id, title, description, title_ja,"
    "   description_ja) VALUES (new.cid, new.id, new.title, new.description,"
    "   new.title_ja, new.description_ja);"
    " END;",

    /* 6 -> 7: the search index is built when a search first needs it, not
     * row by row during imports: trigram-indexing every control made an
     * import of 300,000 controls five times slower.  A change to the
     * controls only marks the index stale, once. */
    "DROP TRIGGER control_fts_insert;"
    "DROP TRIGGER control_fts_delete;"
    "DROP TRIGGER control_fts_update;"
    "CREATE TABLE search_index ("
    "  one INTEGER PRIMARY KEY CHECK (one = 1),"
    "  stale INTEGER NOT NULL CHECK (stale IN (0, 1))"
    ");"
    "INSERT INTO search_index VALUES (1, 0);"
    "CREATE TRIGGER search_stale_insert AFTER INSERT ON control"
    "  WHEN (SELECT stale FROM search_index) = 0"
    "  BEGIN UPDATE search_index SET stale = 1; END;"
    "CREATE TRIGGER search_stale_delete AFTER DELETE ON control"
    "  WHEN (SELECT stale FROM search_index) = 0"
    "  BEGIN UPDATE search_index SET stale = 1; END;"
    "CREATE TRIGGER search_stale_update AFTER UPDATE OF cid, id, title,"
    "  description, title_ja, description_ja ON control"
    "  WHEN (SELECT stale FROM search_index) = 0"
    "  BEGIN UPDATE search_index SET stale = 1; END;",
};

#define XW_SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

int xw_schema_version(void)
{
    return XW_SCHEMA_VERSION;
}

static xw_status read_int(xw_db *db, const char *sql, int *out, xw_error *err)
{
    sqlite3_stmt *st;
    xw_status s = xw_prepare(db, sql, &st, err);
    if (s != XW_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    else
        s = xw_fail_sql(err, db->sql, "reading the schema version");
    sqlite3_finalize(st);
    return s;
}

static xw_status check_identity(xw_db *db, int version, xw_error *err)
{
    int app = 0, objects = 0;
    xw_status s = read_int(db, "PRAGMA application_id", &app, err);
    if (s == XW_OK)
        s = read_int(db, "SELECT count(*) FROM sqlite_schema", &objects, err);
    if (s != XW_OK)
        return s;
    if (app == XW_APPLICATION_ID)
        return XW_OK;
    /* An empty database becomes ours; one holding anything else is left
     * alone. */
    if (version == 0 && objects == 0)
        return XW_OK;
    return xw_fail(err, XW_EDB, "%s: not an xwalk database", db->path);
}

xw_status xw_schema_migrate(xw_db *db, int writable, xw_error *err)
{
    int version = 0;
    xw_status s = read_int(db, "PRAGMA user_version", &version, err);
    if (s == XW_OK)
        s = check_identity(db, version, err);
    if (s != XW_OK)
        return s;
    if (version > XW_SCHEMA_VERSION)
        return xw_fail(err, XW_EDB,
                       "%s: schema version %d is newer than this xwalk "
                       "understands (%d); upgrade xwalk",
                       db->path, version, XW_SCHEMA_VERSION);
    if (version == XW_SCHEMA_VERSION)
        return XW_OK;
    if (!writable)
        return xw_fail(err, XW_EDB,
                       "%s: schema version %d must be migrated to %d; "
                       "open it once for writing (for example 'xwalk init')",
                       db->path, version, XW_SCHEMA_VERSION);

    if ((s = xw_begin(db, err)) != XW_OK)
        return s;
    /* Re-read inside the write lock: another process may have migrated. */
    if ((s = read_int(db, "PRAGMA user_version", &version, err)) != XW_OK) {
        xw_rollback(db);
        return s;
    }
    for (int v = version; v < XW_SCHEMA_VERSION; v++) {
        char *msg = NULL;
        if (sqlite3_exec(db->sql, migrations[v], NULL, NULL, &msg) !=
            SQLITE_OK) {
            xw_fail(err, XW_EDB, "%s: migrating schema %d to %d: %s",
                    db->path, v, v + 1, msg ? msg : "?");
            sqlite3_free(msg);
            xw_rollback(db);
            return XW_EDB;
        }
    }
    char pragma[96];
    /* PRAGMA takes no bound parameters; both values are our own integers. */
    snprintf(pragma, sizeof pragma,
             "PRAGMA application_id = %d; PRAGMA user_version = %d",
             XW_APPLICATION_ID, XW_SCHEMA_VERSION);
    char *msg = NULL;
    if (sqlite3_exec(db->sql, pragma, NULL, NULL, &msg) != SQLITE_OK) {
        xw_fail(err, XW_EDB, "%s: %s", db->path, msg ? msg : "?");
        sqlite3_free(msg);
        xw_rollback(db);
        return XW_EDB;
    }
    return xw_commit(db, err);
}
