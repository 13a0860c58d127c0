/*
 * export_oscal.c - 'xwalk export-oscal SET': a mapping set as an OSCAL 1.2
 * mapping collection.
 */
#include "cli.h"

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    (void)format;
    xw_db *db;
    xw_status s = cli_open_read(ctx, &db, err);
    if (s != XW_OK)
        return s;
    s = xw_export_oscal(db, arg, ctx->out, err);
    xw_close(db);
    return s;
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const cli_option opts[] = {{"output", 'o', &lo.output, NULL}, {0}};
    const char *pos[1];
    int npos;
    int r = cli_parse_options(&cli_cmd_export_oscal, argc, argv, opts, pos, 1,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_export_oscal, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (npos != 1)
        return cli_error(err, "export-oscal: name one mapping set (see 'xwalk "
                              "sets')");
    return cli_emit(ctx, &lo, emit, (void *)pos[0], err);
}

const cli_command cli_cmd_export_oscal = {
    "export-oscal", run, "write a mapping set as an OSCAL mapping collection",
    "usage: xwalk export-oscal SET [-o FILE]\n"
    "\n"
    "Writes mapping set SET as an OSCAL 1.2 mapping collection in JSON.\n"
    "Rows that came in one OSCAL map (the same map uuid) form one map again,\n"
    "with all their sources and targets; explicit gaps become gap summaries.\n"
    "A collection imported with 'xwalk import' is written back with every\n"
    "field it had.  The same database gives the same bytes.\n"
    "\n"
    "  -o FILE   write to FILE (replaced only when the command succeeds)\n"};
