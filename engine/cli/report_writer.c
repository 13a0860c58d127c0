/*
 * report_writer.c - writing a coverage result: the rows, and the summary
 * by status and by top-level section (after the table in table and md, as
 * an object in JSON, left out of CSV so that the file stays one table).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

xw_status cli_coverage_load(cli_ctx *ctx, const xw_coverage_opts *opts,
                            xw_coverage **out, xw_error *err)
{
    xw_db *db;
    xw_status s = cli_open_read(ctx, &db, err);
    if (s != XW_OK)
        return s;
    s = xw_coverage_run(db, opts, out, err);
    xw_close(db);
    return s;
}

static xw_status write_rows(cli_ctx *ctx, xw_format format,
                            const xw_coverage *c, xw_error *err)
{
    xw_writer *w;
    xw_status s = xw_writer_open(ctx->out, format, xw_coverage_columns,
                                 XW_COVERAGE_NCOLUMNS, &w, err);
    if (s != XW_OK)
        return s;
    for (size_t i = 0; i < xw_coverage_count(c); i++) {
        const xw_coverage_row *r = xw_coverage_row_at(c, i);
        xw_coverage_text text;
        const char *v[XW_COVERAGE_NCOLUMNS];
        xw_coverage_values(r, &text, v);
        if (xw_writer_row(w, XW_COVERAGE_NCOLUMNS, v) != 0)
            break;
    }
    return xw_writer_close(w, err);
}

static void percent(long n, long total, char *buf, size_t size)
{
    if (total > 0)
        snprintf(buf, size, "%.1f", 100.0 * (double)n / (double)total);
    else
        snprintf(buf, size, "0.0");
}

static const xw_column status_columns[] = {
    {"status", XW_COL_TEXT}, {"count", XW_COL_INT}, {"percent", XW_COL_INT}};

static const xw_column section_columns[] = {
    {"section", XW_COL_TEXT}, {"title", XW_COL_TEXT},
    {"covered", XW_COL_INT},  {"partial", XW_COL_INT},
    {"gap", XW_COL_INT},      {"unknown", XW_COL_INT},
    {"total", XW_COL_INT},    {"covered_percent", XW_COL_INT},
    {"partial_percent", XW_COL_INT},
};

static xw_status write_summary_tables(cli_ctx *ctx, xw_format format,
                                      const xw_coverage *c, xw_error *err)
{
    const xw_coverage_tally *t = xw_coverage_total(c);
    fprintf(ctx->out, "\n%s\n\n",
            format == XW_FORMAT_MD ? "**Summary by status** (assessable "
                                     "requirements)"
                                   : "Summary by status (assessable "
                                     "requirements):");
    xw_writer *w;
    xw_status s = xw_writer_open(ctx->out, format, status_columns, 3, &w, err);
    if (s != XW_OK)
        return s;
    for (int k = 0; k < XW_STATUS_COUNT; k++) {
        char n[32], p[32];
        snprintf(n, sizeof n, "%ld", t->count[k]);
        percent(t->count[k], t->total, p, sizeof p);
        const char *v[3] = {xw_cover_status_name((xw_cover_status)k), n, p};
        xw_writer_row(w, 3, v);
    }
    char n[32];
    snprintf(n, sizeof n, "%ld", t->total);
    const char *v[3] = {"total", n, t->total ? "100.0" : "0.0"};
    xw_writer_row(w, 3, v);
    if ((s = xw_writer_close(w, err)) != XW_OK)
        return s;

    fprintf(ctx->out, "\n%s\n\n",
            format == XW_FORMAT_MD ? "**Summary by section**"
                                   : "Summary by section:");
    if ((s = xw_writer_open(ctx->out, format, section_columns, 9, &w, err)) !=
        XW_OK)
        return s;
    for (size_t i = 0; i < xw_coverage_section_count(c); i++) {
        const xw_coverage_tally *st = xw_coverage_section_at(c, i);
        char num[5][32], pc[2][32];
        for (int k = 0; k < 4; k++)
            snprintf(num[k], sizeof num[k], "%ld", st->count[k]);
        snprintf(num[4], sizeof num[4], "%ld", st->total);
        percent(st->count[XW_COVERED], st->total, pc[0], sizeof pc[0]);
        percent(st->count[XW_PARTIAL], st->total, pc[1], sizeof pc[1]);
        const char *row[9] = {st->section, st->title, num[0], num[1], num[2],
                              num[3], num[4], pc[0], pc[1]};
        xw_writer_row(w, 9, row);
    }
    return xw_writer_close(w, err);
}

static void json_tally(FILE *out, const xw_coverage_tally *t)
{
    fprintf(out, "\"total\": %ld", t->total);
    for (int k = 0; k < XW_STATUS_COUNT; k++) {
        char p[32];
        percent(t->count[k], t->total, p, sizeof p);
        fprintf(out, ", \"%s\": {\"count\": %ld, \"percent\": %s}",
                xw_cover_status_name((xw_cover_status)k), t->count[k], p);
    }
}

static void write_summary_json(cli_ctx *ctx, const xw_coverage *c)
{
    FILE *out = ctx->out;
    fputs(",\n\"summary\": {", out);
    json_tally(out, xw_coverage_total(c));
    fputs(",\n  \"by_section\": [", out);
    for (size_t i = 0; i < xw_coverage_section_count(c); i++) {
        const xw_coverage_tally *st = xw_coverage_section_at(c, i);
        fputs(i ? ",\n    {\"section\": " : "\n    {\"section\": ", out);
        xw_json_write_string(out, st->section);
        fputs(", \"title\": ", out);
        xw_json_write_string(out, st->title);
        fputs(", ", out);
        json_tally(out, st);
        fputc('}', out);
    }
    fputs("\n  ]}}\n", out);
}

xw_status cli_write_coverage(cli_ctx *ctx, xw_format format,
                             const xw_coverage *c, int summary, xw_error *err)
{
    if (format == XW_FORMAT_JSON)
        fputs("{\"rows\": ", ctx->out);
    xw_status s = write_rows(ctx, format, c, err);
    if (s != XW_OK)
        return s;
    if (format == XW_FORMAT_JSON && !summary)
        fputs("}\n", ctx->out);
    else if (format == XW_FORMAT_JSON)
        write_summary_json(ctx, c);
    else if (summary &&
             (format == XW_FORMAT_TABLE || format == XW_FORMAT_MD))
        s = write_summary_tables(ctx, format, c, err);
    return s;
}
