/*
 * show.c - 'xwalk show FW:ID': one control, its parent and children, and
 * every mapping from or to it, each read from this control's side.
 */
#include <string.h>

#include "cli.h"

typedef struct show_args {
    const char *framework, *id;
    cli_ctx *ctx;
    xw_format format;
} show_args;

/* The control's own record: "key: value" lines for a table, an object for
 * JSON.  CSV carries only the listing. */
static int print_detail(void *arg, int n, const char *const *values)
{
    show_args *a = arg;
    FILE *out = a->ctx->out;
    if (a->format == XW_FORMAT_JSON)
        fputs("{\"control\": {", out);
    for (int i = 0, shown = 0; i < n && i < xw_control_detail_ncolumns; i++) {
        const xw_column *c = &xw_control_detail_columns[i];
        if (a->format == XW_FORMAT_TABLE) {
            /* Only a withdrawn control says so; the rest would be noise. */
            int quiet = !strcmp(c->name, "withdrawn") && values[i] &&
                        !strcmp(values[i], "0");
            if (values[i] && *values[i] && !quiet)
                fprintf(out, "%-15s %s\n", c->name, values[i]);
            continue;
        }
        fputs(shown++ ? ", " : "", out);
        xw_json_write_string(out, c->name);
        fputs(": ", out);
        if (!values[i])
            fputs("null", out);
        else if (c->type == XW_COL_INT)
            fputs(values[i], out);
        else
            xw_json_write_string(out, values[i]);
    }
    fputs(a->format == XW_FORMAT_JSON ? "},\n\"related\": " : "\n", out);
    return ferror(out) ? -1 : 0;
}

static xw_status show(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    show_args *a = arg;
    return xw_show_control(db, a->framework, a->id, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    show_args *a = arg;
    a->format = format;
    xw_status s;
    if (format == XW_FORMAT_TABLE || format == XW_FORMAT_JSON) {
        xw_db *db;
        if ((s = cli_open_read(ctx, &db, err)) != XW_OK)
            return s;
        s = xw_control_detail(db, a->framework, a->id, print_detail, a, err);
        xw_close(db);
        if (s != XW_OK)
            return s;
    }
    s = cli_run_listing(ctx, format, xw_show_columns, xw_show_ncolumns, show,
                        a, err);
    if (s == XW_OK && format == XW_FORMAT_JSON)
        fputs("}\n", ctx->out);
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo), {0}};
    const char *pos[1];
    int npos;
    int r = cli_parse_options(&cli_cmd_show, argc, argv, opts, pos, 1, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_show, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    const char *colon = npos == 1 ? strchr(pos[0], ':') : NULL;
    if (!colon || colon == pos[0] || !colon[1])
        return cli_error(err, "show: name one control as FRAMEWORK:ID, for "
                              "example nist-csf-2.0:GV.OC");
    char framework[256];
    size_t flen = (size_t)(colon - pos[0]);
    if (flen >= sizeof framework)
        return cli_error(err, "show: framework id too long");
    memcpy(framework, pos[0], flen);
    framework[flen] = '\0';
    show_args a = {framework, colon + 1, ctx, XW_FORMAT_TABLE};
    return cli_emit(ctx, &lo, emit, &a, err);
}

const cli_command cli_cmd_show = {
    "show", run, "show one control with its neighbours and mappings",
    "usage: xwalk show FRAMEWORK:ID [--format F] [-o FILE]\n"
    "\n"
    "Shows the control ID of FRAMEWORK, then a listing of the control, its\n"
    "parent, its children and every mapping from or to it.  Each mapping is\n"
    "read from this control's side: a stored \"X subset-of THIS\" is shown as\n"
    "\"superset-of X\".  Columns: role, framework, id, title, relationship,\n"
    "set, rationale, strength, confidence, note.  CSV and Markdown give the\n"
    "listing alone.\n"
    "\n" CLI_LISTING_USAGE};
