/*
 * report.c - the one-line note a command prints to stderr for each file it
 * imported.
 */
#include "cli.h"

void cli_report_import(void *arg, const char *file, const xw_import_result *r)
{
    cli_ctx *ctx = arg;
    const char *unit = r->what[0] == 'f' ? "controls" : "mappings";
    switch (r->outcome) {
    case XW_IMPORT_UNCHANGED:
        fprintf(ctx->diag,
                "xwalk: %s: %s %s unchanged (this file is already imported)\n",
                file, r->what, r->id);
        break;
    case XW_IMPORT_REPLACED:
        fprintf(ctx->diag, "xwalk: %s: %s %s replaced: %ld %s\n", file,
                r->what, r->id, r->rows, unit);
        break;
    case XW_IMPORT_CREATED:
        fprintf(ctx->diag, "xwalk: %s: %s %s imported: %ld %s\n", file,
                r->what, r->id, r->rows, unit);
        break;
    }
}
