/*
 * derive.c - derived relationships through pivot frameworks.
 *
 * The frameworks form a graph whose edges are mapping sets.  Every simple
 * path of frameworks from the source to the target with at most max_hops
 * edges (the inner ones being allowed pivots) is followed at control level:
 * each mapping row is an edge read in the path's direction (inverted when a
 * set is walked backwards), and the relation masks are composed hop by hop.
 * Paths that join the same two controls intersect their masks; so do the
 * direct rows between the two frameworks and, where a set from the source
 * to the target is exhaustive, the no-relationship its silence implies.
 *
 * Only the rows of the sets on some framework path are read, each set once.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define XW_PATHS_SHOWN 8
/* Bound on the control-level path steps one derivation may take. */
#define XW_MAX_PATH_STEPS 50000000L

typedef struct set_info {
    long sid;
    char *id, *author;
    int source, target; /* framework indexes */
    int exhaustive;
} set_info;

typedef struct fw_info {
    char *id;
    int allowed; /* may be a pivot */
    /* controls loaded for path text: cid -> id */
    int loaded;
} fw_info;

typedef struct edge {
    long from, to;
    int rel; /* relationship read from -> to */
    unsigned mask;
    int strength;
    int rationale; /* index into rationale words; 0 = none */
    int set;       /* set index */
} edge;

typedef struct hop_edges {
    int from_fw, to_fw;
    edge *e;
    size_t n;
} hop_edges;

/* A hop of a shown path, resolved to text when the result is built. */
typedef struct hop_ref {
    int path;
    const edge *e;
    int from_fw, to_fw;
} hop_ref;

typedef struct pair_acc {
    long s, t;
    hop_ref *hops;
    size_t nhops;
    unsigned mask;
    int npaths;
    int strength;
    int rationale; /* -1 none yet, -2 mixed */
    xw_buf paths;
    int shown;
    int direct;
} pair_acc;

struct xw_derivation {
    xw_arena arena;
    xw_derived_pair *pairs;
    size_t n;
};

typedef struct derive_state {
    xw_db *db;
    const xw_derive_opts *opts;
    xw_error *err;
    fw_info *fws;
    int nfw;
    set_info *sets;
    int nsets;
    int src, dst;
    hop_edges *hops; /* cache, one per directed framework pair */
    int nhops, caphops;
    /* current framework path */
    int path_fw[16];
    int path_len;
    /* the controls of the frameworks on some path: id, title, ordinal */
    xw_hashmap cid_index;
    char **cid_names;
    char **cid_titles;
    long *cid_ordinals;
    size_t ncid, capcid;
    /* results */
    pair_acc *acc;
    size_t nacc, capacc;
    xw_hashmap pair_index;
    long steps;
    long only_target; /* cid, or -1 for every target control */
    xw_status status;
} derive_state;

static const char *const rationale_words[] = {"", "syntactic", "semantic",
                                              "functional"};

static int rationale_index(const char *r)
{
    for (int i = 1; i < 4; i++)
        if (r && !strcmp(r, rationale_words[i]))
            return i;
    return 0;
}

static int fw_index(derive_state *st, const char *id)
{
    for (int i = 0; i < st->nfw; i++)
        if (!strcmp(st->fws[i].id, id))
            return i;
    return -1;
}

static xw_status load_graph(derive_state *st)
{
    sqlite3_stmt *q;
    xw_status s = xw_prepare(st->db, "SELECT id FROM framework ORDER BY id",
                             &q, st->err);
    if (s != XW_OK)
        return s;
    while (sqlite3_step(q) == SQLITE_ROW) {
        fw_info *f = realloc(st->fws, (size_t)(st->nfw + 1) * sizeof *f);
        if (!f) {
            sqlite3_finalize(q);
            return xw_fail(st->err, XW_ENOMEM, "out of memory");
        }
        st->fws = f;
        memset(&f[st->nfw], 0, sizeof *f);
        f[st->nfw].id = strdup((const char *)sqlite3_column_text(q, 0));
        f[st->nfw].allowed = 1;
        st->nfw++;
    }
    sqlite3_finalize(q);
    if ((s = xw_prepare(st->db, "SELECT sid, id, source, target, exhaustive,"
                                " author FROM mapping_set ORDER BY id",
                        &q, st->err)) != XW_OK)
        return s;
    while (sqlite3_step(q) == SQLITE_ROW) {
        set_info *si = realloc(st->sets, (size_t)(st->nsets + 1) * sizeof *si);
        if (!si) {
            sqlite3_finalize(q);
            return xw_fail(st->err, XW_ENOMEM, "out of memory");
        }
        st->sets = si;
        set_info *x = &si[st->nsets++];
        x->sid = sqlite3_column_int64(q, 0);
        x->id = strdup((const char *)sqlite3_column_text(q, 1));
        x->source = fw_index(st, (const char *)sqlite3_column_text(q, 2));
        x->target = fw_index(st, (const char *)sqlite3_column_text(q, 3));
        x->exhaustive = sqlite3_column_int(q, 4);
        const char *author = (const char *)sqlite3_column_text(q, 5);
        x->author = author ? strdup(author) : NULL;
    }
    sqlite3_finalize(q);
    return XW_OK;
}

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

static int passes(const xw_row_filter *f, int strength, int rationale)
{
    if (f->min_strength >= 0 && (strength < 0 || strength < f->min_strength))
        return 0;
    if (f->rationale && strcmp(rationale_words[rationale], f->rationale))
        return 0;
    return 1;
}

/* The edges from framework a to framework b, read in that direction, from
 * every set between them; loaded once and kept sorted by source control. */
static hop_edges *hop(derive_state *st, int a, int b)
{
    for (int i = 0; i < st->nhops; i++)
        if (st->hops[i].from_fw == a && st->hops[i].to_fw == b)
            return &st->hops[i];
    if (st->nhops == st->caphops) {
        int cap = st->caphops ? st->caphops * 2 : 16;
        hop_edges *h = realloc(st->hops, (size_t)cap * sizeof *h);
        if (!h) {
            st->status = xw_fail(st->err, XW_ENOMEM, "out of memory");
            return NULL;
        }
        st->hops = h;
        st->caphops = cap;
    }
    hop_edges *h = &st->hops[st->nhops++];
    memset(h, 0, sizeof *h);
    h->from_fw = a;
    h->to_fw = b;
    size_t cap = 0;
    sqlite3_stmt *q;
    if (xw_prepare(st->db, "SELECT source, target, relationship, strength,"
                           " rationale FROM mapping WHERE sid = ?1",
                   &q, st->err) != XW_OK) {
        st->status = st->err->status;
        return NULL;
    }
    for (int k = 0; k < st->nsets; k++) {
        set_info *si = &st->sets[k];
        int forward = si->source == a && si->target == b;
        int backward = si->source == b && si->target == a;
        if (!forward && !backward)
            continue;
        sqlite3_bind_int64(q, 1, si->sid);
        while (sqlite3_step(q) == SQLITE_ROW) {
            int rel = xw_relationship_parse(
                (const char *)sqlite3_column_text(q, 2));
            int strength = sqlite3_column_type(q, 3) == SQLITE_NULL
                               ? -1
                               : sqlite3_column_int(q, 3);
            int rat = rationale_index((const char *)sqlite3_column_text(q, 4));
            if (rel < 0 || !passes(&st->opts->filter, strength, rat))
                continue;
            if (h->n == cap) {
                cap = cap ? cap * 2 : 256;
                edge *e = realloc(h->e, cap * sizeof *e);
                if (!e) {
                    sqlite3_finalize(q);
                    st->status = xw_fail(st->err, XW_ENOMEM, "out of memory");
                    return NULL;
                }
                h->e = e;
            }
            unsigned m = xw_mask_of((xw_relationship)rel);
            edge *e = &h->e[h->n++];
            e->from = sqlite3_column_int64(q, forward ? 0 : 1);
            e->to = sqlite3_column_int64(q, forward ? 1 : 0);
            e->mask = forward ? m : xw_mask_inverse(m);
            e->rel = forward ? rel
                             : (int)xw_relationship_inverse((xw_relationship)rel);
            e->strength = strength;
            e->rationale = rat;
            e->set = k;
        }
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    if (h->n)
        qsort(h->e, h->n, sizeof *h->e, cmp_edge);
    return h;
}

/* First edge from control `from` in h, or h->n. */
static size_t first_from(const hop_edges *h, long from)
{
    size_t lo = 0, hi = h->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (h->e[mid].from < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Loads one framework's controls (id, title, document order), once. */
static void load_names(derive_state *st, int fw)
{
    if (st->fws[fw].loaded)
        return;
    st->fws[fw].loaded = 1;
    sqlite3_stmt *q;
    if (xw_prepare(st->db, "SELECT cid, id, title, ordinal FROM control"
                           " WHERE framework = ?1",
                   &q, st->err) != XW_OK) {
        st->status = st->err->status;
        return;
    }
    sqlite3_bind_text(q, 1, st->fws[fw].id, -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (st->ncid == st->capcid) {
            size_t cap = st->capcid ? st->capcid * 2 : 1024;
            char **n = realloc(st->cid_names, cap * sizeof *n);
            if (n)
                st->cid_names = n;
            char **t = realloc(st->cid_titles, cap * sizeof *t);
            if (t)
                st->cid_titles = t;
            long *o = realloc(st->cid_ordinals, cap * sizeof *o);
            if (o)
                st->cid_ordinals = o;
            if (!n || !t || !o) {
                st->status = xw_fail(st->err, XW_ENOMEM, "out of memory");
                break;
            }
            st->capcid = cap;
        }
        st->cid_names[st->ncid] = strdup((const char *)sqlite3_column_text(q, 1));
        st->cid_titles[st->ncid] =
            strdup((const char *)sqlite3_column_text(q, 2));
        st->cid_ordinals[st->ncid] = sqlite3_column_int64(q, 3);
        xw_hashmap_put(&st->cid_index, (uint64_t)sqlite3_column_int64(q, 0),
                       st->ncid);
        st->ncid++;
    }
    sqlite3_finalize(q);
}

/* Index of a loaded control, or (size_t)-1. */
static size_t cid_slot(derive_state *st, long cid)
{
    size_t i;
    return xw_hashmap_get(&st->cid_index, (uint64_t)cid, &i) ? i : (size_t)-1;
}

static const char *cid_name(derive_state *st, long cid)
{
    size_t i;
    return xw_hashmap_get(&st->cid_index, (uint64_t)cid, &i) ? st->cid_names[i]
                                                             : "?";
}

static pair_acc *pair_for(derive_state *st, long s, long t)
{
    uint64_t key = (uint64_t)s << 32 | (uint32_t)t;
    size_t i;
    if (xw_hashmap_get(&st->pair_index, key, &i))
        return &st->acc[i];
    if (st->nacc == st->capacc) {
        size_t cap = st->capacc ? st->capacc * 2 : 256;
        pair_acc *a = realloc(st->acc, cap * sizeof *a);
        if (!a)
            return NULL;
        st->acc = a;
        st->capacc = cap;
    }
    pair_acc *p = &st->acc[st->nacc];
    memset(p, 0, sizeof *p);
    p->s = s;
    p->t = t;
    p->mask = XW_MASK_ALL;
    p->strength = -1;
    p->rationale = -1;
    if (xw_hashmap_put(&st->pair_index, key, st->nacc) != 0)
        return NULL;
    st->nacc++;
    return p;
}

static void record_path(derive_state *st, const edge *const *hops, int k)
{
    /* hop i goes from path_fw[i] to path_fw[i + 1] */
    if (st->only_target >= 0 && hops[k - 1]->to != st->only_target)
        return;
    pair_acc *p = pair_for(st, hops[0]->from, hops[k - 1]->to);
    if (!p) {
        st->status = xw_fail(st->err, XW_ENOMEM, "out of memory");
        return;
    }
    unsigned mask = XW_MASK_EQUAL;
    int strength = 100, rationale = hops[0]->rationale;
    for (int i = 0; i < k; i++) {
        mask = xw_mask_compose(mask, hops[i]->mask);
        if (hops[i]->strength < 0 || strength < 0)
            strength = -1;
        else if (hops[i]->strength < strength)
            strength = hops[i]->strength;
        if (hops[i]->rationale != rationale)
            rationale = -2;
    }
    p->mask &= mask;
    p->npaths++;
    if (strength > p->strength)
        p->strength = strength;
    if (p->rationale == -1)
        p->rationale = rationale;
    else if (p->rationale != rationale)
        p->rationale = -2;
    if (p->shown < XW_PATHS_SHOWN) {
        if (st->opts->hop_detail) {
            hop_ref *more =
                realloc(p->hops, (p->nhops + (size_t)k) * sizeof *more);
            if (!more) {
                st->status = xw_fail(st->err, XW_ENOMEM, "out of memory");
                return;
            }
            p->hops = more;
            for (int i = 0; i < k; i++)
                p->hops[p->nhops++] = (hop_ref){
                    p->shown, hops[i], st->path_fw[i], st->path_fw[i + 1]};
        }
        if (p->shown)
            xw_buf_append(&p->paths, " | ", 3);
        for (int i = 0; i < k; i++) {
            char rel[64];
            xw_mask_format(hops[i]->mask, rel, sizeof rel);
            xw_buf_printf(&p->paths, "%s%s %s %s [%s]", i ? "; " : "",
                          cid_name(st, hops[i]->from), rel,
                          cid_name(st, hops[i]->to), st->sets[hops[i]->set].id);
        }
        p->shown++;
    }
}

/* Follows control-level edges along the current framework path. */
static void walk(derive_state *st, hop_edges **h, int k, int depth,
                 const edge **chain)
{
    if (st->status != XW_OK)
        return;
    if (depth == k) {
        record_path(st, chain, k);
        return;
    }
    long from = chain[depth - 1]->to;
    for (size_t i = first_from(h[depth], from);
         i < h[depth]->n && h[depth]->e[i].from == from; i++) {
        if (++st->steps > XW_MAX_PATH_STEPS) {
            st->status = xw_fail(st->err, XW_EINPUT,
                                 "derivation from %s to %s follows more than "
                                 "%ld path steps; narrow it with --via or "
                                 "--max-hops",
                                 st->opts->source, st->opts->target,
                                 XW_MAX_PATH_STEPS);
            return;
        }
        chain[depth] = &h[depth]->e[i];
        walk(st, h, k, depth + 1, chain);
    }
}

static void follow_framework_path(derive_state *st)
{
    int k = st->path_len - 1;
    hop_edges *h[16];
    for (int i = 0; i < k; i++) {
        h[i] = hop(st, st->path_fw[i], st->path_fw[i + 1]);
        if (!h[i])
            return;
        if (h[i]->n == 0)
            return;
    }
    for (int i = 0; i < st->path_len; i++)
        load_names(st, st->path_fw[i]);
    const edge *chain[16];
    for (size_t i = 0; i < h[0]->n && st->status == XW_OK; i++) {
        chain[0] = &h[0]->e[i];
        walk(st, h, k, 1, chain);
    }
}

static int connected(derive_state *st, int a, int b)
{
    for (int i = 0; i < st->nsets; i++)
        if ((st->sets[i].source == a && st->sets[i].target == b) ||
            (st->sets[i].source == b && st->sets[i].target == a))
            return 1;
    return 0;
}

/* Enumerates simple framework paths src -> ... -> dst with at least one
 * pivot (direct links are not derivations) and at most max_hops edges. */
static void framework_paths(derive_state *st)
{
    int cur = st->path_fw[st->path_len - 1];
    int edges = st->path_len - 1;
    if (edges >= st->opts->max_hops || st->status != XW_OK)
        return;
    for (int next = 0; next < st->nfw && st->status == XW_OK; next++) {
        if (!connected(st, cur, next))
            continue;
        int seen = 0;
        for (int i = 0; i < st->path_len; i++)
            if (st->path_fw[i] == next)
                seen = 1;
        if (seen)
            continue;
        st->path_fw[st->path_len++] = next;
        if (next == st->dst) {
            if (st->path_len > 2)
                follow_framework_path(st);
        } else if (st->fws[next].allowed && next != st->src) {
            framework_paths(st);
        }
        st->path_len--;
    }
}

/* Direct rows between the two frameworks narrow the masks of the pairs the
 * paths reached.  So does the silence of an exhaustive set from the source
 * to the target, read as coverage reads it: a target control with no row
 * at all in that set has no relationship with any source control. */
static void intersect_direct(derive_state *st)
{
    sqlite3_stmt *q;
    if (xw_prepare(st->db, "SELECT source, target, relationship FROM mapping"
                           " WHERE sid = ?1",
                   &q, st->err) != XW_OK) {
        st->status = st->err->status;
        return;
    }
    int exhaustive = 0;
    xw_hashmap answered = {0}; /* target controls with a row in such a set */
    for (int k = 0; k < st->nsets && st->status == XW_OK; k++) {
        set_info *si = &st->sets[k];
        int forward = si->source == st->src && si->target == st->dst;
        int backward = si->source == st->dst && si->target == st->src;
        if (!forward && !backward)
            continue;
        if (forward && si->exhaustive)
            exhaustive = 1;
        sqlite3_bind_int64(q, 1, si->sid);
        while (sqlite3_step(q) == SQLITE_ROW) {
            long a = sqlite3_column_int64(q, 0), b = sqlite3_column_int64(q, 1);
            int rel = xw_relationship_parse(
                (const char *)sqlite3_column_text(q, 2));
            if (rel < 0)
                continue;
            long s = forward ? a : b, t = forward ? b : a;
            if (forward && si->exhaustive &&
                xw_hashmap_put(&answered, (uint64_t)t, 1) != 0)
                st->status = xw_fail(st->err, XW_ENOMEM, "out of memory");
            size_t i;
            if (!xw_hashmap_get(&st->pair_index,
                                (uint64_t)s << 32 | (uint32_t)t, &i))
                continue;
            unsigned m = xw_mask_of((xw_relationship)rel);
            st->acc[i].mask &= forward ? m : xw_mask_inverse(m);
            st->acc[i].direct = 1;
        }
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    if (exhaustive)
        for (size_t i = 0; i < st->nacc; i++) {
            size_t seen;
            if (!xw_hashmap_get(&answered, (uint64_t)st->acc[i].t, &seen)) {
                st->acc[i].mask &= XW_MASK_NONE;
                st->acc[i].direct = 1;
            }
        }
    xw_hashmap_free(&answered);
}

static int popcount5(unsigned m)
{
    int n = 0;
    for (int i = 0; i < 5; i++)
        n += (int)(m >> i & 1);
    return n;
}

/* Score: how specific the mask is, how many paths support it, and how
 * strong they are (docs/semantics.md). */
static double score(unsigned mask, int npaths, int strength)
{
    if (!mask)
        return 0;
    double specificity = (5.0 - popcount5(mask)) / 4.0;
    double support = 1.0 - pow(0.5, npaths);
    double s = strength < 0 ? 0.5 : strength / 10.0;
    return specificity * support * s;
}

static void state_free(derive_state *st)
{
    for (int i = 0; i < st->nfw; i++)
        free(st->fws[i].id);
    free(st->fws);
    for (int i = 0; i < st->nsets; i++) {
        free(st->sets[i].id);
        free(st->sets[i].author);
    }
    free(st->sets);
    for (int i = 0; i < st->nhops; i++)
        free(st->hops[i].e);
    free(st->hops);
    for (size_t i = 0; i < st->ncid; i++) {
        free(st->cid_names[i]);
        free(st->cid_titles[i]);
    }
    free(st->cid_names);
    free(st->cid_titles);
    free(st->cid_ordinals);
    xw_hashmap_free(&st->cid_index);
    for (size_t i = 0; i < st->nacc; i++) {
        xw_buf_free(&st->acc[i].paths);
        free(st->acc[i].hops);
    }
    free(st->acc);
    xw_hashmap_free(&st->pair_index);
}

/* Resolves the shown paths' hops to ids, sets, authors and notes. */
static xw_status build_hops(derive_state *st, xw_derivation *d,
                            const pair_acc *p, xw_derived_pair *o)
{
    if (!p->nhops)
        return XW_OK;
    xw_derived_hop *h = xw_arena_alloc(&d->arena, p->nhops * sizeof *h);
    if (!h)
        return xw_fail(st->err, XW_ENOMEM, "out of memory");
    sqlite3_stmt *q;
    xw_status s = xw_prepare(st->db, "SELECT note FROM mapping WHERE sid = ?1"
                                     " AND source = ?2 AND target = ?3"
                                     " AND rationale = ?4",
                             &q, st->err);
    if (s != XW_OK)
        return s;
    for (size_t i = 0; i < p->nhops; i++) {
        const hop_ref *r = &p->hops[i];
        const set_info *si = &st->sets[r->e->set];
        h[i].path = r->path;
        h[i].set = xw_arena_strdup(&d->arena, si->id);
        h[i].author = xw_arena_strdup(&d->arena, si->author);
        h[i].from_framework = xw_arena_strdup(&d->arena, st->fws[r->from_fw].id);
        h[i].from_id = xw_arena_strdup(&d->arena, cid_name(st, r->e->from));
        h[i].to_framework = xw_arena_strdup(&d->arena, st->fws[r->to_fw].id);
        h[i].to_id = xw_arena_strdup(&d->arena, cid_name(st, r->e->to));
        h[i].relationship = r->e->rel;
        h[i].strength = r->e->strength;
        h[i].rationale = r->e->rationale ? rationale_words[r->e->rationale]
                                         : NULL;
        /* The row as stored: a backwards hop was read target to source. */
        int forward = r->from_fw == si->source;
        sqlite3_bind_int64(q, 1, si->sid);
        sqlite3_bind_int64(q, 2, forward ? r->e->from : r->e->to);
        sqlite3_bind_int64(q, 3, forward ? r->e->to : r->e->from);
        sqlite3_bind_text(q, 4, rationale_words[r->e->rationale], -1,
                          SQLITE_STATIC);
        h[i].note = sqlite3_step(q) == SQLITE_ROW
                        ? xw_arena_strdup(&d->arena,
                                          (const char *)sqlite3_column_text(q, 0))
                        : NULL;
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    o->hops = h;
    o->nhops = p->nhops;
    return XW_OK;
}

typedef struct order_key {
    long s_ord, t_ord;
    size_t i;
} order_key;

static int cmp_order(const void *a, const void *b)
{
    const order_key *x = a, *y = b;
    if (x->s_ord != y->s_ord)
        return x->s_ord < y->s_ord ? -1 : 1;
    if (x->t_ord != y->t_ord)
        return x->t_ord < y->t_ord ? -1 : 1;
    return 0;
}

/* Fills the public pairs, in document order, with titles. */
static xw_status build_result(derive_state *st, xw_derivation *d)
{
    order_key *keys = calloc(st->nacc ? st->nacc : 1, sizeof *keys);
    d->pairs = calloc(st->nacc ? st->nacc : 1, sizeof *d->pairs);
    if (!keys || !d->pairs) {
        free(keys);
        return xw_fail(st->err, XW_ENOMEM, "out of memory");
    }
    xw_status s = XW_OK;
    for (size_t i = 0; i < st->nacc && s == XW_OK; i++) {
        pair_acc *p = &st->acc[i];
        xw_derived_pair *o = &d->pairs[i];
        size_t a = cid_slot(st, p->s), b = cid_slot(st, p->t);
        if (a != (size_t)-1) {
            o->source_id = xw_arena_strdup(&d->arena, st->cid_names[a]);
            o->source_title = xw_arena_strdup(&d->arena, st->cid_titles[a]);
            keys[i].s_ord = st->cid_ordinals[a];
        }
        if (b != (size_t)-1) {
            o->target_id = xw_arena_strdup(&d->arena, st->cid_names[b]);
            o->target_title = xw_arena_strdup(&d->arena, st->cid_titles[b]);
            keys[i].t_ord = st->cid_ordinals[b];
        }
        keys[i].i = i;
        o->source_cid = p->s;
        o->target_cid = p->t;
        o->mask = p->mask;
        o->label = xw_mask_coverage(p->mask);
        o->npaths = p->npaths;
        o->strength = p->strength;
        o->rationale = p->rationale == -2 ? "mixed"
                       : p->rationale > 0 ? rationale_words[p->rationale]
                                          : "";
        if (p->npaths > p->shown)
            xw_buf_printf(&p->paths, " | (+%d more paths)",
                          p->npaths - p->shown);
        o->paths = xw_arena_strdup(&d->arena, p->paths.data ? p->paths.data
                                                            : "");
        o->direct = p->direct;
        if (s == XW_OK)
            s = build_hops(st, d, p, o);
        o->score = score(p->mask, p->npaths, p->strength);
        /* Likely: no-relationship ruled out and a fair score; conflicts are
         * always shown, since they need a person's attention. */
        o->likely = o->label < 0 ||
                    ((o->label == XW_COVERED || o->label == XW_PARTIAL) &&
                     o->score >= 0.2);
    }
    if (s == XW_OK) {
        if (st->nacc)
            qsort(keys, st->nacc, sizeof *keys, cmp_order);
        xw_derived_pair *sorted = calloc(st->nacc ? st->nacc : 1,
                                         sizeof *sorted);
        if (!sorted)
            s = xw_fail(st->err, XW_ENOMEM, "out of memory");
        else {
            for (size_t i = 0; i < st->nacc; i++)
                sorted[i] = d->pairs[keys[i].i];
            free(d->pairs);
            d->pairs = sorted;
            d->n = st->nacc;
        }
    }
    free(keys);
    return s;
}

xw_status xw_derive_run(xw_db *db, const xw_derive_opts *opts,
                        xw_derivation **out, xw_error *err)
{
    *out = NULL;
    if (opts->max_hops < 2 || opts->max_hops > 8)
        return xw_fail(err, XW_EINPUT,
                       "--max-hops must be from 2 to 8 (2 = one pivot)");
    derive_state st = {0};
    st.db = db;
    st.opts = opts;
    st.err = err;
    st.status = load_graph(&st);
    if (st.status == XW_OK) {
        st.src = fw_index(&st, opts->source);
        st.dst = fw_index(&st, opts->target);
        if (st.src < 0 || st.dst < 0)
            st.status = xw_fail(err, XW_ENOTFOUND,
                                "no framework \"%s\" in the database (see "
                                "'xwalk frameworks')",
                                st.src < 0 ? opts->source : opts->target);
        else if (st.src == st.dst)
            st.status = xw_fail(err, XW_EINPUT,
                                "source and target are the same framework");
    }
    if (st.status == XW_OK && opts->via) {
        for (int i = 0; i < st.nfw; i++)
            st.fws[i].allowed = 0;
        for (int i = 0; i < opts->nvia && st.status == XW_OK; i++) {
            int f = fw_index(&st, opts->via[i]);
            if (f < 0)
                st.status = xw_fail(err, XW_ENOTFOUND,
                                    "no framework \"%s\" in the database",
                                    opts->via[i]);
            else
                st.fws[f].allowed = 1;
        }
    }
    st.only_target = -1;
    if (st.status == XW_OK && opts->only_target) {
        sqlite3_stmt *q;
        if ((st.status = xw_prepare(db, "SELECT cid FROM control WHERE"
                                        " framework = ?1 AND id = ?2",
                                    &q, err)) == XW_OK) {
            sqlite3_bind_text(q, 1, opts->target, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, 2, opts->only_target, -1, SQLITE_STATIC);
            if (sqlite3_step(q) == SQLITE_ROW)
                st.only_target = sqlite3_column_int64(q, 0);
            else
                st.status = xw_fail(err, XW_ENOTFOUND,
                                    "no control \"%s\" in framework %s",
                                    opts->only_target, opts->target);
            sqlite3_finalize(q);
        }
    }
    if (st.status == XW_OK) {
        st.path_fw[0] = st.src;
        st.path_len = 1;
        framework_paths(&st);
    }
    if (st.status == XW_OK)
        intersect_direct(&st);
    xw_derivation *d = NULL;
    if (st.status == XW_OK) {
        d = calloc(1, sizeof *d);
        if (!d)
            st.status = xw_fail(err, XW_ENOMEM, "out of memory");
        else if ((st.status = build_result(&st, d)) != XW_OK) {
            xw_derivation_free(d);
            d = NULL;
        }
    }
    xw_status s = st.status;
    state_free(&st);
    *out = d;
    return s;
}

size_t xw_derivation_count(const xw_derivation *d)
{
    return d ? d->n : 0;
}

const xw_derived_pair *xw_derivation_at(const xw_derivation *d, size_t i)
{
    return d && i < d->n ? &d->pairs[i] : NULL;
}

void xw_derivation_free(xw_derivation *d)
{
    if (!d)
        return;
    free(d->pairs);
    xw_arena_free(&d->arena);
    free(d);
}
