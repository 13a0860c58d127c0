/*
 * internal.h - declarations shared by the engine's and importers' modules.
 * Not installed; programs use xwalk.h only.
 */
#ifndef XW_INTERNAL_H
#define XW_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "xwalk.h"

struct xw_db {
    sqlite3 *sql;
    char path[1024];
    int depth; /* transactions open: 0, BEGIN, then savepoints */
};

/* ---- error.c */
#if defined(__GNUC__)
#define XW_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define XW_PRINTF(a, b)
#endif
/* Sets status and message; keeps file, line and column as they are. */
xw_status xw_fail(xw_error *err, xw_status status, const char *fmt, ...)
    XW_PRINTF(3, 4);
/* Sets everything, including the location. */
xw_status xw_fail_at(xw_error *err, xw_status status, const char *file,
                     long line, long column, const char *fmt, ...)
    XW_PRINTF(6, 7);
/* An input error about one field of a record at line; the format reader
 * turns field into its own column number and adds the file name. */
xw_status xw_fail_field(xw_error *err, xw_field field, long line,
                        const char *fmt, ...) XW_PRINTF(4, 5);
/* Reports the last SQLite error of db. */
xw_status xw_fail_sql(xw_error *err, sqlite3 *db, const char *doing);

/* ---- utf8.c */
/* Returns the byte offset of the first invalid sequence, or -1 if s[0..len)
 * is valid UTF-8. */
long xw_utf8_invalid_at(const char *s, size_t len);

/* ---- sha256.c */
typedef struct xw_sha256 {
    uint32_t state[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} xw_sha256;
void xw_sha256_init(xw_sha256 *h);
void xw_sha256_update(xw_sha256 *h, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex. */
void xw_sha256_final_hex(xw_sha256 *h, char hex[65]);

/* ---- file.c: whole-file reading (import files are read once, hashed, then
 * parsed from memory) */
typedef struct xw_file {
    char *data;
    size_t len;
    char sha256[65];
} xw_file;
xw_status xw_file_read(const char *path, xw_file *f, xw_error *err);
void xw_file_free(xw_file *f);

/* ---- store.c */
/* XW_OK when framework id is in the database, else an XW_EINPUT error
 * naming it. */
xw_status xw_require_framework(xw_db *db, const char *id, xw_error *err);

/* Runs SQL with no parameters (schema and transaction statements only). */
xw_status xw_exec(xw_db *db, const char *sql, xw_error *err);
xw_status xw_begin(xw_db *db, xw_error *err);
/* The same for reading: one snapshot, no write lock; end with xw_commit. */
xw_status xw_begin_read(xw_db *db, xw_error *err);
xw_status xw_commit(xw_db *db, xw_error *err);
void xw_rollback(xw_db *db);
/* Prepares sql on db; on failure fills err. */
xw_status xw_prepare(xw_db *db, const char *sql, sqlite3_stmt **st,
                     xw_error *err);
/* Binds text, or NULL when s is NULL or empty. */
int xw_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);
/* Runs a statement that returns no rows; resets it afterwards. */
xw_status xw_step_done(xw_db *db, sqlite3_stmt *st, xw_error *err);
/* Streams every row of a prepared statement to cb as strings. */
xw_status xw_stream_rows(xw_db *db, sqlite3_stmt *st, xw_row_cb cb, void *ctx,
                         xw_error *err);

/* ---- schema.c */
/* Creates or migrates the schema to the current version inside one
 * transaction.  A read-only handle only checks the version is current. */
xw_status xw_schema_migrate(xw_db *db, int writable, xw_error *err);

/* ---- csv_reader.c: RFC 4180 records with physical line numbers */
typedef struct xw_csv_record {
    int nfields;
    char **fields;      /* NUL-terminated, valid UTF-8 */
    size_t *lengths;
    long *field_lines;  /* physical line where each field starts */
    long line;          /* physical line where the record starts */
} xw_csv_record;

/* Called once per record (the header included).  Returns XW_OK to go on. */
typedef xw_status (*xw_csv_record_cb)(void *ctx, const xw_csv_record *rec,
                                      xw_error *err);

/* Parses data (the whole file) strictly: UTF-8 BOM skipped, LF or CRLF,
 * every field checked for valid UTF-8, blank lines ignored.  name is used in
 * error messages. */
xw_status xw_csv_parse(const char *name, const char *data, size_t len,
                       xw_csv_record_cb cb, void *ctx, xw_error *err);

/* A header row resolved against the columns a format knows.  */
typedef struct xw_csv_column_spec {
    const char *name;
    int required;
} xw_csv_column_spec;

#define XW_CSV_MAX_COLUMNS 32
typedef struct xw_csv_header {
    int index[XW_CSV_MAX_COLUMNS]; /* per spec entry: field index, or -1 */
    int nfields;                   /* fields in the header */
} xw_csv_header;

/* Checks the header record against spec (ncols entries): every column
 * known, none twice, every required one present. */
xw_status xw_csv_header_resolve(const char *name, const xw_csv_record *rec,
                                const xw_csv_column_spec *spec, int ncols,
                                xw_csv_header *hdr, xw_error *err);
/* Value of spec column c in rec, or "" when the column is absent. */
const char *xw_csv_value(const xw_csv_header *hdr, const xw_csv_record *rec,
                         int c);
/* Checks a data record has as many fields as the header. */
xw_status xw_csv_check_width(const char *name, const xw_csv_header *hdr,
                             const xw_csv_record *rec, xw_error *err);
/* 1-based column of spec column c (0 when absent). */
long xw_csv_column_number(const xw_csv_header *hdr, int c);

/* ---- catalog.c: the store side of loading one framework */
typedef struct xw_catalog_load xw_catalog_load;
typedef struct xw_control_in {
    const char *id;
    const char *parent;
    const char *title;
    const char *description;
    const char *title_ja;
    const char *description_ja;
    int assessable;
    const char *tags;
    const char *source_ref;
    int withdrawn;
    const char *urn;      /* optional */
    const char *sort_key; /* optional: the publisher's sort order */
    const char *alt_id;   /* optional: the id the format uses inside */
    long line; /* where the record stands in its file, for errors */
} xw_control_in;

/* Starts the transaction and writes the framework row.  When the same file
 * (same SHA-256) was already imported under this id and version, returns
 * XW_OK with *load NULL and result->outcome XW_IMPORT_UNCHANGED. */
xw_status xw_catalog_begin(xw_db *db, const xw_framework_meta *meta,
                           const char *source_file, const char *sha256,
                           int flags, xw_catalog_load **load,
                           xw_import_result *result, xw_error *err);
/* Adds one control; on error err->field tells which field is wrong. */
xw_status xw_catalog_add(xw_catalog_load *load, const xw_control_in *c,
                         xw_error *err);
/* Records a link between two controls of this catalog (OSCAL "related",
 * "incorporated-into", ...); resolved when the load finishes.  A link to an
 * id that is not in the catalog is dropped and counted. */
xw_status xw_catalog_link(xw_catalog_load *load, const char *from,
                          const char *rel, const char *to, xw_error *err);
/* Checks parents and cycles, commits, frees load.  On error, err->line is
 * the line of the offending control. */
xw_status xw_catalog_finish(xw_catalog_load *load, xw_import_result *result,
                            xw_error *err);
/* Rolls back and frees. */
void xw_catalog_abort(xw_catalog_load *load);

/* ---- mapping_set.c: the store side of loading one mapping set */
typedef struct xw_set_load xw_set_load;
typedef struct xw_mapping_in {
    const char *source;
    const char *target;
    const char *relationship;
    const char *rationale;
    const char *strength;
    const char *confidence;
    const char *note;
    const char *map_uuid; /* optional: the group (OSCAL map) it came in */
    const char *extra;    /* optional: JSON of the format's other fields */
    long line; /* where the record stands in its file, for errors */
} xw_mapping_in;

xw_status xw_set_begin(xw_db *db, const xw_set_meta *meta,
                       const char *source_file, const char *sha256, int flags,
                       xw_set_load **load, xw_import_result *result,
                       xw_error *err);
xw_status xw_set_add(xw_set_load *load, const xw_mapping_in *m,
                     xw_error *err);
/* Records that a control of the set's source or target framework (side
 * "source" or "target") is an explicit gap: nothing on the other side
 * relates to it. */
xw_status xw_set_gap(xw_set_load *load, const char *side, const char *control,
                     xw_error *err);
/* Whether the set being loaded already holds a row for (source, target)
 * read in its own direction, in any rationale: 1 yes, 0 no. */
int xw_set_has_pair(xw_set_load *load, const char *source, const char *target);
xw_status xw_set_finish(xw_set_load *load, xw_import_result *result,
                        xw_error *err);
void xw_set_abort(xw_set_load *load);

/* ---- arena.c: strings of one query result, freed together */
typedef struct xw_arena {
    struct arena_block *head;
} xw_arena;
void *xw_arena_alloc(xw_arena *a, size_t n);
const char *xw_arena_strdup(xw_arena *a, const char *s);
const char *xw_arena_printf(xw_arena *a, const char *fmt, ...) XW_PRINTF(2, 3);
void xw_arena_free(xw_arena *a);

/* A growable NUL-terminated string (arena.c). */
typedef struct xw_buf {
    char *data;
    size_t len, cap;
} xw_buf;
int xw_buf_append(xw_buf *b, const char *s, size_t n);
int xw_buf_printf(xw_buf *b, const char *fmt, ...) XW_PRINTF(2, 3);
void xw_buf_free(xw_buf *b);

/* ---- hashmap.c: 64-bit keys (never UINT64_MAX) to indexes */
typedef struct xw_hashmap {
    uint64_t *keys;
    size_t *vals;
    size_t cap, count;
} xw_hashmap;
int xw_hashmap_get(const xw_hashmap *m, uint64_t key, size_t *val);
int xw_hashmap_put(xw_hashmap *m, uint64_t key, size_t val);
void xw_hashmap_free(xw_hashmap *m);

/* ---- misc helpers (text.c) */
int xw_is_blank(const char *s);
/* Parses a non-negative decimal integer in [lo, hi]; returns 0 on success. */
int xw_parse_int(const char *s, long lo, long hi, long *out);
/* Parses 1/0, true/false, yes/no, y/n (any case); returns -1 otherwise. */
int xw_parse_bool(const char *s);
/* A slug: [A-Za-z0-9] then [A-Za-z0-9._-]*, at most 128 bytes. */
int xw_is_slug(const char *s);
/* Date shape YYYY, YYYY-MM or YYYY-MM-DD. */
int xw_is_date(const char *s);
/* Current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void xw_utc_now(char buf[32]);

#endif
