/*
 * test_algebra.c - the RCC-5 composition table, checked exhaustively
 * against brute force: for every triple (a, b, c) of non-empty subsets of a
 * small universe, the relation of a to c must be in the composition of the
 * relations of a to b and b to c, and every relation the table allows must
 * be reached by some triple.
 */
#include "unit.h"

/* The base relation (as a mask bit) between two non-empty sets given as
 * bit sets. */
static unsigned relation(unsigned a, unsigned b)
{
    if (a == b)
        return XW_MASK_EQUAL;
    if ((a & b) == a)
        return XW_MASK_SUBSET;
    if ((a & b) == b)
        return XW_MASK_SUPERSET;
    if (a & b)
        return XW_MASK_INTERSECTS;
    return XW_MASK_NONE;
}

static int bit_index(unsigned m)
{
    for (int i = 0; i < 5; i++)
        if (m == 1u << i)
            return i;
    return -1;
}

static void check_universe(int elements)
{
    unsigned reached[5][5] = {{0}};
    unsigned n = 1u << elements;
    for (unsigned a = 1; a < n; a++)
        for (unsigned b = 1; b < n; b++)
            for (unsigned c = 1; c < n; c++) {
                int r1 = bit_index(relation(a, b));
                int r2 = bit_index(relation(b, c));
                reached[r1][r2] |= relation(a, c);
            }
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
            ck_assert_msg(xw_mask_compose(1u << i, 1u << j) == reached[i][j],
                          "%s o %s: table %#x, brute force %#x (universe %d)",
                          xw_base_relation_name(i), xw_base_relation_name(j),
                          xw_mask_compose(1u << i, 1u << j), reached[i][j],
                          elements);
}

START_TEST(composition_matches_brute_force)
{
    check_universe(4);
    check_universe(5);
}
END_TEST

START_TEST(composition_of_sets_is_the_union)
{
    for (unsigned m1 = 0; m1 <= XW_MASK_ALL; m1++)
        for (unsigned m2 = 0; m2 <= XW_MASK_ALL; m2++) {
            unsigned expect = 0;
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 5; j++)
                    if ((m1 >> i & 1) && (m2 >> j & 1))
                        expect |= xw_mask_compose(1u << i, 1u << j);
            ck_assert_uint_eq(xw_mask_compose(m1, m2), expect);
        }
}
END_TEST

START_TEST(inverse_and_identity)
{
    for (unsigned m = 0; m <= XW_MASK_ALL; m++) {
        ck_assert_uint_eq(xw_mask_inverse(xw_mask_inverse(m)), m);
        ck_assert_uint_eq(xw_mask_compose(XW_MASK_EQUAL, m), m);
        ck_assert_uint_eq(xw_mask_compose(m, XW_MASK_EQUAL), m);
    }
    /* Reading a composition backwards composes the inverses in reverse. */
    for (unsigned a = 1; a <= XW_MASK_ALL; a++)
        for (unsigned b = 1; b <= XW_MASK_ALL; b++)
            ck_assert_uint_eq(xw_mask_inverse(xw_mask_compose(a, b)),
                              xw_mask_compose(xw_mask_inverse(b),
                                              xw_mask_inverse(a)));
    ck_assert_uint_eq(xw_mask_of(XW_REL_EQUIVALENT), XW_MASK_EQUAL);
    ck_assert_uint_eq(xw_mask_inverse(XW_MASK_SUBSET), XW_MASK_SUPERSET);
}
END_TEST

START_TEST(coverage_of_masks)
{
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_EQUAL), XW_COVERED);
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_EQUAL | XW_MASK_SUPERSET),
                     XW_COVERED);
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_EQUAL | XW_MASK_SUBSET),
                     XW_PARTIAL);
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_INTERSECTS), XW_PARTIAL);
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_ALL & ~XW_MASK_NONE),
                     XW_PARTIAL);
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_SUBSET | XW_MASK_NONE),
                     XW_UNKNOWN);
    ck_assert_int_eq(xw_mask_coverage(XW_MASK_NONE), XW_UNKNOWN);
    ck_assert_int_eq(xw_mask_coverage(0), -1);
    char buf[128];
    xw_mask_format(XW_MASK_SUBSET | XW_MASK_NONE, buf, sizeof buf);
    ck_assert_str_eq(buf, "subset-of|no-relationship");
}
END_TEST

Suite *algebra_suite(void)
{
    Suite *s = suite_create("algebra");
    TCase *tc = tcase_create("algebra");
    tcase_add_test(tc, composition_matches_brute_force);
    tcase_add_test(tc, composition_of_sets_is_the_union);
    tcase_add_test(tc, inverse_and_identity);
    tcase_add_test(tc, coverage_of_masks);
    suite_add_tcase(s, tc);
    return s;
}
