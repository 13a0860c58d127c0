/*
 * cli.h - what the command files of the xwalk tool share: the context a
 * command runs in, and option parsing.  Commands parse their options, call
 * the library, and write data to ctx->out; they return an xw_status and
 * leave error reporting to main().
 */
#ifndef XW_CLI_H
#define XW_CLI_H

#include <stdio.h>

#include "xwalk.h"

typedef struct cli_ctx {
    const char *db_path;  /* --db, $XWALK_DB, or ./xwalk.db */
    const char *data_dir; /* bundled content: $XWALK_DATA or beside the binary */
    FILE *out;            /* data */
    FILE *diag;           /* progress and notes */
    int read_only;        /* never open the database for writing (serve) */
} cli_ctx;

typedef xw_status (*cli_command_fn)(int argc, char **argv, cli_ctx *ctx,
                                    xw_error *err);

typedef struct cli_command {
    const char *name;
    cli_command_fn run;
    const char *summary;
    const char *usage; /* full help text */
} cli_command;

/* One option a command accepts: "--name VALUE" (or --name=VALUE) when value
 * is set, a flag "--name" when flag is set.  short_name is optional. */
typedef struct cli_option {
    const char *name;
    char short_name;
    const char **value;
    int *flag;
} cli_option;

enum { CLI_PARSED = 0, CLI_HELP = -1 };

/* Parses argv[1..argc) (argv[0] is the command name).  Words that are not
 * options go to positional (at most max_positional).  Returns CLI_PARSED,
 * CLI_HELP when --help or -h was given, or an error status in err. */
int cli_parse_options(const cli_command *cmd, int argc, char **argv,
                      const cli_option *opts, const char **positional,
                      int max_positional, int *npositional, xw_error *err);

/* A usage or argument error (XW_EINPUT) with a printf-style message. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
xw_status cli_error(xw_error *err, const char *fmt, ...);
/* The same for an id the database does not hold (XW_ENOTFOUND). */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
xw_status cli_not_found(xw_error *err, const char *fmt, ...);

/* Splits "a,b,c" into at most max items (pointers into a copy kept in
 * store, which the caller frees).  Empty items are an error. */
xw_status cli_split_list(const char *option, const char *text, char **store,
                         const char **items, int max, int *n, xw_error *err);

/* Parses a whole number option into *out (unchanged when text is NULL). */
xw_status cli_int_option(const char *option, const char *text, long lo,
                         long hi, int *out, xw_error *err);

/* Parses --format; table when text is NULL. */
xw_status cli_format(const char *text, xw_format *format, xw_error *err);

/* A library listing call, with its own arguments in arg. */
typedef xw_status (*cli_listing_fn)(xw_db *db, void *arg, xw_row_cb cb,
                                    void *cb_ctx, xw_error *err);

/* Opens the database read-only and writes one listing to ctx->out in the
 * given format. */
xw_status cli_run_listing(cli_ctx *ctx, xw_format format,
                          const xw_column *cols, int ncols, cli_listing_fn fn,
                          void *arg, xw_error *err);

/* Opens the database read-only. */
xw_status cli_open_read(cli_ctx *ctx, xw_db **db, xw_error *err);

/* Prints a command's help text to ctx->out. */
void cli_print_help(const cli_command *cmd, cli_ctx *ctx);

/* -o FILE: data goes to a temporary file renamed to FILE on success. */
typedef struct cli_output {
    char final[4096], tmp[4096];
    FILE *file;
    FILE *saved;
} cli_output;
xw_status cli_output_begin(cli_ctx *ctx, const char *path, cli_output *o,
                           xw_error *err);
/* Restores ctx->out; keeps the file only when status is OK or FINDINGS.
 * Returns status, or a write error. */
xw_status cli_output_end(cli_ctx *ctx, cli_output *o, xw_status status,
                         xw_error *err);

/* The options every listing command shares: --format and -o. */
typedef struct cli_listing_opts {
    const char *format_text;
    const char *output;
    xw_format format;
} cli_listing_opts;
#define CLI_LISTING_OPTIONS(o)                                                 \
    {"format", 'f', &(o).format_text, NULL}, {"output", 'o', &(o).output, NULL}
#define CLI_LISTING_USAGE                                                      \
    "  --format F   table (default), csv, json or md\n"                        \
    "  -o FILE      write to FILE (replaced only when the command succeeds)\n"

/* Runs fn with its output sent where the listing options say. */
typedef xw_status (*cli_emit_fn)(cli_ctx *ctx, xw_format format, void *arg,
                                 xw_error *err);
xw_status cli_emit(cli_ctx *ctx, cli_listing_opts *lo, cli_emit_fn fn,
                   void *arg, xw_error *err);

#define CLI_MAX_LIST 64

/* Options shared by the queries (query_opts.c). */
typedef struct cli_query_opts {
    const char *max_hops_text, *min_strength_text, *rationale_text,
        *via_text;
    int derived;
    int max_hops;
    xw_row_filter filter;
    char *via_store;
    const char *via[CLI_MAX_LIST];
    int nvia;
} cli_query_opts;
#define CLI_QUERY_OPTIONS(q)                                                   \
    {"derived", 0, NULL, &(q).derived},                                        \
        {"max-hops", 0, &(q).max_hops_text, NULL},                             \
        {"min-strength", 0, &(q).min_strength_text, NULL},                     \
        {"rationale", 0, &(q).rationale_text, NULL},                           \
        {"via", 0, &(q).via_text, NULL}
#define CLI_QUERY_USAGE                                                        \
    "  --derived          also compose mappings through pivot frameworks\n"   \
    "  --max-hops N       mappings per derived path, 2 (default) to 8\n"       \
    "  --via FW,...       pivot frameworks a derived path may pass through\n"  \
    "  --min-strength N   use only rows of strength N (0-10) or more\n"        \
    "  --rationale R      use only rows with rationale R (syntactic,\n"        \
    "                     semantic or functional)\n"
/* Checks and converts the texts; fills defaults. */
xw_status cli_query_opts_finish(cli_query_opts *q, xw_error *err);
void cli_query_opts_free(cli_query_opts *q);

/* Opens the database, computes a coverage and closes the database. */
xw_status cli_coverage_load(cli_ctx *ctx, const xw_coverage_opts *opts,
                            xw_coverage **out, xw_error *err);
/* Writes a coverage result (report_writer.c); with summary, the tallies by
 * status and section follow (table, md) or are added (json). */
xw_status cli_write_coverage(cli_ctx *ctx, xw_format format,
                             const xw_coverage *c, int summary, xw_error *err);

/* The reports behind the commands, for other front ends (serve.c). */
xw_status cli_matrix_report(cli_ctx *ctx, xw_format format,
                            const xw_matrix_opts *opts, xw_error *err);
xw_status cli_explain_report(cli_ctx *ctx, xw_format format,
                             const xw_coverage_opts *opts, const char *id,
                             xw_error *err);
xw_status cli_coverage_report(cli_ctx *ctx, xw_format format,
                              const xw_coverage_opts *opts, xw_error *err);
xw_status cli_compare_report(cli_ctx *ctx, xw_format format, const char *a,
                             const char *b, xw_error *err);

/* An xw_import_cb (ctx is the cli_ctx) that notes each imported file on
 * ctx->diag. */
void cli_report_import(void *ctx, const char *file, const xw_import_result *r);
/* The same for a dry run, as a line of data on ctx->out: outcome, kind, id,
 * rows, file, separated by tabs. */
void cli_report_dry_run(void *ctx, const char *file, const xw_import_result *r);

/* The commands (one file each). */
extern const cli_command cli_cmd_coverage;
extern const cli_command cli_cmd_matrix;
extern const cli_command cli_cmd_compare;
extern const cli_command cli_cmd_derive;
extern const cli_command cli_cmd_explain;
extern const cli_command cli_cmd_algebra;
extern const cli_command cli_cmd_lint;
extern const cli_command cli_cmd_export_oscal;
extern const cli_command cli_cmd_export;
extern const cli_command cli_cmd_worksheet;
extern const cli_command cli_cmd_phases;
extern const cli_command cli_cmd_search;
extern const cli_command cli_cmd_serve;
extern const cli_command cli_cmd_init;
extern const cli_command cli_cmd_import;
extern const cli_command cli_cmd_frameworks;
extern const cli_command cli_cmd_controls;
extern const cli_command cli_cmd_show;
extern const cli_command cli_cmd_sets;

#endif
