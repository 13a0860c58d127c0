/*
 * store.c - opening an xwalk database and the small SQLite helpers every
 * module uses.  All SQL that carries user data goes through prepared
 * statements with bound parameters.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

xw_status xw_exec(xw_db *db, const char *sql, xw_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
        xw_status st = xw_fail(err, XW_EDB, "%s: %s", db->path,
                               msg ? msg : sqlite3_errmsg(db->sql));
        sqlite3_free(msg);
        return st;
    }
    return XW_OK;
}

/* SQL function xw_inverse(relationship): the relationship read the other
 * way round, so that queries share the one definition in vocabulary.c. */
static void sql_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    int rel = xw_relationship_parse(text);
    if (rel < 0) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    sqlite3_result_text(ctx,
                        xw_relationship_name(
                            xw_relationship_inverse((xw_relationship)rel)),
                        -1, SQLITE_STATIC);
}

xw_status xw_open(const char *path, int flags, xw_db **out, xw_error *err)
{
    *out = NULL;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (!exists && !(flags & XW_OPEN_CREATE))
        return xw_fail(err, XW_EINPUT,
                       "%s: no such database (run 'xwalk init' to create it)",
                       path);
    if (exists && !S_ISREG(sb.st_mode))
        return xw_fail(err, XW_EINPUT, "%s: not a regular file", path);

    xw_db *db = calloc(1, sizeof *db);
    if (!db)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    snprintf(db->path, sizeof db->path, "%s", path);
    int oflags = (flags & (XW_OPEN_WRITE | XW_OPEN_CREATE))
                     ? SQLITE_OPEN_READWRITE
                     : SQLITE_OPEN_READONLY;
    if (flags & XW_OPEN_CREATE)
        oflags |= SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &db->sql, oflags, NULL) != SQLITE_OK) {
        xw_fail(err, XW_EDB, "%s: cannot open database: %s", path,
                db->sql ? sqlite3_errmsg(db->sql) : "out of memory");
        xw_close(db);
        return XW_EDB;
    }
    sqlite3_extended_result_codes(db->sql, 1);
    sqlite3_busy_timeout(db->sql, 10000);
    sqlite3_create_function(db->sql, "xw_inverse", 1,
                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            sql_inverse, NULL, NULL);

    /* The first read of the file tells whether it is a database at all. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) {
        xw_fail(err, XW_EDB, "%s: %s", path,
                (rc & 0xff) == SQLITE_NOTADB ? "file is not a database"
                                             : sqlite3_errmsg(db->sql));
        xw_close(db);
        return XW_EDB;
    }

    xw_status s = xw_exec(db, "PRAGMA foreign_keys = ON", err);
    if (s == XW_OK && (flags & (XW_OPEN_WRITE | XW_OPEN_CREATE)))
        s = xw_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     /* Large imports touch many index pages: a 64 MiB page
                      * cache keeps them in memory. */
                     " PRAGMA cache_size = -65536",
                 err);
    if (s == XW_OK)
        s = xw_schema_migrate(db, (flags & (XW_OPEN_WRITE | XW_OPEN_CREATE)) != 0,
                              err);
    if (s != XW_OK) {
        xw_close(db);
        return s;
    }
    *out = db;
    return XW_OK;
}

void xw_close(xw_db *db)
{
    if (!db)
        return;
    sqlite3_close_v2(db->sql);
    free(db);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE (taking the write
 * lock at once, so that a concurrent writer waits on the busy timeout
 * instead of failing halfway), the inner ones are savepoints.  That lets
 * one file's import be all or nothing on its own, and a command importing
 * several files make all of them one transaction. */
static xw_status begin(xw_db *db, const char *outermost, xw_error *err)
{
    char sql[64];
    if (db->depth == 0)
        snprintf(sql, sizeof sql, "%s", outermost);
    else
        snprintf(sql, sizeof sql, "SAVEPOINT xw_%d", db->depth);
    xw_status s = xw_exec(db, sql, err);
    if (s == XW_OK)
        db->depth++;
    return s;
}

xw_status xw_begin(xw_db *db, xw_error *err)
{
    return begin(db, "BEGIN IMMEDIATE", err);
}

/* A report's queries share one snapshot: a deferred transaction, which a
 * read-only handle can open too.  Inside another transaction it is a
 * savepoint, so that ending it does not end the outer one. */
xw_status xw_begin_read(xw_db *db, xw_error *err)
{
    return begin(db, "BEGIN", err);
}

xw_status xw_commit(xw_db *db, xw_error *err)
{
    char sql[64];
    if (db->depth <= 0)
        return xw_fail(err, XW_EDB, "commit without a transaction");
    db->depth--;
    if (db->depth == 0)
        snprintf(sql, sizeof sql, "COMMIT");
    else
        snprintf(sql, sizeof sql, "RELEASE xw_%d", db->depth);
    xw_status s = xw_exec(db, sql, err);
    if (s != XW_OK && db->depth == 0)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return s;
}

void xw_rollback(xw_db *db)
{
    char sql[96];
    if (db->depth <= 0)
        return;
    db->depth--;
    if (db->depth == 0) {
        if (!sqlite3_get_autocommit(db->sql))
            sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        return;
    }
    snprintf(sql, sizeof sql, "ROLLBACK TO xw_%d; RELEASE xw_%d", db->depth,
             db->depth);
    sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
}

xw_status xw_transaction_begin(xw_db *db, xw_error *err)
{
    return xw_begin(db, err);
}

xw_status xw_transaction_commit(xw_db *db, xw_error *err)
{
    return xw_commit(db, err);
}

void xw_transaction_rollback(xw_db *db)
{
    xw_rollback(db);
}

xw_status xw_prepare(xw_db *db, const char *sql, sqlite3_stmt **st,
                     xw_error *err)
{
    if (sqlite3_prepare_v2(db->sql, sql, -1, st, NULL) != SQLITE_OK)
        return xw_fail_sql(err, db->sql, "preparing a statement");
    return XW_OK;
}

int xw_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
    if (!s || !*s)
        return sqlite3_bind_null(st, idx);
    /* Callers keep the text alive until the statement has stepped. */
    return sqlite3_bind_text(st, idx, s, -1, SQLITE_STATIC);
}

xw_status xw_step_done(xw_db *db, sqlite3_stmt *st, xw_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return xw_fail_sql(err, db->sql, "writing");
    return XW_OK;
}

xw_status xw_stream_rows(xw_db *db, sqlite3_stmt *st, xw_row_cb cb, void *ctx,
                         xw_error *err)
{
    int n = sqlite3_column_count(st);
    const char **vals = calloc((size_t)n + 1, sizeof *vals);
    if (!vals)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    xw_status s = XW_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            vals[i] = (const char *)sqlite3_column_text(st, i);
        if (cb(ctx, n, vals) != 0) {
            s = xw_fail(err, XW_EIO, "cannot write output");
            break;
        }
    }
    if (s == XW_OK && rc != SQLITE_DONE)
        s = xw_fail_sql(err, db->sql, "reading");
    free(vals);
    sqlite3_reset(st);
    return s;
}
