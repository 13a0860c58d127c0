/*
 * search.c - 'xwalk search QUERY': controls by words of their ids, titles
 * and descriptions, in English or Japanese.
 */
#include "cli.h"

typedef struct search_args {
    const char *query, *framework;
    int limit;
} search_args;

static xw_status rows(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    search_args *a = arg;
    return xw_search(db, a->query, a->framework, a->limit, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    return cli_run_listing(ctx, format, xw_search_columns, xw_search_ncolumns,
                           rows, arg, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const char *fw = NULL, *limit_text = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               {"fw", 0, &fw, NULL},
                               {"limit", 0, &limit_text, NULL},
                               {0}};
    const char *pos[1];
    int npos;
    int r = cli_parse_options(&cli_cmd_search, argc, argv, opts, pos, 1, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_search, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (npos != 1)
        return cli_error(err, "search: give one query (quote it when it has "
                              "spaces)");
    search_args a = {pos[0], fw, 100};
    xw_status s = cli_int_option("limit", limit_text, 1, 100000, &a.limit, err);
    if (s != XW_OK)
        return s;
    return cli_emit(ctx, &lo, emit, &a, err);
}

const cli_command cli_cmd_search = {
    "search", run, "find controls by words, in English or Japanese",
    "usage: xwalk search QUERY [--fw FW] [--limit N] [--format F] [-o FILE]\n"
    "\n"
    "Lists the controls whose id, title or description, in English or\n"
    "Japanese, hold QUERY (SQLite FTS5 with the trigram tokenizer; a query\n"
    "of one or two characters is matched as a substring), best matches\n"
    "first, at most N (100).  Columns: framework, id, title, title_ja,\n"
    "source_ref.\n"
    "\n" CLI_LISTING_USAGE};
