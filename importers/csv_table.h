/*
 * csv_table.h - reading a CSV file with a header row into per-record
 * callbacks, shared by every CSV-based importer, and placing engine errors
 * at the file, line and column they concern.
 */
#ifndef XW_CSV_TABLE_H
#define XW_CSV_TABLE_H

#include "internal.h"

typedef struct xw_csv_table xw_csv_table;
typedef xw_status (*xw_csv_row_fn)(void *ctx, const xw_csv_table *t,
                                   const xw_csv_record *rec, xw_error *err);

struct xw_csv_table {
    const char *path;                /* as named in messages */
    const xw_csv_column_spec *spec;
    int ncols;
    /* field_column[f]: the spec column holding xw_field f, or -1 */
    const int *field_column;
    int nfield_column;
    xw_csv_row_fn row;
    void *ctx;
    xw_csv_header hdr;
    int have_header;
    long records;
};

/* Parses the file's bytes: the header first, then row() for each record.
 * An empty file is an error naming the expected columns. */
xw_status xw_csv_table_read(xw_csv_table *t, const char *data, size_t len,
                            xw_error *err);

/* Value of spec column c of rec ("" when the column is absent). */
const char *xw_csv_table_get(const xw_csv_table *t, const xw_csv_record *rec,
                             int c);

/* Gives an engine error (err->field, err->line) the file name and the
 * column of its field in this file; rec, when given, supplies the exact
 * line of that field. */
void xw_csv_table_locate(const xw_csv_table *t, const xw_csv_record *rec,
                         xw_error *err);

/* The CSV importers with the file read from path and recorded (and named in
 * messages) as name: bundled files are recorded relative to their data
 * directory, so the database does not depend on where xwalk is installed. */
xw_status xw_import_catalog_file(xw_db *db, const char *path, const char *name,
                                 const xw_framework_meta *meta, int flags,
                                 xw_import_result *result, xw_error *err);
xw_status xw_import_crosswalk_file(xw_db *db, const char *path,
                                   const char *name, const xw_set_meta *meta,
                                   int flags, xw_import_result *result,
                                   xw_error *err);

#endif
