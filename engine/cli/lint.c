/*
 * lint.c - 'xwalk lint': consistency checks; exit 1 when one finds an
 * error.
 */
#include "cli.h"

typedef struct lint_args {
    int max_hops;
    long errors;
} lint_args;

static xw_status list(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    lint_args *a = arg;
    return xw_lint(db, a->max_hops, cb, cb_ctx, &a->errors, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    lint_args *a = arg;
    xw_status s = cli_run_listing(ctx, format, xw_lint_columns,
                                  xw_lint_ncolumns, list, arg, err);
    if (s == XW_OK && a->errors > 0) {
        fprintf(ctx->diag, "xwalk: lint found %ld error%s\n", a->errors,
                a->errors == 1 ? "" : "s");
        return XW_FINDINGS;
    }
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const char *hops_text = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               {"max-hops", 0, &hops_text, NULL},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_lint, argc, argv, opts, NULL, 0, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_lint, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    lint_args a = {2, 0};
    xw_status s = cli_int_option("max-hops", hops_text, 2, 8, &a.max_hops, err);
    if (s != XW_OK)
        return s;
    return cli_emit(ctx, &lo, emit, &a, err);
}

const cli_command cli_cmd_lint = {
    "lint", run, "check the mappings for errors and doubtful entries",
    "usage: xwalk lint [--max-hops N] [--format F] [-o FILE]\n"
    "\n"
    "One row per finding: severity, check, subject, message.  Errors:\n"
    "  dangling          a mapping whose control is not in its set's framework\n"
    "  contradiction     two rows about the same two controls that cannot\n"
    "                    both hold (either direction, any sets)\n"
    "  derived-conflict  paths through pivots (up to --max-hops mappings,\n"
    "                    default 2) that no relationship satisfies together\n"
    "Warnings:\n"
    "  duplicate         the same pair mapped in two sets\n"
    "  withdrawn         a mapping to or from a withdrawn control\n"
    "  complete-not-exhaustive  a set labelled complete but not exhaustive\n"
    "Exit status 1 when there is an error.\n"
    "\n" CLI_LISTING_USAGE};
