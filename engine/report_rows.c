/*
 * report_rows.c - coverage rows and derived pairs as listing rows of text,
 * one definition shared by the command-line reports and the batch export
 * so that both write the same columns the same way.
 */
#include <stdio.h>

#include "internal.h"

const xw_column xw_coverage_columns[XW_COVERAGE_NCOLUMNS] = {
    {"target_id", XW_COL_TEXT}, {"target_title", XW_COL_TEXT},
    {"status", XW_COL_TEXT},    {"relationship", XW_COL_TEXT},
    {"strength", XW_COL_INT},   {"sources", XW_COL_TEXT},
    {"derived", XW_COL_INT},    {"path", XW_COL_TEXT},
};

const xw_column xw_derived_columns[XW_DERIVED_NCOLUMNS] = {
    {"source_id", XW_COL_TEXT}, {"target_id", XW_COL_TEXT},
    {"mask", XW_COL_TEXT},      {"label", XW_COL_TEXT},
    {"paths", XW_COL_TEXT},     {"strength", XW_COL_INT},
    {"score", XW_COL_INT},      {"basis", XW_COL_TEXT},
};

void xw_coverage_relationship_text(const xw_coverage_row *r, char *buf,
                                   size_t size)
{
    if (r->derived)
        xw_mask_format(r->mask, buf, size);
    else if (r->relationship >= 0 && r->assessable)
        snprintf(buf, size, "%s",
                 xw_relationship_name((xw_relationship)r->relationship));
    else
        buf[0] = '\0';
}

void xw_coverage_values(const xw_coverage_row *r, xw_coverage_text *buf,
                        const char *v[XW_COVERAGE_NCOLUMNS])
{
    xw_coverage_relationship_text(r, buf->relationship,
                                  sizeof buf->relationship);
    snprintf(buf->strength, sizeof buf->strength, "%d", r->strength);
    v[0] = r->id;
    v[1] = r->title;
    v[2] = xw_cover_status_name(r->status);
    v[3] = buf->relationship[0] ? buf->relationship : NULL;
    v[4] = r->strength >= 0 ? buf->strength : NULL;
    v[5] = r->sources;
    v[6] = r->derived ? "1" : "0";
    v[7] = r->path;
}

void xw_derived_values(const xw_derived_pair *p, xw_derived_text *buf,
                       const char *v[XW_DERIVED_NCOLUMNS])
{
    xw_mask_format(p->mask, buf->mask, sizeof buf->mask);
    snprintf(buf->strength, sizeof buf->strength, "%d", p->strength);
    snprintf(buf->score, sizeof buf->score, "%.3f", p->score);
    v[0] = p->source_id;
    v[1] = p->target_id;
    v[2] = buf->mask;
    v[3] = p->label < 0 ? "conflict"
                        : xw_cover_status_name((xw_cover_status)p->label);
    v[4] = p->paths;
    v[5] = p->strength >= 0 ? buf->strength : NULL;
    v[6] = buf->score;
    v[7] = p->direct ? "derived+direct" : "derived";
}
