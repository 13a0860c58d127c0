/*
 * oscal_mapping.c - reads an OSCAL 1.2 mapping collection (JSON).  Each
 * entry of "mappings" (one source resource, one target resource) becomes a
 * mapping set; each map with N sources and M targets becomes N x M rows that
 * share the map's uuid, so that the group stays visible; gap summaries
 * become explicit gaps.  Whatever the engine has no column for (qualifiers,
 * confidence scores, coverage, props, the collection's metadata and
 * provenance) is kept as JSON beside the rows, so that `xwalk export-oscal`
 * gives every field back.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *dump(xw_plan *p, json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
    const char *copy = s ? xw_plan_str(p, s) : NULL;
    free(s);
    return copy;
}

static const char *basename_of(const char *href)
{
    const char *slash = href ? strrchr(href, '/') : NULL;
    return slash ? slash + 1 : href;
}

static xw_status read_gaps(xw_plan *p, xw_plan_set *s, json_t *summary,
                           const char *side, xw_error *err)
{
    size_t i, k;
    json_t *sel, *id;
    json_array_foreach(json_object_get(summary, "unmapped-controls"), i, sel)
        json_array_foreach(json_object_get(sel, "with-ids"), k, id)
    {
        if (!json_is_string(id))
            continue;
        xw_status st = xw_plan_add_gap(p, s, side, json_string_value(id), err);
        if (st != XW_OK)
            return st;
    }
    return XW_OK;
}

static xw_status fail(const char *path, xw_error *err, size_t mi, long map,
                      const char *what, const char *value)
{
    if (map >= 0)
        return xw_fail_at(err, XW_EINPUT, path, 0, 0,
                          "mappings[%zu].maps[%ld]: %s%s%s", mi, map, what,
                          value ? " " : "", value ? value : "");
    return xw_fail_at(err, XW_EINPUT, path, 0, 0, "mappings[%zu]: %s%s%s", mi,
                      what, value ? " " : "", value ? value : "");
}

xw_status xw_read_oscal_mapping(xw_plan *p, const char *path, const xw_file *f,
                                const xw_read_opts *o, xw_error *err)
{
    json_t *root;
    xw_status s = xw_json_load(path, f, &root, err);
    if (s != XW_OK)
        return s;
    json_t *mc = json_object_get(root, "mapping-collection");
    json_t *mappings = json_object_get(mc, "mappings");
    if (!json_is_object(mc) || !json_is_array(mappings))
        s = xw_fail_at(err, XW_EINPUT, path, 0, 0,
                       "not an OSCAL mapping collection (expected "
                       "mapping-collection.mappings)");
    json_t *meta = json_object_get(mc, "metadata");
    json_t *prov = json_object_get(mc, "provenance");
    size_t n = json_array_size(mappings);
    for (size_t mi = 0; mi < n && s == XW_OK; mi++) {
        json_t *m = json_array_get(mappings, mi);
        xw_plan_set *ps = xw_plan_add_set(p, path, f->sha256, err);
        if (!ps) {
            s = err->status;
            break;
        }
        const char *base = o->id ? o->id : str(mc, "uuid");
        char id[300];
        if (n > 1)
            snprintf(id, sizeof id, "%s-%zu", base ? base : "oscal-mapping",
                     mi + 1);
        else
            snprintf(id, sizeof id, "%s", base ? base : "oscal-mapping");
        ps->meta.id = xw_plan_str(p, id);
        ps->meta.version = xw_plan_str(p, str(meta, "version"));
        ps->meta.method = xw_plan_str(p, str(m, "method") ? str(m, "method")
                                                          : str(prov, "method"));
        ps->meta.status = xw_plan_str(p, str(m, "status") ? str(m, "status")
                                                          : str(prov, "status"));
        ps->meta.source = o->source ? xw_plan_str(p, o->source) : NULL;
        ps->meta.target = o->target ? xw_plan_str(p, o->target) : NULL;
        ps->source_href = xw_plan_str(
            p, basename_of(str(json_object_get(m, "source-resource"), "href")));
        ps->target_href = xw_plan_str(
            p, basename_of(str(json_object_get(m, "target-resource"), "href")));
        /* The set's other fields, for export. */
        json_t *extra = json_object();
        json_t *mapping = json_deep_copy(m);
        json_object_del(mapping, "maps");
        json_object_set_new(extra, "collection-uuid",
                            json_string(str(mc, "uuid") ? str(mc, "uuid") : ""));
        if (meta)
            json_object_set(extra, "metadata", meta);
        if (prov)
            json_object_set(extra, "provenance", prov);
        if (json_object_get(mc, "back-matter"))
            json_object_set(extra, "back-matter",
                            json_object_get(mc, "back-matter"));
        json_object_set_new(extra, "mapping", mapping);
        ps->meta.extra = dump(p, extra);
        json_decref(extra);
        const char *rationale = str(m, "matching-rationale")
                                    ? str(m, "matching-rationale")
                                    : str(prov, "matching-rationale");
        if ((s = read_gaps(p, ps, json_object_get(m, "source-gap-summary"),
                           "source", err)) != XW_OK ||
            (s = read_gaps(p, ps, json_object_get(m, "target-gap-summary"),
                           "target", err)) != XW_OK)
            break;
        size_t k;
        json_t *map;
        json_array_foreach(json_object_get(m, "maps"), k, map)
        {
            const char *rel = str(map, "relationship");
            int r = xw_relationship_parse(rel);
            if (r < 0) {
                s = fail(path, err, mi, (long)k, "unknown relationship",
                         rel ? rel : "(none)");
                break;
            }
            json_t *sources = json_object_get(map, "sources");
            json_t *targets = json_object_get(map, "targets");
            if (!json_array_size(sources) || !json_array_size(targets)) {
                s = fail(path, err, mi, (long)k,
                         "a map needs sources and targets", NULL);
                break;
            }
            const char *map_rat = str(map, "matching-rationale")
                                      ? str(map, "matching-rationale")
                                      : rationale;
            json_t *score = json_object_get(map, "confidence-score");
            const char *category = str(score, "category");
            const char *map_extra = dump(p, map);
            const char *uuid = xw_plan_str(p, str(map, "uuid"));
            size_t a, b;
            json_t *src, *tgt;
            json_array_foreach(sources, a, src)
                json_array_foreach(targets, b, tgt)
            {
                const char *sid = str(src, "id-ref"), *tid = str(tgt, "id-ref");
                if (!sid || !tid) {
                    s = fail(path, err, mi, (long)k,
                             "a source or target without id-ref", NULL);
                    break;
                }
                xw_plan_row *row = xw_plan_add_row(p, ps, err);
                if (!row) {
                    s = err->status;
                    break;
                }
                row->in.source = xw_plan_str(p, sid);
                row->in.target = xw_plan_str(p, tid);
                row->in.relationship =
                    xw_relationship_name((xw_relationship)r);
                row->in.rationale = xw_plan_str(p, map_rat);
                row->in.confidence =
                    category && (!strcmp(category, "high") ||
                                 !strcmp(category, "medium") ||
                                 !strcmp(category, "low"))
                        ? xw_plan_str(p, category)
                        : NULL;
                row->in.note = xw_plan_str(p, str(map, "remarks"));
                row->in.map_uuid = uuid;
                row->in.extra = map_extra;
            }
            if (s != XW_OK)
                break;
        }
    }
    json_decref(root);
    return s;
}
