/*
 * export.c - 'xwalk export': every report as a batch of CSV files with a
 * manifest, or as one XLSX workbook.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    const char *out_dir = NULL, *out_file = NULL, *format = NULL,
               *target_text = NULL, *from_text = NULL, *jur_text = NULL;
    int excel = 0, raw = 0;
    const cli_option opts[] = {{"out", 0, &out_dir, NULL},
                               {"output", 'o', &out_file, NULL},
                               {"format", 'f', &format, NULL},
                               {"target", 't', &target_text, NULL},
                               {"from", 0, &from_text, NULL},
                               {"jurisdiction", 0, &jur_text, NULL},
                               {"excel", 0, NULL, &excel},
                               {"raw", 0, NULL, &raw},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_export, argc, argv, opts, NULL, 0, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_export, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    xw_export_opts o = {0};
    o.epoch = -1;
    if (format && strcmp(format, "csv") && strcmp(format, "xlsx"))
        return cli_error(err, "export: --format is csv or xlsx, not \"%s\"",
                         format);
    o.xlsx = format && !strcmp(format, "xlsx");
    if (o.xlsx && !out_file)
        return cli_error(err, "export: --format xlsx writes one workbook: "
                              "name it with -o FILE.xlsx");
    if (!o.xlsx && !out_dir)
        return cli_error(err, "export: name a new directory with --out DIR "
                              "(or --format xlsx -o FILE.xlsx)");
    o.out = o.xlsx ? out_file : out_dir;
    o.excel = excel;
    o.raw = raw;
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end || v < 0)
            return cli_error(err, "SOURCE_DATE_EPOCH must be a number of "
                                  "seconds, not \"%s\"",
                             epoch);
        o.epoch = v;
    }
    char *stores[3] = {NULL, NULL, NULL};
    const char *targets[CLI_MAX_LIST], *from[CLI_MAX_LIST],
        *jur[CLI_MAX_LIST];
    int nt = 0, nf = 0, nj = 0;
    xw_status s = XW_OK;
    if (target_text)
        s = cli_split_list("target", target_text, &stores[0], targets,
                           CLI_MAX_LIST, &nt, err);
    if (s == XW_OK && from_text)
        s = cli_split_list("from", from_text, &stores[1], from, CLI_MAX_LIST,
                           &nf, err);
    if (s == XW_OK && jur_text)
        s = cli_split_list("jurisdiction", jur_text, &stores[2], jur,
                           CLI_MAX_LIST, &nj, err);
    if (s == XW_OK) {
        o.targets = nt ? targets : NULL;
        o.ntargets = nt;
        o.from = nf ? from : NULL;
        o.nfrom = nf;
        o.jurisdictions = nj ? jur : NULL;
        o.njurisdictions = nj;
        xw_db *db;
        if ((s = cli_open_read(ctx, &db, err)) == XW_OK) {
            s = xw_export(db, &o, err);
            xw_close(db);
        }
        if (s == XW_OK)
            fprintf(ctx->diag, "xwalk: exported to %s\n", o.out);
    }
    for (int i = 0; i < 3; i++)
        free(stores[i]);
    return s;
}

const cli_command cli_cmd_export = {
    "export", run, "every report as CSV files with a manifest, or a workbook",
    "usage: xwalk export --out DIR [--target FW,...] [--from FW,...]\n"
    "                    [--jurisdiction CC,...] [--excel] [--raw]\n"
    "       xwalk export --format xlsx -o FILE.xlsx [--target ...] [--from ...]\n"
    "\n"
    "Writes every report: frameworks, sets, each catalog (catalog-FW), each\n"
    "mapping set in the crosswalk format (mappings-SET), and for each target\n"
    "(--target, else every framework some set maps to) its coverage by all\n"
    "the sources and by each (coverage-T, coverage-T-by-S), its matrix\n"
    "(matrix-T), its gaps (gaps-T) and the likely candidates through pivots\n"
    "(derived-S-to-T).  The sources are --from, else the frameworks of\n"
    "--jurisdiction, else every framework with a set to or from the target.\n"
    "\n"
    "CSV: DIR must be new or empty; it gets the files and MANIFEST.csv\n"
    "(file, rows, sha256, generated_at, db_fingerprint, xwalk_version), and\n"
    "appears only when the export succeeded.  The same database gives the\n"
    "same data files; generated_at is the time, or SOURCE_DATE_EPOCH.\n"
    "A cell starting with = + - @, a tab or a carriage return is prefixed\n"
    "with ' so that a spreadsheet shows it as text (OWASP's advice against\n"
    "CSV injection); --raw keeps cells as they are.  --excel adds a UTF-8\n"
    "byte-order mark and CRLF line ends, so that Excel opens Japanese text.\n"
    "\n"
    "XLSX: one sheet per report, the header row frozen and filtered, status\n"
    "cells coloured.\n"};
