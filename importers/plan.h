/*
 * plan.h - what a published file says, before it is written: the
 * frameworks (with their controls and links) and the mapping sets (with
 * their rows) read from each file.  Format readers fill a plan; plan.c
 * loads it into the store, frameworks first, in one transaction.
 */
#ifndef XW_PLAN_H
#define XW_PLAN_H

#include "internal.h"

typedef struct xw_plan_link {
    const char *from, *rel, *to;
} xw_plan_link;

typedef struct xw_plan_framework {
    xw_framework_meta meta;
    const char *file;
    char sha256[65];
    xw_control_in *controls;
    size_t ncontrols, capcontrols;
    xw_plan_link *links;
    size_t nlinks, caplinks;
} xw_plan_framework;

/* A mapping row; source and target are control ids, or URNs when the set
 * says refs_are_urns. */
typedef struct xw_plan_row {
    xw_mapping_in in;
    long column;
} xw_plan_row;

typedef struct xw_plan_gap {
    const char *side, *control;
} xw_plan_gap;

typedef struct xw_plan_set {
    xw_set_meta meta;           /* source/target may be NULL until resolved */
    const char *source_urn, *target_urn; /* frameworks named by URN */
    const char *source_href, *target_href; /* or by the file they came from */
    int refs_are_urns;
    const char *file;
    char sha256[65];
    xw_plan_row *rows;
    size_t nrows, caprows;
    long merged_reverse;        /* reverse-direction rows already present */
    xw_plan_gap *gaps;          /* explicit gaps (OSCAL gap summaries) */
    size_t ngaps, capgaps;
} xw_plan_set;

typedef struct xw_plan {
    xw_arena arena;
    xw_plan_framework *fws;
    size_t nfws, capfws;
    xw_plan_set *sets;
    size_t nsets, capsets;
} xw_plan;

const char *xw_plan_str(xw_plan *p, const char *s);
const char *xw_plan_strn(xw_plan *p, const char *s, size_t n);
xw_plan_framework *xw_plan_add_framework(xw_plan *p, const char *file,
                                         const char *sha256, xw_error *err);
xw_control_in *xw_plan_add_control(xw_plan *p, xw_plan_framework *f,
                                   xw_error *err);
xw_status xw_plan_add_link(xw_plan *p, xw_plan_framework *f, const char *from,
                           const char *rel, const char *to, xw_error *err);
xw_plan_set *xw_plan_add_set(xw_plan *p, const char *file, const char *sha256,
                             xw_error *err);
xw_plan_row *xw_plan_add_row(xw_plan *p, xw_plan_set *s, xw_error *err);
xw_status xw_plan_add_gap(xw_plan *p, xw_plan_set *s, const char *side,
                          const char *control, xw_error *err);
void xw_plan_free(xw_plan *p);

/* Writes the plan: frameworks first, then sets (plan_load.c). */
enum { XW_PLAN_SKIP_UNRESOLVED = 1 << 8 };
xw_status xw_plan_load(xw_db *db, xw_plan *p, int flags, xw_import_cb cb,
                       void *ctx, xw_error *err);

/* Readers: each adds what one file holds to the plan. */
typedef struct xw_read_opts {
    const char *id;           /* --id: the framework or set id */
    const char *source, *target; /* --source, --target framework ids */
    const char *jurisdiction; /* --jurisdiction for formats without one */
    const char *name, *version, *status;
} xw_read_opts;

xw_status xw_read_ciso_yaml(xw_plan *p, const char *path, const xw_file *f,
                            const xw_read_opts *o, xw_error *err);
xw_status xw_read_oscal_json(xw_plan *p, const char *path, const xw_file *f,
                             const xw_read_opts *o, xw_error *err);
xw_status xw_read_oscal_xml(xw_plan *p, const char *path, const xw_file *f,
                            const xw_read_opts *o, xw_error *err);
xw_status xw_read_oscal_mapping(xw_plan *p, const char *path,
                                const xw_file *f, const xw_read_opts *o,
                                xw_error *err);
xw_status xw_read_olir_csv(xw_plan *p, const char *path, const xw_file *f,
                           const xw_read_opts *o, xw_error *err);
typedef struct json_t json_t;
/* Parses a JSON file (duplicate keys refused); errors carry line and
 * column. */
xw_status xw_json_load(const char *path, const xw_file *f, json_t **root,
                       xw_error *err);
/* The OSCAL catalog model (as JSON), whichever syntax it was read from. */
xw_status xw_read_oscal_model(xw_plan *p, const char *path, const xw_file *f,
                              json_t *root, const xw_read_opts *o,
                              xw_error *err);

#endif
