/*
 * csv_reader.c - strict RFC 4180 reading on top of libcsv, with the
 * physical line of every record and field so that errors can say
 * file:line:column.  Columns are 1-based field numbers.
 *
 * libcsv reports neither lines nor columns, so the input is fed to it one
 * physical line at a time: every callback then knows the line it fired on.
 * A field starts on the line where the previous field's delimiter was read.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Guards against unbounded growth on hostile input. */
#define XW_CSV_MAX_FIELDS 4096
#define XW_CSV_MAX_FIELD_BYTES ((size_t)16 << 20)

typedef struct reader {
    const char *name;
    xw_csv_record_cb cb;
    void *ctx;
    xw_error *err;
    xw_status status; /* first failure; callbacks stop once set */

    long line;         /* physical line being fed */
    long record_line;  /* line where the current record began */
    long next_field_line;

    /* the record being gathered: fields packed in one arena */
    char *arena;
    size_t arena_len, arena_cap;
    size_t *offsets;
    size_t *lengths;
    long *field_lines;
    char **fields;
    int nfields, cap_fields;
} reader;

static int grow_fields(reader *r)
{
    int cap = r->cap_fields ? r->cap_fields * 2 : 16;
    size_t *o = realloc(r->offsets, (size_t)cap * sizeof *o);
    if (o)
        r->offsets = o;
    size_t *l = realloc(r->lengths, (size_t)cap * sizeof *l);
    if (l)
        r->lengths = l;
    long *fl = realloc(r->field_lines, (size_t)cap * sizeof *fl);
    if (fl)
        r->field_lines = fl;
    char **f = realloc(r->fields, (size_t)cap * sizeof *f);
    if (f)
        r->fields = f;
    if (!o || !l || !fl || !f)
        return -1;
    r->cap_fields = cap;
    return 0;
}

static void on_field(void *data, size_t len, void *rp)
{
    reader *r = rp;
    if (r->status != XW_OK)
        return;
    long field_line = r->nfields == 0 ? r->record_line : r->next_field_line;
    r->next_field_line = r->line;
    if (r->nfields >= XW_CSV_MAX_FIELDS) {
        r->status = xw_fail_at(r->err, XW_EINPUT, r->name, r->record_line,
                               r->nfields + 1,
                               "too many fields (at most %d)",
                               XW_CSV_MAX_FIELDS);
        return;
    }
    if (len > XW_CSV_MAX_FIELD_BYTES) {
        r->status = xw_fail_at(r->err, XW_EINPUT, r->name, field_line,
                               r->nfields + 1,
                               "field is longer than %zu bytes",
                               XW_CSV_MAX_FIELD_BYTES);
        return;
    }
    if (r->nfields == r->cap_fields && grow_fields(r) != 0) {
        r->status = xw_fail(r->err, XW_ENOMEM, "out of memory");
        return;
    }
    if (r->arena_len + len + 1 > r->arena_cap) {
        size_t cap = r->arena_cap ? r->arena_cap : 1024;
        while (cap < r->arena_len + len + 1)
            cap *= 2;
        char *a = realloc(r->arena, cap);
        if (!a) {
            r->status = xw_fail(r->err, XW_ENOMEM, "out of memory");
            return;
        }
        r->arena = a;
        r->arena_cap = cap;
    }
    if (len)
        memcpy(r->arena + r->arena_len, data, len);
    r->arena[r->arena_len + len] = '\0';
    r->offsets[r->nfields] = r->arena_len;
    r->lengths[r->nfields] = len;
    r->field_lines[r->nfields] = field_line;
    r->arena_len += len + 1;
    r->nfields++;
}

/* Line of byte offset `at` inside a field that starts on line `start`. */
static long line_within(const char *s, size_t at, long start)
{
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n')
            start++;
    return start;
}

static void on_record(int term, void *rp)
{
    reader *r = rp;
    (void)term;
    if (r->status != XW_OK)
        return;
    for (int i = 0; i < r->nfields; i++) {
        char *f = r->arena + r->offsets[i];
        r->fields[i] = f;
        if (memchr(f, '\0', r->lengths[i])) {
            r->status = xw_fail_at(r->err, XW_EINPUT, r->name,
                                   r->field_lines[i], i + 1,
                                   "NUL byte in field");
            return;
        }
        long bad = xw_utf8_invalid_at(f, r->lengths[i]);
        if (bad >= 0) {
            r->status = xw_fail_at(
                r->err, XW_EINPUT, r->name,
                line_within(f, (size_t)bad, r->field_lines[i]), i + 1,
                "invalid UTF-8 (byte 0x%02x at offset %ld of the field)",
                (unsigned char)f[bad], bad);
            return;
        }
    }
    xw_csv_record rec = {r->nfields, r->fields, r->lengths, r->field_lines,
                         r->record_line};
    r->status = r->cb(r->ctx, &rec, r->err);
    r->nfields = 0;
    r->arena_len = 0;
}

/* Bytes of one line handed to libcsv at a time. */
#define CSV_SLICE ((size_t)1 << 20)

xw_status xw_csv_parse(const char *name, const char *data, size_t len,
                       xw_csv_record_cb cb, void *ctx, xw_error *err)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    /* libcsv grows its field buffer by this many bytes at a time; the
     * default of 128 makes a long field cost quadratic copying. */
    csv_set_blk_size(&p, CSV_SLICE);
    reader r = {0};
    r.name = name;
    r.cb = cb;
    r.ctx = ctx;
    r.err = err;
    r.status = XW_OK;

    size_t pos = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        pos = 3;
    r.line = 0;
    size_t end = pos;
    while (pos < len && r.status == XW_OK) {
        if (pos == end) {
            const char *nl = memchr(data + pos, '\n', len - pos);
            end = nl ? (size_t)(nl - data) + 1 : len;
            r.line++;
        }
        /* pstate 0 is libcsv's "row not begun": a record can only begin
         * at the start of a physical line. */
        if (p.pstate == 0 && r.nfields == 0)
            r.record_line = r.line;
        /* A line is fed in slices so that a field growing past the limit
         * is refused before libcsv has buffered all of it. */
        size_t n = end - pos;
        if (n > CSV_SLICE)
            n = CSV_SLICE;
        if (csv_parse(&p, data + pos, n, on_field, on_record, &r) != n &&
            r.status == XW_OK) {
            if (csv_error(&p) == CSV_EPARSE)
                r.status = xw_fail_at(err, XW_EINPUT, name, r.line,
                                      r.nfields + 1,
                                      "malformed quoting: a quote inside an "
                                      "unquoted field, or text after a "
                                      "closing quote");
            else
                r.status = xw_fail(err, XW_ENOMEM, "out of memory: %s",
                                   csv_strerror(csv_error(&p)));
        }
        if (r.status == XW_OK && p.entry_pos > XW_CSV_MAX_FIELD_BYTES)
            r.status = xw_fail_at(err, XW_EINPUT, name, r.record_line,
                                  r.nfields + 1,
                                  "field is longer than %zu bytes",
                                  XW_CSV_MAX_FIELD_BYTES);
        pos += n;
    }
    if (r.status == XW_OK &&
        csv_fini(&p, on_field, on_record, &r) != 0 && r.status == XW_OK) {
        long at = r.nfields == 0 ? r.record_line : r.next_field_line;
        r.status = xw_fail_at(err, XW_EINPUT, name, at, r.nfields + 1,
                              "unterminated quoted field (the closing quote "
                              "is missing)");
    }
    csv_free(&p);
    free(r.arena);
    free(r.offsets);
    free(r.lengths);
    free(r.field_lines);
    free(r.fields);
    return r.status;
}

xw_status xw_csv_header_resolve(const char *name, const xw_csv_record *rec,
                                const xw_csv_column_spec *spec, int ncols,
                                xw_csv_header *hdr, xw_error *err)
{
    char expected[512] = "";
    size_t used = 0;
    for (int c = 0; c < ncols; c++) {
        hdr->index[c] = -1;
        used += (size_t)snprintf(expected + used, sizeof expected - used,
                                 "%s%s", c ? ", " : "", spec[c].name);
        if (used >= sizeof expected)
            used = sizeof expected - 1;
    }
    hdr->nfields = rec->nfields;
    for (int i = 0; i < rec->nfields; i++) {
        const char *h = rec->fields[i];
        int found = -1;
        for (int c = 0; c < ncols; c++)
            if (!strcmp(h, spec[c].name))
                found = c;
        if (found < 0)
            return xw_fail_at(err, XW_EINPUT, name, rec->field_lines[i], i + 1,
                              "unknown column \"%s\" (expected a header row "
                              "naming columns among: %s)",
                              h, expected);
        if (hdr->index[found] >= 0)
            return xw_fail_at(err, XW_EINPUT, name, rec->field_lines[i], i + 1,
                              "column \"%s\" appears twice in the header", h);
        hdr->index[found] = i;
    }
    for (int c = 0; c < ncols; c++)
        if (spec[c].required && hdr->index[c] < 0)
            return xw_fail_at(err, XW_EINPUT, name, rec->line, 0,
                              "the header lacks the required column \"%s\"",
                              spec[c].name);
    return XW_OK;
}

const char *xw_csv_value(const xw_csv_header *hdr, const xw_csv_record *rec,
                         int c)
{
    int i = hdr->index[c];
    return i >= 0 && i < rec->nfields ? rec->fields[i] : "";
}

long xw_csv_column_number(const xw_csv_header *hdr, int c)
{
    return hdr->index[c] >= 0 ? hdr->index[c] + 1 : 0;
}

xw_status xw_csv_check_width(const char *name, const xw_csv_header *hdr,
                             const xw_csv_record *rec, xw_error *err)
{
    if (rec->nfields == hdr->nfields)
        return XW_OK;
    long col = rec->nfields > hdr->nfields ? hdr->nfields + 1 : rec->nfields;
    return xw_fail_at(err, XW_EINPUT, name, rec->line, col,
                      "expected %d fields as in the header, found %d",
                      hdr->nfields, rec->nfields);
}
