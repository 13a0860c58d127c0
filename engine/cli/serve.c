/*
 * serve.c - 'xwalk serve': the database, read-only, over HTTP on loopback
 * (libmicrohttpd): a JSON API and one page (web_page.c) for comparing
 * regimes.  Every request opens the database read-only on its own, so
 * requests run side by side and none can write.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

extern const char cli_web_page[];

/* Sends body; mode says whether the response frees it (MUST_FREE) or it
 * outlives the server (PERSISTENT). */
static int send_body(struct MHD_Connection *c, unsigned code, const char *type,
                     const char *body, size_t len,
                     enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)body, mode);
    if (!r) {
        if (mode == MHD_RESPMEM_MUST_FREE)
            free((void *)body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    int ret = MHD_queue_response(c, code, r);
    MHD_destroy_response(r);
    return ret;
}

static int send_error(struct MHD_Connection *c, unsigned code,
                      const char *message)
{
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);
    if (!f)
        return MHD_NO;
    fputs("{\"error\": ", f);
    xw_json_write_string(f, message);
    fputs("}\n", f);
    fclose(f);
    return send_body(c, code, "application/json; charset=utf-8", body, len,
                     MHD_RESPMEM_MUST_FREE);
}

static const char *arg(struct MHD_Connection *c, const char *name)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

/* What a failure means for the client: an unknown name is 404, any other
 * input error 400, the rest 500. */
static unsigned status_of(xw_status s)
{
    return s == XW_ENOTFOUND ? 404 : s == XW_EINPUT ? 400 : 500;
}

typedef struct list_arg {
    char *store;
    const char *items[CLI_MAX_LIST];
    int n;
} list_arg;

static int split(const char *text, list_arg *l, xw_error *err)
{
    return cli_split_list("list", text, &l->store, l->items, CLI_MAX_LIST,
                          &l->n, err) == XW_OK;
}

static xw_status frameworks_rows(xw_db *db, void *a, xw_row_cb cb, void *ctx,
                                 xw_error *err)
{
    (void)a;
    return xw_list_frameworks(db, cb, ctx, err);
}

static xw_status controls_rows(xw_db *db, void *a, xw_row_cb cb, void *ctx,
                               xw_error *err)
{
    return xw_list_controls(db, a, 1, cb, ctx, err);
}

typedef struct search_arg {
    const char *q, *fw;
} search_arg;

static xw_status search_rows(xw_db *db, void *a, xw_row_cb cb, void *ctx,
                             xw_error *err)
{
    search_arg *s = a;
    return xw_search(db, s->q, s->fw, 100, cb, ctx, err);
}

/* Runs one API call with its output in memory; 400 for bad parameters. */
static int api(const cli_ctx *base, struct MHD_Connection *c,
               const char *path)
{
    xw_error err;
    xw_error_clear(&err);
    char *body = NULL;
    size_t len = 0;
    cli_ctx ctx = *base;
    ctx.out = open_memstream(&body, &len);
    if (!ctx.out)
        return MHD_NO;
    xw_format format = XW_FORMAT_JSON;
    const char *fmt = arg(c, "format");
    if (fmt && !strcmp(fmt, "csv"))
        format = XW_FORMAT_CSV;
    else if (fmt && strcmp(fmt, "json")) {
        fclose(ctx.out);
        free(body);
        return send_error(c, 400, "format is json or csv");
    }
    xw_status s = XW_OK;
    list_arg from = {0}, against = {0}, jur = {0};
    const char *missing = NULL;
    int unknown = 0;
    if (!strcmp(path, "frameworks")) {
        s = cli_run_listing(&ctx, format, xw_frameworks_columns,
                            xw_frameworks_ncolumns, frameworks_rows, NULL,
                            &err);
    } else if (!strcmp(path, "controls")) {
        if (!arg(c, "fw"))
            missing = "fw";
        else
            s = cli_run_listing(&ctx, format, xw_controls_columns,
                                xw_controls_ncolumns, controls_rows,
                                (void *)arg(c, "fw"), &err);
    } else if (!strcmp(path, "coverage") || !strcmp(path, "explain")) {
        int explain = path[0] == 'e';
        if (!arg(c, "target"))
            missing = "target";
        else if (!arg(c, "from"))
            missing = "from";
        else if (explain && !arg(c, "id"))
            missing = "id";
        else if (!split(arg(c, "from"), &from, &err))
            s = XW_EINPUT;
        else {
            xw_coverage_opts o = {arg(c, "target"), from.items, from.n,
                                  arg(c, "derived") != NULL, 2, NULL, 0,
                                  {-1, NULL}, NULL};
            s = explain ? cli_explain_report(&ctx, format, &o, arg(c, "id"),
                                             &err)
                        : cli_coverage_report(&ctx, format, &o, &err);
        }
    } else if (!strcmp(path, "matrix")) {
        if (!arg(c, "target"))
            missing = "target";
        else if (!arg(c, "against") && !arg(c, "jurisdiction"))
            missing = "against or jurisdiction";
        else if ((arg(c, "against") && !split(arg(c, "against"), &against,
                                               &err)) ||
                 (arg(c, "jurisdiction") &&
                  !split(arg(c, "jurisdiction"), &jur, &err)))
            s = XW_EINPUT;
        else {
            xw_matrix_opts o = {arg(c, "target"), against.items, against.n,
                                jur.items, jur.n, arg(c, "derived") != NULL,
                                2, NULL, 0, {-1, NULL}};
            s = cli_matrix_report(&ctx, format, &o, &err);
        }
    } else if (!strcmp(path, "compare")) {
        if (!arg(c, "a") || !arg(c, "b"))
            missing = "a and b";
        else
            s = cli_compare_report(&ctx, format, arg(c, "a"), arg(c, "b"),
                                   &err);
    } else if (!strcmp(path, "search")) {
        search_arg sa = {arg(c, "q"), arg(c, "fw")};
        if (!sa.q)
            missing = "q";
        else
            s = cli_run_listing(&ctx, format, xw_search_columns,
                                xw_search_ncolumns, search_rows, &sa, &err);
    } else {
        unknown = 1;
    }
    fclose(ctx.out);
    free(from.store);
    free(against.store);
    free(jur.store);
    if (unknown) {
        free(body);
        return send_error(c, 404, "no such API endpoint");
    }
    if (missing) {
        free(body);
        char msg[128];
        snprintf(msg, sizeof msg, "missing parameter: %s", missing);
        return send_error(c, 400, msg);
    }
    if (s != XW_OK) {
        free(body);
        return send_error(c, status_of(s), err.message);
    }
    return send_body(c, 200,
                     format == XW_FORMAT_CSV ? "text/csv; charset=utf-8"
                                             : "application/json; charset=utf-8",
                     body, len, MHD_RESPMEM_MUST_FREE);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
    (void)version;
    (void)upload;
    (void)upload_size;
    (void)state;
    const cli_ctx *base = cls;
    if (strcmp(method, "GET") && strcmp(method, "HEAD"))
        return (enum MHD_Result)send_error(c, 405,
                                           "read-only: only GET is served");
    if (!strcmp(url, "/") || !strcmp(url, "/index.html"))
        return (enum MHD_Result)send_body(c, 200, "text/html; charset=utf-8",
                                          cli_web_page, strlen(cli_web_page),
                                          MHD_RESPMEM_PERSISTENT);
    if (!strncmp(url, "/api/", 5))
        return (enum MHD_Result)api(base, c, url + 5);
    return (enum MHD_Result)send_error(c, 404, "not found");
}

static xw_status run(int argc, char **argv, cli_ctx *ctx, xw_error *err)
{
    const char *port_text = NULL, *bind = NULL;
    const cli_option opts[] = {{"port", 'p', &port_text, NULL},
                               {"bind", 0, &bind, NULL},
                               {0}};
    int npos;
    int r = cli_parse_options(&cli_cmd_serve, argc, argv, opts, NULL, 0, &npos,
                              err);
    if (r == CLI_HELP) {
        cli_print_help(&cli_cmd_serve, ctx);
        return XW_OK;
    }
    if (r != CLI_PARSED)
        return (xw_status)r;
    int port = 8080;
    xw_status s = cli_int_option("port", port_text, 1, 65535, &port, err);
    if (s != XW_OK)
        return s;
    if (!bind)
        bind = "127.0.0.1";
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, bind, &addr.sin_addr) != 1)
        return cli_error(err, "serve: --bind takes an IPv4 address, not "
                              "\"%s\"",
                         bind);
    cli_ctx base = *ctx;
    base.read_only = 1;
    /* The database must be there and current: serving never migrates. */
    xw_db *db;
    if ((s = cli_open_read(&base, &db, err)) != XW_OK)
        return s;
    xw_close(db);
    /* The search index is brought up to date once, before serving starts,
     * when the file can be written; the schema is current, so this open
     * migrates nothing. */
    if (access(ctx->db_path, W_OK) == 0) {
        if ((s = xw_open(ctx->db_path, XW_OPEN_WRITE, &db, err)) != XW_OK)
            return s;
        s = xw_search_refresh(db, err);
        xw_close(db);
        if (s != XW_OK)
            return s;
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_INTERNAL_THREAD |
            MHD_USE_ERROR_LOG,
        (uint16_t)port, NULL, NULL, handle, &base, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, 8,
        MHD_OPTION_CONNECTION_LIMIT, 1024, MHD_OPTION_CONNECTION_TIMEOUT, 30,
        MHD_OPTION_END);
    if (!d)
        return cli_error(err, "serve: cannot listen on %s:%d", bind, port);
    fprintf(ctx->diag, "xwalk: serving %s read-only on http://%s:%d/\n",
            ctx->db_path, bind, port);
    fflush(ctx->diag);
    /* Until SIGINT or SIGTERM. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    fprintf(ctx->diag, "xwalk: stopped\n");
    return XW_OK;
}

const cli_command cli_cmd_serve = {
    "serve", run, "a web page and JSON API for comparing regimes",
    "usage: xwalk serve [--port 8080] [--bind 127.0.0.1]\n"
    "\n"
    "Serves the database read-only over HTTP: a page with the regime matrix\n"
    "as a heat map, explanations, side-by-side compare and search, and the\n"
    "JSON API behind it (docs/api.md): /api/frameworks, /api/controls?fw=,\n"
    "/api/coverage?target=&from=, /api/matrix?target=&against= (or\n"
    "&jurisdiction=), /api/explain?target=&id=&from=, /api/compare?a=&b=,\n"
    "/api/search?q=.  format=csv gives CSV.  It binds to 127.0.0.1 unless\n"
    "told otherwise, and stops on Ctrl-C.\n"};
