/*
 * query_opts.c - the options that coverage, matrix, explain and derive
 * share: which rows to trust (--min-strength, --rationale) and how to
 * derive (--derived, --max-hops, --via).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

xw_status cli_query_opts_finish(cli_query_opts *q, xw_error *err)
{
    q->max_hops = 2;
    q->filter.min_strength = -1;
    q->filter.rationale = q->rationale_text;
    xw_status s = cli_int_option("max-hops", q->max_hops_text, 2, 8,
                                 &q->max_hops, err);
    if (s == XW_OK)
        s = cli_int_option("min-strength", q->min_strength_text, 0, 10,
                           &q->filter.min_strength, err);
    if (s == XW_OK && q->rationale_text &&
        strcmp(q->rationale_text, "syntactic") &&
        strcmp(q->rationale_text, "semantic") &&
        strcmp(q->rationale_text, "functional"))
        s = cli_error(err, "--rationale: expected syntactic, semantic or "
                           "functional, not \"%s\"",
                      q->rationale_text);
    if (s == XW_OK && q->via_text)
        s = cli_split_list("via", q->via_text, &q->via_store, q->via,
                           CLI_MAX_LIST, &q->nvia, err);
    return s;
}

void cli_query_opts_free(cli_query_opts *q)
{
    free(q->via_store);
    q->via_store = NULL;
}
