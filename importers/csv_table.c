/*
 * csv_table.c - header-driven CSV reading for importers (see csv_table.h).
 */
#include <string.h>

#include "csv_table.h"

static xw_status on_record(void *ctx, const xw_csv_record *rec, xw_error *err)
{
    xw_csv_table *t = ctx;
    if (!t->have_header) {
        t->have_header = 1;
        return xw_csv_header_resolve(t->path, rec, t->spec, t->ncols, &t->hdr,
                                     err);
    }
    xw_status s = xw_csv_check_width(t->path, &t->hdr, rec, err);
    if (s != XW_OK)
        return s;
    t->records++;
    s = t->row(t->ctx, t, rec, err);
    if (s != XW_OK)
        xw_csv_table_locate(t, rec, err);
    return s;
}

xw_status xw_csv_table_read(xw_csv_table *t, const char *data, size_t len,
                            xw_error *err)
{
    t->have_header = 0;
    t->records = 0;
    xw_status s = xw_csv_parse(t->path, data, len, on_record, t, err);
    if (s == XW_OK && !t->have_header) {
        char expected[512] = "";
        size_t used = 0;
        for (int c = 0; c < t->ncols && used < sizeof expected; c++)
            if (t->spec[c].required)
                used += (size_t)snprintf(expected + used,
                                         sizeof expected - used, "%s%s",
                                         used ? ", " : "", t->spec[c].name);
        return xw_fail_at(err, XW_EINPUT, t->path, 0, 0,
                          "empty file (expected a header row with at least: "
                          "%s)",
                          expected);
    }
    return s;
}

const char *xw_csv_table_get(const xw_csv_table *t, const xw_csv_record *rec,
                             int c)
{
    return xw_csv_value(&t->hdr, rec, c);
}

void xw_csv_table_locate(const xw_csv_table *t, const xw_csv_record *rec,
                         xw_error *err)
{
    if (err->file[0])
        return; /* already placed, e.g. by the CSV reader */
    snprintf(err->file, sizeof err->file, "%s", t->path);
    int c = (err->field > 0 && (int)err->field < t->nfield_column)
                ? t->field_column[err->field]
                : -1;
    long col = c >= 0 ? xw_csv_column_number(&t->hdr, c) : 0;
    err->column = col;
    if (rec && col > 0)
        err->line = rec->field_lines[col - 1];
    else if (rec && !err->line)
        err->line = rec->line;
}
