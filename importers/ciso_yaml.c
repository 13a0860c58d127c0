/*
 * ciso_yaml.c - reads CISO Assistant library files (YAML): a framework
 * file (objects.framework with requirement_nodes) or a mapping file
 * (objects.requirement_mapping_set, or requirement_mapping_sets as a list).
 *
 * A framework's id is the last part of its URN, a control's id its ref_id
 * as published (the last part of its URN when it has none).  Mapping rows
 * refer to requirements by URN; they are resolved when the plan is loaded,
 * against frameworks imported before or in the same command.  A file that
 * holds both directions of one mapping gives one set: rows of the reverse
 * set already present in the forward set are not counted twice.
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "plan.h"

/* Documents nested deeper than this are refused. */
#define XW_YAML_MAX_DEPTH 64

typedef struct yaml_ctx {
    yaml_document_t doc;
    const char *path;
    xw_plan *plan;
    xw_error *err;
} yaml_ctx;

static yaml_node_t *node(yaml_ctx *y, int index)
{
    return index ? yaml_document_get_node(&y->doc, index) : NULL;
}

static yaml_node_t *get(yaml_ctx *y, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(y, p->key);
        if (k && k->type == YAML_SCALAR_NODE &&
            !strcmp((const char *)k->data.scalar.value, key))
            return node(y, p->value);
    }
    return NULL;
}

/* A scalar's text copied into the plan, or NULL (absent, null, or not a
 * scalar). */
static const char *text(yaml_ctx *y, yaml_node_t *n)
{
    if (!n || n->type != YAML_SCALAR_NODE)
        return NULL;
    const char *v = (const char *)n->data.scalar.value;
    if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
        (!strcmp(v, "null") || !strcmp(v, "~") || !*v))
        return NULL;
    return xw_plan_strn(y->plan, v, n->data.scalar.length);
}

static const char *get_text(yaml_ctx *y, yaml_node_t *map, const char *key)
{
    return text(y, get(y, map, key));
}

static xw_status fail_at(yaml_ctx *y, yaml_node_t *n, const char *fmt,
                         const char *arg)
{
    long line = n ? (long)n->start_mark.line + 1 : 0;
    long col = n ? (long)n->start_mark.column + 1 : 0;
    return xw_fail_at(y->err, XW_EINPUT, y->path, line, col, fmt, arg);
}

static const char *urn_tail(const char *urn)
{
    const char *c = urn ? strrchr(urn, ':') : NULL;
    return c ? c + 1 : urn;
}

/* A requirement node's URN is urn:intuitem:risk:req_node:FRAMEWORK:REST;
 * REST (which may itself hold colons) names the node in its framework. */
static const char *node_tail(const char *urn)
{
    const char *p = urn;
    for (int colons = 0; *p; p++)
        if (*p == ':' && ++colons == 5)
            return p + 1;
    return urn_tail(urn);
}

/* A title for a node that has no name: the start of its description. */
static const char *short_title(yaml_ctx *y, const char *desc)
{
    size_t n = strlen(desc);
    if (n <= 80)
        return desc;
    size_t cut = 77;
    while (cut > 40 && desc[cut] != ' ')
        cut--;
    char buf[96];
    snprintf(buf, sizeof buf, "%.*s...", (int)cut, desc);
    return xw_plan_str(y->plan, buf);
}

static int depth_ok(yaml_ctx *y, yaml_node_t *n, int depth)
{
    if (!n || depth > XW_YAML_MAX_DEPTH)
        return n == NULL;
    if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *i = n->data.sequence.items.start;
             i < n->data.sequence.items.top; i++)
            if (!depth_ok(y, node(y, *i), depth + 1))
                return 0;
    } else if (n->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
             p < n->data.mapping.pairs.top; p++)
            if (!depth_ok(y, node(y, p->value), depth + 1))
                return 0;
    }
    return 1;
}

/* FNV-1a, for finding a URN's control among the nodes already read. */
static uint64_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h == UINT64_MAX ? 0 : h;
}

static xw_status read_framework(yaml_ctx *y, yaml_node_t *root,
                                yaml_node_t *fw, const xw_file *f,
                                const xw_read_opts *o)
{
    const char *urn = get_text(y, fw, "urn");
    if (!urn)
        return fail_at(y, fw, "%sthe framework has no urn", "");
    xw_plan_framework *pf = xw_plan_add_framework(y->plan, y->path, f->sha256,
                                                  y->err);
    if (!pf)
        return y->err->status;
    xw_framework_meta *m = &pf->meta;
    m->urn = urn;
    m->id = o->id ? xw_plan_str(y->plan, o->id) : urn_tail(urn);
    m->name = o->name ? xw_plan_str(y->plan, o->name) : get_text(y, fw, "name");
    if (!m->name)
        m->name = m->id;
    m->version = o->version ? xw_plan_str(y->plan, o->version)
                            : get_text(y, root, "version");
    if (!m->version)
        m->version = "1";
    /* The library does not say whose law or standard it is: ZZ (unknown)
     * unless --jurisdiction says. */
    m->jurisdiction = o->jurisdiction ? xw_plan_str(y->plan, o->jurisdiction)
                                      : "ZZ";
    m->issuer = get_text(y, root, "provider");
    m->kind = "framework";
    const char *date = get_text(y, root, "publication_date");
    m->published = date && xw_is_date(date) ? date : NULL;
    m->license = get_text(y, root, "copyright");
    m->language = get_text(y, root, "locale");
    m->status = o->status ? xw_plan_str(y->plan, o->status) : "provisional";

    yaml_node_t *nodes = get(y, fw, "requirement_nodes");
    if (!nodes || nodes->type != YAML_SEQUENCE_NODE)
        return fail_at(y, fw, "%sthe framework has no requirement_nodes list",
                       "");
    xw_hashmap by_urn = {0};
    xw_status s = XW_OK;
    /* First pass: ids, so that parents can be resolved in any order. */
    for (yaml_node_item_t *i = nodes->data.sequence.items.start;
         i < nodes->data.sequence.items.top && s == XW_OK; i++) {
        yaml_node_t *n = node(y, *i);
        const char *nurn = get_text(y, n, "urn");
        if (!nurn) {
            s = fail_at(y, n, "%sa requirement node has no urn", "");
            break;
        }
        xw_control_in *c = xw_plan_add_control(y->plan, pf, y->err);
        if (!c) {
            s = y->err->status;
            break;
        }
        const char *ref = get_text(y, n, "ref_id");
        c->urn = nurn;
        c->id = ref ? ref : node_tail(nurn);
        c->line = (long)n->start_mark.line + 1;
        const char *name = get_text(y, n, "name");
        const char *desc = get_text(y, n, "description");
        c->title = name ? name : ref ? ref : desc ? short_title(y, desc) : c->id;
        c->description = desc;
        c->source_ref = ref;
        const char *assessable = get_text(y, n, "assessable");
        c->assessable = assessable && (!strcmp(assessable, "true") ||
                                       !strcmp(assessable, "True"));
        if (xw_hashmap_put(&by_urn, hash(nurn), pf->ncontrols - 1) != 0)
            s = xw_fail(y->err, XW_ENOMEM, "out of memory");
    }
    /* Second pass: parents. */
    size_t k = 0;
    for (yaml_node_item_t *i = nodes->data.sequence.items.start;
         i < nodes->data.sequence.items.top && s == XW_OK; i++, k++) {
        yaml_node_t *n = node(y, *i);
        const char *parent = get_text(y, n, "parent_urn");
        size_t p;
        if (!parent)
            continue;
        if (xw_hashmap_get(&by_urn, hash(parent), &p) &&
            !strcmp(pf->controls[p].urn, parent))
            pf->controls[k].parent = pf->controls[p].id;
        else
            s = fail_at(y, get(y, n, "parent_urn"),
                        "parent_urn \"%s\" names no node of this framework",
                        parent);
    }
    xw_hashmap_free(&by_urn);
    return s;
}

/* One row key, for spotting a reverse row that the forward set holds. */
static uint64_t pair_key(const char *a, const char *b)
{
    return hash(a) * 31 + hash(b);
}

static xw_status read_set_rows(yaml_ctx *y, yaml_node_t *set, xw_plan_set *ps,
                               int reverse, xw_hashmap *forward)
{
    yaml_node_t *rows = get(y, set, "requirement_mappings");
    if (!rows || rows->type != YAML_SEQUENCE_NODE)
        return fail_at(y, set, "%sthe mapping set has no requirement_mappings "
                               "list",
                       "");
    for (yaml_node_item_t *i = rows->data.sequence.items.start;
         i < rows->data.sequence.items.top; i++) {
        yaml_node_t *n = node(y, *i);
        const char *src = get_text(y, n, "source_requirement_urn");
        const char *tgt = get_text(y, n, "target_requirement_urn");
        const char *rel = get_text(y, n, "relationship");
        if (!src || !tgt || !rel)
            return fail_at(y, n,
                           "%sa mapping needs source_requirement_urn, "
                           "target_requirement_urn and relationship",
                           "");
        int r = xw_relationship_parse(rel);
        if (r < 0)
            return fail_at(y, get(y, n, "relationship"),
                           "unknown relationship \"%s\" (expected equal, "
                           "subset, superset, intersect or not_related)",
                           rel);
        if (reverse) {
            /* Read the reverse row the forward way. */
            const char *t = src;
            src = tgt;
            tgt = t;
            r = (int)xw_relationship_inverse((xw_relationship)r);
            size_t seen;
            if (xw_hashmap_get(forward, pair_key(src, tgt), &seen)) {
                ps->merged_reverse++;
                continue;
            }
        } else if (xw_hashmap_put(forward, pair_key(src, tgt), 1) != 0) {
            return xw_fail(y->err, XW_ENOMEM, "out of memory");
        }
        xw_plan_row *row = xw_plan_add_row(y->plan, ps, y->err);
        if (!row)
            return y->err->status;
        row->in.source = src;
        row->in.target = tgt;
        row->in.relationship = xw_relationship_name((xw_relationship)r);
        row->in.rationale = get_text(y, n, "rationale");
        row->in.strength = get_text(y, n, "strength_of_relationship");
        row->in.note = get_text(y, n, "annotation");
        row->in.line = (long)n->start_mark.line + 1;
        row->column = (long)n->start_mark.column + 1;
    }
    return XW_OK;
}

static xw_status read_mappings(yaml_ctx *y, yaml_node_t *root,
                               yaml_node_t *objects, const xw_file *f,
                               const xw_read_opts *o)
{
    yaml_node_t *one = get(y, objects, "requirement_mapping_set");
    yaml_node_t *many = get(y, objects, "requirement_mapping_sets");
    yaml_node_t *sets[2] = {NULL, NULL};
    int nsets = 0;
    if (one)
        sets[nsets++] = one;
    if (many && many->type == YAML_SEQUENCE_NODE)
        for (yaml_node_item_t *i = many->data.sequence.items.start;
             i < many->data.sequence.items.top; i++) {
            if (nsets == 2)
                return fail_at(y, many, "%smore than two mapping sets in one "
                                        "file (expected one, or one each way)",
                               "");
            sets[nsets++] = node(y, *i);
        }
    if (!nsets)
        return fail_at(y, objects, "%sno requirement_mapping_set", "");
    xw_plan_set *ps = xw_plan_add_set(y->plan, y->path, f->sha256, y->err);
    if (!ps)
        return y->err->status;
    const char *urn = get_text(y, sets[0], "urn");
    const char *ref = get_text(y, sets[0], "ref_id");
    ps->meta.urn = urn;
    ps->meta.id = o->id ? xw_plan_str(y->plan, o->id)
                  : ref ? ref
                        : urn_tail(urn ? urn : get_text(y, root, "urn"));
    ps->meta.version = get_text(y, root, "version");
    ps->meta.author = get_text(y, root, "provider");
    ps->meta.published = get_text(y, root, "publication_date");
    if (ps->meta.published && !xw_is_date(ps->meta.published))
        ps->meta.published = NULL;
    ps->meta.license = get_text(y, root, "copyright");
    ps->meta.source = o->source ? xw_plan_str(y->plan, o->source) : NULL;
    ps->meta.target = o->target ? xw_plan_str(y->plan, o->target) : NULL;
    ps->source_urn = get_text(y, sets[0], "source_framework_urn");
    ps->target_urn = get_text(y, sets[0], "target_framework_urn");
    ps->refs_are_urns = 1;
    if (!ps->source_urn || !ps->target_urn)
        return fail_at(y, sets[0], "%sthe mapping set lacks "
                                   "source_framework_urn or "
                                   "target_framework_urn",
                       "");
    xw_hashmap forward = {0};
    xw_status s = read_set_rows(y, sets[0], ps, 0, &forward);
    if (s == XW_OK && nsets == 2) {
        const char *s2 = get_text(y, sets[1], "source_framework_urn");
        const char *t2 = get_text(y, sets[1], "target_framework_urn");
        int reverse = s2 && t2 && !strcmp(s2, ps->target_urn) &&
                      !strcmp(t2, ps->source_urn);
        int same = s2 && t2 && !strcmp(s2, ps->source_urn) &&
                   !strcmp(t2, ps->target_urn);
        if (!reverse && !same)
            s = fail_at(y, sets[1], "%sthe second mapping set does not link "
                                    "the same two frameworks",
                        "");
        else
            s = read_set_rows(y, sets[1], ps, reverse, &forward);
    }
    xw_hashmap_free(&forward);
    return s;
}

xw_status xw_read_ciso_yaml(xw_plan *p, const char *path, const xw_file *f,
                            const xw_read_opts *o, xw_error *err)
{
    yaml_parser_t parser;
    yaml_ctx y = {.path = path, .plan = p, .err = err};
    if (!yaml_parser_initialize(&parser))
        return xw_fail(err, XW_ENOMEM, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)f->data,
                                 f->len);
    if (!yaml_parser_load(&parser, &y.doc)) {
        xw_status s = xw_fail_at(
            err, XW_EINPUT, path, (long)parser.problem_mark.line + 1,
            (long)parser.problem_mark.column + 1, "YAML: %s%s%s",
            parser.problem ? parser.problem : "malformed document",
            parser.context ? " " : "", parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return s;
    }
    yaml_parser_delete(&parser);
    xw_status s;
    yaml_node_t *root = yaml_document_get_root_node(&y.doc);
    yaml_node_t *objects = get(&y, root, "objects");
    if (!root || root->type != YAML_MAPPING_NODE || !objects)
        s = xw_fail_at(err, XW_EINPUT, path, 1, 1,
                       "not a CISO Assistant library (expected a mapping "
                       "with urn and objects)");
    else if (!depth_ok(&y, root, 0))
        s = xw_fail_at(err, XW_EINPUT, path, 0, 0,
                       "document nested deeper than %d levels",
                       XW_YAML_MAX_DEPTH);
    else if (get(&y, objects, "framework"))
        s = read_framework(&y, root, get(&y, objects, "framework"), f, o);
    else
        s = read_mappings(&y, root, objects, f, o);
    yaml_document_delete(&y.doc);
    return s;
}
