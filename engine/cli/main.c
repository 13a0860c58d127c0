/*
 * main.c - the xwalk command-line tool: global options, the command table,
 * and the one place that prints errors and chooses the exit status.
 *
 * Exit status: 0 all went well, 1 a check found problems, 2 a usage or
 * input error (and any other failure).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const cli_command *const commands[] = {
    &cli_cmd_init,     &cli_cmd_import,   &cli_cmd_frameworks,
    &cli_cmd_controls, &cli_cmd_show,     &cli_cmd_sets,
    &cli_cmd_coverage, &cli_cmd_matrix,   &cli_cmd_compare,
    &cli_cmd_derive,   &cli_cmd_explain,  &cli_cmd_algebra,
    &cli_cmd_lint,     &cli_cmd_export,   &cli_cmd_export_oscal,
    &cli_cmd_worksheet, &cli_cmd_phases,   &cli_cmd_search,
    &cli_cmd_serve,
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *out)
{
    fputs("usage: xwalk [--db FILE] COMMAND [ARGS...]\n"
          "\n"
          "Cross-walks between national cybersecurity standards.\n"
          "\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\n"
          "The database is FILE, else $XWALK_DB, else ./xwalk.db.\n"
          "'xwalk COMMAND --help' describes a command.\n",
          out);
}

static int is_dir_with(const char *dir, const char *file)
{
    char path[PATH_MAX + 64];
    struct stat sb;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The bundled data: $XWALK_DATA, else mappings/ beside the binary (a build
 * tree), else ../share/xwalk/mappings from the binary (an install). */
static const char *find_data_dir(char *buf, size_t size)
{
    const char *env = getenv("XWALK_DATA");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    snprintf(buf, size, "%s/mappings", exe);
    if (is_dir_with(buf, "frameworks.csv"))
        return buf;
    snprintf(buf, size, "%s/../share/xwalk/mappings", exe);
    if (is_dir_with(buf, "frameworks.csv"))
        return buf;
    return NULL;
}

static int exit_code(xw_status s)
{
    return s == XW_OK ? 0 : s == XW_FINDINGS ? 1 : 2;
}

int main(int argc, char **argv)
{
    char data_buf[PATH_MAX + 64];
    cli_ctx ctx = {NULL, NULL, stdout, stderr, 0};
    const char *env_db = getenv("XWALK_DB");
    ctx.db_path = env_db && *env_db ? env_db : "xwalk.db";

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("xwalk %s (schema %d)\n", XWALK_VERSION,
                   xw_schema_version());
            return 0;
        }
        if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            ctx.db_path = argv[++i];
        } else if (!strncmp(argv[i], "--db=", 5)) {
            ctx.db_path = argv[i] + 5;
        } else {
            fprintf(stderr, "xwalk: unknown option \"%s\"\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return 2;
    }
    const cli_command *cmd = NULL;
    for (size_t k = 0; k < NCOMMANDS; k++)
        if (!strcmp(argv[i], commands[k]->name))
            cmd = commands[k];
    if (!cmd) {
        fprintf(stderr, "xwalk: unknown command \"%s\" (see 'xwalk --help')\n",
                argv[i]);
        return 2;
    }
    ctx.data_dir = find_data_dir(data_buf, sizeof data_buf);

    xw_error err;
    xw_error_clear(&err);
    xw_status s = cmd->run(argc - i, argv + i, &ctx, &err);
    if (fflush(stdout) != 0 && s == XW_OK) {
        fputs("xwalk: cannot write output\n", stderr);
        return 2;
    }
    if (s != XW_OK && s != XW_FINDINGS) {
        char msg[2048];
        xw_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "xwalk: %s\n", msg);
    }
    return exit_code(s);
}
