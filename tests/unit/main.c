/*
 * main.c - runs every unit-test suite with check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

void unit_tmp_dir(char *buf, size_t size)
{
    const char *base = getenv("TMPDIR");
    snprintf(buf, size, "%s/xwalk-unit.XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(buf));
}

void unit_tmp_cleanup(const char *dir)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

const char *unit_write_file(const char *dir, const char *name,
                            const char *text, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", dir, name);
    FILE *f = fopen(buf, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
    return buf;
}

long unit_query_int(xw_db *db, const char *sql)
{
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int main(void)
{
    SRunner *sr = srunner_create(sha256_suite());
    srunner_add_suite(sr, utf8_suite());
    srunner_add_suite(sr, vocabulary_suite());
    srunner_add_suite(sr, csv_reader_suite());
    srunner_add_suite(sr, store_suite());
    srunner_add_suite(sr, import_suite());
    srunner_add_suite(sr, writer_suite());
    srunner_add_suite(sr, algebra_suite());
    srunner_add_suite(sr, coverage_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
