/*
 * phases.c - the contract-moment view: a target's requirements grouped by
 * the moment of the contract they matter at, read from "moment:" tags, so
 * that vendor and customer see what to settle before the contract, at the
 * contract, during development, in operation and at the end of support.
 */
#include <string.h>

#include "internal.h"

const xw_column xw_phases_columns[] = {
    {"moment", XW_COL_TEXT},   {"requirement_id", XW_COL_TEXT},
    {"title", XW_COL_TEXT},    {"title_ja", XW_COL_TEXT},
    {"party", XW_COL_TEXT},    {"status", XW_COL_TEXT},
};
const int xw_phases_ncolumns = 6;

static const char *const moments[] = {"before-contract", "at-contract",
                                      "development", "operation",
                                      "end-of-support"};

/* Whether the tag list (words split by ';', ',' or spaces) holds tag. */
static int has_tag(const char *tags, const char *tag)
{
    size_t n = strlen(tag);
    for (const char *p = tags; p && *p;) {
        while (*p == ';' || *p == ',' || *p == ' ')
            p++;
        size_t len = strcspn(p, ";, ");
        if (len == n && !strncmp(p, tag, n))
            return 1;
        p += len;
    }
    return 0;
}

xw_status xw_phases(xw_db *db, const char *target, const char *const *have,
                    int nhave, xw_row_cb cb, void *ctx, xw_error *err)
{
    /* Coverage gives the rows (and, with frameworks held, a status). */
    const char *self[1] = {target};
    xw_coverage_opts co = {target, nhave ? have : self, nhave ? nhave : 1, 0,
                           2, NULL, 0, {-1, NULL}, NULL};
    xw_coverage *c;
    xw_status s = xw_coverage_run(db, &co, &c, err);
    if (s != XW_OK)
        return s;
    for (size_t m = 0; m < sizeof moments / sizeof *moments && s == XW_OK;
         m++) {
        char tag[64];
        snprintf(tag, sizeof tag, "moment:%s", moments[m]);
        for (size_t i = 0; i < xw_coverage_count(c) && s == XW_OK; i++) {
            const xw_coverage_row *r = xw_coverage_row_at(c, i);
            if (!r->tags || !has_tag(r->tags, tag))
                continue;
            const char *v[6] = {
                moments[m], r->id, r->title, r->title_ja,
                has_tag(r->tags, "party:customer") ? "customer" : "provider",
                nhave ? xw_cover_status_name(r->status) : NULL};
            if (cb(ctx, 6, v) != 0)
                s = xw_fail(err, XW_EIO, "cannot write output");
        }
    }
    xw_coverage_free(c);
    return s;
}
