/*
 * error.c - the xw_error record: how failures travel up to the caller.
 * Nothing here prints; main() decides what to show.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

void xw_error_clear(xw_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

static void set_message(xw_error *err, const char *fmt, va_list ap)
{
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

xw_status xw_fail(xw_error *err, xw_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->status = status;
        va_start(ap, fmt);
        set_message(err, fmt, ap);
        va_end(ap);
    }
    return status;
}

xw_status xw_fail_at(xw_error *err, xw_status status, const char *file,
                     long line, long column, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->status = status;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        err->column = column;
        va_start(ap, fmt);
        set_message(err, fmt, ap);
        va_end(ap);
    }
    return status;
}

xw_status xw_fail_sql(xw_error *err, sqlite3 *db, const char *doing)
{
    int code = sqlite3_extended_errcode(db);
    xw_status st = (code & 0xff) == SQLITE_NOMEM ? XW_ENOMEM : XW_EDB;
    return xw_fail(err, st, "database error while %s: %s", doing,
                   sqlite3_errmsg(db));
}

void xw_error_format(const xw_error *err, char *buf, size_t size)
{
    if (!err->file[0])
        snprintf(buf, size, "%s", err->message);
    else if (err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line,
                 err->column, err->message);
    else if (err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->message);
    else
        snprintf(buf, size, "%s: %s", err->file, err->message);
}

xw_status xw_fail_field(xw_error *err, xw_field field, long line,
                        const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->status = XW_EINPUT;
        err->field = field;
        err->line = line;
        va_start(ap, fmt);
        set_message(err, fmt, ap);
        va_end(ap);
    }
    return XW_EINPUT;
}
