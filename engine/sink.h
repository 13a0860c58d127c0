/*
 * sink.h - where the reports of a batch export go: a directory of CSV
 * files with a manifest (sink_csv.c), or one XLSX workbook with a sheet per
 * report (sink_xlsx.c).  Reports stream their rows into the sink.
 */
#ifndef XW_SINK_H
#define XW_SINK_H

#include "internal.h"

typedef struct xw_sink xw_sink;

typedef struct xw_sink_ops {
    /* Starts report name (a file or a sheet) with these columns. */
    xw_status (*begin)(xw_sink *s, const char *name, const xw_column *cols,
                       int ncols, xw_error *err);
    /* An xw_row_cb: ctx is the sink. */
    int (*row)(void *s, int n, const char *const *values);
    xw_status (*end)(xw_sink *s, xw_error *err);
    /* Writes what closes the batch (the manifest, the workbook) and puts
     * it in place; the sink is freed. */
    xw_status (*finish)(xw_sink *s, xw_error *err);
    /* Removes what was written; the sink is freed. */
    void (*abort)(xw_sink *s);
} xw_sink_ops;

struct xw_sink {
    const xw_sink_ops *ops;
};

typedef struct xw_batch_info {
    char generated_at[32]; /* ISO 8601 UTC */
    char fingerprint[65];  /* of the database content */
    const char *version;
} xw_batch_info;

/* A directory of CSV files; dir must not exist, or be empty. */
xw_status xw_sink_csv_open(const char *dir, const xw_writer_opts *opts,
                           const xw_batch_info *info, xw_sink **out,
                           xw_error *err);
/* One XLSX workbook. */
xw_status xw_sink_xlsx_open(const char *file, xw_sink **out, xw_error *err);

/* SHA-256 over the database's content in a canonical order (not over the
 * file, whose pages depend on its history). */
xw_status xw_db_fingerprint(xw_db *db, char hex[65], xw_error *err);

#endif
