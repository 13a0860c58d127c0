/*
 * matrix.c - 'xwalk matrix': a target's requirements against several
 * frameworks, one column per framework.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct matrix_args {
    xw_matrix_opts opts;
} matrix_args;

/* A cell: the status, marked when it rests on derived relationships. */
static const char *cell(const xw_coverage_row *r, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s", xw_cover_status_name(r->status),
             r->derived ? " (derived)" : "");
    return buf;
}

static xw_status write_grid(cli_ctx *ctx, xw_format format, xw_matrix *m,
                            xw_error *err)
{
    size_t ncol = xw_matrix_column_count(m);
    xw_column *cols = calloc(ncol + 2, sizeof *cols);
    const char **vals = calloc(ncol + 2, sizeof *vals);
    char (*cells)[64] = calloc(ncol + 1, sizeof *cells);
    xw_status s = XW_OK;
    if (!cols || !vals || !cells) {
        s = cli_error(err, "out of memory");
        goto done;
    }
    cols[0] = (xw_column){"target_id", XW_COL_TEXT};
    cols[1] = (xw_column){"target_title", XW_COL_TEXT};
    for (size_t j = 0; j < ncol; j++)
        cols[j + 2] = (xw_column){xw_matrix_framework(m, j), XW_COL_TEXT};
    xw_writer *w;
    if ((s = xw_writer_open(ctx->out, format, cols, (int)ncol + 2, &w, err)) !=
        XW_OK)
        goto done;
    const xw_coverage *first = xw_matrix_column(m, 0);
    for (size_t i = 0; i < xw_coverage_count(first); i++) {
        const xw_coverage_row *r = xw_coverage_row_at(first, i);
        vals[0] = r->id;
        vals[1] = r->title;
        for (size_t j = 0; j < ncol; j++)
            vals[j + 2] = cell(xw_coverage_row_at(xw_matrix_column(m, j), i),
                               cells[j], sizeof cells[j]);
        xw_writer_row(w, (int)ncol + 2, vals);
    }
    s = xw_writer_close(w, err);
done:
    free(cols);
    free(vals);
    free(cells);
    return s;
}

/* JSON: rows with one object per framework holding status, relationship,
 * sources and whether the cell is derived. */
static void write_json(cli_ctx *ctx, xw_matrix *m)
{
    FILE *out = ctx->out;
    size_t ncol = xw_matrix_column_count(m);
    fputs("{\"columns\": [", out);
    for (size_t j = 0; j < ncol; j++) {
        fputs(j ? ", {\"framework\": " : "{\"framework\": ", out);
        xw_json_write_string(out, xw_matrix_framework(m, j));
        fputs(", \"jurisdiction\": ", out);
        xw_json_write_string(out, xw_matrix_jurisdiction(m, j));
        fputc('}', out);
    }
    fputs("],\n\"rows\": [", out);
    const xw_coverage *first = xw_matrix_column(m, 0);
    for (size_t i = 0; i < xw_coverage_count(first); i++) {
        const xw_coverage_row *r = xw_coverage_row_at(first, i);
        fputs(i ? ",\n  {\"target_id\": " : "\n  {\"target_id\": ", out);
        xw_json_write_string(out, r->id);
        fputs(", \"target_title\": ", out);
        xw_json_write_string(out, r->title);
        fprintf(out, ", \"assessable\": %d, \"cells\": {", r->assessable);
        for (size_t j = 0; j < ncol; j++) {
            const xw_coverage_row *c =
                xw_coverage_row_at(xw_matrix_column(m, j), i);
            char rel[96];
            xw_coverage_relationship_text(c, rel, sizeof rel);
            if (j)
                fputs(", ", out);
            xw_json_write_string(out, xw_matrix_framework(m, j));
            fputs(": {\"status\": ", out);
            xw_json_write_string(out, xw_cover_status_name(c->status));
            fputs(", \"relationship\": ", out);
            if (rel[0])
                xw_json_write_string(out, rel);
            else
                fputs("null", out);
            fputs(", \"sources\": ", out);
            if (c->sources)
                xw_json_write_string(out, c->sources);
            else
                fputs("null", out);
            fprintf(out, ", \"derived\": %s}", c->derived ? "true" : "false");
        }
        fputs("}}", out);
    }
    fputs("\n]}\n", out);
}

/* After the grid: each framework's tally, and the requirements no
 * framework answers even in part. */
static xw_status write_summary(cli_ctx *ctx, xw_format format, xw_matrix *m,
                               xw_error *err)
{
    static const xw_column cols[] = {
        {"framework", XW_COL_TEXT}, {"jurisdiction", XW_COL_TEXT},
        {"covered", XW_COL_INT},    {"partial", XW_COL_INT},
        {"gap", XW_COL_INT},        {"unknown", XW_COL_INT}};
    fputs(format == XW_FORMAT_MD ? "\n**By framework** (assessable "
                                   "requirements)\n\n"
                                 : "\nBy framework (assessable "
                                   "requirements):\n\n",
          ctx->out);
    xw_writer *w;
    xw_status s = xw_writer_open(ctx->out, format, cols, 6, &w, err);
    if (s != XW_OK)
        return s;
    for (size_t j = 0; j < xw_matrix_column_count(m); j++) {
        const xw_coverage_tally *t = xw_coverage_total(xw_matrix_column(m, j));
        char n[4][32];
        for (int k = 0; k < 4; k++)
            snprintf(n[k], sizeof n[k], "%ld", t->count[k]);
        const char *v[6] = {xw_matrix_framework(m, j),
                            xw_matrix_jurisdiction(m, j), n[0], n[1], n[2],
                            n[3]};
        xw_writer_row(w, 6, v);
    }
    if ((s = xw_writer_close(w, err)) != XW_OK)
        return s;
    const xw_coverage *first = xw_matrix_column(m, 0);
    long none = 0;
    for (size_t i = 0; i < xw_coverage_count(first); i++) {
        const xw_coverage_row *r = xw_coverage_row_at(first, i);
        int answered = 0;
        for (size_t j = 0; j < xw_matrix_column_count(m); j++) {
            xw_cover_status st =
                xw_coverage_row_at(xw_matrix_column(m, j), i)->status;
            if (st == XW_COVERED || st == XW_PARTIAL)
                answered = 1;
        }
        if (r->assessable && !answered) {
            fprintf(ctx->out, "%s%s %s", none ? "\n" : 
                    "\nNo counterpart in any of these frameworks:\n\n",
                    format == XW_FORMAT_MD ? "-" : " ", r->id);
            fprintf(ctx->out, "  %s", r->title);
            none++;
        }
    }
    fputs(none ? "\n" : "\nEvery requirement has a counterpart in at least "
                        "one of these frameworks.\n",
          ctx->out);
    return XW_OK;
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    matrix_args *a = arg;
    xw_db *db;
    xw_status s = cli_open_read(ctx, &db, err);
    if (s != XW_OK)
        return s;
    xw_matrix *m;
    s = xw_matrix_run(db, &a->opts, &m, err);
    xw_close(db);
    if (s != XW_OK)
        return s;
    if (format == XW_FORMAT_JSON)
        write_json(ctx, m);
    else
        s = write_grid(ctx, format, m, err);
    if (s == XW_OK && (format == XW_FORMAT_TABLE || format == XW_FORMAT_MD))
        s = write_summary(ctx, format, m, err);
    xw_matrix_free(m);
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    cli_query_opts q = {0};
    const char *target = NULL, *against_text = NULL, *jur_text = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               CLI_QUERY_OPTIONS(q),
                               {"target", 't', &target, NULL},
                               {"against", 0, &against_text, NULL},
                               {"jurisdiction", 0, &jur_text, NULL},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_matrix, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_matrix, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (!target || (!against_text && !jur_text))
        return cli_error(err, "matrix: --target and --against or "
                              "--jurisdiction are required (see 'xwalk "
                              "matrix --help')");
    char *store1 = NULL, *store2 = NULL;
    const char *against[CLI_MAX_LIST], *jur[CLI_MAX_LIST];
    int nagainst = 0, njur = 0;
    xw_status s = XW_OK;
    if (against_text)
        s = cli_split_list("against", against_text, &store1, against,
                           CLI_MAX_LIST, &nagainst, err);
    if (s == XW_OK && jur_text)
        s = cli_split_list("jurisdiction", jur_text, &store2, jur,
                           CLI_MAX_LIST, &njur, err);
    if (s == XW_OK)
        s = cli_query_opts_finish(&q, err);
    if (s == XW_OK) {
        matrix_args a = {{target, against, nagainst, jur, njur, q.derived,
                          q.max_hops, q.via_text ? q.via : NULL, q.nvia,
                          q.filter}};
        s = cli_emit(ctx, &lo, emit, &a, err);
    }
    free(store1);
    free(store2);
    cli_query_opts_free(&q);
    return s;
}

xw_status cli_matrix_report(cli_ctx *ctx, xw_format format,
                            const xw_matrix_opts *opts, xw_error *err)
{
    matrix_args a = {*opts};
    return emit(ctx, format, &a, err);
}

const cli_command cli_cmd_matrix = {
    "matrix", run, "a target's requirements against several frameworks",
    "usage: xwalk matrix --target FW (--against FW,... | --jurisdiction CC,...)\n"
    "                    [--derived] [--max-hops N] [--via FW,...]\n"
    "                    [--min-strength N] [--rationale R] [--format F]\n"
    "                    [-o FILE]\n"
    "\n"
    "One row per requirement of the target, one column per framework (the\n"
    "frameworks named, then every framework of the jurisdictions named,\n"
    "grouped by jurisdiction).  A cell holds the status of the requirement\n"
    "against that framework alone, marked \"(derived)\" when it rests on\n"
    "relationships composed through pivots.  CSV columns: target_id,\n"
    "target_title, then one per framework id.  JSON cells also give the\n"
    "relationship and the sources.  Table and md end with each framework's\n"
    "tally and the requirements that no framework answers even in part.\n"
    "\n" CLI_QUERY_USAGE CLI_LISTING_USAGE};
