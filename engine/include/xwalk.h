/*
 * xwalk.h - public interface of the xwalk cross-walk engine.
 *
 * The engine stores control catalogs of cybersecurity frameworks and typed
 * mappings between them in one SQLite database.  Everything a program needs
 * is declared here; the command-line tool uses nothing else.
 *
 * Conventions:
 *  - Every function that can fail returns an xw_status and fills an
 *    xw_error.  The library never prints and never exits.
 *  - Strings are UTF-8 and NUL-terminated.  Strings handed to a callback are
 *    valid only for the duration of that call.
 *  - No global mutable state: all state lives in an xw_db handle.
 */
#ifndef XWALK_H
#define XWALK_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define XWALK_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

typedef enum xw_status {
    XW_OK = 0,
    XW_FINDINGS = 1, /* ran fine, but a check found problems */
    XW_EINPUT = 2,   /* bad input: file content, arguments, unknown ids */
    XW_EIO = 3,      /* a file could not be read or written */
    XW_EDB = 4,      /* the database failed or is not an xwalk database */
    XW_ENOMEM = 5
} xw_status;

/* Which field of a record an error refers to; lets a reader of a particular
 * file format turn it into that format's column number. */
typedef enum xw_field {
    XW_FIELD_NONE = 0,
    XW_FIELD_ID,
    XW_FIELD_PARENT,
    XW_FIELD_TITLE,
    XW_FIELD_ASSESSABLE,
    XW_FIELD_SOURCE,
    XW_FIELD_TARGET,
    XW_FIELD_RELATIONSHIP,
    XW_FIELD_RATIONALE,
    XW_FIELD_STRENGTH,
    XW_FIELD_CONFIDENCE
} xw_field;

typedef struct xw_error {
    xw_status status;
    char file[512]; /* input file the error is about, or "" */
    long line;      /* 1-based line in file, 0 when not applicable */
    long column;    /* 1-based column (field number in CSV), 0 when n/a */
    xw_field field; /* the record field concerned, when known */
    char message[1024];
} xw_error;

/* Clears an error record. */
void xw_error_clear(xw_error *err);

/* Formats "file:line:column: message" (parts omitted when unknown) into buf. */
void xw_error_format(const xw_error *err, char *buf, size_t size);

/* ---------------------------------------------------------------- database */

typedef struct xw_db xw_db;

enum {
    XW_OPEN_READONLY = 0,
    XW_OPEN_WRITE = 1,  /* open read-write, migrate the schema forward */
    XW_OPEN_CREATE = 2  /* as XW_OPEN_WRITE, create the file if missing */
};

/* Opens (and with XW_OPEN_CREATE creates) an xwalk database.  Enables WAL,
 * foreign keys and a busy timeout, and migrates an older schema forward.
 * A file that is not an SQLite database, or is one written by a newer
 * xwalk, is refused with XW_EDB. */
xw_status xw_open(const char *path, int flags, xw_db **out, xw_error *err);
void xw_close(xw_db *db);

/* The schema version this build writes (PRAGMA user_version). */
int xw_schema_version(void);

/* ---------------------------------------------------------------- vocabulary */

typedef enum xw_relationship {
    XW_REL_EQUAL = 0,
    XW_REL_EQUIVALENT,
    XW_REL_SUBSET,
    XW_REL_SUPERSET,
    XW_REL_INTERSECTS,
    XW_REL_NONE,
    XW_REL_COUNT
} xw_relationship;

/* Canonical spelling ("equal-to", "subset-of", ...). */
const char *xw_relationship_name(xw_relationship rel);
/* Parses the canonical names and the accepted synonyms, case-insensitively.
 * Returns -1 when text is not a relationship. */
int xw_relationship_parse(const char *text);
/* The relationship read the other way round: subset-of and superset-of swap. */
xw_relationship xw_relationship_inverse(xw_relationship rel);

/* Closed vocabularies of the data model.  Each returns 1 when value is one of
 * the allowed words, and the list of allowed words for error messages. */
typedef enum xw_vocabulary {
    XW_VOCAB_FRAMEWORK_KIND,
    XW_VOCAB_FRAMEWORK_STATUS,
    XW_VOCAB_SET_METHOD,
    XW_VOCAB_SET_STATUS,
    XW_VOCAB_RATIONALE,
    XW_VOCAB_CONFIDENCE
} xw_vocabulary;
int xw_vocabulary_allows(xw_vocabulary vocab, const char *value);
const char *xw_vocabulary_expected(xw_vocabulary vocab);

/* ISO 3166-1 alpha-2 shape (two capitals), or EU, or INTL. */
int xw_jurisdiction_valid(const char *code);

/* ---------------------------------------------------------------- import */

typedef struct xw_framework_meta {
    const char *id;           /* slug, e.g. "nist-csf-2.0" (required) */
    const char *name;         /* required */
    const char *version;      /* required */
    const char *jurisdiction; /* required: ISO 3166-1 alpha-2, EU or INTL */
    const char *issuer;
    const char *kind;         /* law, regulation, guideline, standard, ... */
    const char *published;    /* YYYY or YYYY-MM or YYYY-MM-DD */
    const char *url;
    const char *license;
    const char *language;
    const char *status;       /* official, partial, provisional */
} xw_framework_meta;

typedef struct xw_set_meta {
    const char *id;     /* default: SOURCE-to-TARGET */
    const char *source; /* framework id (required) */
    const char *target; /* framework id (required) */
    const char *version;
    const char *author;
    const char *method;    /* human, automation, hybrid */
    const char *status;    /* draft, complete, not-complete, ... */
    int exhaustive;        /* every target element was considered */
    const char *published;
    const char *license;
    const char *url;
} xw_set_meta;

enum {
    XW_IMPORT_REPLACE = 1 /* replace an existing framework or set */
};

typedef enum xw_import_outcome {
    XW_IMPORT_CREATED = 0,
    XW_IMPORT_UNCHANGED, /* the same file was imported before: nothing done */
    XW_IMPORT_REPLACED
} xw_import_outcome;

typedef struct xw_import_result {
    xw_import_outcome outcome;
    const char *what; /* "framework" or "mapping set" */
    char id[256];     /* id of the framework or set */
    long rows;        /* controls or mapping rows loaded */
} xw_import_result;

/* Imports a catalog CSV (docs/formats.md) as framework meta->id.  All or
 * nothing: on error the database is left exactly as it was. */
xw_status xw_import_catalog_csv(xw_db *db, const char *path,
                                const xw_framework_meta *meta, int flags,
                                xw_import_result *result, xw_error *err);

/* Imports a crosswalk CSV as a mapping set from meta->source to
 * meta->target.  All or nothing. */
xw_status xw_import_crosswalk_csv(xw_db *db, const char *path,
                                  const xw_set_meta *meta, int flags,
                                  xw_import_result *result, xw_error *err);

/* Called once per file imported by xw_bundle_load. */
typedef void (*xw_import_cb)(void *ctx, const char *file,
                             const xw_import_result *result);

/* Loads every catalog listed in DATADIR/frameworks.csv and every mapping set
 * listed in DATADIR/crosswalks.csv.  Each file is its own transaction; the
 * first error stops the load. */
xw_status xw_bundle_load(xw_db *db, const char *datadir, xw_import_cb cb,
                         void *ctx, xw_error *err);

/* ---------------------------------------------------------------- queries */

/* A row handed to a listing callback: n values, each a string or NULL. */
typedef int (*xw_row_cb)(void *ctx, int n, const char *const *values);

/* Column descriptions of each listing, for writers. */
typedef enum xw_coltype { XW_COL_TEXT, XW_COL_INT } xw_coltype;
typedef struct xw_column {
    const char *name;
    xw_coltype type;
} xw_column;

/* Frameworks: id, jurisdiction, name, version, status, controls, mappings. */
extern const xw_column xw_frameworks_columns[];
extern const int xw_frameworks_ncolumns;
xw_status xw_list_frameworks(xw_db *db, xw_row_cb cb, void *ctx,
                             xw_error *err);

/* Controls of one framework: id, parent, title, title_ja, assessable,
 * source_ref, depth (0 for a root).  In document order, or with tree set in
 * tree order (each control followed by its subtree). */
extern const xw_column xw_controls_columns[];
extern const int xw_controls_ncolumns;
xw_status xw_list_controls(xw_db *db, const char *framework, int tree,
                           xw_row_cb cb, void *ctx, xw_error *err);

/* Mapping sets: id, source, target, version, author, exhaustive, mappings,
 * then one count per relationship in xw_relationship order. */
extern const xw_column xw_sets_columns[];
extern const int xw_sets_ncolumns;
xw_status xw_list_sets(xw_db *db, xw_row_cb cb, void *ctx, xw_error *err);

/* One control and its neighbourhood.  The first row is the control itself
 * (role "control"), then its parent ("parent"), its children ("child"), and
 * every mapping from or to it ("mapping"), the relationship turned to read
 * "this control RELATIONSHIP other".  Columns: role, framework, id, title,
 * relationship, set, rationale, strength, confidence, note. */
extern const xw_column xw_show_columns[];
extern const int xw_show_ncolumns;
xw_status xw_show_control(xw_db *db, const char *framework,
                          const char *control, xw_row_cb cb, void *ctx,
                          xw_error *err);

/* The full record of one control: framework, id, parent, title, description,
 * title_ja, description_ja, assessable, tags, source_ref. */
extern const xw_column xw_control_detail_columns[];
extern const int xw_control_detail_ncolumns;
xw_status xw_control_detail(xw_db *db, const char *framework,
                            const char *control, xw_row_cb cb, void *ctx,
                            xw_error *err);

/* ---------------------------------------------------------------- output */

typedef enum xw_format {
    XW_FORMAT_TABLE = 0,
    XW_FORMAT_CSV,
    XW_FORMAT_JSON
} xw_format;

/* Parses "table", "csv" or "json"; -1 otherwise. */
int xw_format_parse(const char *text);

/* Writes a listing to a stream.  CSV and JSON stream row by row; a table is
 * buffered to align its columns by display width (East Asian wide
 * characters count two). */
typedef struct xw_writer xw_writer;
xw_status xw_writer_open(FILE *out, xw_format format, const xw_column *cols,
                         int ncols, xw_writer **out_writer, xw_error *err);
/* Suitable as an xw_row_cb with the writer as ctx; returns non-zero on a
 * write error. */
int xw_writer_row(void *writer, int n, const char *const *values);
/* Finishes the listing and frees the writer. */
xw_status xw_writer_close(xw_writer *w, xw_error *err);

/* Writes s as a JSON string literal (quoted and escaped). */
void xw_json_write_string(FILE *out, const char *s);

/* Display width of a UTF-8 string in terminal cells. */
size_t xw_display_width(const char *s);

#ifdef __cplusplus
}
#endif

#endif
