/*
 * compare.c - 'xwalk compare A B': two frameworks side by side.
 */
#include "cli.h"

typedef struct compare_args {
    const char *a, *b;
} compare_args;

static xw_status list(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    compare_args *c = arg;
    return xw_compare(db, c->a, c->b, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    return cli_run_listing(ctx, format, xw_compare_columns,
                           xw_compare_ncolumns, list, arg, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo), {0}};
    const char *pos[2];
    int npos;
    int r = cli_parse_options(&cli_cmd_compare, argc, argv, opts, pos, 2,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_compare, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (npos != 2)
        return cli_error(err, "compare: name two frameworks (see 'xwalk "
                              "compare --help')");
    compare_args a = {pos[0], pos[1]};
    return cli_emit(ctx, &lo, emit, &a, err);
}

xw_status cli_compare_report(cli_ctx *ctx, xw_format format, const char *a,
                             const char *b, xw_error *err)
{
    compare_args args = {a, b};
    return emit(ctx, format, &args, err);
}

const cli_command cli_cmd_compare = {
    "compare", run, "two frameworks side by side",
    "usage: xwalk compare A B [--format F] [-o FILE]\n"
    "\n"
    "Lists the equivalences between frameworks A and B (kind equivalent:\n"
    "equal-to or equivalent-to), their other relationships (related), the\n"
    "requirements of A with no counterpart in B (only-in-a) and those of B\n"
    "with none in A (only-in-b).  Mappings in either direction count; each\n"
    "row reads \"a RELATIONSHIP b\".  Columns: kind, a_id, a_title,\n"
    "relationship, b_id, b_title, set.\n"
    "\n" CLI_LISTING_USAGE};
