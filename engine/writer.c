/*
 * writer.c - prints listings as an aligned table, CSV (libcsv's writer) or
 * JSON.  CSV and JSON are streamed; a table is held until the end because
 * its column widths depend on every row.
 */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Table cells wider than this are cut with an ellipsis; CSV and JSON always
 * carry the full text. */
#define XW_TABLE_MAX_CELL 60
#define XW_WRITER_MAX_COLUMNS 256

struct xw_writer {
    FILE *out;
    xw_format format;
    xw_writer_opts opts;
    const xw_column *cols;
    int ncols;
    long rows;
    int failed;
    /* table only: cells of every row, row-major */
    char **cells;
    size_t ncells, cap;
};

int xw_format_parse(const char *text)
{
    if (!text)
        return -1;
    if (!strcmp(text, "table"))
        return XW_FORMAT_TABLE;
    if (!strcmp(text, "csv"))
        return XW_FORMAT_CSV;
    if (!strcmp(text, "json"))
        return XW_FORMAT_JSON;
    if (!strcmp(text, "md"))
        return XW_FORMAT_MD;
    return -1;
}

/* ---- CSV */

/* A cell a spreadsheet would run as a formula (OWASP, CSV injection). */
int xw_csv_cell_is_risky(const char *v)
{
    return v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
           v[0] == '\t' || v[0] == '\r';
}

static void csv_field(xw_writer *w, const char *v)
{
    char *safe = NULL;
    if (w->opts.neutralise && xw_csv_cell_is_risky(v)) {
        /* A leading apostrophe makes a spreadsheet show the text as text. */
        size_t n = strlen(v);
        safe = malloc(n + 2);
        if (safe) {
            safe[0] = '\'';
            memcpy(safe + 1, v, n + 1);
            v = safe;
        }
    }
    /* Quote only where RFC 4180 needs it, so plain ids stay readable. */
    size_t n = strlen(v);
    if (n && !strpbrk(v, ",\"\r\n") && v[0] != ' ' && v[n - 1] != ' ')
        fwrite(v, 1, n, w->out);
    else if (n)
        csv_fwrite(w->out, v, n);
    free(safe);
}

static void csv_row(xw_writer *w, const char *const *values)
{
    for (int i = 0; i < w->ncols; i++) {
        if (i)
            fputc(',', w->out);
        csv_field(w, values[i] ? values[i] : "");
    }
    fputs(w->opts.crlf ? "\r\n" : "\n", w->out);
}

/* ---- JSON */

void xw_json_write_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static int is_integer(const char *s)
{
    if (*s == '-')
        s++;
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static void json_row(xw_writer *w, const char *const *values)
{
    fputs(w->rows ? ",\n  {" : "\n  {", w->out);
    for (int i = 0; i < w->ncols; i++) {
        if (i)
            fputs(", ", w->out);
        xw_json_write_string(w->out, w->cols[i].name);
        fputs(": ", w->out);
        const char *v = values[i];
        if (!v)
            fputs("null", w->out);
        else if (w->cols[i].type == XW_COL_INT && is_integer(v))
            fputs(v, w->out);
        else
            xw_json_write_string(w->out, v);
    }
    fputc('}', w->out);
}

/* ---- Markdown */

static void md_cell(FILE *out, const char *v)
{
    for (; *v; v++) {
        if (*v == '|')
            fputs("\\|", out);
        else if (*v == '\n')
            fputs("<br>", out);
        else if (*v != '\r')
            fputc(*v, out);
    }
}

static void md_row(xw_writer *w, const char *const *values)
{
    fputc('|', w->out);
    for (int i = 0; i < w->ncols; i++) {
        fputc(' ', w->out);
        md_cell(w->out, values[i] ? values[i] : "");
        fputs(" |", w->out);
    }
    fputc('\n', w->out);
}

/* ---- table */

/* Copies v for a table cell: line breaks become spaces, and the text is cut
 * to XW_TABLE_MAX_CELL display cells. */
static char *table_cell(const char *v)
{
    size_t n = strlen(v);
    char *c = malloc(n + 4);
    if (!c)
        return NULL;
    size_t width = 0, o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = 1;
        unsigned char b = (unsigned char)v[i];
        if (b >= 0xf0) k = 4;
        else if (b >= 0xe0) k = 3;
        else if (b >= 0xc0) k = 2;
        if (i + k > n)
            k = n - i;
        char ch[5] = {0};
        memcpy(ch, v + i, k);
        if (ch[0] == '\n' || ch[0] == '\r' || ch[0] == '\t')
            ch[0] = ' ';
        size_t cw = xw_display_width(ch);
        if (width + cw > XW_TABLE_MAX_CELL - 1 && i + k < n) {
            memcpy(c + o, "\xE2\x80\xA6", 3); /* U+2026 ellipsis */
            o += 3;
            break;
        }
        memcpy(c + o, ch, k);
        o += k;
        width += cw;
        i += k;
    }
    c[o] = '\0';
    return c;
}

static int table_keep(xw_writer *w, const char *const *values)
{
    if (w->ncells + (size_t)w->ncols > w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64 * (size_t)w->ncols;
        while (cap < w->ncells + (size_t)w->ncols)
            cap *= 2;
        char **c = realloc(w->cells, cap * sizeof *c);
        if (!c)
            return -1;
        w->cells = c;
        w->cap = cap;
    }
    for (int i = 0; i < w->ncols; i++) {
        char *c = table_cell(values[i] ? values[i] : "");
        if (!c)
            return -1;
        w->cells[w->ncells++] = c;
    }
    return 0;
}

static void pad(FILE *out, size_t n)
{
    while (n--)
        fputc(' ', out);
}

static void table_print(xw_writer *w)
{
    size_t *width = calloc((size_t)w->ncols, sizeof *width);
    if (!width) {
        w->failed = 1;
        return;
    }
    for (int i = 0; i < w->ncols; i++)
        width[i] = xw_display_width(w->cols[i].name);
    for (size_t k = 0; k < w->ncells; k++) {
        size_t cw = xw_display_width(w->cells[k]);
        int col = (int)(k % (size_t)w->ncols);
        if (cw > width[col])
            width[col] = cw;
    }
    for (long r = -1; r < w->rows; r++) {
        char **row = r < 0 ? NULL : w->cells + (size_t)r * (size_t)w->ncols;
        /* Stop at the last non-empty cell so that no line ends in blanks. */
        int last = w->ncols - 1;
        while (row && last > 0 && !row[last][0])
            last--;
        for (int i = 0; i <= last; i++) {
            const char *v = row ? row[i] : w->cols[i].name;
            int right = w->cols[i].type == XW_COL_INT && row;
            size_t gap = width[i] - xw_display_width(v);
            if (right)
                pad(w->out, gap);
            fputs(v, w->out);
            if (i < last) {
                if (!right)
                    pad(w->out, gap);
                fputs("  ", w->out);
            }
        }
        fputc('\n', w->out);
        if (r < 0) {
            for (int i = 0; i < w->ncols; i++) {
                for (size_t j = 0; j < width[i]; j++)
                    fputc('-', w->out);
                if (i < w->ncols - 1)
                    fputs("  ", w->out);
            }
            fputc('\n', w->out);
        }
    }
    free(width);
}

/* ---- common */

xw_status xw_writer_open(FILE *out, xw_format format, const xw_column *cols,
                         int ncols, xw_writer **out_writer, xw_error *err)
{
    static const xw_writer_opts plain = {0, 0, 0};
    return xw_writer_open_opts(out, format, cols, ncols, &plain, out_writer,
                               err);
}

xw_status xw_writer_open_opts(FILE *out, xw_format format,
                              const xw_column *cols, int ncols,
                              const xw_writer_opts *opts,
                              xw_writer **out_writer, xw_error *err)
{
    if (ncols < 1 || ncols > XW_WRITER_MAX_COLUMNS)
        return xw_fail(err, XW_EINPUT, "a listing has 1 to %d columns",
                       XW_WRITER_MAX_COLUMNS);
    xw_writer *w = calloc(1, sizeof *w);
    if (!w)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    w->out = out;
    w->format = format;
    w->opts = *opts;
    w->cols = cols;
    w->ncols = ncols;
    const char *names[XW_WRITER_MAX_COLUMNS];
    for (int i = 0; i < ncols; i++)
        names[i] = cols[i].name;
    if (format == XW_FORMAT_CSV) {
        if (opts->bom)
            fputs("\xEF\xBB\xBF", out);
        csv_row(w, names);
    } else if (format == XW_FORMAT_JSON) {
        fputc('[', out);
    } else if (format == XW_FORMAT_MD) {
        md_row(w, names);
        fputc('|', out);
        for (int i = 0; i < ncols; i++)
            fputs(cols[i].type == XW_COL_INT ? " ---: |" : " --- |", out);
        fputc('\n', out);
    }
    *out_writer = w;
    return XW_OK;
}

int xw_writer_row(void *writer, int n, const char *const *values)
{
    xw_writer *w = writer;
    (void)n; /* rows carry at least ncols values */
    switch (w->format) {
    case XW_FORMAT_CSV:
        csv_row(w, values);
        break;
    case XW_FORMAT_JSON:
        json_row(w, values);
        break;
    case XW_FORMAT_MD:
        md_row(w, values);
        break;
    case XW_FORMAT_TABLE:
        if (table_keep(w, values) != 0) {
            w->failed = 1;
            return -1;
        }
        break;
    }
    w->rows++;
    return ferror(w->out) ? -1 : 0;
}

xw_status xw_writer_close(xw_writer *w, xw_error *err)
{
    if (!w)
        return XW_OK;
    if (w->format == XW_FORMAT_TABLE && !w->failed)
        table_print(w);
    else if (w->format == XW_FORMAT_JSON)
        fputs(w->rows ? "\n]\n" : "]\n", w->out);
    for (size_t k = 0; k < w->ncells; k++)
        free(w->cells[k]);
    free(w->cells);
    int failed = w->failed || fflush(w->out) != 0 || ferror(w->out);
    free(w);
    return failed ? xw_fail(err, XW_EIO, "cannot write output") : XW_OK;
}
