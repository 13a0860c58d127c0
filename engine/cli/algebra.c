/*
 * algebra.c - 'xwalk algebra': the RCC-5 composition table that derived
 * relationships are computed with.
 */
#include <stdio.h>

#include "cli.h"

static const xw_column columns[] = {
    {"r1", XW_COL_TEXT}, {"r2", XW_COL_TEXT}, {"result", XW_COL_TEXT}};

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    (void)arg;
    xw_writer *w;
    xw_status s = xw_writer_open(ctx->out, format, columns, 3, &w, err);
    if (s != XW_OK)
        return s;
    for (int i = 0; i < XW_BASE_RELATIONS; i++)
        for (int j = 0; j < XW_BASE_RELATIONS; j++) {
            char result[128];
            xw_mask_format(xw_mask_compose(1u << i, 1u << j), result,
                           sizeof result);
            const char *v[3] = {xw_base_relation_name(i),
                                xw_base_relation_name(j), result};
            xw_writer_row(w, 3, v);
        }
    return xw_writer_close(w, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo), {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_algebra, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_algebra, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    return cli_emit(ctx, &lo, emit, NULL, err);
}

const cli_command cli_cmd_algebra = {
    "algebra", run, "the composition table of relationships",
    "usage: xwalk algebra [--format F] [-o FILE]\n"
    "\n"
    "Prints the RCC-5 composition table: if a r1 b and b r2 c, the relations\n"
    "possible between a and c (result, joined by '|').  equivalent-to\n"
    "composes like equal-to.  Needs no database.\n"
    "\n" CLI_LISTING_USAGE};
