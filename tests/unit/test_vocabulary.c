/*
 * test_vocabulary.c - relationship spellings, inverses and the closed word
 * lists.
 */
#include "unit.h"

START_TEST(relationship_spellings)
{
    static const struct {
        const char *text;
        int rel;
    } cases[] = {
        {"equal-to", XW_REL_EQUAL},          {"EQUAL", XW_REL_EQUAL},
        {"equivalent-to", XW_REL_EQUIVALENT}, {"Equivalent", XW_REL_EQUIVALENT},
        {"subset-of", XW_REL_SUBSET},        {"subset", XW_REL_SUBSET},
        {"Subset Of", XW_REL_SUBSET},        {"superset-of", XW_REL_SUPERSET},
        {"superset", XW_REL_SUPERSET},       {"superset of", XW_REL_SUPERSET},
        {"intersects-with", XW_REL_INTERSECTS}, {"intersect", XW_REL_INTERSECTS},
        {"intersects", XW_REL_INTERSECTS},   {"Intersects With", XW_REL_INTERSECTS},
        {"no-relationship", XW_REL_NONE},    {"not_related", XW_REL_NONE},
        {"not related to", XW_REL_NONE},     {"partial", -1},
        {"", -1},                            {"equal to", -1},
        {"subset-of ", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(xw_relationship_parse(cases[i].text) == cases[i].rel,
                      "parsing \"%s\"", cases[i].text);
    ck_assert_int_eq(xw_relationship_parse(NULL), -1);
}
END_TEST

START_TEST(canonical_names_round_trip)
{
    for (int r = 0; r < XW_REL_COUNT; r++)
        ck_assert_int_eq(
            xw_relationship_parse(xw_relationship_name((xw_relationship)r)), r);
}
END_TEST

START_TEST(inverse)
{
    ck_assert_int_eq(xw_relationship_inverse(XW_REL_SUBSET), XW_REL_SUPERSET);
    ck_assert_int_eq(xw_relationship_inverse(XW_REL_SUPERSET), XW_REL_SUBSET);
    for (int r = 0; r < XW_REL_COUNT; r++) {
        xw_relationship rel = (xw_relationship)r;
        ck_assert_int_eq(xw_relationship_inverse(xw_relationship_inverse(rel)),
                         rel);
        if (rel != XW_REL_SUBSET && rel != XW_REL_SUPERSET)
            ck_assert_int_eq(xw_relationship_inverse(rel), rel);
    }
}
END_TEST

START_TEST(word_lists)
{
    ck_assert(xw_vocabulary_allows(XW_VOCAB_FRAMEWORK_KIND, "guideline"));
    ck_assert(!xw_vocabulary_allows(XW_VOCAB_FRAMEWORK_KIND, "Guideline"));
    ck_assert(xw_vocabulary_allows(XW_VOCAB_SET_STATUS, "not-complete"));
    ck_assert(!xw_vocabulary_allows(XW_VOCAB_SET_STATUS, "finished"));
    ck_assert(xw_vocabulary_allows(XW_VOCAB_RATIONALE, "functional"));
    ck_assert(!xw_vocabulary_allows(XW_VOCAB_CONFIDENCE, NULL));
    ck_assert(xw_jurisdiction_valid("JP"));
    ck_assert(xw_jurisdiction_valid("EU"));
    ck_assert(xw_jurisdiction_valid("INTL"));
    ck_assert(!xw_jurisdiction_valid("jp"));
    ck_assert(!xw_jurisdiction_valid("JPN"));
    ck_assert(!xw_jurisdiction_valid(""));
}
END_TEST

START_TEST(field_parsers)
{
    long v;
    ck_assert_int_eq(xw_parse_int("0", 0, 10, &v), 0);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(xw_parse_int("10", 0, 10, &v), 0);
    ck_assert_int_eq(xw_parse_int("11", 0, 10, &v), -1);
    ck_assert_int_eq(xw_parse_int("-1", 0, 10, &v), -1);
    ck_assert_int_eq(xw_parse_int("3.5", 0, 10, &v), -1);
    ck_assert_int_eq(xw_parse_int(" 3", 0, 10, &v), -1);
    ck_assert_int_eq(xw_parse_bool("TRUE"), 1);
    ck_assert_int_eq(xw_parse_bool("no"), 0);
    ck_assert_int_eq(xw_parse_bool("2"), -1);
    ck_assert(xw_is_slug("nist-csf-2.0"));
    ck_assert(!xw_is_slug("-leading"));
    ck_assert(!xw_is_slug("has space"));
    ck_assert(!xw_is_slug("a:b"));
    ck_assert(xw_is_date("2026"));
    ck_assert(xw_is_date("2026-03"));
    ck_assert(xw_is_date("2026-03-31"));
    ck_assert(!xw_is_date("31/03/2026"));
}
END_TEST

Suite *vocabulary_suite(void)
{
    Suite *s = suite_create("vocabulary");
    TCase *tc = tcase_create("vocabulary");
    tcase_add_test(tc, relationship_spellings);
    tcase_add_test(tc, canonical_names_round_trip);
    tcase_add_test(tc, inverse);
    tcase_add_test(tc, word_lists);
    tcase_add_test(tc, field_parsers);
    suite_add_tcase(s, tc);
    return s;
}
