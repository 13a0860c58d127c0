/*
 * import.c - 'xwalk import FILE...': detects each file's format, reads
 * every file into one plan, and loads it in one transaction (or checks it
 * and rolls back, for a dry run).
 */
#include <ctype.h>
#include <string.h>

#include "csv_table.h"
#include "plan.h"

typedef enum file_format {
    F_UNKNOWN,
    F_CATALOG,
    F_CROSSWALK,
    F_OSCAL,
    F_OSCAL_MAPPING,
    F_CISO,
    F_OLIR
} file_format;

static const struct {
    const char *name;
    file_format f;
} format_names[] = {{"catalog", F_CATALOG},     {"crosswalk", F_CROSSWALK},
                    {"oscal", F_OSCAL},         {"oscal-mapping", F_OSCAL_MAPPING},
                    {"ciso", F_CISO},           {"olir", F_OLIR}};

static const char *skip_space(const char *p, const char *end)
{
    if (end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    while (p < end && isspace((unsigned char)*p))
        p++;
    return p;
}

/* Looks at the first bytes: JSON, XML, YAML library, or CSV (by header). */
static file_format detect(const xw_file *f)
{
    const char *end = f->data + f->len, *p = skip_space(f->data, end);
    if (p == end)
        return F_UNKNOWN;
    if (*p == '{' || *p == '[')
        return strstr(p, "\"mapping-collection\"") ? F_OSCAL_MAPPING : F_OSCAL;
    if (*p == '<')
        return F_OSCAL;
    if (!strncmp(p, "urn:", 4) || strstr(p, "\nobjects:"))
        return F_CISO;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    char header[1024];
    if (n >= sizeof header)
        n = sizeof header - 1;
    for (size_t i = 0; i < n; i++)
        header[i] = (char)tolower((unsigned char)p[i]);
    header[n] = '\0';
    if (strstr(header, "focal") && strstr(header, "reference"))
        return F_OLIR;
    if (strstr(header, "relationship"))
        return F_CROSSWALK;
    if (strstr(header, "id") && strstr(header, "title"))
        return F_CATALOG;
    return F_UNKNOWN;
}

static xw_status import_csv(xw_db *db, const char *path, file_format ff,
                            const xw_import_opts *o, xw_import_cb cb,
                            void *ctx, xw_error *err)
{
    xw_import_result r;
    xw_status s;
    int flags = o->replace ? XW_IMPORT_REPLACE : 0;
    if (ff == F_CATALOG) {
        if (!o->id || !o->name || !o->version || !o->jurisdiction)
            return xw_fail_at(err, XW_EINPUT, path, 0, 0,
                              "a catalog CSV needs --id, --name, --version and "
                              "--jurisdiction");
        xw_framework_meta m = {.id = o->id, .name = o->name,
                               .version = o->version,
                               .jurisdiction = o->jurisdiction,
                               .kind = o->kind, .status = o->status};
        s = xw_import_catalog_file(db, path, path, &m, flags, &r, err);
    } else {
        if (!o->source || !o->target)
            return xw_fail_at(err, XW_EINPUT, path, 0, 0,
                              "a crosswalk CSV needs --source and --target");
        xw_set_meta m = {.id = o->id, .source = o->source,
                         .target = o->target, .version = o->version};
        s = xw_import_crosswalk_file(db, path, path, &m, flags, &r, err);
    }
    if (s == XW_OK && cb)
        cb(ctx, path, &r);
    return s;
}

xw_status xw_import_files(xw_db *db, const char *const *paths, int n,
                          const xw_import_opts *o, xw_import_cb cb, void *ctx,
                          xw_error *err)
{
    file_format forced = F_UNKNOWN;
    if (o->format) {
        for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
            if (!strcmp(o->format, format_names[i].name))
                forced = format_names[i].f;
        if (forced == F_UNKNOWN)
            return xw_fail(err, XW_EINPUT,
                           "unknown format \"%s\" (expected oscal, "
                           "oscal-mapping, ciso, olir, catalog or crosswalk)",
                           o->format);
    }
    xw_read_opts ro = {o->id,   o->source,  o->target, o->jurisdiction,
                       o->name, o->version, o->status};
    xw_plan plan = {0};
    xw_status s = xw_transaction_begin(db, err);
    if (s != XW_OK)
        return s;
    /* CSV files go straight to their loaders (inside the transaction);
     * the others are read into the plan first. */
    for (int i = 0; i < n && s == XW_OK; i++) {
        xw_file f;
        if ((s = xw_file_read(paths[i], &f, err)) != XW_OK)
            break;
        file_format ff = forced ? forced : detect(&f);
        switch (ff) {
        case F_CISO:
            s = xw_read_ciso_yaml(&plan, paths[i], &f, &ro, err);
            break;
        case F_OSCAL: {
            const char *c = f.data;
            while (c < f.data + f.len && (*c == ' ' || *c == '\n' ||
                                          *c == '\r' || *c == '\t'))
                c++;
            s = (c < f.data + f.len && *c == '<')
                    ? xw_read_oscal_xml(&plan, paths[i], &f, &ro, err)
                    : xw_read_oscal_json(&plan, paths[i], &f, &ro, err);
            break;
        }
        case F_CATALOG:
        case F_CROSSWALK:
            s = import_csv(db, paths[i], ff, o, cb, ctx, err);
            break;
        case F_OLIR:
            s = xw_read_olir_csv(&plan, paths[i], &f, &ro, err);
            break;
        case F_OSCAL_MAPPING:
            s = xw_read_oscal_mapping(&plan, paths[i], &f, &ro, err);
            break;
        default:
            s = xw_fail_at(err, XW_EINPUT, paths[i], 0, 0,
                           "cannot tell the format (expected OSCAL JSON or "
                           "XML, a CISO Assistant YAML library, or a CSV "
                           "catalog or crosswalk; --format names it)");
        }
        xw_file_free(&f);
    }
    if (s == XW_OK)
        s = xw_plan_load(db, &plan,
                         (o->replace ? XW_IMPORT_REPLACE : 0) |
                             (o->skip_unresolved ? XW_PLAN_SKIP_UNRESOLVED : 0),
                         cb, ctx, err);
    xw_plan_free(&plan);
    if (s == XW_OK && !o->dry_run)
        return xw_transaction_commit(db, err);
    xw_transaction_rollback(db);
    return s;
}
