/*
 * coverage.c - 'xwalk coverage': which requirements of a target framework
 * the frameworks a user holds cover, partly cover, or leave open.
 */
#include <stdlib.h>

#include "cli.h"

typedef struct coverage_args {
    xw_coverage_opts opts;
} coverage_args;

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    coverage_args *a = arg;
    xw_coverage *c;
    xw_status s = cli_coverage_load(ctx, &a->opts, &c, err);
    if (s != XW_OK)
        return s;
    s = cli_write_coverage(ctx, format, c, 1, err);
    xw_coverage_free(c);
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    cli_query_opts q = {0};
    const char *target = NULL, *from_text = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               CLI_QUERY_OPTIONS(q),
                               {"target", 't', &target, NULL},
                               {"from", 0, &from_text, NULL},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_coverage, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_coverage, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (!target || !from_text)
        return cli_error(err, "coverage: --target and --from are required "
                              "(see 'xwalk coverage --help')");
    char *from_store = NULL;
    const char *from[CLI_MAX_LIST];
    int nfrom = 0;
    xw_status s = cli_split_list("from", from_text, &from_store, from,
                                 CLI_MAX_LIST, &nfrom, err);
    if (s == XW_OK)
        s = cli_query_opts_finish(&q, err);
    if (s == XW_OK) {
        coverage_args a = {{target, from, nfrom, q.derived, q.max_hops,
                            q.via_text ? q.via : NULL, q.nvia, q.filter,
                            NULL}};
        s = cli_emit(ctx, &lo, emit, &a, err);
    }
    free(from_store);
    cli_query_opts_free(&q);
    return s;
}

xw_status cli_coverage_report(cli_ctx *ctx, xw_format format,
                              const xw_coverage_opts *opts, xw_error *err)
{
    coverage_args a = {*opts};
    return emit(ctx, format, &a, err);
}

const cli_command cli_cmd_coverage = {
    "coverage", run, "how far the frameworks you hold cover a target",
    "usage: xwalk coverage --target FW --from FW[,FW...] [--derived]\n"
    "                      [--max-hops N] [--via FW,...] [--min-strength N]\n"
    "                      [--rationale R] [--format F] [-o FILE]\n"
    "\n"
    "One row per requirement of the target: target_id, target_title, status\n"
    "(covered, partial, gap or unknown), relationship (the best one), strength,\n"
    "sources (every contributing source as fw:id), derived (1 when the\n"
    "status rests on relationships composed through pivots) and path.  Then a\n"
    "summary by status and by top-level section.  docs/semantics.md gives\n"
    "the rules.\n"
    "\n" CLI_QUERY_USAGE CLI_LISTING_USAGE};
