/*
 * olir_csv.c - reads OLIR and STRM sheets saved as CSV: NIST's Online
 * Informative References and the Set Theory Relationship Mapping sheets
 * (NIST IR 8477) carry one row per pair of a focal document element and a
 * reference document element, with a relationship, a rationale, a
 * strength and notes, among descriptive columns that are not needed here.
 *
 * The OLIR relationship reads "reference RELATIONSHIP focal".  The set is
 * stored from the focal document (--source) to the reference document
 * (--target), so each relationship is turned round on the way in.
 */
#include <ctype.h>
#include <string.h>

#include "plan.h"

enum { O_FOCAL, O_REFERENCE, O_RELATIONSHIP, O_RATIONALE, O_STRENGTH,
       O_NOTES, O_COUNT };

/* Header spellings met in published sheets, compared with letters and
 * digits only, in lower case. */
static const char *const aliases[O_COUNT][6] = {
    [O_FOCAL] = {"focalelement", "focaldocumentelement", "fde", "focal",
                 "fdenumber", NULL},
    [O_REFERENCE] = {"referenceelement", "referencedocumentelement", "rde",
                     "reference", "referencedocumentelementidentifier", NULL},
    [O_RELATIONSHIP] = {"relationship", "strmrelationship", NULL},
    [O_RATIONALE] = {"rationale", "strmrationale", NULL},
    [O_STRENGTH] = {"strength", "strengthofrelationship", NULL},
    [O_NOTES] = {"notes", "note", "comments", NULL},
};

typedef struct olir_ctx {
    xw_plan *plan;
    xw_plan_set *set;
    const char *path;
    int have_header;
    int col[O_COUNT];
} olir_ctx;

static void squeeze(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; *in && n + 1 < size; in++)
        if (isalnum((unsigned char)*in))
            out[n++] = (char)tolower((unsigned char)*in);
    out[n] = '\0';
}

static xw_status on_record(void *ctx, const xw_csv_record *rec, xw_error *err)
{
    olir_ctx *o = ctx;
    if (!o->have_header) {
        o->have_header = 1;
        for (int c = 0; c < O_COUNT; c++)
            o->col[c] = -1;
        for (int i = 0; i < rec->nfields; i++) {
            char h[128];
            squeeze(rec->fields[i], h, sizeof h);
            for (int c = 0; c < O_COUNT; c++)
                for (int k = 0; aliases[c][k]; k++)
                    if (!strcmp(h, aliases[c][k]) && o->col[c] < 0)
                        o->col[c] = i;
        }
        static const char *const need[] = {"focal element",
                                           "reference element",
                                           "relationship"};
        for (int c = 0; c < 3; c++)
            if (o->col[c] < 0)
                return xw_fail_at(err, XW_EINPUT, o->path, rec->line, 0,
                                  "the header lacks a %s column", need[c]);
        return XW_OK;
    }
    const char *v[O_COUNT];
    for (int c = 0; c < O_COUNT; c++)
        v[c] = o->col[c] >= 0 && o->col[c] < rec->nfields
                   ? rec->fields[o->col[c]]
                   : "";
    if (!*v[O_FOCAL] && !*v[O_REFERENCE])
        return XW_OK; /* spreadsheets leave blank rows */
    int r = xw_relationship_parse(v[O_RELATIONSHIP]);
    if (r < 0)
        return xw_fail_at(err, XW_EINPUT, o->path,
                          rec->field_lines[o->col[O_RELATIONSHIP]],
                          o->col[O_RELATIONSHIP] + 1,
                          "unknown relationship \"%s\" (expected subset of, "
                          "intersects with, equal, superset of or not "
                          "related to)",
                          v[O_RELATIONSHIP]);
    xw_plan_row *row = xw_plan_add_row(o->plan, o->set, err);
    if (!row)
        return err->status;
    xw_plan *p = o->plan;
    row->in.source = xw_plan_str(p, v[O_FOCAL]);
    row->in.target = xw_plan_str(p, v[O_REFERENCE]);
    /* "reference REL focal" read from the focal side. */
    row->in.relationship =
        xw_relationship_name(xw_relationship_inverse((xw_relationship)r));
    row->in.rationale = *v[O_RATIONALE] ? xw_plan_str(p, v[O_RATIONALE]) : NULL;
    row->in.strength = *v[O_STRENGTH] ? xw_plan_str(p, v[O_STRENGTH]) : NULL;
    row->in.note = *v[O_NOTES] ? xw_plan_str(p, v[O_NOTES]) : NULL;
    row->in.line = rec->line;
    return XW_OK;
}

xw_status xw_read_olir_csv(xw_plan *p, const char *path, const xw_file *f,
                           const xw_read_opts *o, xw_error *err)
{
    if (!o->source || !o->target)
        return xw_fail_at(err, XW_EINPUT, path, 0, 0,
                          "an OLIR or STRM sheet needs --source (the focal "
                          "document's framework) and --target (the reference "
                          "document's)");
    olir_ctx c = {p, NULL, path, 0, {0}};
    if (!(c.set = xw_plan_add_set(p, path, f->sha256, err)))
        return err->status;
    c.set->meta.source = xw_plan_str(p, o->source);
    c.set->meta.target = xw_plan_str(p, o->target);
    c.set->meta.id = o->id ? xw_plan_str(p, o->id) : NULL;
    c.set->meta.version = o->version ? xw_plan_str(p, o->version) : NULL;
    xw_status s = xw_csv_parse(path, f->data, f->len, on_record, &c, err);
    if (s == XW_OK && !c.have_header)
        s = xw_fail_at(err, XW_EINPUT, path, 0, 0,
                       "empty file (expected a header row)");
    return s;
}
