/*
 * unit.h - the suites of the unit-test program, and small helpers shared
 * by them.
 */
#ifndef XW_UNIT_H
#define XW_UNIT_H

#include <check.h>

#include "internal.h"

Suite *sha256_suite(void);
Suite *utf8_suite(void);
Suite *vocabulary_suite(void);
Suite *csv_reader_suite(void);
Suite *store_suite(void);
Suite *import_suite(void);
Suite *writer_suite(void);
Suite *algebra_suite(void);
Suite *coverage_suite(void);

/* A fresh temporary directory for one test; removed by unit_tmp_cleanup. */
void unit_tmp_dir(char *buf, size_t size);
void unit_tmp_cleanup(const char *dir);
/* Writes text to dir/name and returns the path in buf. */
const char *unit_write_file(const char *dir, const char *name,
                            const char *text, char *buf, size_t size);
/* Runs one SQL query returning a single integer. */
long unit_query_int(xw_db *db, const char *sql);

#endif
