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
    if (r->repeated > 0)
        fprintf(ctx->diag,
                "xwalk: %s: %ld rows repeated word for word were counted "
                "once\n",
                file, r->repeated);
    if (r->conflicting > 0)
        fprintf(ctx->diag,
                "xwalk: %s: warning: %ld rows repeat a pair of the same file "
                "with another relationship; the first row of each was kept "
                "(the first repeat: %s)\n",
                file, r->conflicting, r->first_conflict);
    if (r->unresolved > 0)
        fprintf(ctx->diag,
                "xwalk: %s: %ld rows refer to requirements in no imported "
                "framework and were skipped (the first: %s)\n",
                file, r->unresolved, r->first_unresolved);
    if (r->merged > 0)
        fprintf(ctx->diag,
                "xwalk: %s: %ld rows of the reverse-direction set were "
                "already in the forward set and were counted once\n",
                file, r->merged);
}

void cli_report_dry_run(void *arg, const char *file, const xw_import_result *r)
{
    cli_ctx *ctx = arg;
    const char *unit = r->what[0] == 'f' ? "controls" : "mappings";
    fprintf(ctx->out, "%s\t%s\t%s\t%ld %s\t%s\n",
            r->outcome == XW_IMPORT_UNCHANGED ? "unchanged"
            : r->outcome == XW_IMPORT_REPLACED ? "would replace"
                                                 : "would import",
            r->what, r->id, r->rows, unit, file);
}
