/*
 * crosswalk_csv.c - reads the crosswalk CSV format (docs/formats.md) into
 * the store: one mapping set, one mapping per record.
 */
#include "csv_table.h"

enum { M_SOURCE, M_RELATIONSHIP, M_TARGET, M_RATIONALE, M_STRENGTH,
       M_CONFIDENCE, M_NOTE, M_COUNT };

static const xw_csv_column_spec crosswalk_columns[M_COUNT] = {
    [M_SOURCE] = {"source", 1},
    [M_RELATIONSHIP] = {"relationship", 1},
    [M_TARGET] = {"target", 1},
    [M_RATIONALE] = {"rationale", 0},
    [M_STRENGTH] = {"strength", 0},
    [M_CONFIDENCE] = {"confidence", 0},
    [M_NOTE] = {"note", 0},
};

static const int crosswalk_field_column[] = {
    [XW_FIELD_NONE] = -1,       [XW_FIELD_ID] = -1,
    [XW_FIELD_PARENT] = -1,     [XW_FIELD_TITLE] = -1,
    [XW_FIELD_ASSESSABLE] = -1, [XW_FIELD_SOURCE] = M_SOURCE,
    [XW_FIELD_TARGET] = M_TARGET,
    [XW_FIELD_RELATIONSHIP] = M_RELATIONSHIP,
    [XW_FIELD_RATIONALE] = M_RATIONALE,
    [XW_FIELD_STRENGTH] = M_STRENGTH,
    [XW_FIELD_CONFIDENCE] = M_CONFIDENCE,
    [XW_FIELD_WITHDRAWN] = -1,
};

static xw_status crosswalk_row(void *ctx, const xw_csv_table *t,
                               const xw_csv_record *rec, xw_error *err)
{
    xw_mapping_in m = {
        .source = xw_csv_table_get(t, rec, M_SOURCE),
        .target = xw_csv_table_get(t, rec, M_TARGET),
        .relationship = xw_csv_table_get(t, rec, M_RELATIONSHIP),
        .rationale = xw_csv_table_get(t, rec, M_RATIONALE),
        .strength = xw_csv_table_get(t, rec, M_STRENGTH),
        .confidence = xw_csv_table_get(t, rec, M_CONFIDENCE),
        .note = xw_csv_table_get(t, rec, M_NOTE),
        .line = rec->line,
    };
    return xw_set_add(ctx, &m, err);
}

xw_status xw_import_crosswalk_csv(xw_db *db, const char *path,
                                  const xw_set_meta *meta, int flags,
                                  xw_import_result *result, xw_error *err)
{
    return xw_import_crosswalk_file(db, path, path, meta, flags, result, err);
}

xw_status xw_import_crosswalk_file(xw_db *db, const char *path, const char *name,
                               const xw_set_meta *meta, int flags,
                               xw_import_result *result, xw_error *err)
{
    xw_file f;
    xw_status s = xw_file_read(path, &f, err);
    if (s != XW_OK)
        return s;
    xw_set_load *load = NULL;
    s = xw_set_begin(db, meta, name, f.sha256, flags, &load, result, err);
    if (s != XW_OK || !load) { /* failed, or the same file again */
        xw_file_free(&f);
        return s;
    }
    xw_csv_table t = {
        .path = path,
        .spec = crosswalk_columns,
        .ncols = M_COUNT,
        .field_column = crosswalk_field_column,
        .nfield_column = (int)(sizeof crosswalk_field_column /
                               sizeof *crosswalk_field_column),
        .row = crosswalk_row,
        .ctx = load,
    };
    s = xw_csv_table_read(&t, f.data, f.len, err);
    xw_file_free(&f);
    if (s != XW_OK) {
        xw_set_abort(load);
        return s;
    }
    return xw_set_finish(load, result, err);
}
