/*
 * file.c - reads an input file whole and fingerprints it.  Import files are
 * parsed from memory so that the hash and the parsed content are of the same
 * bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

/* Input files larger than this are refused rather than loaded into memory. */
#define XW_MAX_INPUT_BYTES ((size_t)2 << 30)

xw_status xw_file_read(const char *path, xw_file *f, xw_error *err)
{
    memset(f, 0, sizeof *f);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return xw_fail_at(err, errno == ENOENT ? XW_EINPUT : XW_EIO, path, 0,
                          0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(fp);
        return xw_fail_at(err, XW_EINPUT, path, 0, 0, "not a regular file");
    }
    if ((unsigned long long)sb.st_size > XW_MAX_INPUT_BYTES) {
        fclose(fp);
        return xw_fail_at(err, XW_EINPUT, path, 0, 0,
                          "file is larger than %zu bytes", XW_MAX_INPUT_BYTES);
    }
    size_t cap = (size_t)sb.st_size + 1;
    f->data = malloc(cap);
    if (!f->data) {
        fclose(fp);
        return xw_fail_at(err, XW_ENOMEM, path, 0, 0, "out of memory");
    }
    size_t n = fread(f->data, 1, cap - 1, fp);
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        xw_file_free(f);
        return xw_fail_at(err, XW_EIO, path, 0, 0, "read error");
    }
    f->data[n] = '\0';
    f->len = n;
    xw_sha256 h;
    xw_sha256_init(&h);
    xw_sha256_update(&h, f->data, n);
    xw_sha256_final_hex(&h, f->sha256);
    return XW_OK;
}

void xw_file_free(xw_file *f)
{
    free(f->data);
    memset(f, 0, sizeof *f);
}
