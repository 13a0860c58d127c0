/*
 * test_store.c - opening databases: creation, the schema version, refusing
 * what is not ours, read-only handles.
 */
#include <string.h>

#include "unit.h"

START_TEST(create_sets_version_and_pragmas)
{
    char dir[512], path[1024];
    unit_tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/x.db", dir);
    xw_db *db;
    xw_error err;
    ck_assert_int_eq(xw_open(path, XW_OPEN_CREATE, &db, &err), XW_OK);
    ck_assert_int_eq(unit_query_int(db, "PRAGMA user_version"),
                     xw_schema_version());
    ck_assert_int_eq(unit_query_int(db, "PRAGMA foreign_keys"), 1);
    ck_assert_int_eq(
        unit_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
                           "type = 'table' AND name IN ('framework','control',"
                           "'mapping_set','mapping')"),
        4);
    xw_close(db);
    /* Opening again neither fails nor migrates twice. */
    ck_assert_int_eq(xw_open(path, XW_OPEN_WRITE, &db, &err), XW_OK);
    ck_assert_int_eq(unit_query_int(db, "PRAGMA user_version"),
                     xw_schema_version());
    xw_close(db);
    unit_tmp_cleanup(dir);
}
END_TEST

START_TEST(missing_database_is_not_created_by_readers)
{
    char dir[512], path[1024];
    unit_tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/none.db", dir);
    xw_db *db = NULL;
    xw_error err;
    ck_assert_int_eq(xw_open(path, XW_OPEN_READONLY, &db, &err), XW_EINPUT);
    ck_assert_ptr_null(db);
    ck_assert(strstr(err.message, "no such database") != NULL);
    ck_assert_int_eq(xw_open(path, XW_OPEN_WRITE, &db, &err), XW_EINPUT);
    unit_tmp_cleanup(dir);
}
END_TEST

START_TEST(not_a_database)
{
    char dir[512], path[1024];
    unit_tmp_dir(dir, sizeof dir);
    unit_write_file(dir, "junk.db", "hello, I am text and not a database\n",
                    path, sizeof path);
    xw_db *db = NULL;
    xw_error err;
    ck_assert_int_eq(xw_open(path, XW_OPEN_WRITE, &db, &err), XW_EDB);
    ck_assert(strstr(err.message, "file is not a database") != NULL);
    unit_tmp_cleanup(dir);
}
END_TEST

START_TEST(newer_schema_is_refused)
{
    char dir[512], path[1024];
    unit_tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/x.db", dir);
    xw_db *db;
    xw_error err;
    ck_assert_int_eq(xw_open(path, XW_OPEN_CREATE, &db, &err), XW_OK);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
             xw_schema_version() + 1);
    ck_assert_int_eq(sqlite3_exec(db->sql, sql, NULL, NULL, NULL), SQLITE_OK);
    xw_close(db);
    ck_assert_int_eq(xw_open(path, XW_OPEN_WRITE, &db, &err), XW_EDB);
    ck_assert(strstr(err.message, "newer than this xwalk") != NULL);
    unit_tmp_cleanup(dir);
}
END_TEST

START_TEST(readonly_handle_does_not_migrate)
{
    char dir[512], path[1024];
    unit_tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/empty.db", dir);
    /* An empty SQLite file: version 0, nothing in it. */
    sqlite3 *raw;
    ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(raw, "PRAGMA user_version = 0", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    xw_db *db;
    xw_error err;
    ck_assert_int_eq(xw_open(path, XW_OPEN_READONLY, &db, &err), XW_EDB);
    ck_assert(strstr(err.message, "must be migrated") != NULL);
    ck_assert_int_eq(xw_open(path, XW_OPEN_WRITE, &db, &err), XW_OK);
    ck_assert_int_eq(unit_query_int(db, "PRAGMA user_version"),
                     xw_schema_version());
    xw_close(db);
    unit_tmp_cleanup(dir);
}
END_TEST

static int count_row(void *ctx, int n, const char *const *values)
{
    (void)n;
    (void)values;
    ++*(int *)ctx;
    return 0;
}

/* Imports only mark the search index stale; a writable handle rebuilds it
 * on the first search, a read-only one scans and leaves it stale. */
START_TEST(search_index_is_built_by_the_first_writable_search)
{
    char dir[512], path[1024], csv[1200];
    unit_tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/x.db", dir);
    unit_write_file(dir, "c.csv", "id,title\nA1,Patch promptly\n", csv,
                    sizeof csv);
    xw_db *db;
    xw_error err;
    xw_import_result res;
    xw_framework_meta m = {.id = "fw", .name = "fw", .version = "1",
                           .jurisdiction = "JP"};
    ck_assert_int_eq(xw_open(path, XW_OPEN_CREATE, &db, &err), XW_OK);
    ck_assert_int_eq(xw_import_catalog_csv(db, csv, &m, 0, &res, &err), XW_OK);
    ck_assert_int_eq(unit_query_int(db, "SELECT stale FROM search_index"), 1);
    xw_close(db);

    int found = 0;
    ck_assert_int_eq(xw_open(path, XW_OPEN_READONLY, &db, &err), XW_OK);
    ck_assert_int_eq(xw_search(db, "promptly", NULL, 0, count_row, &found,
                               &err),
                     XW_OK);
    ck_assert_int_eq(found, 1);
    ck_assert_int_eq(unit_query_int(db, "SELECT stale FROM search_index"), 1);
    xw_close(db);

    found = 0;
    ck_assert_int_eq(xw_open(path, XW_OPEN_WRITE, &db, &err), XW_OK);
    ck_assert_int_eq(xw_search(db, "promptly", NULL, 0, count_row, &found,
                               &err),
                     XW_OK);
    ck_assert_int_eq(found, 1);
    ck_assert_int_eq(unit_query_int(db, "SELECT stale FROM search_index"), 0);
    /* The rebuilt index answers by itself: the same count through FTS. */
    ck_assert_int_eq(unit_query_int(db, "SELECT count(*) FROM control_fts "
                                        "WHERE control_fts MATCH 'promptly'"),
                     1);
    xw_close(db);
    unit_tmp_cleanup(dir);
}
END_TEST

Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("store");
    tcase_add_test(tc, create_sets_version_and_pragmas);
    tcase_add_test(tc, missing_database_is_not_created_by_readers);
    tcase_add_test(tc, not_a_database);
    tcase_add_test(tc, newer_schema_is_refused);
    tcase_add_test(tc, readonly_handle_does_not_migrate);
    tcase_add_test(tc, search_index_is_built_by_the_first_writable_search);
    suite_add_tcase(s, tc);
    return s;
}
