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
    XW_EINPUT = 2,   /* bad input: file content, arguments */
    XW_EIO = 3,      /* a file could not be read or written */
    XW_EDB = 4,      /* the database failed or is not an xwalk database */
    XW_ENOMEM = 5,
    XW_ENOTFOUND = 6 /* an id the database does not hold: a framework, a
                        control or a mapping set (bad input, like EINPUT) */
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
    XW_FIELD_CONFIDENCE,
    XW_FIELD_WITHDRAWN
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

/* An explicit transaction around several imports, so that they land
 * together or not at all.  Imports inside it nest as savepoints. */
xw_status xw_transaction_begin(xw_db *db, xw_error *err);
xw_status xw_transaction_commit(xw_db *db, xw_error *err);
void xw_transaction_rollback(xw_db *db);

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
    const char *urn;          /* a URN naming the framework, if published */
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
    const char *urn;
    const char *extra;  /* JSON of a format's other fields (OSCAL) */
} xw_set_meta;

enum {
    XW_IMPORT_REPLACE = 1,      /* replace an existing framework or set */
    XW_IMPORT_SKIP_REPEATS = 2  /* a mapping row repeated in one file is
                                   counted once; repeated with another
                                   relationship, the first is kept and the
                                   repeat counted as conflicting (published
                                   libraries contain some) */
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
    long merged;      /* rows of a file's reverse-direction set that the
                         forward set already held (counted once) */
    long repeated;    /* rows repeated word for word (counted once) */
    long conflicting; /* rows repeating a pair (and rationale) of the same
                         file with another relationship: the first kept */
    char first_conflict[256];
    long unresolved;  /* rows skipped under --skip-unresolved */
    char first_unresolved[256];
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

/* Importing published files (importers/): the format is detected from the
 * content unless opts->format names it. */
typedef struct xw_import_opts {
    const char *format; /* NULL, "oscal", "oscal-mapping", "ciso", "olir",
                           "catalog" or "crosswalk" */
    const char *id;     /* framework or set id (else from the file) */
    const char *source, *target; /* framework ids for mapping files */
    const char *jurisdiction, *name, *version, *status, *kind;
    int replace;
    int dry_run;        /* check everything, write nothing */
    int skip_unresolved; /* skip (and count) mapping rows whose requirement
                            is in no imported framework, instead of failing */
} xw_import_opts;

/* Called once per file imported by xw_bundle_load. */
typedef void (*xw_import_cb)(void *ctx, const char *file,
                             const xw_import_result *result);

/* Loads every catalog listed in DATADIR/frameworks.csv and every mapping set
 * listed in DATADIR/crosswalks.csv.  Each file is its own transaction; the
 * first error stops the load. */
xw_status xw_bundle_load(xw_db *db, const char *datadir, xw_import_cb cb,
                         void *ctx, xw_error *err);

/* Imports the files in one transaction: all of them or none.  Framework
 * files are loaded before mapping files, whatever their order, so that a
 * mapping file's references resolve to frameworks of the same command.
 * With opts->dry_run everything is checked and then rolled back; cb still
 * reports what would have been imported. */
xw_status xw_import_files(xw_db *db, const char *const *paths, int n,
                          const xw_import_opts *opts, xw_import_cb cb,
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
 * "this control RELATIONSHIP other", then the links between controls of its
 * catalog ("link" from it, "linked-from" to it; relationship holds the
 * link's rel, such as related or incorporated-into).  Columns: role, framework, id, title,
 * relationship, set, rationale, strength, confidence, note. */
extern const xw_column xw_show_columns[];
extern const int xw_show_ncolumns;
xw_status xw_show_control(xw_db *db, const char *framework,
                          const char *control, xw_row_cb cb, void *ctx,
                          xw_error *err);

/* The full record of one control: framework, id, parent, title, description,
 * title_ja, description_ja, assessable, tags, source_ref, withdrawn. */
extern const xw_column xw_control_detail_columns[];
extern const int xw_control_detail_ncolumns;
xw_status xw_control_detail(xw_db *db, const char *framework,
                            const char *control, xw_row_cb cb, void *ctx,
                            xw_error *err);

/* ---------------------------------------------------------------- algebra */

/* A set of base relations still possible between two requirements: one bit
 * per RCC-5 base relation.  equivalent-to is the same base relation as
 * equal-to. */
enum {
    XW_MASK_EQUAL = 1 << 0,
    XW_MASK_SUBSET = 1 << 1,
    XW_MASK_SUPERSET = 1 << 2,
    XW_MASK_INTERSECTS = 1 << 3,
    XW_MASK_NONE = 1 << 4,
    XW_MASK_ALL = 0x1f
};
#define XW_BASE_RELATIONS 5

/* The mask of one relationship. */
unsigned xw_mask_of(xw_relationship rel);
/* The mask read the other way round (subset and superset swap). */
unsigned xw_mask_inverse(unsigned mask);
/* Composition: if a R1 b for some R1 in m1 and b R2 c for some R2 in m2,
 * the relations possible between a and c. */
unsigned xw_mask_compose(unsigned m1, unsigned m2);
/* The canonical name of base relation i (0..4: equal-to, subset-of,
 * superset-of, intersects-with, no-relationship). */
const char *xw_base_relation_name(int i);
/* Writes the names of the relations in mask joined by '|' ("" for none). */
void xw_mask_format(unsigned mask, char *buf, size_t size);

/* ---------------------------------------------------------------- coverage */

typedef enum xw_cover_status {
    XW_COVERED = 0,
    XW_PARTIAL,
    XW_GAP,
    XW_UNKNOWN,
    XW_STATUS_COUNT
} xw_cover_status;

const char *xw_cover_status_name(xw_cover_status s);

/* What a derived mask says for coverage: covered when every relation left
 * implies coverage (mask within equal and superset), partial when
 * no-relationship is ruled out, unknown otherwise.  An empty mask is a
 * conflict (returns -1). */
int xw_mask_coverage(unsigned mask);

/* ---------------------------------------------------------------- derive */

/* Filters on the mapping rows a query may use. */
typedef struct xw_row_filter {
    int min_strength;      /* rows below it (or without one) are left out;
                              -1: no limit */
    const char *rationale; /* only rows with this rationale; NULL: any */
} xw_row_filter;

typedef struct xw_derive_opts {
    const char *source, *target;  /* framework ids */
    const char *const *via;       /* allowed pivot frameworks; NULL: any */
    int nvia;
    int max_hops;                 /* mappings per path (2 = one pivot) */
    xw_row_filter filter;
    const char *only_target;      /* one target control id; NULL: all */
    int hop_detail;               /* fill each pair's hops (sets, authors,
                                     notes) for its shown paths */
} xw_derive_opts;

/* One hop of a derived path: an authored mapping row, read in the path's
 * direction ("from RELATIONSHIP to"). */
typedef struct xw_derived_hop {
    int path; /* which of the pair's shown paths (0-based) */
    const char *set, *author;
    const char *from_framework, *from_id;
    const char *to_framework, *to_id;
    int relationship;
    int strength; /* -1: none */
    const char *rationale, *note;
} xw_derived_hop;

/* A pair of controls linked through pivots.  Derived, never authored: the
 * mask is what the composed paths (and any direct mapping or exhaustive set
 * between the two frameworks) still allow. */
typedef struct xw_derived_pair {
    const char *source_id, *source_title;
    const char *target_id, *target_title;
    unsigned mask;         /* 0: the paths contradict each other */
    int label;             /* xw_mask_coverage(mask): covered, partial,
                              unknown, or -1 for a conflict */
    int npaths;
    int strength;          /* max over paths of the min over hops; -1 */
    const char *rationale; /* the hops' common rationale, or "mixed" */
    const char *paths;     /* "A subset-of B [set]; B equal-to C [set] | ..." */
    int direct;            /* a direct row or exhaustive set took part */
    double score;          /* 0..1, see docs/semantics.md */
    int likely;            /* the score judges it a likely candidate */
    long source_cid, target_cid;
    const xw_derived_hop *hops; /* the hops of the shown paths */
    size_t nhops;
} xw_derived_pair;

typedef struct xw_derivation xw_derivation;

/* Composes mappings from opts->source to opts->target through pivot
 * frameworks, hop by hop with the RCC-5 composition table, and intersects
 * the masks of all paths between the same two controls.  Pairs come in the
 * source's then the target's document order. */
xw_status xw_derive_run(xw_db *db, const xw_derive_opts *opts,
                        xw_derivation **out, xw_error *err);
size_t xw_derivation_count(const xw_derivation *d);
const xw_derived_pair *xw_derivation_at(const xw_derivation *d, size_t i);
void xw_derivation_free(xw_derivation *d);

/* A derived pair as one listing row (columns: source_id, target_id, mask,
 * label, paths, strength, score, basis); the texts that are not fields of
 * the pair are written into buf. */
extern const xw_column xw_derived_columns[];
#define XW_DERIVED_NCOLUMNS 8
typedef struct xw_derived_text {
    char mask[128], strength[16], score[16];
} xw_derived_text;
void xw_derived_values(const xw_derived_pair *p, xw_derived_text *buf,
                       const char *v[XW_DERIVED_NCOLUMNS]);

/* ---------------------------------------------------------------- coverage report */

/* One piece of evidence behind a requirement's status (docs/semantics.md):
 *   mapping          a direct row; relationship read "control REL target"
 *   no-relationship  an explicit row saying the two are unrelated
 *   gap-summary      the requirement is listed as unmapped in a gap summary
 *                    of a set between the held framework and the target
 *   exhaustive       the framework's set to the target is exhaustive and has
 *                    no row for this requirement
 *   unmapped         no row, and the set (if any) is not exhaustive
 *   filtered         a row left out by --min-strength or --rationale
 *   derived          a pair reached through pivots (mask, paths)
 *   conflict         a derived pair whose paths contradict (empty mask)
 *   child            a heading's child and its status (in note)
 *   heading-mapping  a mapping made to a heading itself; reported, not used
 *                    for the heading's status
 *   self             the target framework is itself among those held */
typedef struct xw_evidence {
    const char *kind;
    const char *framework;
    const char *control;
    const char *title;
    int relationship; /* xw_relationship, or -1 */
    unsigned mask;    /* derived and conflict only */
    int strength;     /* -1: none */
    const char *rationale;
    const char *set;
    const char *author;
    const char *note;
    const char *path;
    const xw_derived_hop *hops; /* derived and conflict: each hop's row */
    size_t nhops;
} xw_evidence;

typedef struct xw_coverage_row {
    const char *id, *title, *parent;
    const char *title_ja, *tags;
    const char *section; /* id of the top-level item it falls under */
    int assessable, depth;
    xw_cover_status status;
    int relationship;    /* the best direct relationship, or -1 */
    unsigned mask;       /* derived rows: the best pair's mask */
    int strength;        /* -1: none */
    const char *sources; /* every contributing source as fw:id, spaced */
    int derived;         /* the status rests on derived relationships */
    const char *path;    /* derived rows: the paths; headings: a summary */
    const xw_evidence *evidence;
    size_t nevidence;
} xw_coverage_row;

typedef struct xw_coverage_tally {
    const char *section, *title; /* NULL section: the whole target */
    long count[XW_STATUS_COUNT];
    long total;
} xw_coverage_tally;

typedef struct xw_coverage_opts {
    const char *target;
    const char *const *from; /* frameworks held */
    int nfrom;
    int derived;             /* also compose through pivots */
    int max_hops;            /* for derived: mappings per path */
    const char *const *via;  /* for derived: allowed pivots, NULL any */
    int nvia;
    xw_row_filter filter;
    const char *only;        /* explain one requirement: its derived pairs
                                carry every hop's row; NULL for a report */
} xw_coverage_opts;

typedef struct xw_coverage xw_coverage;

/* The coverage of every requirement of opts->target by the frameworks in
 * opts->from, in the target's tree order, with the evidence for each. */
xw_status xw_coverage_run(xw_db *db, const xw_coverage_opts *opts,
                          xw_coverage **out, xw_error *err);
size_t xw_coverage_count(const xw_coverage *c);
const xw_coverage_row *xw_coverage_row_at(const xw_coverage *c, size_t i);
/* The row of one control, or NULL. */
const xw_coverage_row *xw_coverage_find(const xw_coverage *c, const char *id);
/* Tallies of assessable requirements: per top-level section, and overall. */
size_t xw_coverage_section_count(const xw_coverage *c);
const xw_coverage_tally *xw_coverage_section_at(const xw_coverage *c,
                                                size_t i);
const xw_coverage_tally *xw_coverage_total(const xw_coverage *c);
void xw_coverage_free(xw_coverage *c);

/* The relationship cell of a coverage row: the best direct relationship,
 * or for a derived row the relations its mask still allows; empty for a
 * heading or a row without one. */
void xw_coverage_relationship_text(const xw_coverage_row *r, char *buf,
                                   size_t size);
/* A coverage row as one listing row (columns: target_id, target_title,
 * status, relationship, strength, sources, derived, path). */
extern const xw_column xw_coverage_columns[];
#define XW_COVERAGE_NCOLUMNS 8
typedef struct xw_coverage_text {
    char relationship[96], strength[16];
} xw_coverage_text;
void xw_coverage_values(const xw_coverage_row *r, xw_coverage_text *buf,
                        const char *v[XW_COVERAGE_NCOLUMNS]);

/* ---------------------------------------------------------------- matrix */

typedef struct xw_matrix_opts {
    const char *target;
    const char *const *against; /* frameworks, in column order */
    int nagainst;
    const char *const *jurisdictions; /* or: every framework of these */
    int njurisdictions;
    int derived, max_hops;
    const char *const *via;
    int nvia;
    xw_row_filter filter;
} xw_matrix_opts;

typedef struct xw_matrix xw_matrix;

/* The coverage of the target by each framework on its own: one column per
 * framework (grouped by jurisdiction when chosen by jurisdiction). */
xw_status xw_matrix_run(xw_db *db, const xw_matrix_opts *opts,
                        xw_matrix **out, xw_error *err);
size_t xw_matrix_column_count(const xw_matrix *m);
const char *xw_matrix_framework(const xw_matrix *m, size_t col);
const char *xw_matrix_jurisdiction(const xw_matrix *m, size_t col);
/* Column col's coverage; its rows are the target's, in the same order in
 * every column. */
const xw_coverage *xw_matrix_column(const xw_matrix *m, size_t col);
void xw_matrix_free(xw_matrix *m);

/* ---------------------------------------------------------------- compare */

/* Two frameworks side by side: rows of kind "equivalent" (equal-to or
 * equivalent-to), "related" (subset-of, superset-of, intersects-with),
 * "only-in-a" and "only-in-b" (no counterpart in the other framework, with
 * the relationship "no-relationship" when a row says so).  Columns: kind,
 * a_id, a_title, relationship (read "a REL b"), b_id, b_title, set. */
extern const xw_column xw_compare_columns[];
extern const int xw_compare_ncolumns;
xw_status xw_compare(xw_db *db, const char *a, const char *b, xw_row_cb cb,
                     void *ctx, xw_error *err);

/* ---------------------------------------------------------------- OSCAL */

/* Writes mapping set set_id as an OSCAL 1.2 mapping collection (JSON). */
xw_status xw_export_oscal(xw_db *db, const char *set_id, FILE *out,
                          xw_error *err);

/* ---------------------------------------------------------------- export */

typedef struct xw_export_opts {
    const char *out;                 /* a directory (CSV) or a file (XLSX) */
    int xlsx;                        /* one workbook instead of CSV files */
    const char *const *targets;      /* NULL: every target of a set */
    int ntargets;
    const char *const *from;         /* sources; NULL: those with a set */
    int nfrom;
    const char *const *jurisdictions; /* or the frameworks of these */
    int njurisdictions;
    int excel;                       /* CSV: UTF-8 BOM and CRLF */
    int raw;                         /* CSV: do not neutralise formulas */
    long long epoch;                 /* generated_at (SOURCE_DATE_EPOCH);
                                        -1: now */
} xw_export_opts;

/* Writes every report as a batch (see export.c): CSV files and
 * MANIFEST.csv in a new directory, or one XLSX workbook.  The data files
 * depend only on the database's content: the same database gives the same
 * bytes. */
xw_status xw_export(xw_db *db, const xw_export_opts *opts, xw_error *err);

/* ---------------------------------------------------------------- worksheet */

/* The self-assessment worksheet for a target (the Japanese guideline):
 * one row per assessable requirement with its status from the frameworks
 * held, the evidence they give, what is left to show, and empty columns
 * for the vendor's answer, its scope and an evidence reference. */
typedef struct xw_worksheet_opts {
    const char *target;
    const char *const *have;
    int nhave;
    int ja; /* Japanese labels and titles */
} xw_worksheet_opts;

const xw_column *xw_worksheet_columns(int ja);
extern const int xw_worksheet_ncolumns;
xw_status xw_worksheet(xw_db *db, const xw_worksheet_opts *opts,
                       xw_row_cb cb, void *ctx, xw_error *err);
/* The same as an XLSX workbook. */
xw_status xw_worksheet_xlsx(xw_db *db, const xw_worksheet_opts *opts,
                            const char *file, xw_error *err);

/* ---------------------------------------------------------------- phases */

/* A target's requirements grouped by the contract moment they matter at
 * (tags "moment:before-contract", "moment:at-contract",
 * "moment:development", "moment:operation", "moment:end-of-support"):
 * columns moment, requirement_id, title, title_ja, party (provider or
 * customer), status (with frameworks held, else empty). */
extern const xw_column xw_phases_columns[];
extern const int xw_phases_ncolumns;
xw_status xw_phases(xw_db *db, const char *target, const char *const *have,
                    int nhave, xw_row_cb cb, void *ctx, xw_error *err);

/* ---------------------------------------------------------------- search */

/* Controls whose id, title or description (English or Japanese) hold the
 * query, best first, at most limit (100 when 0); framework narrows it.
 * Columns: framework, id, title, title_ja, source_ref. */
extern const xw_column xw_search_columns[];
extern const int xw_search_ncolumns;
xw_status xw_search(xw_db *db, const char *query, const char *framework,
                    int limit, xw_row_cb cb, void *ctx, xw_error *err);

/* The search index is built when a search first needs it after the
 * controls changed (imports do not pay for it).  This builds it now; a
 * database opened read-only is left as it is, and its searches scan. */
xw_status xw_search_refresh(xw_db *db, xw_error *err);

/* ---------------------------------------------------------------- lint */

/* Checks the database; one row per finding with the columns severity
 * (error or warning), check, subject, message.  *errors counts the errors.
 * Checks: dangling references, duplicate rows across sets, pairs mapped in
 * both directions with contradicting relationships, derived conflicts
 * (paths through pivots whose masks do not intersect, up to max_hops),
 * mappings to withdrawn controls, non-exhaustive sets labelled complete. */
extern const xw_column xw_lint_columns[];
extern const int xw_lint_ncolumns;
xw_status xw_lint(xw_db *db, int max_hops, xw_row_cb cb, void *ctx,
                  long *errors, xw_error *err);

/* ---------------------------------------------------------------- output */

typedef enum xw_format {
    XW_FORMAT_TABLE = 0,
    XW_FORMAT_CSV,
    XW_FORMAT_JSON,
    XW_FORMAT_MD /* a Markdown table */
} xw_format;

/* Parses "table", "csv", "json" or "md"; -1 otherwise. */
int xw_format_parse(const char *text);

/* Writes a listing to a stream.  CSV and JSON stream row by row; a table is
 * buffered to align its columns by display width (East Asian wide
 * characters count two). */
typedef struct xw_writer xw_writer;
xw_status xw_writer_open(FILE *out, xw_format format, const xw_column *cols,
                         int ncols, xw_writer **out_writer, xw_error *err);
/* CSV for people who open it in a spreadsheet. */
typedef struct xw_writer_opts {
    int bom;        /* start with a UTF-8 byte-order mark */
    int crlf;       /* end rows with CR LF */
    int neutralise; /* prefix ' to cells starting with = + - @ tab or CR */
} xw_writer_opts;
xw_status xw_writer_open_opts(FILE *out, xw_format format,
                              const xw_column *cols, int ncols,
                              const xw_writer_opts *opts,
                              xw_writer **out_writer, xw_error *err);
/* Whether a cell would be run as a formula by a spreadsheet. */
int xw_csv_cell_is_risky(const char *value);

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
