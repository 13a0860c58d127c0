/*
 * phases.c - 'xwalk phases': a target's requirements by contract moment.
 */
#include <stdlib.h>

#include "cli.h"

typedef struct phases_args {
    const char *target;
    const char *const *have;
    int nhave;
} phases_args;

static xw_status rows(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    phases_args *a = arg;
    return xw_phases(db, a->target, a->have, a->nhave, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    return cli_run_listing(ctx, format, xw_phases_columns, xw_phases_ncolumns,
                           rows, arg, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const char *target = NULL, *have_text = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               {"target", 't', &target, NULL},
                               {"have", 0, &have_text, NULL},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_phases, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_phases, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (!target)
        return cli_error(err, "phases: --target is required (for example "
                              "--target jp-cip-topics)");
    char *store = NULL;
    const char *have[CLI_MAX_LIST];
    int nhave = 0;
    xw_status s = XW_OK;
    if (have_text)
        s = cli_split_list("have", have_text, &store, have, CLI_MAX_LIST,
                           &nhave, err);
    phases_args a = {target, have, nhave};
    if (s == XW_OK)
        s = cli_emit(ctx, &lo, emit, &a, err);
    free(store);
    return s;
}

const cli_command cli_cmd_phases = {
    "phases", run, "the requirements by contract moment",
    "usage: xwalk phases --target FW [--have FW,...] [--format F] [-o FILE]\n"
    "\n"
    "Groups the target's requirements by the moment of the contract they\n"
    "matter at, from their \"moment:\" tags: before-contract, at-contract,\n"
    "development, operation, end-of-support (jp-cip-topics carries them).  A\n"
    "requirement that matters at several moments is listed under each.\n"
    "Columns: moment, requirement_id, title, title_ja, party (provider, or\n"
    "customer for the customer's own duties), status (the coverage by the\n"
    "frameworks held, with --have).\n"
    "\n" CLI_LISTING_USAGE};
