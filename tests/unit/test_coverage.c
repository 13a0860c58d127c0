/*
 * test_coverage.c - coverage and derivation rules through the public API,
 * on fixtures built in a temporary directory.
 */
#include <string.h>

#include "unit.h"

typedef struct fx {
    char dir[512];
    char db_path[1024];
    xw_db *db;
} fx;

static void fx_open(fx *f)
{
    unit_tmp_dir(f->dir, sizeof f->dir);
    snprintf(f->db_path, sizeof f->db_path, "%s/x.db", f->dir);
    xw_error err;
    ck_assert_int_eq(xw_open(f->db_path, XW_OPEN_CREATE, &f->db, &err), XW_OK);
}

static void fx_close(fx *f)
{
    xw_close(f->db);
    unit_tmp_cleanup(f->dir);
}

static void catalog(fx *f, const char *id, const char *text)
{
    char path[1200], name[300];
    snprintf(name, sizeof name, "%s.csv", id);
    unit_write_file(f->dir, name, text, path, sizeof path);
    xw_framework_meta m = {.id = id, .name = id, .version = "1",
                           .jurisdiction = "JP"};
    xw_import_result r;
    xw_error err;
    ck_assert_msg(xw_import_catalog_csv(f->db, path, &m, 0, &r, &err) == XW_OK,
                  "%s", err.message);
}

static void crosswalk(fx *f, const char *src, const char *dst, int exhaustive,
                      const char *text)
{
    char path[1200], name[300];
    snprintf(name, sizeof name, "%s-%s.csv", src, dst);
    unit_write_file(f->dir, name, text, path, sizeof path);
    xw_set_meta m = {.source = src, .target = dst, .exhaustive = exhaustive,
                     .author = "unit"};
    xw_import_result r;
    xw_error err;
    ck_assert_msg(xw_import_crosswalk_csv(f->db, path, &m, 0, &r, &err) ==
                      XW_OK,
                  "%s", err.message);
}

static xw_coverage *cover(fx *f, const char *target, const char *from,
                          int derived)
{
    const char *list[1] = {from};
    xw_coverage_opts o = {target, list, 1, derived, 2, NULL, 0, {-1, NULL},
                          NULL};
    xw_coverage *c;
    xw_error err;
    ck_assert_msg(xw_coverage_run(f->db, &o, &c, &err) == XW_OK, "%s",
                  err.message);
    return c;
}

static xw_cover_status status_of(const xw_coverage *c, const char *id)
{
    const xw_coverage_row *r = xw_coverage_find(c, id);
    ck_assert_ptr_nonnull(r);
    return r->status;
}

START_TEST(equivalent_and_subset)
{
    fx f;
    fx_open(&f);
    catalog(&f, "t", "id,title\nT1,One\nT2,Two\nT3,Three\n");
    catalog(&f, "s", "id,title\nS1,One\nS2,Two\nS3,Three\n");
    crosswalk(&f, "s", "t", 0,
              "source,relationship,target\nS1,equivalent-to,T1\n"
              "S2,subset-of,T2\nS3,superset,T3\n");
    xw_coverage *c = cover(&f, "t", "s", 0);
    ck_assert_int_eq(status_of(c, "T1"), XW_COVERED);
    ck_assert_int_eq(xw_coverage_find(c, "T1")->relationship,
                     XW_REL_EQUIVALENT);
    ck_assert_int_eq(status_of(c, "T2"), XW_PARTIAL);
    ck_assert_int_eq(status_of(c, "T3"), XW_COVERED);
    xw_coverage_free(c);
    /* Read the other way (t held, s the target), subset and superset swap. */
    c = cover(&f, "s", "t", 0);
    ck_assert_int_eq(status_of(c, "S2"), XW_COVERED);
    ck_assert_int_eq(xw_coverage_find(c, "S2")->relationship, XW_REL_SUPERSET);
    ck_assert_int_eq(status_of(c, "S3"), XW_PARTIAL);
    xw_coverage_free(c);
    fx_close(&f);
}
END_TEST

START_TEST(heading_rules)
{
    fx f;
    fx_open(&f);
    catalog(&f, "t",
            "id,parent,title,assessable\n"
            "P,,covered and unknown child,0\nP1,P,a,1\nP2,P,b,1\n"
            "Q,,gap and unknown child,0\nQ1,Q,c,1\nQ2,Q,d,1\n"
            "R,,nested,0\nR1,R,inner heading,0\nR11,R1,e,1\n"
            "E,,empty heading,0\n");
    catalog(&f, "s", "id,title\nS1,x\nS2,y\n");
    crosswalk(&f, "s", "t", 0,
              "source,relationship,target\nS1,equal-to,P1\n"
              "S2,no-relationship,Q1\nS2,equal-to,R11\n");
    xw_coverage *c = cover(&f, "t", "s", 0);
    ck_assert_int_eq(status_of(c, "P"), XW_PARTIAL);
    ck_assert_int_eq(status_of(c, "Q"), XW_UNKNOWN);
    ck_assert_int_eq(status_of(c, "Q1"), XW_GAP);
    ck_assert_int_eq(status_of(c, "R1"), XW_COVERED);
    ck_assert_int_eq(status_of(c, "R"), XW_COVERED);
    ck_assert_int_eq(status_of(c, "E"), XW_UNKNOWN);
    /* Tallies count assessable requirements only. */
    ck_assert_int_eq(xw_coverage_total(c)->total, 5);
    ck_assert_int_eq(xw_coverage_total(c)->count[XW_COVERED], 2);
    ck_assert_int_eq(xw_coverage_section_count(c), 4);
    xw_coverage_free(c);
    fx_close(&f);
}
END_TEST

START_TEST(derived_masks_strength_and_rationale)
{
    fx f;
    fx_open(&f);
    catalog(&f, "a", "id,title\nA1,x\nA2,y\nA3,z\n");
    catalog(&f, "p", "id,title\nP1,x\nP2,y\nP3,z\n");
    catalog(&f, "b", "id,title\nB1,x\nB2,y\nB3,z\n");
    crosswalk(&f, "a", "p", 0,
              "source,relationship,target,rationale,strength\n"
              "A1,equal-to,P1,semantic,9\n"
              "A2,superset-of,P2,semantic,4\n"
              "A3,intersects-with,P3,semantic,7\n");
    /* p -> b read backwards: "B1 equal-to P1" gives P1 equal-to B1. */
    crosswalk(&f, "b", "p", 0,
              "source,relationship,target,rationale,strength\n"
              "B1,equal-to,P1,functional,6\n"
              "B2,superset-of,P2,semantic,8\n"
              "B3,subset-of,P3,semantic,\n");
    xw_derive_opts o = {"a", "b", NULL, 0, 2, {-1, NULL}, NULL, 1};
    xw_derivation *d;
    xw_error err;
    ck_assert_int_eq(xw_derive_run(f.db, &o, &d, &err), XW_OK);
    ck_assert_uint_eq(xw_derivation_count(d), 3);
    const xw_derived_pair *p = xw_derivation_at(d, 0);
    ck_assert_str_eq(p->source_id, "A1");
    ck_assert_str_eq(p->target_id, "B1");
    ck_assert_uint_eq(p->mask, XW_MASK_EQUAL);
    ck_assert_int_eq(p->label, XW_COVERED);
    ck_assert_int_eq(p->strength, 6);          /* the weaker hop */
    ck_assert_str_eq(p->rationale, "mixed");   /* semantic then functional */
    ck_assert_uint_eq(p->nhops, 2);
    ck_assert_str_eq(p->hops[1].from_id, "P1");
    ck_assert_int_eq(p->hops[1].relationship, XW_REL_EQUAL);
    /* A2 superset P2, P2 subset B2 (B2 superset P2 reversed): anything but
     * disjoint. */
    p = xw_derivation_at(d, 1);
    ck_assert_uint_eq(p->mask, XW_MASK_ALL & ~XW_MASK_NONE);
    ck_assert_int_eq(p->label, XW_PARTIAL);
    ck_assert_str_eq(p->rationale, "semantic");
    /* A3 intersects P3, P3 superset B3: no-relationship stays possible. */
    p = xw_derivation_at(d, 2);
    ck_assert_uint_eq(p->mask, XW_MASK_SUPERSET | XW_MASK_INTERSECTS |
                                   XW_MASK_NONE);
    ck_assert_int_eq(p->label, XW_UNKNOWN);
    ck_assert_int_eq(p->strength, -1); /* a hop without strength */
    ck_assert(!p->likely);
    xw_derivation_free(d);

    /* In coverage the derived statuses are marked derived. */
    xw_coverage *c = cover(&f, "b", "a", 1);
    ck_assert_int_eq(status_of(c, "B1"), XW_COVERED);
    ck_assert(xw_coverage_find(c, "B1")->derived);
    ck_assert_int_eq(status_of(c, "B2"), XW_PARTIAL);
    ck_assert_int_eq(status_of(c, "B3"), XW_UNKNOWN);
    xw_coverage_free(c);
    fx_close(&f);
}
END_TEST

START_TEST(exhaustive_target_set_contradicts_a_derived_pair)
{
    fx f;
    fx_open(&f);
    catalog(&f, "a", "id,title\nA1,x\n");
    catalog(&f, "p", "id,title\nP1,x\n");
    catalog(&f, "b", "id,title\nB1,x\nB2,y\n");
    crosswalk(&f, "a", "p", 0, "source,relationship,target\nA1,equal-to,P1\n");
    crosswalk(&f, "p", "b", 0, "source,relationship,target\nP1,equal-to,B1\n");
    /* An exhaustive a -> b set with no row for (A1, B1) says they are
     * unrelated, which the path through p contradicts. */
    crosswalk(&f, "a", "b", 1,
              "source,relationship,target\nA1,no-relationship,B2\n");
    xw_derive_opts o = {"a", "b", NULL, 0, 2, {-1, NULL}, NULL, 0};
    xw_derivation *d;
    xw_error err;
    ck_assert_int_eq(xw_derive_run(f.db, &o, &d, &err), XW_OK);
    ck_assert_uint_eq(xw_derivation_count(d), 1);
    ck_assert_uint_eq(xw_derivation_at(d, 0)->mask, 0);
    ck_assert_int_eq(xw_derivation_at(d, 0)->label, -1);
    ck_assert(xw_derivation_at(d, 0)->direct);
    xw_derivation_free(d);
    fx_close(&f);
}
END_TEST

/* A report nests inside a caller's transaction: it must not end it (a
 * report that committed on its own ended the batch export's snapshot). */
START_TEST(reports_nest_inside_a_transaction)
{
    fx f;
    fx_open(&f);
    catalog(&f, "tgt", "id,title\nT1,Target one\n");
    catalog(&f, "src", "id,title\nS1,Source one\n");
    crosswalk(&f, "src", "tgt", 0, "source,relationship,target\nS1,equal-to,T1\n");
    xw_error err;
    ck_assert_int_eq(xw_transaction_begin(f.db, &err), XW_OK);
    xw_coverage *c = cover(&f, "tgt", "src", 0);
    xw_coverage_free(c);
    const char *against[1] = {"src"};
    xw_matrix_opts mo = {.target = "tgt", .against = against, .nagainst = 1,
                         .max_hops = 2, .filter = {-1, NULL}};
    xw_matrix *m;
    ck_assert_int_eq(xw_matrix_run(f.db, &mo, &m, &err), XW_OK);
    xw_matrix_free(m);
    ck_assert_msg(xw_transaction_commit(f.db, &err) == XW_OK, "%s",
                  err.message);
    fx_close(&f);
}
END_TEST

Suite *coverage_suite(void)
{
    Suite *s = suite_create("coverage");
    TCase *tc = tcase_create("coverage");
    tcase_add_test(tc, equivalent_and_subset);
    tcase_add_test(tc, reports_nest_inside_a_transaction);
    tcase_add_test(tc, heading_rules);
    tcase_add_test(tc, derived_masks_strength_and_rationale);
    tcase_add_test(tc, exhaustive_target_set_contradicts_a_derived_pair);
    suite_add_tcase(s, tc);
    return s;
}
