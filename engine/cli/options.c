/*
 * options.c - option parsing shared by every command: long options with a
 * value (--id X or --id=X), flags, and positional words.  Kept free of
 * getopt's global state so that commands can be run more than once in one
 * process (the tests do).
 */
#include <string.h>

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

static xw_status fail_v(xw_error *err, xw_status status, const char *fmt,
                        va_list ap)
{
    xw_error_clear(err);
    err->status = status;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return status;
}

xw_status cli_error(xw_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xw_status s = fail_v(err, XW_EINPUT, fmt, ap);
    va_end(ap);
    return s;
}

xw_status cli_not_found(xw_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xw_status s = fail_v(err, XW_ENOTFOUND, fmt, ap);
    va_end(ap);
    return s;
}

static const cli_option *find_long(const cli_option *opts, const char *name,
                                   size_t len)
{
    for (const cli_option *o = opts; o && o->name; o++)
        if (strlen(o->name) == len && !strncmp(o->name, name, len))
            return o;
    return NULL;
}

static const cli_option *find_short(const cli_option *opts, char c)
{
    for (const cli_option *o = opts; o && o->name; o++)
        if (o->short_name && o->short_name == c)
            return o;
    return NULL;
}

int cli_parse_options(const cli_command *cmd, int argc, char **argv,
                      const cli_option *opts, const char **positional,
                      int max_positional, int *npositional, xw_error *err)
{
    int npos = 0, only_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_positional || a[0] != '-' || !a[1]) {
            if (npos >= max_positional)
                return cli_error(err, "%s: unexpected argument \"%s\" (see 'xwalk "
                               "%s --help')",
                               cmd->name, a, cmd->name);
            positional[npos++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_positional = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            return CLI_HELP;
        const cli_option *o;
        const char *inline_value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            o = find_long(opts, name, len);
            if (eq)
                inline_value = eq + 1;
        } else {
            o = a[2] ? NULL : find_short(opts, a[1]);
        }
        if (!o)
            return cli_error(err, "%s: unknown option \"%s\" (see 'xwalk %s --help')",
                           cmd->name, a, cmd->name);
        if (o->flag) {
            if (inline_value)
                return cli_error(err, "%s: option --%s takes no value", cmd->name,
                               o->name);
            *o->flag = 1;
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= argc)
                return cli_error(err, "%s: option --%s needs a value", cmd->name,
                               o->name);
            inline_value = argv[++i];
        }
        *o->value = inline_value;
    }
    *npositional = npos;
    return CLI_PARSED;
}

xw_status cli_format(const char *text, xw_format *format, xw_error *err)
{
    if (!text) {
        *format = XW_FORMAT_TABLE;
        return XW_OK;
    }
    int f = xw_format_parse(text);
    if (f < 0)
        return cli_error(err, "unknown format \"%s\" (expected table, csv, json or md)",
                       text);
    *format = (xw_format)f;
    return XW_OK;
}

xw_status cli_open_read(cli_ctx *ctx, xw_db **db, xw_error *err)
{
    /* A database we may write to is migrated forward on the way; a
     * read-only copy (an auditor's, say) is read as it is. */
    int flags = !ctx->read_only && access(ctx->db_path, W_OK) == 0
                    ? XW_OPEN_WRITE
                    : XW_OPEN_READONLY;
    return xw_open(ctx->db_path, flags, db, err);
}

void cli_print_help(const cli_command *cmd, cli_ctx *ctx)
{
    fputs(cmd->usage, ctx->out);
}

xw_status cli_run_listing(cli_ctx *ctx, xw_format format,
                          const xw_column *cols, int ncols, cli_listing_fn fn,
                          void *arg, xw_error *err)
{
    xw_db *db;
    xw_status s = cli_open_read(ctx, &db, err);
    if (s != XW_OK)
        return s;
    xw_writer *w;
    if ((s = xw_writer_open(ctx->out, format, cols, ncols, &w, err)) ==
        XW_OK) {
        s = fn(db, arg, xw_writer_row, w, err);
        xw_status c = xw_writer_close(w, err);
        if (s == XW_OK)
            s = c;
    }
    xw_close(db);
    return s;
}

xw_status cli_emit(cli_ctx *ctx, cli_listing_opts *lo, cli_emit_fn fn,
                   void *arg, xw_error *err)
{
    xw_status s = cli_format(lo->format_text, &lo->format, err);
    if (s != XW_OK)
        return s;
    cli_output out;
    if ((s = cli_output_begin(ctx, lo->output, &out, err)) != XW_OK)
        return s;
    s = fn(ctx, lo->format, arg, err);
    return cli_output_end(ctx, &out, s, err);
}

xw_status cli_split_list(const char *option, const char *text, char **store,
                         const char **items, int max, int *n, xw_error *err)
{
    *n = 0;
    *store = strdup(text);
    if (!*store)
        return cli_error(err, "out of memory");
    char *p = *store;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (!*p)
            return cli_error(err, "--%s: empty item in \"%s\"", option, text);
        if (*n >= max)
            return cli_error(err, "--%s: at most %d items", option, max);
        items[(*n)++] = p;
        if (!comma)
            break;
        p = comma + 1;
    }
    return XW_OK;
}

xw_status cli_int_option(const char *option, const char *text, long lo,
                         long hi, int *out, xw_error *err)
{
    if (!text)
        return XW_OK;
    char *end;
    long v = strtol(text, &end, 10);
    if (!*text || *end || v < lo || v > hi)
        return cli_error(err, "--%s: expected a whole number from %ld to %ld, "
                              "not \"%s\"",
                         option, lo, hi, text);
    *out = (int)v;
    return XW_OK;
}
