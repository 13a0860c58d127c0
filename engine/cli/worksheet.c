/*
 * worksheet.c - 'xwalk worksheet': the self-assessment worksheet for the
 * Japanese guideline, in English or Japanese, as CSV, a table or XLSX.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct worksheet_args {
    xw_worksheet_opts opts;
} worksheet_args;

static xw_status rows(xw_db *db, void *arg, xw_row_cb cb, void *cb_ctx,
                      xw_error *err)
{
    worksheet_args *a = arg;
    return xw_worksheet(db, &a->opts, cb, cb_ctx, err);
}

static xw_status emit(cli_ctx *ctx, xw_format format, void *arg,
                      xw_error *err)
{
    worksheet_args *a = arg;
    return cli_run_listing(ctx, format, xw_worksheet_columns(a->opts.ja),
                           xw_worksheet_ncolumns, rows, a, err);
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    cli_listing_opts lo = {0};
    const char *target = NULL, *have_text = NULL, *lang = NULL;
    const cli_option opts[] = {CLI_LISTING_OPTIONS(lo),
                               {"target", 't', &target, NULL},
                               {"have", 0, &have_text, NULL},
                               {"lang", 0, &lang, NULL},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_worksheet, argc, argv, opts, NULL, 0,
                              &npos, err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_worksheet, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    if (!target || !have_text)
        return cli_error(err, "worksheet: --target and --have are required "
                              "(see 'xwalk worksheet --help')");
    if (lang && strcmp(lang, "ja") && strcmp(lang, "en"))
        return cli_error(err, "worksheet: --lang is ja or en, not \"%s\"",
                         lang);
    char *store = NULL;
    const char *have[CLI_MAX_LIST];
    int nhave = 0;
    xw_status s = cli_split_list("have", have_text, &store, have, CLI_MAX_LIST,
                                 &nhave, err);
    worksheet_args a = {{target, have, nhave, lang && !strcmp(lang, "ja")}};
    if (s == XW_OK && lo.format_text && !strcmp(lo.format_text, "xlsx")) {
        if (!lo.output)
            s = cli_error(err, "worksheet: --format xlsx needs -o FILE.xlsx");
        else {
            xw_db *db;
            if ((s = cli_open_read(ctx, &db, err)) == XW_OK) {
                s = xw_worksheet_xlsx(db, &a.opts, lo.output, err);
                xw_close(db);
            }
        }
    } else if (s == XW_OK) {
        if (!lo.format_text)
            lo.format_text = "csv";
        s = cli_emit(ctx, &lo, emit, &a, err);
    }
    free(store);
    return s;
}

const cli_command cli_cmd_worksheet = {
    "worksheet", run, "the self-assessment worksheet for the guideline",
    "usage: xwalk worksheet --target FW --have FW[,FW...] [--lang ja|en]\n"
    "                       [--format csv|xlsx|table|json|md] [-o FILE]\n"
    "\n"
    "A worksheet for preparing a self-declaration of conformity\n"
    "(自己適合宣言): one row per requirement of the target (jp-cip or\n"
    "jp-cip-topics) with its status from the frameworks held, the evidence\n"
    "they give (their control ids and titles), what is left to show, and\n"
    "empty columns for the vendor's answer (conforms, partly, does not, not\n"
    "applicable), its scope (whole company or business unit, subcontractors\n"
    "included or not) and an evidence reference.  --lang ja gives Japanese\n"
    "labels and titles.  CSV by default; xlsx needs -o FILE.xlsx.\n"};
