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

/* An xw_import_cb (ctx is the cli_ctx) that notes each imported file on
 * ctx->diag. */
void cli_report_import(void *ctx, const char *file, const xw_import_result *r);

/* The commands (one file each). */
extern const cli_command cli_cmd_init;
extern const cli_command cli_cmd_import;
extern const cli_command cli_cmd_frameworks;
extern const cli_command cli_cmd_controls;
extern const cli_command cli_cmd_show;
extern const cli_command cli_cmd_sets;

#endif
