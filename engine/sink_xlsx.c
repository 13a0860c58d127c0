/*
 * sink_xlsx.c - one XLSX workbook with a sheet per report, through
 * libxlsxwriter in constant-memory mode (rows are written as they come):
 * the header row is bold, frozen and filtered, and status cells are
 * coloured (covered green, partial yellow, gap red, unknown grey).  The
 * workbook is written to a temporary file and renamed into place.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sink.h"

#define XW_SHEET_NAME_MAX 31

typedef struct xlsx_sink {
    xw_sink base;
    char file[2048], tmp[2100];
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *header, *status[XW_STATUS_COUNT];
    int ncols;
    lxw_row_t row;
    char **names;
    size_t nnames;
} xlsx_sink;

static xw_status lxw_fail(xw_error *err, const char *file, lxw_error e)
{
    return xw_fail_at(err, XW_EIO, file, 0, 0, "XLSX: %s",
                      lxw_strerror(e));
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\,
 * unique in the workbook. */
static void sheet_name(xlsx_sink *s, const char *want, char out[32])
{
    char base[32];
    size_t n = 0;
    for (const char *p = want; *p && n < XW_SHEET_NAME_MAX; p++)
        base[n++] = strchr("[]:*?/\\\\", *p) ? '_' : *p;
    base[n] = '\0';
    snprintf(out, 32, "%s", base);
    for (int k = 2;; k++) {
        int taken = 0;
        for (size_t i = 0; i < s->nnames; i++)
            if (!strcmp(s->names[i], out))
                taken = 1;
        if (!taken)
            break;
        char suffix[12];
        int len = snprintf(suffix, sizeof suffix, "~%d", k);
        snprintf(out, 32, "%.*s%s", XW_SHEET_NAME_MAX - len, base, suffix);
    }
    char **names = realloc(s->names, (s->nnames + 1) * sizeof *names);
    if (names) {
        s->names = names;
        s->names[s->nnames++] = strdup(out);
    }
}

static xw_status begin(xw_sink *base, const char *name, const xw_column *cols,
                       int ncols, xw_error *err)
{
    xlsx_sink *s = (xlsx_sink *)base;
    char sheet[32];
    sheet_name(s, name, sheet);
    s->ws = workbook_add_worksheet(s->wb, sheet);
    if (!s->ws)
        return xw_fail_at(err, XW_EIO, s->file, 0, 0,
                          "XLSX: cannot add sheet %s", sheet);
    s->ncols = ncols;
    for (int i = 0; i < ncols; i++) {
        worksheet_write_string(s->ws, 0, (lxw_col_t)i, cols[i].name, s->header);
        worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i,
                             cols[i].type == XW_COL_INT ? 10 : 24, NULL);
    }
    worksheet_freeze_panes(s->ws, 1, 0);
    s->row = 1;
    return XW_OK;
}

static lxw_format *status_format(xlsx_sink *s, const char *v)
{
    for (int k = 0; k < XW_STATUS_COUNT; k++) {
        const char *name = xw_cover_status_name((xw_cover_status)k);
        size_t n = strlen(name);
        if (!strncmp(v, name, n) && (v[n] == '\0' || v[n] == ' '))
            return s->status[k];
    }
    return NULL;
}

static int row(void *base, int n, const char *const *values)
{
    xlsx_sink *s = base;
    for (int i = 0; i < n && i < s->ncols; i++) {
        if (!values[i])
            continue;
        lxw_error e = worksheet_write_string(s->ws, s->row, (lxw_col_t)i,
                                             values[i],
                                             status_format(s, values[i]));
        if (e != LXW_NO_ERROR)
            return -1;
    }
    s->row++;
    return 0;
}

static xw_status end(xw_sink *base, xw_error *err)
{
    xlsx_sink *s = (xlsx_sink *)base;
    (void)err;
    worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 0,
                         (lxw_col_t)(s->ncols - 1));
    return XW_OK;
}

static void free_sink(xlsx_sink *s)
{
    for (size_t i = 0; i < s->nnames; i++)
        free(s->names[i]);
    free(s->names);
    free(s);
}

static xw_status finish(xw_sink *base, xw_error *err)
{
    xlsx_sink *s = (xlsx_sink *)base;
    lxw_error e = workbook_close(s->wb);
    xw_status st = XW_OK;
    if (e != LXW_NO_ERROR)
        st = lxw_fail(err, s->file, e);
    else if (rename(s->tmp, s->file) != 0)
        st = xw_fail_at(err, XW_EIO, s->file, 0, 0, "cannot write: %s",
                        strerror(errno));
    if (st != XW_OK)
        unlink(s->tmp);
    free_sink(s);
    return st;
}

static void abort_sink(xw_sink *base)
{
    xlsx_sink *s = (xlsx_sink *)base;
    workbook_close(s->wb);
    unlink(s->tmp);
    free_sink(s);
}

static const xw_sink_ops xlsx_ops = {begin, row, end, finish, abort_sink};

xw_status xw_sink_xlsx_open(const char *file, xw_sink **out, xw_error *err)
{
    xlsx_sink *s = calloc(1, sizeof *s);
    if (!s)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    s->base.ops = &xlsx_ops;
    snprintf(s->file, sizeof s->file, "%s", file);
    snprintf(s->tmp, sizeof s->tmp, "%s.tmp-%ld", file, (long)getpid());
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE,
                                 .tmpdir = NULL,
                                 .use_zip64 = LXW_TRUE};
    s->wb = workbook_new_opt(s->tmp, &opts);
    if (!s->wb) {
        free(s);
        return xw_fail_at(err, XW_EIO, file, 0, 0, "XLSX: cannot create");
    }
    s->header = workbook_add_format(s->wb);
    format_set_bold(s->header);
    format_set_bg_color(s->header, 0xDDEBF7);
    static const lxw_color_t colours[XW_STATUS_COUNT] = {
        0xC6EFCE, 0xFFEB9C, 0xFFC7CE, 0xD9D9D9};
    for (int k = 0; k < XW_STATUS_COUNT; k++) {
        s->status[k] = workbook_add_format(s->wb);
        format_set_bg_color(s->status[k], colours[k]);
    }
    *out = &s->base;
    return XW_OK;
}
