/*
 * bundle.c - loads the bundled content: every catalog listed in
 * frameworks.csv, then every mapping set listed in crosswalks.csv, from one
 * data directory (mappings/ in the source tree, share/xwalk/mappings when
 * installed).  Each file is imported in its own transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_table.h"

enum { F_ID, F_NAME, F_VERSION, F_JURISDICTION, F_ISSUER, F_KIND,
       F_PUBLISHED, F_URL, F_LICENSE, F_LANGUAGE, F_STATUS, F_FILE, F_COUNT };

static const xw_csv_column_spec framework_columns[F_COUNT] = {
    [F_ID] = {"id", 1},
    [F_NAME] = {"name", 1},
    [F_VERSION] = {"version", 1},
    [F_JURISDICTION] = {"jurisdiction", 1},
    [F_ISSUER] = {"issuer", 0},
    [F_KIND] = {"kind", 0},
    [F_PUBLISHED] = {"published", 0},
    [F_URL] = {"url", 0},
    [F_LICENSE] = {"license", 0},
    [F_LANGUAGE] = {"language", 0},
    [F_STATUS] = {"status", 0},
    [F_FILE] = {"file", 1},
};

enum { S_ID, S_SOURCE, S_TARGET, S_VERSION, S_AUTHOR, S_METHOD, S_STATUS,
       S_EXHAUSTIVE, S_PUBLISHED, S_LICENSE, S_URL, S_FILE, S_COUNT };

static const xw_csv_column_spec set_columns[S_COUNT] = {
    [S_ID] = {"id", 1},
    [S_SOURCE] = {"source", 1},
    [S_TARGET] = {"target", 1},
    [S_VERSION] = {"version", 0},
    [S_AUTHOR] = {"author", 0},
    [S_METHOD] = {"method", 0},
    [S_STATUS] = {"status", 0},
    [S_EXHAUSTIVE] = {"exhaustive", 0},
    [S_PUBLISHED] = {"published", 0},
    [S_LICENSE] = {"license", 0},
    [S_URL] = {"url", 0},
    [S_FILE] = {"file", 1},
};

typedef struct bundle {
    xw_db *db;
    const char *datadir;
    xw_import_cb cb;
    void *ctx;
} bundle;

/* Builds DATADIR/FILE, refusing names that would leave the directory. */
static xw_status data_path(const bundle *b, const xw_csv_table *t,
                           const xw_csv_record *rec, int col, char *out,
                           size_t size, xw_error *err)
{
    const char *file = xw_csv_table_get(t, rec, col);
    long c = xw_csv_column_number(&t->hdr, col);
    if (xw_is_blank(file) || file[0] == '/' || strstr(file, ".."))
        return xw_fail_at(err, XW_EINPUT, t->path, rec->field_lines[c - 1], c,
                          "file \"%s\" must be a path inside the data "
                          "directory",
                          file);
    if ((size_t)snprintf(out, size, "%s/%s", b->datadir, file) >= size)
        return xw_fail_at(err, XW_EINPUT, t->path, rec->line, c,
                          "path too long");
    return XW_OK;
}

static xw_status framework_row(void *ctx, const xw_csv_table *t,
                               const xw_csv_record *rec, xw_error *err)
{
    bundle *b = ctx;
    char path[2048];
    xw_status s = data_path(b, t, rec, F_FILE, path, sizeof path, err);
    if (s != XW_OK)
        return s;
    xw_framework_meta m = {
        .id = xw_csv_table_get(t, rec, F_ID),
        .name = xw_csv_table_get(t, rec, F_NAME),
        .version = xw_csv_table_get(t, rec, F_VERSION),
        .jurisdiction = xw_csv_table_get(t, rec, F_JURISDICTION),
        .issuer = xw_csv_table_get(t, rec, F_ISSUER),
        .kind = xw_csv_table_get(t, rec, F_KIND),
        .published = xw_csv_table_get(t, rec, F_PUBLISHED),
        .url = xw_csv_table_get(t, rec, F_URL),
        .license = xw_csv_table_get(t, rec, F_LICENSE),
        .language = xw_csv_table_get(t, rec, F_LANGUAGE),
        .status = xw_csv_table_get(t, rec, F_STATUS),
    };
    xw_import_result r;
    s = xw_import_catalog_file(b->db, path, xw_csv_table_get(t, rec, F_FILE),
                               &m, XW_IMPORT_REPLACE, &r, err);
    /* An error that names no file is about this manifest row's values;
     * xw_csv_table_read places it there. */
    if (s != XW_OK)
        return s;
    if (b->cb)
        b->cb(b->ctx, path, &r);
    return XW_OK;
}

static xw_status set_row(void *ctx, const xw_csv_table *t,
                         const xw_csv_record *rec, xw_error *err)
{
    bundle *b = ctx;
    char path[2048];
    xw_status s = data_path(b, t, rec, S_FILE, path, sizeof path, err);
    if (s != XW_OK)
        return s;
    const char *exhaustive = xw_csv_table_get(t, rec, S_EXHAUSTIVE);
    int ex = 0;
    if (!xw_is_blank(exhaustive) && (ex = xw_parse_bool(exhaustive)) < 0) {
        long c = xw_csv_column_number(&t->hdr, S_EXHAUSTIVE);
        return xw_fail_at(err, XW_EINPUT, t->path, rec->field_lines[c - 1], c,
                          "exhaustive \"%s\" is not 1 or 0", exhaustive);
    }
    xw_set_meta m = {
        .id = xw_csv_table_get(t, rec, S_ID),
        .source = xw_csv_table_get(t, rec, S_SOURCE),
        .target = xw_csv_table_get(t, rec, S_TARGET),
        .version = xw_csv_table_get(t, rec, S_VERSION),
        .author = xw_csv_table_get(t, rec, S_AUTHOR),
        .method = xw_csv_table_get(t, rec, S_METHOD),
        .status = xw_csv_table_get(t, rec, S_STATUS),
        .exhaustive = ex,
        .published = xw_csv_table_get(t, rec, S_PUBLISHED),
        .license = xw_csv_table_get(t, rec, S_LICENSE),
        .url = xw_csv_table_get(t, rec, S_URL),
    };
    xw_import_result r;
    s = xw_import_crosswalk_file(b->db, path, xw_csv_table_get(t, rec, S_FILE),
                                 &m, XW_IMPORT_REPLACE, &r, err);
    /* An error that names no file is about this manifest row's values;
     * xw_csv_table_read places it there. */
    if (s != XW_OK)
        return s;
    if (b->cb)
        b->cb(b->ctx, path, &r);
    return XW_OK;
}

static xw_status read_manifest(bundle *b, const char *name,
                               const xw_csv_column_spec *spec, int ncols,
                               xw_csv_row_fn row, xw_error *err)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", b->datadir, name);
    xw_file f;
    xw_status s = xw_file_read(path, &f, err);
    if (s != XW_OK)
        return s;
    static const int no_fields[] = {-1};
    xw_csv_table t = {
        .path = path,
        .spec = spec,
        .ncols = ncols,
        .field_column = no_fields,
        .nfield_column = 1,
        .row = row,
        .ctx = b,
    };
    s = xw_csv_table_read(&t, f.data, f.len, err);
    xw_file_free(&f);
    return s;
}

xw_status xw_bundle_load(xw_db *db, const char *datadir, xw_import_cb cb,
                         void *ctx, xw_error *err)
{
    bundle b = {db, datadir, cb, ctx};
    xw_status s = read_manifest(&b, "frameworks.csv", framework_columns,
                                F_COUNT, framework_row, err);
    if (s == XW_OK)
        s = read_manifest(&b, "crosswalks.csv", set_columns, S_COUNT, set_row,
                          err);
    return s;
}
