/*
 * test_import.c - the import functions through the public API: outcomes,
 * all-or-nothing failure, and replacing a catalog under its mappings.
 */
#include <string.h>

#include "unit.h"

typedef struct fixture {
    char dir[512];
    char db_path[1024];
    xw_db *db;
} fixture;

static void fixture_open(fixture *f)
{
    unit_tmp_dir(f->dir, sizeof f->dir);
    snprintf(f->db_path, sizeof f->db_path, "%s/x.db", f->dir);
    xw_error err;
    ck_assert_int_eq(xw_open(f->db_path, XW_OPEN_CREATE, &f->db, &err), XW_OK);
}

static void fixture_close(fixture *f)
{
    xw_close(f->db);
    unit_tmp_cleanup(f->dir);
}

static xw_status import_catalog(fixture *f, const char *name,
                                const char *text, const char *id, int flags,
                                xw_import_result *res, xw_error *err)
{
    char path[1200];
    unit_write_file(f->dir, name, text, path, sizeof path);
    xw_framework_meta m = {.id = id, .name = id, .version = "1",
                           .jurisdiction = "JP"};
    xw_error_clear(err);
    return xw_import_catalog_csv(f->db, path, &m, flags, res, err);
}

static xw_status import_crosswalk(fixture *f, const char *text,
                                  xw_import_result *res, xw_error *err)
{
    char path[1200];
    unit_write_file(f->dir, "map.csv", text, path, sizeof path);
    xw_set_meta m = {.source = "src", .target = "dst"};
    xw_error_clear(err);
    return xw_import_crosswalk_csv(f->db, path, &m, 0, res, err);
}

static long count_rows(xw_db *db, const char *sql)
{
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
                     SQLITE_OK);
    long n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        n++;
    sqlite3_finalize(st);
    return n;
}

START_TEST(outcomes)
{
    fixture f;
    fixture_open(&f);
    xw_import_result r;
    xw_error err;
    const char *cat = "id,title\nA,One\nB,Two\n";
    ck_assert_int_eq(import_catalog(&f, "a.csv", cat, "src", 0, &r, &err),
                     XW_OK);
    ck_assert_int_eq(r.outcome, XW_IMPORT_CREATED);
    ck_assert_int_eq(r.rows, 2);
    ck_assert_str_eq(r.id, "src");
    ck_assert_int_eq(import_catalog(&f, "a.csv", cat, "src", 0, &r, &err),
                     XW_OK);
    ck_assert_int_eq(r.outcome, XW_IMPORT_UNCHANGED);
    ck_assert_int_eq(import_catalog(&f, "b.csv", "id,title\nA,One\n", "src", 0,
                                    &r, &err),
                     XW_EINPUT);
    ck_assert_int_eq(import_catalog(&f, "b.csv", "id,title\nA,One\n", "src",
                                    XW_IMPORT_REPLACE, &r, &err),
                     XW_OK);
    ck_assert_int_eq(r.outcome, XW_IMPORT_REPLACED);
    ck_assert_int_eq(unit_query_int(f.db, "SELECT count(*) FROM control"), 1);
    fixture_close(&f);
}
END_TEST

START_TEST(failure_keeps_nothing)
{
    fixture f;
    fixture_open(&f);
    xw_import_result r;
    xw_error err;
    ck_assert_int_eq(import_catalog(&f, "a.csv", "id,title\nA,One\n", "keep",
                                    0, &r, &err),
                     XW_OK);
    /* 500 good rows, then a bad one: none of the 500 may stay. */
    char big[32768] = "id,title\n";
    size_t used = strlen(big);
    for (int i = 0; i < 500; i++)
        used += (size_t)snprintf(big + used, sizeof big - used, "C%d,Row %d\n",
                                 i, i);
    snprintf(big + used, sizeof big - used, "C0,Duplicate\n");
    ck_assert_int_eq(import_catalog(&f, "big.csv", big, "gone", 0, &r, &err),
                     XW_EINPUT);
    ck_assert_int_eq(err.line, 502);
    ck_assert_int_eq(err.column, 1);
    ck_assert(strstr(err.file, "big.csv") != NULL);
    ck_assert_int_eq(unit_query_int(f.db, "SELECT count(*) FROM framework"), 1);
    ck_assert_int_eq(unit_query_int(f.db, "SELECT count(*) FROM control"), 1);
    fixture_close(&f);
}
END_TEST

START_TEST(replace_keeps_mappings_of_surviving_controls)
{
    fixture f;
    fixture_open(&f);
    xw_import_result r;
    xw_error err;
    ck_assert_int_eq(import_catalog(&f, "s.csv", "id,title\nS1,S one\n", "src",
                                    0, &r, &err),
                     XW_OK);
    ck_assert_int_eq(import_catalog(&f, "d.csv", "id,title\nD1,D one\nD2,D2\n",
                                    "dst", 0, &r, &err),
                     XW_OK);
    ck_assert_int_eq(import_crosswalk(&f, "source,relationship,target\n"
                                          "S1,subset-of,D1\n",
                                      &r, &err),
                     XW_OK);
    /* D1 keeps its id (with a new title), D2 goes, D3 comes. */
    ck_assert_int_eq(import_catalog(&f, "d2.csv",
                                    "id,title\nD3,New\nD1,Renamed\n", "dst",
                                    XW_IMPORT_REPLACE, &r, &err),
                     XW_OK);
    ck_assert_int_eq(
        unit_query_int(f.db, "SELECT count(*) FROM mapping m JOIN control c "
                             "ON c.cid = m.target WHERE c.id = 'D1' AND "
                             "c.title = 'Renamed'"),
        1);
    ck_assert_int_eq(unit_query_int(f.db, "SELECT count(*) FROM control "
                                          "WHERE framework = 'dst'"),
                     2);
    ck_assert_int_eq(unit_query_int(f.db, "SELECT ordinal FROM control "
                                          "WHERE id = 'D1'"),
                     1);
    ck_assert_int_eq(count_rows(f.db, "PRAGMA foreign_key_check"), 0);
    fixture_close(&f);
}
END_TEST

START_TEST(mapping_errors_name_the_field)
{
    fixture f;
    fixture_open(&f);
    xw_import_result r;
    xw_error err;
    ck_assert_int_eq(import_catalog(&f, "s.csv", "id,title\nS1,S one\n", "src",
                                    0, &r, &err),
                     XW_OK);
    ck_assert_int_eq(import_catalog(&f, "d.csv", "id,title\nD1,D one\n", "dst",
                                    0, &r, &err),
                     XW_OK);
    ck_assert_int_eq(import_crosswalk(&f, "note,target,source,relationship\n"
                                          "x,D1,S1,equal\n"
                                          "y,D1,S1,partial\n",
                                      &r, &err),
                     XW_EINPUT);
    ck_assert_int_eq(err.field, XW_FIELD_RELATIONSHIP);
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 4);
    ck_assert_int_eq(count_rows(f.db, "SELECT * FROM mapping"), 0);
    ck_assert_int_eq(count_rows(f.db, "SELECT * FROM mapping_set"), 0);
    fixture_close(&f);
}
END_TEST

Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("import");
    tcase_add_test(tc, outcomes);
    tcase_add_test(tc, failure_keeps_nothing);
    tcase_add_test(tc, replace_keeps_mappings_of_surviving_controls);
    tcase_add_test(tc, mapping_errors_name_the_field);
    suite_add_tcase(s, tc);
    return s;
}
