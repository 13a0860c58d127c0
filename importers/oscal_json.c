/*
 * oscal_json.c - reads an OSCAL catalog in JSON (NIST publishes SP 800-53
 * rev5 this way).  Groups become headings; controls and enhancements keep
 * their parent; a control's id is its published label (AC-2(1)) when it has
 * one (and it is a short identifier); the statement parts, with their item
 * labels and parameters, become
 * the description; the sort-id and withdrawn status are kept, and so are
 * links between controls (related, required, incorporated-into, moved-to).
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

typedef struct oscal_ctx {
    xw_plan *plan;
    xw_plan_framework *fw;
    const char *path;
    xw_error *err;
    /* OSCAL ids and the ids they became, for links */
    const char **oscal_ids;
    const char **our_ids;
    size_t nids, capids;
} oscal_ctx;

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *prop(json_t *o, const char *name)
{
    json_t *props = json_object_get(o, "props");
    size_t i;
    json_t *p;
    json_array_foreach(props, i, p)
    {
        const char *n = str(p, "name");
        if (n && !strcmp(n, name))
            return str(p, "value");
    }
    return NULL;
}

static xw_status remember(oscal_ctx *c, const char *oscal_id,
                          const char *our_id)
{
    if (c->nids == c->capids) {
        size_t cap = c->capids ? c->capids * 2 : 256;
        const char **a = realloc(c->oscal_ids, cap * sizeof *a);
        if (a)
            c->oscal_ids = a;
        const char **b = realloc(c->our_ids, cap * sizeof *b);
        if (b)
            c->our_ids = b;
        if (!a || !b)
            return xw_fail(c->err, XW_ENOMEM, "out of memory");
        c->capids = cap;
    }
    c->oscal_ids[c->nids] = oscal_id;
    c->our_ids[c->nids] = our_id;
    c->nids++;
    return XW_OK;
}

static const char *our_id(oscal_ctx *c, const char *oscal_id)
{
    for (size_t i = 0; i < c->nids; i++)
        if (!strcmp(c->oscal_ids[i], oscal_id))
            return c->our_ids[i];
    return NULL;
}

/* Prose with "{{ insert: param, ID }}" replaced by the parameter's label
 * (or its choices). */
static void prose(xw_buf *b, const char *text, json_t *params)
{
    const char *p = text;
    while (*p) {
        const char *open = strstr(p, "{{");
        const char *close = open ? strstr(open, "}}") : NULL;
        if (!open || !close) {
            xw_buf_append(b, p, strlen(p));
            return;
        }
        xw_buf_append(b, p, (size_t)(open - p));
        const char *comma = memchr(open, ',', (size_t)(close - open));
        char id[128] = "";
        if (comma) {
            const char *s = comma + 1;
            while (s < close && isspace((unsigned char)*s))
                s++;
            size_t n = (size_t)(close - s);
            while (n && isspace((unsigned char)s[n - 1]))
                n--;
            if (n < sizeof id) {
                memcpy(id, s, n);
                id[n] = '\0';
            }
        }
        const char *label = NULL;
        size_t i;
        json_t *param;
        json_array_foreach(params, i, param)
        {
            const char *pid = str(param, "id");
            if (pid && !strcmp(pid, id)) {
                label = str(param, "label");
                if (!label && json_object_get(param, "select"))
                    label = "selection";
            }
        }
        xw_buf_printf(b, "[%s]", label ? label : "parameter");
        p = close + 2;
    }
}

static void statement(xw_buf *b, json_t *part, json_t *params, int depth)
{
    const char *label = prop(part, "label");
    const char *text = str(part, "prose");
    if (label || text) {
        if (b->len)
            xw_buf_append(b, depth > 1 ? " " : "\n", 1);
        if (label)
            xw_buf_printf(b, "%s ", label);
        if (text) {
            while (*text == ' ')
                text++;
            prose(b, text, params);
        }
    }
    size_t i;
    json_t *sub;
    json_array_foreach(json_object_get(part, "parts"), i, sub)
        statement(b, sub, params, depth + 1);
}

static xw_status read_controls(oscal_ctx *c, json_t *list, const char *parent);
static xw_status read_groups(oscal_ctx *c, json_t *groups, const char *parent);

static xw_status read_control(oscal_ctx *c, json_t *ctl, const char *parent,
                              int group)
{
    const char *oid = str(ctl, "id");
    const char *title = str(ctl, "title");
    if (!oid || !title)
        return xw_fail_at(c->err, XW_EINPUT, c->path, 0, 0,
                          "a %s without an id or a title",
                          group ? "group" : "control");
    /* The published label is the id people cite (AC-2(1)) when it is a
     * short identifier; some catalogs put a title in it instead. */
    const char *label = prop(ctl, "label");
    if (label && strpbrk(label, " \t\n"))
        label = NULL;
    xw_control_in *in = xw_plan_add_control(c->plan, c->fw, c->err);
    if (!in)
        return c->err->status;
    in->id = xw_plan_str(c->plan, label ? label : oid);
    in->alt_id = xw_plan_str(c->plan, oid);
    in->parent = parent;
    in->title = xw_plan_str(c->plan, title);
    in->assessable = !group;
    in->source_ref = in->id;
    in->sort_key = xw_plan_str(c->plan, prop(ctl, "sort-id"));
    const char *status = prop(ctl, "status");
    in->withdrawn = status && !strcmp(status, "withdrawn");
    const char *cls = str(ctl, "class");
    in->tags = xw_plan_str(c->plan, cls);
    xw_buf d = {0};
    size_t i;
    json_t *part;
    json_array_foreach(json_object_get(ctl, "parts"), i, part)
    {
        const char *name = str(part, "name");
        if (name && (!strcmp(name, "statement") ||
                     (group && !strcmp(name, "overview"))))
            statement(&d, part, json_object_get(ctl, "params"), 0);
    }
    in->description = d.data ? xw_plan_str(c->plan, d.data) : NULL;
    xw_buf_free(&d);
    const char *me = in->id;
    xw_status s = remember(c, xw_plan_str(c->plan, oid), me);
    if (s == XW_OK)
        s = read_controls(c, json_object_get(ctl, "controls"), me);
    if (s == XW_OK && group)
        s = read_groups(c, json_object_get(ctl, "groups"), me);
    return s;
}

static xw_status read_controls(oscal_ctx *c, json_t *list, const char *parent)
{
    size_t i;
    json_t *ctl;
    json_array_foreach(list, i, ctl)
    {
        xw_status s = read_control(c, ctl, parent, 0);
        if (s != XW_OK)
            return s;
    }
    return XW_OK;
}

static xw_status read_groups(oscal_ctx *c, json_t *groups, const char *parent)
{
    size_t i;
    json_t *g;
    json_array_foreach(groups, i, g)
    {
        xw_status s = read_control(c, g, parent, 1);
        if (s != XW_OK)
            return s;
    }
    return XW_OK;
}

/* Links between controls, once every control's id is known. */
static xw_status read_links(oscal_ctx *c, json_t *list)
{
    size_t i;
    json_t *ctl;
    json_array_foreach(list, i, ctl)
    {
        const char *from = our_id(c, str(ctl, "id") ? str(ctl, "id") : "");
        size_t k;
        json_t *link;
        json_array_foreach(json_object_get(ctl, "links"), k, link)
        {
            const char *rel = str(link, "rel"), *href = str(link, "href");
            if (!from || !rel || !href || href[0] != '#' ||
                !strcmp(rel, "reference"))
                continue;
            const char *to = our_id(c, href + 1);
            if (to) {
                xw_status s = xw_plan_add_link(c->plan, c->fw, from, rel, to,
                                               c->err);
                if (s != XW_OK)
                    return s;
            }
        }
        xw_status s = read_links(c, json_object_get(ctl, "controls"));
        if (s == XW_OK)
            s = read_links(c, json_object_get(ctl, "groups"));
        if (s != XW_OK)
            return s;
    }
    return XW_OK;
}

/* A slug from a title: lower case, runs of other characters as '-'. */
static const char *slug(xw_plan *p, const char *title, const char *version)
{
    char buf[96];
    size_t n = 0;
    int dash = 0;
    for (const char *s = title; *s && n < 60; s++) {
        if (isalnum((unsigned char)*s)) {
            if (dash && n)
                buf[n++] = '-';
            buf[n++] = (char)tolower((unsigned char)*s);
            dash = 0;
        } else {
            dash = 1;
        }
    }
    buf[n] = '\0';
    if (version)
        snprintf(buf + n, sizeof buf - n, "-%s", version);
    for (char *s = buf; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-')
            *s = '-';
    return xw_plan_str(p, buf[0] ? buf : "oscal-catalog");
}

xw_status xw_json_load(const char *path, const xw_file *f, json_t **root,
                       xw_error *err)
{
    json_error_t je;
    *root = json_loadb(f->data, f->len, JSON_REJECT_DUPLICATES, &je);
    if (!*root)
        return xw_fail_at(err, XW_EINPUT, path, je.line, je.column, "JSON: %s",
                          je.text);
    return XW_OK;
}

xw_status xw_read_oscal_json(xw_plan *p, const char *path, const xw_file *f,
                             const xw_read_opts *o, xw_error *err)
{
    json_t *root;
    xw_status s = xw_json_load(path, f, &root, err);
    if (s != XW_OK)
        return s;
    s = xw_read_oscal_model(p, path, f, root, o, err);
    json_decref(root);
    return s;
}

xw_status xw_read_oscal_model(xw_plan *p, const char *path, const xw_file *f,
                              json_t *root, const xw_read_opts *o,
                              xw_error *err)
{
    json_t *cat = json_object_get(root, "catalog");
    json_t *meta = json_object_get(cat, "metadata");
    xw_status s = XW_OK;
    if (!json_is_object(cat) || !json_is_object(meta) || !str(meta, "title"))
        s = xw_fail_at(err, XW_EINPUT, path, 0, 0,
                       "not an OSCAL catalog (expected catalog.metadata.title)");
    oscal_ctx c = {p, NULL, path, err, NULL, NULL, 0, 0};
    if (s == XW_OK && !(c.fw = xw_plan_add_framework(p, path, f->sha256, err)))
        s = err->status;
    if (s == XW_OK) {
        xw_framework_meta *m = &c.fw->meta;
        const char *version = str(meta, "version");
        m->name = o->name ? xw_plan_str(p, o->name)
                          : xw_plan_str(p, str(meta, "title"));
        m->version = xw_plan_str(p, o->version ? o->version
                                    : version  ? version
                                               : "1");
        m->id = o->id ? xw_plan_str(p, o->id)
                      : slug(p, str(meta, "title"), str(meta, "version"));
        m->jurisdiction = xw_plan_str(p, o->jurisdiction ? o->jurisdiction
                                                         : "ZZ");
        m->kind = "standard";
        m->status = xw_plan_str(p, o->status ? o->status : "official");
        const char *published = str(meta, "published");
        if (published && strlen(published) >= 10)
            m->published = xw_plan_strn(p, published, 10);
        m->language = "en";
        s = read_groups(&c, json_object_get(cat, "groups"), NULL);
    }
    if (s == XW_OK)
        s = read_controls(&c, json_object_get(cat, "controls"), NULL);
    if (s == XW_OK)
        s = read_links(&c, json_object_get(cat, "groups"));
    if (s == XW_OK)
        s = read_links(&c, json_object_get(cat, "controls"));
    free(c.oscal_ids);
    free(c.our_ids);
    return s;
}
