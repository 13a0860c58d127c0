/*
 * sets.c - 'xwalk sets': the mapping sets in the database.
 */
#include "cli.h"

static xw_status list(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    (void)arg;
    return xw_list_sets(db, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    return cli_run_listing(ctx, format, xw_sets_columns, xw_sets_ncolumns,
                           list, arg, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo), {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_sets, argc, argv, opts, NULL, 0, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_sets, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    return cli_emit(ctx, &lo, emit, NULL, err);
}

const cli_command cli_cmd_sets = {
    "sets", run, "list the mapping sets in the database",
    "usage: xwalk sets [--format F] [-o FILE]\n"
    "\n"
    "Lists every mapping set: id, source and target framework, version,\n"
    "author, whether it is exhaustive, its number of mappings, and how many\n"
    "of them have each relationship.\n"
    "\n" CLI_LISTING_USAGE};
