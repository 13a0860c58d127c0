/*
 * import.c - 'xwalk import catalog|crosswalk FILE': loads one CSV file as a
 * framework or a mapping set, all or nothing.
 */
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
    if (argc < 3)
        return cli_error(err, "import: expected 'catalog FILE' or 'crosswalk "
                              "FILE' (see 'xwalk import --help')");
    /* argv: import KIND FILE options...; hand the options on with the kind
     * in the command-name slot. */
    const char *kind = argv[1], *file = argv[2];
    argv[2] = argv[1];
    if (!strcmp(kind, "catalog"))
        return import_catalog(file, argc - 2, argv + 2, ctx, err);
    if (!strcmp(kind, "crosswalk"))
        return import_crosswalk(file, argc - 2, argv + 2, ctx, err);
    return cli_error(err, "import: unknown kind \"%s\" (expected catalog or "
                          "crosswalk)",
                     kind);
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
    "  catalog:   KIND is law, regulation, guideline, standard, certification\n"
    "             or framework; STATUS is official, partial or provisional;\n"
    "             CC is an ISO 3166-1 alpha-2 code, EU or INTL.\n"
    "  crosswalk: the set id defaults to SOURCE-to-TARGET; M is human,\n"
    "             automation or hybrid; STATUS is draft, complete,\n"
    "             not-complete, deprecated or superseded; --exhaustive says\n"
    "             every target control was considered, so that a missing row\n"
    "             means no relationship.\n"};
