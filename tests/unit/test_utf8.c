/*
 * test_utf8.c - UTF-8 validation and display width.
 */
#include <string.h>

#include "unit.h"

START_TEST(valid_text)
{
    const char *ok[] = {"", "plain ascii", "日本語", "é", "\xF0\x9F\x98\x80",
                        "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        ck_assert_int_eq(xw_utf8_invalid_at(ok[i], strlen(ok[i])), -1);
}
END_TEST

START_TEST(invalid_text)
{
    static const struct {
        const char *s;
        long at;
    } bad[] = {
        {"ab\xff", 2},             /* never valid */
        {"\xC0\xAF", 0},           /* overlong slash */
        {"x\xE0\x80\xAF", 1},      /* overlong, three bytes */
        {"\xED\xA0\x80", 0},       /* UTF-16 surrogate */
        {"\xF4\x90\x80\x80", 0},   /* above U+10FFFF */
        {"ok\xE6\x97", 2},         /* cut short at the end */
        {"\xE6\x97x", 0},          /* continuation missing */
        {"\x80", 0},               /* lone continuation */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_int_eq(xw_utf8_invalid_at(bad[i].s, strlen(bad[i].s)),
                         bad[i].at);
}
END_TEST

START_TEST(display_width)
{
    ck_assert_uint_eq(xw_display_width(""), 0);
    ck_assert_uint_eq(xw_display_width("abc"), 3);
    ck_assert_uint_eq(xw_display_width("日本語"), 6);
    ck_assert_uint_eq(xw_display_width("見出しA"), 7);
    ck_assert_uint_eq(xw_display_width("ｱ"), 1);   /* halfwidth katakana */
    ck_assert_uint_eq(xw_display_width("Ａ"), 2);   /* fullwidth Latin */
    ck_assert_uint_eq(xw_display_width("e\xCC\x81"), 1); /* e + combining acute */
    ck_assert_uint_eq(xw_display_width("§1"), 2);
}
END_TEST

Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, valid_text);
    tcase_add_test(tc, invalid_text);
    tcase_add_test(tc, display_width);
    suite_add_tcase(s, tc);
    return s;
}
