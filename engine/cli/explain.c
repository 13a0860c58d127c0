/*
 * explain.c - 'xwalk explain FW:ID --from FW,...': the reasoning behind one
 * requirement's coverage status, down to each mapping row, its set, its
 * author and the path taken.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const xw_column columns[] = {
    {"kind", XW_COL_TEXT},      {"framework", XW_COL_TEXT},
    {"id", XW_COL_TEXT},        {"title", XW_COL_TEXT},
    {"relationship", XW_COL_TEXT}, {"set", XW_COL_TEXT},
    {"author", XW_COL_TEXT},    {"rationale", XW_COL_TEXT},
    {"strength", XW_COL_INT},   {"note", XW_COL_TEXT},
    {"path", XW_COL_TEXT},
};

typedef struct explain_args {
    xw_coverage_opts opts;
    const char *id;
} explain_args;

static void header(cli_ctx *ctx, xw_format format, const char *target,
                   const xw_coverage_row *r)
{
    char rel[96], strength[16];
    xw_coverage_relationship_text(r, rel, sizeof rel);
    snprintf(strength, sizeof strength, "%d", r->strength);
    const char *keys[] = {"target", "title", "status", "relationship",
                          "strength", "sources", "derived", "basis"};
    char target_id[512];
    snprintf(target_id, sizeof target_id, "%s:%s", target, r->id);
    const char *vals[] = {target_id,
                          r->title,
                          xw_cover_status_name(r->status),
                          rel[0] ? rel : NULL,
                          r->strength >= 0 ? strength : NULL,
                          r->sources,
                          r->derived ? "1" : "0",
                          !r->assessable ? r->path
                          : r->derived   ? "relationships derived through "
                                           "pivot frameworks, not authored "
                                           "mappings"
                                         : "direct mappings"};
    FILE *out = ctx->out;
    if (format == XW_FORMAT_JSON) {
        fputs("{\"requirement\": {", out);
        for (int i = 0; i < 8; i++) {
            fputs(i ? ", " : "", out);
            xw_json_write_string(out, keys[i]);
            fputs(": ", out);
            if (!vals[i])
                fputs("null", out);
            else if (i == 4 || i == 6)
                fputs(vals[i], out);
            else
                xw_json_write_string(out, vals[i]);
        }
        fputs("},\n\"evidence\": ", out);
        return;
    }
    for (int i = 0; i < 8; i++)
        if (vals[i])
            fprintf(out, format == XW_FORMAT_MD ? "- **%s**: %s\n" : "%-13s %s\n",
                    keys[i], vals[i]);
    fputc('\n', out);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    explain_args *a = arg;
    xw_coverage *c;
    xw_status s = cli_coverage_load(ctx, &a->opts, &c, err);
    if (s != XW_OK)
        return s;
    const xw_coverage_row *r = xw_coverage_find(c, a->id);
    if (!r) {
        s = cli_not_found(err, "no control \"%s\" in framework %s", a->id,
                          a->opts.target);
        xw_coverage_free(c);
        return s;
    }
    if (format != XW_FORMAT_CSV)
        header(ctx, format, a->opts.target, r);
    xw_writer *w;
    if ((s = xw_writer_open(ctx->out, format, columns, 11, &w, err)) == XW_OK) {
        for (size_t i = 0; i < r->nevidence; i++) {
            const xw_evidence *e = &r->evidence[i];
            char rel[96] = "", strength[16];
            if (!strcmp(e->kind, "derived") || !strcmp(e->kind, "conflict"))
                xw_mask_format(e->mask, rel, sizeof rel);
            else if (e->relationship >= 0)
                snprintf(rel, sizeof rel, "%s",
                         xw_relationship_name((xw_relationship)e->relationship));
            snprintf(strength, sizeof strength, "%d", e->strength);
            const char *v[11] = {e->kind,      e->framework, e->control,
                                 e->title,     rel[0] ? rel : NULL,
                                 e->set,       e->author,    e->rationale,
                                 e->strength >= 0 ? strength : NULL,
                                 e->note,      e->path};
            xw_writer_row(w, 11, v);
            /* Each hop of a derived path is an authored row: show it. */
            for (size_t k = 0, step = 0; k < e->nhops; k++) {
                const xw_derived_hop *h = &e->hops[k];
                step = k > 0 && e->hops[k - 1].path == h->path ? step + 1 : 1;
                char hop_kind[64], hop_id[512], hop_strength[16];
                snprintf(hop_kind, sizeof hop_kind, "hop %d.%zu", h->path + 1,
                         step);
                snprintf(hop_id, sizeof hop_id, "%s -> %s:%s", h->from_id,
                         h->to_framework, h->to_id);
                snprintf(hop_strength, sizeof hop_strength, "%d", h->strength);
                const char *hv[11] = {
                    hop_kind, h->from_framework, hop_id, NULL,
                    xw_relationship_name((xw_relationship)h->relationship),
                    h->set, h->author, h->rationale,
                    h->strength >= 0 ? hop_strength : NULL, h->note, NULL};
                xw_writer_row(w, 11, hv);
            }
        }
        s = xw_writer_close(w, err);
    }
    if (s == XW_OK && format == XW_FORMAT_JSON)
        fputs("}\n", ctx->out);
    xw_coverage_free(c);
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    cli_query_opts q = {0};
    const char *from_text = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo), CLI_QUERY_OPTIONS(q),
                               {"from", 0, &from_text, NULL},
                               {0}};
    const char *pos[1];
    int npos;
    int r = cli_parse_options(&cli_cmd_explain, argc, argv, opts, pos, 1,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_explain, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    const char *colon = npos == 1 ? strchr(pos[0], ':') : NULL;
    if (!colon || colon == pos[0] || !colon[1] || !from_text)
        return cli_error(err, "explain: name one requirement as FRAMEWORK:ID "
                              "and the frameworks held with --from (see "
                              "'xwalk explain --help')");
    char target[256];
    size_t flen = (size_t)(colon - pos[0]);
    if (flen >= sizeof target)
        return cli_error(err, "explain: framework id too long");
    memcpy(target, pos[0], flen);
    target[flen] = '\0';
    char *from_store = NULL;
    const char *from[CLI_MAX_LIST];
    int nfrom = 0;
    xw_status s = cli_split_list("from", from_text, &from_store, from,
                                 CLI_MAX_LIST, &nfrom, err);
    if (s == XW_OK)
        s = cli_query_opts_finish(&q, err);
    if (s == XW_OK) {
        explain_args a = {{target, from, nfrom, q.derived, q.max_hops,
                           q.via_text ? q.via : NULL, q.nvia, q.filter,
                           colon + 1},
                          colon + 1};
        s = cli_emit(ctx, &lo, emit, &a, err);
    }
    free(from_store);
    cli_query_opts_free(&q);
    return s;
}

xw_status cli_explain_report(cli_ctx *ctx, xw_format format,
                             const xw_coverage_opts *opts, const char *id,
                             xw_error *err)
{
    explain_args a = {*opts, id};
    a.opts.only = id;
    return emit(ctx, format, &a, err);
}

const cli_command cli_cmd_explain = {
    "explain", run, "why a requirement has its coverage status",
    "usage: xwalk explain FRAMEWORK:ID --from FW[,FW...] [--derived]\n"
    "                     [--max-hops N] [--via FW,...] [--min-strength N]\n"
    "                     [--rationale R] [--format F] [-o FILE]\n"
    "\n"
    "Shows the requirement's status as 'xwalk coverage' computes it, then\n"
    "every piece of evidence: each mapping row with its set, author,\n"
    "rationale, strength and note; explicit no-relationship rows; frameworks\n"
    "that are silent (exhaustively or not); derived pairs with their masks and\n"
    "every path; and for a heading, each child's status.  CSV gives the\n"
    "evidence alone.\n"
    "\n" CLI_QUERY_USAGE CLI_LISTING_USAGE};
