/*
 * test_csv_reader.c - records, fields and the lines they start on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* Collects "line:field_line|value;..." per record into one string. */
typedef struct collected {
    char text[2048];
    int records;
} collected;

static xw_status collect(void *ctx, const xw_csv_record *rec, xw_error *err)
{
    (void)err;
    collected *c = ctx;
    size_t used = strlen(c->text);
    used += (size_t)snprintf(c->text + used, sizeof c->text - used, "%ld[",
                             rec->line);
    for (int i = 0; i < rec->nfields; i++)
        used += (size_t)snprintf(c->text + used, sizeof c->text - used,
                                 "%s%ld:%s", i ? "|" : "", rec->field_lines[i],
                                 rec->fields[i]);
    snprintf(c->text + used, sizeof c->text - used, "]");
    c->records++;
    return XW_OK;
}

static xw_status parse(const char *data, collected *c, xw_error *err)
{
    memset(c, 0, sizeof *c);
    xw_error_clear(err);
    return xw_csv_parse("t.csv", data, strlen(data), collect, c, err);
}

START_TEST(lines_of_records_and_fields)
{
    collected c;
    xw_error err;
    ck_assert_int_eq(parse("a,b\n\n1,\"x\ny\",z\n2,,\n", &c, &err), XW_OK);
    ck_assert_str_eq(c.text, "1[1:a|1:b]3[3:1|3:x\ny|4:z]5[5:2|5:|5:]");
}
END_TEST

START_TEST(bom_and_crlf)
{
    collected c;
    xw_error err;
    ck_assert_int_eq(parse("\xEF\xBB\xBFid,t\r\n1,\"a\r\nb\"\r\n2,c", &c, &err),
                     XW_OK);
    ck_assert_str_eq(c.text, "1[1:id|1:t]2[2:1|2:a\r\nb]4[4:2|4:c]");
}
END_TEST

START_TEST(doubled_quotes)
{
    collected c;
    xw_error err;
    ck_assert_int_eq(parse("\"say \"\"hi\"\"\",x\n", &c, &err), XW_OK);
    ck_assert_str_eq(c.text, "1[1:say \"hi\"|1:x]");
}
END_TEST

START_TEST(errors_have_locations)
{
    static const struct {
        const char *data;
        long line, column;
        const char *start_of_message;
    } cases[] = {
        {"a,b\n1,\"open\n2,3\n", 2, 2, "unterminated quoted field"},
        {"a,b\n1,x\"y\n", 2, 2, "malformed quoting"},
        {"a,b\n1,\"x\"y\n", 2, 2, "malformed quoting"},
        {"a,b\n1,\xC3\n", 2, 2, "invalid UTF-8"},
        {"a,b\n1,\"ok\n\xFF\"\n", 3, 2, "invalid UTF-8"},
        {"a,b\n1,x\0y\n", 2, 2, "NUL byte"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        collected c;
        xw_error err;
        size_t len = strlen(cases[i].data);
        if (i == 5)
            len = 10; /* the NUL is part of the data */
        memset(&c, 0, sizeof c);
        xw_error_clear(&err);
        ck_assert_int_eq(
            xw_csv_parse("t.csv", cases[i].data, len, collect, &c, &err),
            XW_EINPUT);
        ck_assert_str_eq(err.file, "t.csv");
        ck_assert_msg(err.line == cases[i].line && err.column == cases[i].column,
                      "case %zu: got %ld:%ld", i, err.line, err.column);
        ck_assert_msg(!strncmp(err.message, cases[i].start_of_message,
                               strlen(cases[i].start_of_message)),
                      "case %zu: %s", i, err.message);
    }
}
END_TEST

static xw_status stop_at_second(void *ctx, const xw_csv_record *rec,
                                xw_error *err)
{
    int *seen = ctx;
    if (++*seen == 2)
        return xw_fail_at(err, XW_EINPUT, "t.csv", rec->line, 1, "stop");
    return XW_OK;
}

START_TEST(callback_error_stops_parsing)
{
    int seen = 0;
    xw_error err;
    xw_error_clear(&err);
    const char *data = "a\nb\nc\nd\n";
    ck_assert_int_eq(
        xw_csv_parse("t.csv", data, strlen(data), stop_at_second, &seen, &err),
        XW_EINPUT);
    ck_assert_int_eq(seen, 2);
    ck_assert_int_eq(err.line, 2);
}
END_TEST

START_TEST(too_many_fields_is_refused)
{
    size_t n = 10000;
    char *data = malloc(n + 2);
    ck_assert_ptr_nonnull(data);
    memset(data, ',', n);
    data[n] = '\n';
    data[n + 1] = '\0';
    collected c;
    xw_error err;
    ck_assert_int_eq(parse(data, &c, &err), XW_EINPUT);
    ck_assert(strstr(err.message, "too many fields") != NULL);
    free(data);
}
END_TEST

Suite *csv_reader_suite(void)
{
    Suite *s = suite_create("csv_reader");
    TCase *tc = tcase_create("csv_reader");
    tcase_add_test(tc, lines_of_records_and_fields);
    tcase_add_test(tc, bom_and_crlf);
    tcase_add_test(tc, doubled_quotes);
    tcase_add_test(tc, errors_have_locations);
    tcase_add_test(tc, callback_error_stops_parsing);
    tcase_add_test(tc, too_many_fields_is_refused);
    suite_add_tcase(s, tc);
    return s;
}
