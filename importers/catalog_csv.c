/*
 * catalog_csv.c - reads the catalog CSV format (docs/formats.md) into the
 * store: one framework, one control per record.
 */
#include "csv_table.h"

enum { C_ID, C_TITLE, C_PARENT, C_DESCRIPTION, C_TITLE_JA, C_DESCRIPTION_JA,
       C_ASSESSABLE, C_TAGS, C_SOURCE_REF, C_WITHDRAWN, C_COUNT };

static const xw_csv_column_spec catalog_columns[C_COUNT] = {
    [C_ID] = {"id", 1},
    [C_TITLE] = {"title", 1},
    [C_PARENT] = {"parent", 0},
    [C_DESCRIPTION] = {"description", 0},
    [C_TITLE_JA] = {"title_ja", 0},
    [C_DESCRIPTION_JA] = {"description_ja", 0},
    [C_ASSESSABLE] = {"assessable", 0},
    [C_TAGS] = {"tags", 0},
    [C_SOURCE_REF] = {"source_ref", 0},
    [C_WITHDRAWN] = {"withdrawn", 0},
};

static const int catalog_field_column[] = {
    [XW_FIELD_NONE] = -1,         [XW_FIELD_ID] = C_ID,
    [XW_FIELD_PARENT] = C_PARENT, [XW_FIELD_TITLE] = C_TITLE,
    [XW_FIELD_ASSESSABLE] = C_ASSESSABLE,
    [XW_FIELD_WITHDRAWN] = C_WITHDRAWN,
    [XW_FIELD_SOURCE] = -1,       [XW_FIELD_TARGET] = -1,
    [XW_FIELD_RELATIONSHIP] = -1, [XW_FIELD_RATIONALE] = -1,
    [XW_FIELD_STRENGTH] = -1,     [XW_FIELD_CONFIDENCE] = -1,
};

/* A boolean column: 1 when empty (dflt), else 1/0, true/false, yes/no. */
static xw_status read_flag(const xw_csv_table *t, const xw_csv_record *rec,
                           int col, xw_field field, int dflt, int *out,
                           xw_error *err)
{
    const char *text = xw_csv_table_get(t, rec, col);
    *out = dflt;
    if (xw_is_blank(text))
        return XW_OK;
    if ((*out = xw_parse_bool(text)) < 0)
        return xw_fail_field(err, field, rec->line,
                             "%s \"%s\" is not 1 or 0 (true/false, yes/no)",
                             t->spec[col].name, text);
    return XW_OK;
}

static xw_status catalog_row(void *ctx, const xw_csv_table *t,
                             const xw_csv_record *rec, xw_error *err)
{
    xw_catalog_load *load = ctx;
    int a, withdrawn;
    xw_status s = read_flag(t, rec, C_ASSESSABLE, XW_FIELD_ASSESSABLE, 1, &a,
                            err);
    if (s == XW_OK)
        s = read_flag(t, rec, C_WITHDRAWN, XW_FIELD_WITHDRAWN, 0, &withdrawn,
                      err);
    if (s != XW_OK)
        return s;
    xw_control_in c = {
        .id = xw_csv_table_get(t, rec, C_ID),
        .parent = xw_csv_table_get(t, rec, C_PARENT),
        .title = xw_csv_table_get(t, rec, C_TITLE),
        .description = xw_csv_table_get(t, rec, C_DESCRIPTION),
        .title_ja = xw_csv_table_get(t, rec, C_TITLE_JA),
        .description_ja = xw_csv_table_get(t, rec, C_DESCRIPTION_JA),
        .assessable = a,
        .tags = xw_csv_table_get(t, rec, C_TAGS),
        .source_ref = xw_csv_table_get(t, rec, C_SOURCE_REF),
        .withdrawn = withdrawn,
        .line = rec->line,
    };
    if (!*c.parent)
        c.parent = NULL;
    return xw_catalog_add(load, &c, err);
}

xw_status xw_import_catalog_csv(xw_db *db, const char *path,
                                const xw_framework_meta *meta, int flags,
                                xw_import_result *result, xw_error *err)
{
    return xw_import_catalog_file(db, path, path, meta, flags, result, err);
}

xw_status xw_import_catalog_file(xw_db *db, const char *path, const char *name,
                               const xw_framework_meta *meta, int flags,
                               xw_import_result *result, xw_error *err)
{
    xw_file f;
    xw_status s = xw_file_read(path, &f, err);
    if (s != XW_OK)
        return s;
    xw_catalog_load *load = NULL;
    s = xw_catalog_begin(db, meta, name, f.sha256, flags, &load, result, err);
    if (s != XW_OK || !load) { /* failed, or the same file again */
        xw_file_free(&f);
        return s;
    }
    xw_csv_table t = {
        .path = path,
        .spec = catalog_columns,
        .ncols = C_COUNT,
        .field_column = catalog_field_column,
        .nfield_column = (int)(sizeof catalog_field_column /
                               sizeof *catalog_field_column),
        .row = catalog_row,
        .ctx = load,
    };
    s = xw_csv_table_read(&t, f.data, f.len, err);
    xw_file_free(&f);
    if (s != XW_OK) {
        xw_catalog_abort(load);
        return s;
    }
    s = xw_catalog_finish(load, result, err);
    if (s == XW_EINPUT)
        xw_csv_table_locate(&t, NULL, err);
    return s;
}
