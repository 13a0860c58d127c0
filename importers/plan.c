/*
 * plan.c - building a plan (plan.h) and the memory behind it.
 */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

const char *xw_plan_str(xw_plan *p, const char *s)
{
    return s ? xw_arena_strdup(&p->arena, s) : NULL;
}

const char *xw_plan_strn(xw_plan *p, const char *s, size_t n)
{
    char *d = xw_arena_alloc(&p->arena, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Grows *arr (of elem bytes each) to hold one more; returns the new slot,
 * zeroed. */
static void *grow(void **arr, size_t *n, size_t *cap, size_t elem)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        void *a = realloc(*arr, c * elem);
        if (!a)
            return NULL;
        *arr = a;
        *cap = c;
    }
    void *slot = (char *)*arr + *n * elem;
    memset(slot, 0, elem);
    (*n)++;
    return slot;
}

xw_plan_framework *xw_plan_add_framework(xw_plan *p, const char *file,
                                         const char *sha256, xw_error *err)
{
    xw_plan_framework *f = grow((void **)&p->fws, &p->nfws, &p->capfws,
                                sizeof *f);
    if (!f) {
        xw_fail(err, XW_ENOMEM, "out of memory");
        return NULL;
    }
    f->file = xw_plan_str(p, file);
    snprintf(f->sha256, sizeof f->sha256, "%s", sha256);
    return f;
}

xw_control_in *xw_plan_add_control(xw_plan *p, xw_plan_framework *f,
                                   xw_error *err)
{
    (void)p;
    xw_control_in *c = grow((void **)&f->controls, &f->ncontrols,
                            &f->capcontrols, sizeof *c);
    if (!c)
        xw_fail(err, XW_ENOMEM, "out of memory");
    else
        c->assessable = 1;
    return c;
}

xw_status xw_plan_add_link(xw_plan *p, xw_plan_framework *f, const char *from,
                           const char *rel, const char *to, xw_error *err)
{
    xw_plan_link *l = grow((void **)&f->links, &f->nlinks, &f->caplinks,
                           sizeof *l);
    if (!l)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    l->from = xw_plan_str(p, from);
    l->rel = xw_plan_str(p, rel);
    l->to = xw_plan_str(p, to);
    return XW_OK;
}

xw_plan_set *xw_plan_add_set(xw_plan *p, const char *file, const char *sha256,
                             xw_error *err)
{
    xw_plan_set *s = grow((void **)&p->sets, &p->nsets, &p->capsets,
                          sizeof *s);
    if (!s) {
        xw_fail(err, XW_ENOMEM, "out of memory");
        return NULL;
    }
    s->file = xw_plan_str(p, file);
    snprintf(s->sha256, sizeof s->sha256, "%s", sha256);
    return s;
}

xw_plan_row *xw_plan_add_row(xw_plan *p, xw_plan_set *s, xw_error *err)
{
    (void)p;
    xw_plan_row *r = grow((void **)&s->rows, &s->nrows, &s->caprows,
                          sizeof *r);
    if (!r)
        xw_fail(err, XW_ENOMEM, "out of memory");
    return r;
}

xw_status xw_plan_add_gap(xw_plan *p, xw_plan_set *s, const char *side,
                          const char *control, xw_error *err)
{
    xw_plan_gap *g = grow((void **)&s->gaps, &s->ngaps, &s->capgaps,
                          sizeof *g);
    if (!g)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    g->side = side;
    g->control = xw_plan_str(p, control);
    return XW_OK;
}

void xw_plan_free(xw_plan *p)
{
    for (size_t i = 0; i < p->nfws; i++) {
        free(p->fws[i].controls);
        free(p->fws[i].links);
    }
    free(p->fws);
    for (size_t i = 0; i < p->nsets; i++) {
        free(p->sets[i].rows);
        free(p->sets[i].gaps);
    }
    free(p->sets);
    xw_arena_free(&p->arena);
    memset(p, 0, sizeof *p);
}
