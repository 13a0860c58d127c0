/*
 * sink_csv.c - a batch of CSV files and MANIFEST.csv (file, rows, sha256,
 * generated_at, db_fingerprint, xwalk_version).  The files are written into
 * a temporary directory beside the target and moved into place at the end,
 * so that a failed export leaves nothing half-written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sink.h"

typedef struct entry {
    char *file;
    long rows;
    char sha256[65];
} entry;

typedef struct csv_sink {
    xw_sink base;
    char dir[2048], tmp[2048];
    xw_writer_opts opts;
    xw_batch_info info;
    FILE *f;
    xw_writer *w;
    char current[512];
    long rows;
    entry *entries;
    size_t n, cap;
} csv_sink;

static xw_status sha_of_file(const char *path, char hex[65], xw_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return xw_fail_at(err, XW_EIO, path, 0, 0, "cannot read: %s",
                          strerror(errno));
    xw_sha256 h;
    xw_sha256_init(&h);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        xw_sha256_update(&h, buf, n);
    fclose(f);
    xw_sha256_final_hex(&h, hex);
    return XW_OK;
}

static xw_status begin(xw_sink *base, const char *name, const xw_column *cols,
                       int ncols, xw_error *err)
{
    csv_sink *s = (csv_sink *)base;
    char path[3000];
    snprintf(s->current, sizeof s->current, "%s.csv", name);
    snprintf(path, sizeof path, "%s/%s", s->tmp, s->current);
    s->f = fopen(path, "wb");
    if (!s->f)
        return xw_fail_at(err, XW_EIO, path, 0, 0, "cannot write: %s",
                          strerror(errno));
    s->rows = 0;
    return xw_writer_open_opts(s->f, XW_FORMAT_CSV, cols, ncols, &s->opts,
                               &s->w, err);
}

static int row(void *base, int n, const char *const *values)
{
    csv_sink *s = base;
    s->rows++;
    return xw_writer_row(s->w, n, values);
}

static xw_status end(xw_sink *base, xw_error *err)
{
    csv_sink *s = (csv_sink *)base;
    xw_status st = xw_writer_close(s->w, err);
    s->w = NULL;
    if (fclose(s->f) != 0 && st == XW_OK)
        st = xw_fail(err, XW_EIO, "%s: cannot write", s->current);
    s->f = NULL;
    if (st != XW_OK)
        return st;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        entry *e = realloc(s->entries, cap * sizeof *e);
        if (!e)
            return xw_fail(err, XW_ENOMEM, "out of memory");
        s->entries = e;
        s->cap = cap;
    }
    entry *e = &s->entries[s->n];
    e->file = strdup(s->current);
    e->rows = s->rows;
    char path[3000];
    snprintf(path, sizeof path, "%s/%s", s->tmp, s->current);
    st = sha_of_file(path, e->sha256, err);
    if (st == XW_OK)
        s->n++;
    else
        free(e->file);
    return st;
}

static void free_sink(csv_sink *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->entries[i].file);
    free(s->entries);
    free(s);
}

static void remove_tmp(csv_sink *s)
{
    char path[3000];
    for (size_t i = 0; i < s->n; i++) {
        snprintf(path, sizeof path, "%s/%s", s->tmp, s->entries[i].file);
        unlink(path);
    }
    if (s->current[0]) {
        snprintf(path, sizeof path, "%s/%s", s->tmp, s->current);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/MANIFEST.csv", s->tmp);
    unlink(path);
    rmdir(s->tmp);
}

static void abort_sink(xw_sink *base)
{
    csv_sink *s = (csv_sink *)base;
    if (s->w)
        xw_writer_close(s->w, NULL);
    if (s->f)
        fclose(s->f);
    remove_tmp(s);
    free_sink(s);
}

static xw_status finish(xw_sink *base, xw_error *err)
{
    csv_sink *s = (csv_sink *)base;
    static const xw_column cols[] = {
        {"file", XW_COL_TEXT},         {"rows", XW_COL_INT},
        {"sha256", XW_COL_TEXT},       {"generated_at", XW_COL_TEXT},
        {"db_fingerprint", XW_COL_TEXT}, {"xwalk_version", XW_COL_TEXT}};
    char path[3000];
    snprintf(path, sizeof path, "%s/MANIFEST.csv", s->tmp);
    FILE *f = fopen(path, "wb");
    xw_writer *w = NULL;
    xw_status st = f ? xw_writer_open_opts(f, XW_FORMAT_CSV, cols, 6,
                                           &s->opts, &w, err)
                     : xw_fail_at(err, XW_EIO, path, 0, 0, "cannot write");
    for (size_t i = 0; i < s->n && st == XW_OK; i++) {
        char rows[32];
        snprintf(rows, sizeof rows, "%ld", s->entries[i].rows);
        const char *v[6] = {s->entries[i].file, rows, s->entries[i].sha256,
                            s->info.generated_at, s->info.fingerprint,
                            s->info.version};
        if (xw_writer_row(w, 6, v) != 0)
            st = xw_fail(err, XW_EIO, "MANIFEST.csv: cannot write");
    }
    if (w) {
        xw_status c = xw_writer_close(w, err);
        if (st == XW_OK)
            st = c;
    }
    if (f && fclose(f) != 0 && st == XW_OK)
        st = xw_fail(err, XW_EIO, "MANIFEST.csv: cannot write");
    /* An empty directory of that name may stand in the way; nothing else
     * is replaced. */
    if (st == XW_OK) {
        rmdir(s->dir);
        if (rename(s->tmp, s->dir) != 0)
            st = xw_fail_at(err, XW_EIO, s->dir, 0, 0, "cannot create: %s",
                            strerror(errno));
    }
    if (st != XW_OK) {
        remove_tmp(s);
        free_sink(s);
        return st;
    }
    free_sink(s);
    return XW_OK;
}

static const xw_sink_ops csv_ops = {begin, row, end, finish, abort_sink};

xw_status xw_sink_csv_open(const char *dir, const xw_writer_opts *opts,
                           const xw_batch_info *info, xw_sink **out,
                           xw_error *err)
{
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        /* rmdir only succeeds on an empty directory, so try it at the end;
         * here refuse anything else. */
        if (!S_ISDIR(sb.st_mode))
            return xw_fail_at(err, XW_EINPUT, dir, 0, 0,
                              "exists and is not a directory");
        if (rmdir(dir) != 0)
            return xw_fail_at(err, XW_EINPUT, dir, 0, 0,
                              "exists and is not empty; name a new directory");
        mkdir(dir, 0777);
    }
    csv_sink *s = calloc(1, sizeof *s);
    if (!s)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    s->base.ops = &csv_ops;
    snprintf(s->dir, sizeof s->dir, "%s", dir);
    snprintf(s->tmp, sizeof s->tmp, "%s.tmp-XXXXXX", dir);
    if (!mkdtemp(s->tmp)) {
        xw_status st = xw_fail_at(err, XW_EIO, dir, 0, 0,
                                  "cannot create a directory beside it: %s",
                                  strerror(errno));
        free(s);
        return st;
    }
    s->opts = *opts;
    s->info = *info;
    *out = &s->base;
    return XW_OK;
}
