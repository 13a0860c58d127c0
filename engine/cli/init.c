/*
 * init.c - 'xwalk init': creates the database and loads the bundled
 * catalogs and crosswalks.
 */
#include "cli.h"

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    int empty = 0;
    const cli_option opts[] = {{"empty", 0, NULL, &empty}, {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_init, argc, argv, opts, NULL, 0, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_init, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    xw_db *db;
    xw_status s = xw_open(ctx->db_path, XW_OPEN_CREATE, &db, err);
    if (s != XW_OK)
        return s;
    if (!empty) {
        if (!ctx->data_dir)
            s = cli_error(err, "init: cannot find the bundled data; set "
                               "XWALK_DATA to the mappings directory");
        else
            s = xw_bundle_load(db, ctx->data_dir, cli_report_import, ctx,
                               err);
    }
    xw_close(db);
    return s;
}

const cli_command cli_cmd_init = {
    "init", run, "create the database and load the bundled content",
    "usage: xwalk init [--empty]\n"
    "\n"
    "Creates the database (or migrates an existing one) and loads every\n"
    "catalog listed in the data directory's frameworks.csv and every mapping\n"
    "set in its crosswalks.csv.  Files already loaded are left as they are;\n"
    "a bundled file that changed replaces the old one.  The data directory\n"
    "is $XWALK_DATA, else the mappings/ directory beside the xwalk binary,\n"
    "else PREFIX/share/xwalk/mappings.\n"
    "\n"
    "  --empty   create the database without loading anything\n"};
