/*
 * output.c - where a command's data goes: stdout, or with -o FILE a file
 * that appears only when the command succeeded.  The data is written to a
 * temporary file beside FILE and renamed over it at the end, so that a
 * failed or interrupted run never leaves a half-written report.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

xw_status cli_output_begin(cli_ctx *ctx, const char *path, cli_output *o,
                           xw_error *err)
{
    memset(o, 0, sizeof *o);
    o->saved = ctx->out;
    if (!path)
        return XW_OK;
    if ((size_t)snprintf(o->final, sizeof o->final, "%s", path) >=
            sizeof o->final ||
        (size_t)snprintf(o->tmp, sizeof o->tmp, "%s.tmp-XXXXXX", path) >=
            sizeof o->tmp)
        return cli_error(err, "%s: path too long", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        xw_status s = cli_error(err, "%s: cannot create: %s", path,
                                strerror(errno));
        o->tmp[0] = '\0';
        return s;
    }
    o->file = fdopen(fd, "w");
    if (!o->file) {
        close(fd);
        unlink(o->tmp);
        o->tmp[0] = '\0';
        return cli_error(err, "%s: cannot write", path);
    }
    ctx->out = o->file;
    return XW_OK;
}

xw_status cli_output_end(cli_ctx *ctx, cli_output *o, xw_status status,
                         xw_error *err)
{
    ctx->out = o->saved;
    if (!o->file)
        return status;
    int bad = fflush(o->file) != 0 || ferror(o->file);
    bad |= fclose(o->file) != 0;
    o->file = NULL;
    if (status != XW_OK && status != XW_FINDINGS) {
        unlink(o->tmp);
        return status;
    }
    if (bad || rename(o->tmp, o->final) != 0) {
        unlink(o->tmp);
        return cli_error(err, "%s: cannot write: %s", o->final,
                         strerror(errno));
    }
    return status;
}
