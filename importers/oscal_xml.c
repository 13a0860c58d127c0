/*
 * oscal_xml.c - reads an OSCAL catalog in XML (NIST publishes the CSF 2.0
 * source this way) by turning its tree into the JSON model of the same
 * OSCAL catalog, so that one reader (oscal_json.c) gives both formats the
 * same meaning.
 */
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static void set_attr(json_t *o, const xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (v) {
        json_object_set_new(o, attr, json_string((const char *)v));
        xmlFree(v);
    }
}

/* Text with the layout whitespace of pretty-printed XML folded to single
 * spaces. */
static json_t *folded(const xmlChar *v)
{
    size_t n = strlen((const char *)v), o = 0;
    char *buf = malloc(n + 1);
    if (!buf)
        return json_string("");
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = (char)v[i];
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            space = o > 0;
            continue;
        }
        if (space)
            buf[o++] = ' ';
        space = 0;
        buf[o++] = ch;
    }
    buf[o] = '\0';
    json_t *s = json_string(buf);
    free(buf);
    return s;
}

static void set_text(json_t *o, const char *key, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (v) {
        json_object_set_new(o, key, folded(v));
        xmlFree(v);
    }
}

static void append(json_t *o, const char *key, json_t *item)
{
    json_t *arr = json_object_get(o, key);
    if (!arr) {
        arr = json_array();
        json_object_set_new(o, key, arr);
    }
    json_array_append_new(arr, item);
}

/* <part> with its <p> prose and nested parts. */
static json_t *part(const xmlNode *n)
{
    json_t *o = json_object();
    set_attr(o, n, "id");
    set_attr(o, n, "name");
    xmlBuffer *prose = xmlBufferCreate();
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "p")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                if (xmlBufferLength(prose))
                    xmlBufferCCat(prose, " ");
                xmlBufferCat(prose, t);
                xmlFree(t);
            }
        } else if (is(c, "part")) {
            append(o, "parts", part(c));
        } else if (is(c, "prop")) {
            json_t *p = json_object();
            set_attr(p, c, "name");
            set_attr(p, c, "value");
            append(o, "props", p);
        }
    }
    if (xmlBufferLength(prose))
        json_object_set_new(o, "prose", folded(xmlBufferContent(prose)));
    xmlBufferFree(prose);
    return o;
}

/* <group> or <control>, recursively. */
static json_t *item(const xmlNode *n)
{
    json_t *o = json_object();
    set_attr(o, n, "id");
    set_attr(o, n, "class");
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "title"))
            set_text(o, "title", c);
        else if (is(c, "prop")) {
            json_t *p = json_object();
            set_attr(p, c, "name");
            set_attr(p, c, "value");
            append(o, "props", p);
        } else if (is(c, "link")) {
            json_t *l = json_object();
            set_attr(l, c, "href");
            set_attr(l, c, "rel");
            append(o, "links", l);
        } else if (is(c, "param")) {
            json_t *p = json_object();
            set_attr(p, c, "id");
            for (const xmlNode *k = c->children; k; k = k->next)
                if (is(k, "label"))
                    set_text(p, "label", k);
            append(o, "params", p);
        } else if (is(c, "part")) {
            append(o, "parts", part(c));
        } else if (is(c, "control")) {
            append(o, "controls", item(c));
        } else if (is(c, "group")) {
            append(o, "groups", item(c));
        }
    }
    return o;
}

/* The first error libxml2 reports is the one that says what went wrong;
 * later ones follow from it. */
typedef struct first_error {
    int seen;
    int line, column;
    char message[512];
} first_error;

static void keep_first(void *ctx, xmlErrorPtr e)
{
    first_error *fe = ctx;
    if (fe->seen || !e || e->level < XML_ERR_ERROR)
        return;
    fe->seen = 1;
    fe->line = e->line;
    fe->column = e->int2;
    snprintf(fe->message, sizeof fe->message, "%s",
             e->message ? e->message : "malformed document");
    size_t n = strlen(fe->message);
    while (n && (fe->message[n - 1] == '\n' || fe->message[n - 1] == ' '))
        fe->message[--n] = '\0';
}

xw_status xw_read_oscal_xml(xw_plan *p, const char *path, const xw_file *f,
                            const xw_read_opts *o, xw_error *err)
{
    /* No network, no entity expansion, no huge-document relaxations.  The
     * error handler is libxml2's own global; it is set for this one parse
     * and put back. */
    first_error fe = {0};
    xmlSetStructuredErrorFunc(&fe, keep_first);
    xmlDoc *doc = xmlReadMemory(f->data, (int)f->len, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc)
        return xw_fail_at(err, XW_EINPUT, path, fe.line, fe.column, "XML: %s",
                          fe.seen ? fe.message : "malformed document");
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || !is(root, "catalog")) {
        xmlFreeDoc(doc);
        return xw_fail_at(err, XW_EINPUT, path, 0, 0,
                          "not an OSCAL catalog (the root element is not "
                          "catalog)");
    }
    json_t *cat = json_object(), *meta = json_object();
    json_object_set_new(cat, "metadata", meta);
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (is(c, "metadata")) {
            for (const xmlNode *m = c->children; m; m = m->next)
                if (is(m, "title") || is(m, "version") || is(m, "published"))
                    set_text(meta, (const char *)m->name, m);
        } else if (is(c, "group")) {
            append(cat, "groups", item(c));
        } else if (is(c, "control")) {
            append(cat, "controls", item(c));
        }
    }
    xmlFreeDoc(doc);
    json_t *top = json_object();
    json_object_set_new(top, "catalog", cat);
    xw_status s = xw_read_oscal_model(p, path, f, top, o, err);
    json_decref(top);
    return s;
}
