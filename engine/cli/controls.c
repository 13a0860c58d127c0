/*
 * controls.c - 'xwalk controls FW': one framework's controls, in document
 * order or as a tree.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct controls_args {
    const char *framework;
    int tree;
    int indent; /* table tree: indent ids by depth, drop the depth column */
    xw_writer *writer;
} controls_args;

static int forward(void *arg, int n, const char *const *values)
{
    controls_args *a = arg;
    if (!a->indent)
        return xw_writer_row(a->writer, n, values);
    int depth = values[6] ? atoi(values[6]) : 0;
    const char *id = values[0] ? values[0] : "";
    size_t len = strlen(id) + 2 * (size_t)depth + 1;
    char *indented = malloc(len);
    if (!indented)
        return -1;
    memset(indented, ' ', 2 * (size_t)depth);
    strcpy(indented + 2 * depth, id);
    const char *row[7];
    memcpy(row, values, sizeof row);
    row[0] = indented;
    int r = xw_writer_row(a->writer, n, row);
    free(indented);
    return r;
}

static xw_status list(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    controls_args *a = arg;
    a->writer = cb_ctx;
    (void)cb;
    return xw_list_controls(db, a->framework, a->tree, forward, a, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    controls_args *a = arg;
    a->indent = a->tree && format == XW_FORMAT_TABLE;
    /* The depth column is shown only in tree listings. */
    int ncols = a->tree && !a->indent ? xw_controls_ncolumns
                                      : xw_controls_ncolumns - 1;
    return cli_run_listing(ctx, format, xw_controls_columns, ncols, list, a,
                           err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    controls_args a = {0};
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               {"tree", 0, NULL, &a.tree},
                               {0}};
    const char *pos[1];
    int npos;
    int r = cli_parse_options(&cli_cmd_controls, argc, argv, opts, pos, 1,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_controls, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (npos != 1)
        return cli_error(err, "controls: name one framework (see 'xwalk "
                                  "controls --help')");
    a.framework = pos[0];
    return cli_emit(ctx, &lo, emit, &a, err);
}

const cli_command cli_cmd_controls = {
    "controls", run, "list the controls of one framework",
    "usage: xwalk controls FRAMEWORK [--tree] [--format F] [-o FILE]\n"
    "\n"
    "Lists the controls of FRAMEWORK in document order: id, parent, title,\n"
    "title_ja, assessable (0 for headings) and source_ref.\n"
    "\n"
    "  --tree    list each control under its parent; the table indents ids,\n"
    "            CSV and JSON add a depth column (0 for a root)\n"
    CLI_LISTING_USAGE};
