/*
 * test_writer.c - table, CSV and JSON output of the listing writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static const xw_column cols[] = {{"id", XW_COL_TEXT}, {"n", XW_COL_INT},
                                 {"text", XW_COL_TEXT}};

/* Writes the rows in format and returns the output (caller frees). */
static char *render(xw_format format, const char *const rows[][3], int nrows)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(out);
    xw_writer *w;
    xw_error err;
    ck_assert_int_eq(xw_writer_open(out, format, cols, 3, &w, &err), XW_OK);
    for (int i = 0; i < nrows; i++)
        ck_assert_int_eq(xw_writer_row(w, 3, rows[i]), 0);
    ck_assert_int_eq(xw_writer_close(w, &err), XW_OK);
    fclose(out);
    return buf;
}

START_TEST(csv_quotes_only_when_needed)
{
    const char *rows[][3] = {{"a", "1", "plain"},
                             {"b", NULL, "with, comma"},
                             {"c", "3", "say \"hi\""},
                             {"d", "4", "two\nlines"}};
    char *out = render(XW_FORMAT_CSV, rows, 4);
    ck_assert_str_eq(out, "id,n,text\n"
                          "a,1,plain\n"
                          "b,,\"with, comma\"\n"
                          "c,3,\"say \"\"hi\"\"\"\n"
                          "d,4,\"two\nlines\"\n");
    free(out);
}
END_TEST

START_TEST(json_types_and_escapes)
{
    const char *rows[][3] = {{"a", "12", "tab\there \"q\" \\ \x01"},
                             {"日本", NULL, NULL},
                             {"c", "not a number", "x"}};
    char *out = render(XW_FORMAT_JSON, rows, 3);
    ck_assert_str_eq(
        out, "[\n"
             "  {\"id\": \"a\", \"n\": 12, \"text\": \"tab\\there \\\"q\\\" "
             "\\\\ \\u0001\"},\n"
             "  {\"id\": \"日本\", \"n\": null, \"text\": null},\n"
             "  {\"id\": \"c\", \"n\": \"not a number\", \"text\": \"x\"}\n"
             "]\n");
    free(out);
    char *empty = render(XW_FORMAT_JSON, rows, 0);
    ck_assert_str_eq(empty, "[]\n");
    free(empty);
}
END_TEST

START_TEST(table_aligns_by_display_width)
{
    const char *rows[][3] = {{"日本", "5", "x"}, {"abc", "100", ""}};
    char *out = render(XW_FORMAT_TABLE, rows, 2);
    ck_assert_str_eq(out, "id    n    text\n"
                          "----  ---  ----\n"
                          "日本    5  x\n"
                          "abc   100\n");
    free(out);
}
END_TEST

START_TEST(table_cuts_long_cells)
{
    char long_text[200];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    const char *rows[][3] = {{"a", "1", long_text}};
    char *out = render(XW_FORMAT_TABLE, rows, 1);
    char *last = strrchr(out, '\n');
    *last = '\0';
    last = strrchr(out, '\n') + 1;
    /* "a   1  " (id is padded to its header's width) then 59 x and an
     * ellipsis: 60 cells of text. */
    ck_assert_uint_eq(xw_display_width(last), 7 + 60);
    ck_assert(strstr(last, "\xE2\x80\xA6") != NULL);
    free(out);
}
END_TEST

Suite *writer_suite(void)
{
    Suite *s = suite_create("writer");
    TCase *tc = tcase_create("writer");
    tcase_add_test(tc, csv_quotes_only_when_needed);
    tcase_add_test(tc, json_types_and_escapes);
    tcase_add_test(tc, table_aligns_by_display_width);
    tcase_add_test(tc, table_cuts_long_cells);
    suite_add_tcase(s, tc);
    return s;
}
