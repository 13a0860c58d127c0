/*
 * frameworks.c - 'xwalk frameworks': the frameworks in the database.
 */
#include "cli.h"

static xw_status list(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    (void)arg;
    return xw_list_frameworks(db, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    return cli_run_listing(ctx, format, xw_frameworks_columns,
                           xw_frameworks_ncolumns, list, arg, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo), {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_frameworks, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_frameworks, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    return cli_emit(ctx, &lo, emit, NULL, err);
}

const cli_command cli_cmd_frameworks = {
    "frameworks", run, "list the frameworks in the database",
    "usage: xwalk frameworks [--format F] [-o FILE]\n"
    "\n"
    "Lists every framework: id, jurisdiction, name, version, status, the\n"
    "number of controls, and the number of mapping rows that touch it.\n"
    "\n" CLI_LISTING_USAGE};
