/*
 * derive.c - 'xwalk derive': candidate mappings between two frameworks,
 * composed through pivot frameworks.  Every row is derived, never
 * authored; the basis column says so.
 */
#include <stdio.h>

#include "cli.h"

typedef struct derive_args {
    xw_derive_opts opts;
    int all;
} derive_args;

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    derive_args *a = arg;
    xw_db *db;
    xw_status s = cli_open_read(ctx, &db, err);
    if (s != XW_OK)
        return s;
    xw_derivation *d;
    s = xw_derive_run(db, &a->opts, &d, err);
    xw_close(db);
    if (s != XW_OK)
        return s;
    xw_writer *w;
    if ((s = xw_writer_open(ctx->out, format, xw_derived_columns,
                             XW_DERIVED_NCOLUMNS, &w, err)) == XW_OK) {
        for (size_t i = 0; i < xw_derivation_count(d); i++) {
            const xw_derived_pair *p = xw_derivation_at(d, i);
            if (!a->all && !p->likely)
                continue;
            xw_derived_text text;
            const char *v[XW_DERIVED_NCOLUMNS];
            xw_derived_values(p, &text, v);
            xw_writer_row(w, XW_DERIVED_NCOLUMNS, v);
        }
        s = xw_writer_close(w, err);
    }
    xw_derivation_free(d);
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    cli_query_opts q = {0};
    const char *source = NULL, *target = NULL;
    int all = 0;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               CLI_QUERY_OPTIONS(q),
                               {"source", 's', &source, NULL},
                               {"target", 't', &target, NULL},
                               {"all", 0, NULL, &all},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_derive, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_derive, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (!source || !target)
        return cli_error(err, "derive: --source and --target are required "
                              "(see 'xwalk derive --help')");
    xw_status s = cli_query_opts_finish(&q, err);
    if (s == XW_OK) {
        derive_args a = {{source, target, q.via_text ? q.via : NULL, q.nvia,
                          q.max_hops, q.filter, NULL, 0},
                         all};
        s = cli_emit(ctx, &lo, emit, &a, err);
    }
    cli_query_opts_free(&q);
    return s;
}

const cli_command cli_cmd_derive = {
    "derive", run, "candidate mappings composed through pivot frameworks",
    "usage: xwalk derive --source A --target B [--via FW,...] [--max-hops N]\n"
    "                    [--min-strength N] [--rationale R] [--all]\n"
    "                    [--format F] [-o FILE]\n"
    "\n"
    "Composes the mappings from A to B through pivot frameworks (any, or\n"
    "those named by --via), hop by hop with the RCC-5 composition table, and\n"
    "intersects what every path, and any direct mapping, allows.  Columns:\n"
    "source_id, target_id, mask (the relations still possible), label\n"
    "(covered, partial, unknown, or conflict when nothing fits), paths (the\n"
    "set and control ids of every hop), strength (of the strongest path; a\n"
    "path is as strong as its weakest hop), score (0 to 1: how specific the\n"
    "mask, how many paths agree, how strong they are) and basis.  By default\n"
    "only likely candidates are printed (label covered or partial and score\n"
    "at least 0.2, and every conflict); --all prints every pair reached.\n"
    "\n"
    "  --max-hops N   mappings per path, 2 (one pivot, default) to 8\n"
    "  --via FW,...   pivot frameworks a path may pass through\n"
    "  --min-strength N, --rationale R   use only such rows\n"
    "  --all          every pair reached, not only likely ones\n"
    CLI_LISTING_USAGE};
