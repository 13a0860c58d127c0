/*
 * import.c - 'xwalk import catalog|crosswalk FILE': loads one CSV file as a
 * framework or a mapping set, all or nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static xw_status import_catalog(const char *file, int argc, char **argv,
                                cli_ctx *ctx, xw_error *err)
{
    xw_framework_meta m = {0};
    int replace = 0;
    const cli_option opts[] = {
        {"id", 0, &m.id, NULL},
        {"name", 0, &m.name, NULL},
        {"version", 0, &m.version, NULL},
        {"jurisdiction", 0, &m.jurisdiction, NULL},
        {"issuer", 0, &m.issuer, NULL},
        {"kind", 0, &m.kind, NULL},
        {"published", 0, &m.published, NULL},
        {"url", 0, &m.url, NULL},
        {"license", 0, &m.license, NULL},
        {"language", 0, &m.language, NULL},
        {"status", 0, &m.status, NULL},
        {"replace", 0, NULL, &replace},
        {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_import, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r != CLI_PARSED)
        return r == CLI_HELP ? XW_OK : (xw_status)r;
    static const char *required[] = {"id", "name", "version", "jurisdiction"};
    const char *given[] = {m.id, m.name, m.version, m.jurisdiction};
    for (int i = 0; i < 4; i++)
        if (!given[i])
            return cli_error(err, "import catalog: --%s is required",
                             required[i]);
    xw_db *db;
    xw_status s = xw_open(ctx->db_path, XW_OPEN_CREATE, &db, err);
    if (s != XW_OK)
        return s;
    xw_import_result res;
    s = xw_import_catalog_csv(db, file, &m, replace ? XW_IMPORT_REPLACE : 0,
                              &res, err);
    xw_close(db);
    if (s == XW_OK)
        cli_report_import(ctx, file, &res);
    return s;
}

static xw_status import_crosswalk(const char *file, int argc, char **argv,
                                  cli_ctx *ctx, xw_error *err)
{
    xw_set_meta m = {0};
    int replace = 0;
    const cli_option opts[] = {
        {"id", 0, &m.id, NULL},
        {"source", 0, &m.source, NULL},
        {"target", 0, &m.target, NULL},
        {"version", 0, &m.version, NULL},
        {"author", 0, &m.author, NULL},
        {"method", 0, &m.method, NULL},
        {"status", 0, &m.status, NULL},
        {"published", 0, &m.published, NULL},
        {"license", 0, &m.license, NULL},
        {"url", 0, &m.url, NULL},
        {"exhaustive", 0, NULL, &m.exhaustive},
        {"replace", 0, NULL, &replace},
        {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_import, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r != CLI_PARSED)
        return r == CLI_HELP ? XW_OK : (xw_status)r;
    if (!m.source || !m.target)
        return cli_error(err, "import crosswalk: --source and --target are "
                              "required");
    xw_db *db;
    xw_status s = xw_open(ctx->db_path, XW_OPEN_CREATE, &db, err);
    if (s != XW_OK)
        return s;
    xw_import_result res;
    s = xw_import_crosswalk_csv(db, file, &m, replace ? XW_IMPORT_REPLACE : 0,
                                &res, err);
    xw_close(db);
    if (s == XW_OK)
        cli_report_import(ctx, file, &res);
    return s;
}

/* Results are held until the transaction is settled, so that nothing is
 * reported as imported when the command as a whole fails. */
typedef struct held_result {
    char *file;
    xw_import_result r;
} held_result;

typedef struct held_results {
    held_result *items;
    size_t n, cap;
} held_results;

static void hold(void *ctx, const char *file, const xw_import_result *r)
{
    held_results *h = ctx;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 16;
        held_result *a = realloc(h->items, cap * sizeof *a);
        if (!a)
            return;
        h->items = a;
        h->cap = cap;
    }
    h->items[h->n].file = strdup(file);
    h->items[h->n].r = *r;
    h->n++;
}

/* 'xwalk import FILE...': published formats, detected or named. */
static xw_status import_files(int argc, char **argv, cli_ctx *ctx,
                              xw_error *err)
{
    xw_import_opts o = {0};
    const cli_option opts[] = {
        {"format", 0, &o.format, NULL},
        {"id", 0, &o.id, NULL},
        {"source", 0, &o.source, NULL},
        {"target", 0, &o.target, NULL},
        {"jurisdiction", 0, &o.jurisdiction, NULL},
        {"name", 0, &o.name, NULL},
        {"version", 0, &o.version, NULL},
        {"status", 0, &o.status, NULL},
        {"kind", 0, &o.kind, NULL},
        {"replace", 0, NULL, &o.replace},
        {"dry-run", 0, NULL, &o.dry_run},
        {"skip-unresolved", 0, NULL, &o.skip_unresolved},
        {0}};
    const char *files[256];
    int n;
    int r = cli_parse_options(&cli_cmd_import, argc, argv, opts, files, 256,
                              &n, err);
    if (r != CLI_PARSED)
        return r == CLI_HELP ? XW_OK : (xw_status)r;
    if (!n)
        return cli_error(err, "import: name at least one file (see 'xwalk "
                              "import --help')");
    xw_db *db;
    xw_status s = xw_open(ctx->db_path, XW_OPEN_CREATE, &db, err);
    if (s != XW_OK)
        return s;
    held_results held = {0};
    s = xw_import_files(db, files, n, &o, hold, &held, err);
    xw_close(db);
    for (size_t i = 0; i < held.n; i++) {
        if (s == XW_OK && held.items[i].file)
            (o.dry_run ? cli_report_dry_run
                       : cli_report_import)(ctx, held.items[i].file,
                                            &held.items[i].r);
        free(held.items[i].file);
    }
    free(held.items);
    if (s == XW_OK && o.dry_run)
        fputs("xwalk: dry run: nothing was written\n", ctx->diag);
    return s;
}

static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return 1;
    return 0;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    if (wants_help(argc, argv)) {
        cli_print_help(&cli_cmd_import, ctx);
        return XW_OK;
    }
    if (argc < 2)
        return cli_error(err, "import: name at least one file (see 'xwalk "
                              "import --help')");
    const char *kind = argv[1];
    if ((!strcmp(kind, "catalog") || !strcmp(kind, "crosswalk")) && argc >= 3) {
        /* argv: import KIND FILE options...; hand the options on with the
         * kind in the command-name slot. */
        const char *file = argv[2];
        argv[2] = argv[1];
        if (!strcmp(kind, "catalog"))
            return import_catalog(file, argc - 2, argv + 2, ctx, err);
        return import_crosswalk(file, argc - 2, argv + 2, ctx, err);
    }
    return import_files(argc, argv, ctx, err);
}

const cli_command cli_cmd_import = {
    "import", run, "import a catalog or a crosswalk from CSV",
    "usage: xwalk import catalog FILE --id ID --name NAME --version V\n"
    "                    --jurisdiction CC [--issuer ISSUER] [--kind KIND]\n"
    "                    [--published DATE] [--url URL] [--license LICENSE]\n"
    "                    [--language LANG] [--status STATUS] [--replace]\n"
    "       xwalk import crosswalk FILE --source FW --target FW [--id SET]\n"
    "                    [--version V] [--author A] [--method M]\n"
    "                    [--status STATUS] [--published DATE] [--license L]\n"
    "                    [--url URL] [--exhaustive] [--replace]\n"
    "\n"
    "Imports one CSV file in one transaction: on any error nothing of it is\n"
    "kept and the message gives file:line:column.  Importing the same file\n"
    "again changes nothing.  A different file under an existing framework or\n"
    "set id is refused unless --replace is given.  The formats are described\n"
    "in docs/formats.md.\n"
    "\n"
    "       xwalk import FILE... [--format F] [--id ID] [--source FW]\n"
    "                    [--target FW] [--jurisdiction CC] [--name NAME]\n"
    "                    [--version V] [--status S] [--replace] [--dry-run]\n"
    "                    [--skip-unresolved]\n"
    "\n"
    "Imports files in the formats catalogs and crosswalks are published in,\n"
    "all in one transaction: OSCAL catalogs (JSON), CISO Assistant library\n"
    "YAML (framework and mapping files), and the CSV formats.  The format is\n"
    "detected from the content, or named with --format oscal, ciso, catalog\n"
    "or crosswalk.  Framework files load before mapping files, so a mapping\n"
    "file may come with its frameworks in the same command.  --dry-run checks\n"
    "everything and reports what would be imported, writing nothing.\n"
    "Formats that name no jurisdiction get ZZ (unknown) unless\n"
    "--jurisdiction is given.  A mapping row whose requirement is in no\n"
    "imported framework is an error; --skip-unresolved skips and counts\n"
    "such rows instead (some published libraries hold a few).\n"
    "\n"
    "  catalog:   KIND is law, regulation, guideline, standard, certification\n"
    "             or framework; STATUS is official, partial or provisional;\n"
    "             CC is an ISO 3166-1 alpha-2 code, EU or INTL.\n"
    "  crosswalk: the set id defaults to SOURCE-to-TARGET; M is human,\n"
    "             automation or hybrid; STATUS is draft, complete,\n"
    "             not-complete, deprecated or superseded; --exhaustive says\n"
    "             every target control was considered, so that a missing row\n"
    "             means no relationship.\n"};
