/*
 * coverage.c - how far the frameworks a user holds cover each requirement
 * of a target framework, and why (docs/semantics.md, "Coverage").
 *
 * For every requirement T of the target and frameworks S held:
 *   covered  some s in S is equal-to, equivalent-to or superset-of T;
 *   partial  otherwise some s is subset-of or intersects-with T;
 *   gap      nothing covers T even in part, and for every framework in S the
 *            absence is known (an exhaustive set, or a no-relationship row);
 *   unknown  everything else.
 * Headings take their status from their children.  With derivation on,
 * requirements the direct rows leave at gap or unknown may be settled by
 * relationships composed through pivot frameworks (derive.c).
 *
 * The rows of the result are the target's requirements (bounded by the
 * target's size); mapping rows are read per held framework with indexed,
 * bound queries.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct ev_item {
    size_t row;
    int kind_rank, rel_rank; /* sort keys, computed once */
    int fw_order;            /* the held framework's place in --from */
    long ctl_order;          /* the held control's cid: document order */
    xw_evidence ev;
} ev_item;

/* Strings shared by many evidence rows (a source control's id and title, a
 * set's id and author) are copied once per result. */
typedef struct intern {
    xw_hashmap index;
    const char **a, **b;
    size_t n, cap;
} intern;

struct xw_coverage {
    xw_arena arena;
    xw_coverage_row *rows;
    size_t n;
    long *cids;
    int *parent_index;
    ev_item *items;
    size_t nitems, capitems;
    xw_evidence *evidence;
    xw_coverage_tally *sections;
    size_t nsections;
    xw_coverage_tally total;
    xw_hashmap by_cid;
    intern controls, sets;
};

static int intern_get(intern *t, uint64_t key, const char **a, const char **b)
{
    size_t i;
    if (!xw_hashmap_get(&t->index, key, &i))
        return 0;
    *a = t->a[i];
    *b = t->b[i];
    return 1;
}

static int intern_put(intern *t, uint64_t key, const char *a, const char *b)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        const char **na = realloc(t->a, cap * sizeof *na);
        if (na)
            t->a = na;
        const char **nb = realloc(t->b, cap * sizeof *nb);
        if (nb)
            t->b = nb;
        if (!na || !nb)
            return -1;
        t->cap = cap;
    }
    t->a[t->n] = a;
    t->b[t->n] = b;
    return xw_hashmap_put(&t->index, key, t->n++);
}

static void intern_free(intern *t)
{
    xw_hashmap_free(&t->index);
    free(t->a);
    free(t->b);
}

/* The static spelling of a rationale, or NULL. */
static const char *rationale_word(const char *r)
{
    static const char *const words[] = {"syntactic", "semantic", "functional"};
    for (int i = 0; r && i < 3; i++)
        if (!strcmp(r, words[i]))
            return words[i];
    return NULL;
}

/* Lower is better: the order in which relationships settle coverage. */
static int rel_rank(int rel)
{
    switch (rel) {
    case XW_REL_EQUAL: return 0;
    case XW_REL_EQUIVALENT: return 1;
    case XW_REL_SUPERSET: return 2;
    case XW_REL_SUBSET: return 3;
    case XW_REL_INTERSECTS: return 4;
    case XW_REL_NONE: return 5;
    default: return 6;
    }
}

static int kind_rank(const char *kind)
{
    static const char *const order[] = {
        "self", "mapping", "derived", "conflict", "heading-mapping",
        "child", "filtered", "no-relationship", "gap-summary", "exhaustive",
        "unmapped"};
    for (int i = 0; i < 11; i++)
        if (!strcmp(kind, order[i]))
            return i;
    return 11;
}

static xw_status add_evidence_at(xw_coverage *c, size_t row,
                                 const xw_evidence *ev, int fw_order,
                                 long ctl_order, xw_error *err)
{
    if (c->nitems == c->capitems) {
        size_t cap = c->capitems ? c->capitems * 2 : 256;
        ev_item *it = realloc(c->items, cap * sizeof *it);
        if (!it)
            return xw_fail(err, XW_ENOMEM, "out of memory");
        c->items = it;
        c->capitems = cap;
    }
    c->items[c->nitems].row = row;
    c->items[c->nitems].kind_rank = kind_rank(ev->kind);
    c->items[c->nitems].rel_rank = rel_rank(ev->relationship);
    c->items[c->nitems].fw_order = fw_order;
    c->items[c->nitems].ctl_order = ctl_order;
    c->items[c->nitems].ev = *ev;
    c->nitems++;
    return XW_OK;
}

/* Evidence without a held framework and control of its own (children,
 * absences) sorts by kind alone, then in the order it was added. */
static xw_status add_evidence(xw_coverage *c, size_t row, const xw_evidence *ev,
                              xw_error *err)
{
    return add_evidence_at(c, row, ev, 0, (long)c->nitems, err);
}

static const char *dup(xw_coverage *c, sqlite3_stmt *q, int col)
{
    const char *s = (const char *)sqlite3_column_text(q, col);
    return s ? xw_arena_strdup(&c->arena, s) : NULL;
}

/* The target's controls in tree order, with depth and top-level section. */
static xw_status load_target(xw_db *db, xw_coverage *c, const char *target,
                             xw_error *err)
{
    static const char *sql =
        "WITH RECURSIVE t(cid, depth, key, root) AS ("
        "  SELECT cid, 0, printf('%010d', ordinal), id FROM control"
        "   WHERE framework = ?1 AND parent IS NULL"
        "  UNION ALL"
        "  SELECT c.cid, t.depth + 1, t.key || printf('%010d', c.ordinal),"
        "   t.root FROM t JOIN control p ON p.cid = t.cid"
        "   JOIN control c ON c.framework = ?1 AND c.parent = p.id)"
        " SELECT c.cid, c.id, c.title, c.parent, c.assessable, t.depth, t.root,"
        " c.title_ja, c.tags FROM t JOIN control c ON c.cid = t.cid"
        " ORDER BY t.key";
    sqlite3_stmt *q;
    xw_status s = xw_prepare(db, sql, &q, err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(q, 1, target, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (c->n == cap) {
            cap = cap ? cap * 2 : 256;
            xw_coverage_row *r = realloc(c->rows, cap * sizeof *r);
            long *ids = realloc(c->cids, cap * sizeof *ids);
            int *pi = realloc(c->parent_index, cap * sizeof *pi);
            if (r)
                c->rows = r;
            if (ids)
                c->cids = ids;
            if (pi)
                c->parent_index = pi;
            if (!r || !ids || !pi) {
                sqlite3_finalize(q);
                return xw_fail(err, XW_ENOMEM, "out of memory");
            }
        }
        xw_coverage_row *r = &c->rows[c->n];
        memset(r, 0, sizeof *r);
        c->cids[c->n] = sqlite3_column_int64(q, 0);
        r->id = dup(c, q, 1);
        r->title = dup(c, q, 2);
        r->parent = dup(c, q, 3);
        r->assessable = sqlite3_column_int(q, 4);
        r->depth = sqlite3_column_int(q, 5);
        r->section = dup(c, q, 6);
        r->title_ja = dup(c, q, 7);
        r->tags = dup(c, q, 8);
        r->relationship = -1;
        r->strength = -1;
        r->status = XW_UNKNOWN;
        c->parent_index[c->n] = -1;
        if (xw_hashmap_put(&c->by_cid, (uint64_t)c->cids[c->n], c->n) != 0) {
            sqlite3_finalize(q);
            return xw_fail(err, XW_ENOMEM, "out of memory");
        }
        c->n++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return xw_fail_sql(err, db->sql, "reading the target's controls");
    /* In tree order a row's parent is the last row seen one level up. */
    int *last = malloc((c->n + 1) * sizeof *last);
    if (!last)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->n; i++) {
        int d = c->rows[i].depth;
        c->parent_index[i] = d > 0 ? last[d - 1] : -1;
        last[d] = (int)i;
    }
    free(last);
    return XW_OK;
}

static int passes(const xw_row_filter *f, int strength, const char *rationale)
{
    if (f->min_strength >= 0 && (strength < 0 || strength < f->min_strength))
        return 0;
    if (f->rationale && strcmp(rationale ? rationale : "", f->rationale))
        return 0;
    return 1;
}

/* Reads every row between framework `held` and the target, both ways, read
 * as "held control REL target control". */
static xw_status load_direct(xw_db *db, xw_coverage *c,
                             const xw_coverage_opts *o, const char *held,
                             int fw_order, xw_error *err)
{
    /* The held control's id and title are looked up once per control, not
     * joined into every row. */
    static const char *sql =
        "SELECT m.target, m.source, m.relationship,"
        " m.strength, m.rationale, s.sid, s.id, s.author, m.note"
        " FROM mapping_set s JOIN mapping m ON m.sid = s.sid"
        " WHERE s.source = ?1 AND s.target = ?2"
        " UNION ALL "
        "SELECT m.source, m.target, xw_inverse(m.relationship),"
        " m.strength, m.rationale, s.sid, s.id, s.author, m.note"
        " FROM mapping_set s JOIN mapping m ON m.sid = s.sid"
        " WHERE s.source = ?2 AND s.target = ?1";
    sqlite3_stmt *q, *ctl;
    xw_status s = xw_prepare(db, sql, &q, err);
    if (s != XW_OK)
        return s;
    if ((s = xw_prepare(db, "SELECT id, title FROM control WHERE cid = ?1",
                        &ctl, err)) != XW_OK) {
        sqlite3_finalize(q);
        return s;
    }
    sqlite3_bind_text(q, 1, held, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, o->target, -1, SQLITE_STATIC);
    const char *fw = xw_arena_strdup(&c->arena, held);
    int rc;
    while (s == XW_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        size_t row;
        if (!xw_hashmap_get(&c->by_cid, (uint64_t)sqlite3_column_int64(q, 0),
                            &row))
            continue;
        xw_evidence ev = {0};
        ev.framework = fw;
        uint64_t held_cid = (uint64_t)sqlite3_column_int64(q, 1);
        if (!intern_get(&c->controls, held_cid, &ev.control, &ev.title)) {
            sqlite3_bind_int64(ctl, 1, (sqlite3_int64)held_cid);
            if (sqlite3_step(ctl) == SQLITE_ROW) {
                ev.control = dup(c, ctl, 0);
                ev.title = dup(c, ctl, 1);
            }
            sqlite3_reset(ctl);
            if (intern_put(&c->controls, held_cid, ev.control, ev.title) != 0)
                s = xw_fail(err, XW_ENOMEM, "out of memory");
        }
        ev.relationship =
            xw_relationship_parse((const char *)sqlite3_column_text(q, 2));
        ev.strength = sqlite3_column_type(q, 3) == SQLITE_NULL
                          ? -1
                          : sqlite3_column_int(q, 3);
        ev.rationale = rationale_word((const char *)sqlite3_column_text(q, 4));
        uint64_t sid = (uint64_t)sqlite3_column_int64(q, 5);
        if (!intern_get(&c->sets, sid, &ev.set, &ev.author)) {
            ev.set = dup(c, q, 6);
            ev.author = dup(c, q, 7);
            if (intern_put(&c->sets, sid, ev.set, ev.author) != 0)
                s = xw_fail(err, XW_ENOMEM, "out of memory");
        }
        ev.note = sqlite3_column_type(q, 8) == SQLITE_NULL ? NULL
                                                            : dup(c, q, 8);
        if (ev.relationship == XW_REL_NONE)
            ev.kind = "no-relationship";
        else if (!passes(&o->filter, ev.strength, ev.rationale))
            ev.kind = "filtered";
        else if (!c->rows[row].assessable)
            ev.kind = "heading-mapping";
        else
            ev.kind = "mapping";
        if (s == XW_OK)
            s = add_evidence_at(c, row, &ev, fw_order, (long)held_cid, err);
    }
    if (s == XW_OK && rc != SQLITE_DONE)
        s = xw_fail_sql(err, db->sql, "reading mappings");
    sqlite3_finalize(q);
    sqlite3_finalize(ctl);
    return s;
}

/* Explicit gaps (OSCAL gap summaries) for target controls in sets between
 * the held framework and the target: nothing in the held framework relates
 * to them. */
static xw_status load_gaps(xw_db *db, xw_coverage *c, const char *held,
                           const char *target, int fw_order, xw_error *err)
{
    static const char *sql =
        "SELECT g.control, s.id, s.author FROM mapping_set s"
        " JOIN mapping_gap g ON g.sid = s.sid"
        " WHERE (s.source = ?1 AND s.target = ?2 AND g.side = 'target')"
        "  OR (s.source = ?2 AND s.target = ?1 AND g.side = 'source')";
    sqlite3_stmt *q;
    xw_status s = xw_prepare(db, sql, &q, err);
    if (s != XW_OK)
        return s;
    sqlite3_bind_text(q, 1, held, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, target, -1, SQLITE_STATIC);
    const char *fw = xw_arena_strdup(&c->arena, held);
    while (s == XW_OK && sqlite3_step(q) == SQLITE_ROW) {
        size_t row;
        if (!xw_hashmap_get(&c->by_cid, (uint64_t)sqlite3_column_int64(q, 0),
                            &row))
            continue;
        xw_evidence ev = {0};
        ev.kind = "gap-summary";
        ev.framework = fw;
        ev.relationship = XW_REL_NONE;
        ev.strength = -1;
        ev.set = dup(c, q, 1);
        ev.author = dup(c, q, 2);
        ev.note = "listed as unmapped in the set's gap summary";
        s = add_evidence_at(c, row, &ev, fw_order, 0, err);
    }
    sqlite3_finalize(q);
    return s;
}

/* The id of an exhaustive set from held to the target, or NULL. */
static const char *exhaustive_set(xw_db *db, xw_coverage *c, const char *held,
                                  const char *target, xw_error *err)
{
    sqlite3_stmt *q;
    if (xw_prepare(db, "SELECT id FROM mapping_set WHERE source = ?1"
                       " AND target = ?2 AND exhaustive = 1 ORDER BY id",
                   &q, err) != XW_OK)
        return NULL;
    sqlite3_bind_text(q, 1, held, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, target, -1, SQLITE_STATIC);
    const char *id = sqlite3_step(q) == SQLITE_ROW ? dup(c, q, 0) : NULL;
    sqlite3_finalize(q);
    return id;
}

static xw_status load_derived(xw_db *db, xw_coverage *c,
                              const xw_coverage_opts *o, const char *held,
                              int fw_order, xw_error *err)
{
    xw_derive_opts d = {held,    o->target, o->via,  o->nvia,
                        o->max_hops, o->filter, o->only, o->only != NULL};
    xw_derivation *dv;
    xw_status s = xw_derive_run(db, &d, &dv, err);
    if (s != XW_OK)
        return s;
    const char *fw = xw_arena_strdup(&c->arena, held);
    for (size_t i = 0; i < xw_derivation_count(dv) && s == XW_OK; i++) {
        const xw_derived_pair *p = xw_derivation_at(dv, i);
        size_t row;
        if (!xw_hashmap_get(&c->by_cid, (uint64_t)p->target_cid, &row) ||
            !c->rows[row].assessable)
            continue;
        xw_evidence ev = {0};
        ev.kind = p->mask ? "derived" : "conflict";
        ev.framework = fw;
        ev.control = xw_arena_strdup(&c->arena, p->source_id);
        ev.title = xw_arena_strdup(&c->arena, p->source_title);
        ev.relationship = -1;
        ev.mask = p->mask;
        ev.strength = p->strength;
        ev.rationale = xw_arena_strdup(&c->arena, p->rationale);
        ev.path = xw_arena_strdup(&c->arena, p->paths);
        if (p->nhops) {
            xw_derived_hop *h = xw_arena_alloc(&c->arena,
                                               p->nhops * sizeof *h);
            if (!h) {
                s = xw_fail(err, XW_ENOMEM, "out of memory");
                break;
            }
            for (size_t k = 0; k < p->nhops; k++) {
                const xw_derived_hop *src = &p->hops[k];
                h[k] = *src;
                h[k].set = xw_arena_strdup(&c->arena, src->set);
                h[k].author = xw_arena_strdup(&c->arena, src->author);
                h[k].from_framework =
                    xw_arena_strdup(&c->arena, src->from_framework);
                h[k].from_id = xw_arena_strdup(&c->arena, src->from_id);
                h[k].to_framework =
                    xw_arena_strdup(&c->arena, src->to_framework);
                h[k].to_id = xw_arena_strdup(&c->arena, src->to_id);
                h[k].rationale = xw_arena_strdup(&c->arena, src->rationale);
                h[k].note = xw_arena_strdup(&c->arena, src->note);
            }
            ev.hops = h;
            ev.nhops = p->nhops;
        }
        ev.note = p->direct ? "intersected with the direct evidence between "
                              "the two frameworks"
                            : NULL;
        s = add_evidence_at(c, row, &ev, fw_order, p->source_cid, err);
    }
    xw_derivation_free(dv);
    return s;
}

/* Sorting small keys rather than the evidence records themselves keeps a
 * large report's memory traffic down. */
typedef struct ev_key {
    size_t row;
    int kind_rank, rel_rank, fw_order;
    long ctl_order;
    size_t item;
} ev_key;

static int cmp_keys(const void *a, const void *b)
{
    const ev_key *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->kind_rank != y->kind_rank)
        return x->kind_rank - y->kind_rank;
    if (x->rel_rank != y->rel_rank)
        return x->rel_rank - y->rel_rank;
    if (x->fw_order != y->fw_order)
        return x->fw_order - y->fw_order;
    return x->ctl_order < y->ctl_order ? -1 : x->ctl_order > y->ctl_order;
}

/* Status of an assessable requirement from its evidence. */
static void settle(xw_coverage *c, xw_coverage_row *r, size_t nheld,
                   const char *const *held, const char *const *exhaustive,
                   int target_held)
{
    xw_buf sources = {0};
    int best = -1, best_class = XW_UNKNOWN, any_filtered = 0;
    int strength = -1;
    if (target_held) {
        r->status = XW_COVERED;
        r->relationship = XW_REL_EQUAL;
        return;
    }
    /* Direct mappings first. */
    for (size_t i = 0; i < r->nevidence; i++) {
        const xw_evidence *e = &r->evidence[i];
        if (!strcmp(e->kind, "filtered"))
            any_filtered = 1;
        if (strcmp(e->kind, "mapping"))
            continue;
        int cls = rel_rank(e->relationship) <= 2 ? XW_COVERED : XW_PARTIAL;
        if (best < 0 || rel_rank(e->relationship) < rel_rank(best))
            best = e->relationship;
        if (cls < best_class) {
            best_class = cls;
            strength = -1;
        }
        if (cls == best_class && e->strength > strength)
            strength = e->strength;
        xw_buf_printf(&sources, "%s%s:%s", sources.len ? " " : "",
                      e->framework, e->control);
    }
    if (best >= 0) {
        r->status = (xw_cover_status)best_class;
        r->relationship = best;
        r->strength = strength;
        r->sources = xw_arena_strdup(&c->arena, sources.data);
        xw_buf_free(&sources);
        return;
    }
    /* Then derived pairs: the best classification wins. */
    int dclass = XW_UNKNOWN;
    unsigned dmask = 0;
    xw_buf paths = {0};
    for (size_t i = 0; i < r->nevidence; i++) {
        const xw_evidence *e = &r->evidence[i];
        if (strcmp(e->kind, "derived"))
            continue;
        int cls = xw_mask_coverage(e->mask);
        if (cls != XW_COVERED && cls != XW_PARTIAL)
            continue;
        if (cls < dclass) {
            dclass = cls;
            strength = -1;
            dmask = 0;
        }
        if (cls == dclass) {
            if (e->strength > strength)
                strength = e->strength;
            dmask |= e->mask;
        }
    }
    if (dclass == XW_COVERED || dclass == XW_PARTIAL) {
        for (size_t i = 0; i < r->nevidence; i++) {
            const xw_evidence *e = &r->evidence[i];
            if (strcmp(e->kind, "derived") || xw_mask_coverage(e->mask) != dclass)
                continue;
            xw_buf_printf(&sources, "%s%s:%s", sources.len ? " " : "",
                          e->framework, e->control);
            xw_buf_printf(&paths, "%s%s", paths.len ? " | " : "", e->path);
        }
        r->status = (xw_cover_status)dclass;
        r->derived = 1;
        r->mask = dmask;
        r->strength = strength;
        r->sources = xw_arena_strdup(&c->arena, sources.data);
        r->path = xw_arena_strdup(&c->arena, paths.data);
        xw_buf_free(&sources);
        xw_buf_free(&paths);
        return;
    }
    xw_buf_free(&sources);
    xw_buf_free(&paths);
    /* Nothing covers it: a gap only if every held framework is known to be
     * silent about it. */
    int all_known = !any_filtered;
    for (size_t f = 0; f < nheld; f++) {
        int said_none = 0;
        for (size_t i = 0; i < r->nevidence; i++)
            if ((!strcmp(r->evidence[i].kind, "no-relationship") ||
                 !strcmp(r->evidence[i].kind, "gap-summary")) &&
                r->evidence[i].framework &&
                !strcmp(r->evidence[i].framework, held[f]))
                said_none = 1;
        if (!said_none && !exhaustive[f])
            all_known = 0;
    }
    r->status = all_known ? XW_GAP : XW_UNKNOWN;
}

/* Absence evidence, so that explain can say why nothing covers a row. */
static xw_status note_absences(xw_coverage *c, size_t row, size_t nheld,
                               const char *const *held,
                               const char *const *exhaustive, xw_error *err)
{
    const xw_coverage_row *r = &c->rows[row];
    for (size_t f = 0; f < nheld; f++) {
        int any = 0;
        for (size_t i = 0; i < r->nevidence; i++)
            if (r->evidence[i].framework &&
                !strcmp(r->evidence[i].framework, held[f]))
                any = 1;
        if (any)
            continue;
        xw_evidence ev = {0};
        ev.kind = exhaustive[f] ? "exhaustive" : "unmapped";
        ev.framework = xw_arena_strdup(&c->arena, held[f]);
        ev.relationship = exhaustive[f] ? XW_REL_NONE : -1;
        ev.strength = -1;
        ev.set = exhaustive[f];
        ev.note = exhaustive[f] ? "the set is exhaustive and has no row for "
                                  "this requirement"
                                : "no mapping row, and no exhaustive set";
        xw_status s = add_evidence(c, row, &ev, err);
        if (s != XW_OK)
            return s;
    }
    return XW_OK;
}

/* Attaches the evidence to the rows, each row's in a stable order: kind,
 * relationship, the held framework's place in --from, document order.
 * Items are bucketed by row first (counting sort), so only each row's own
 * few items are compared. */
static xw_status attach_evidence(xw_coverage *c, xw_error *err)
{
    size_t *start = calloc(c->n + 1, sizeof *start);
    ev_key *keys = malloc((c->nitems ? c->nitems : 1) * sizeof *keys);
    free(c->evidence);
    c->evidence = malloc((c->nitems ? c->nitems : 1) * sizeof *c->evidence);
    if (!start || !keys || !c->evidence) {
        free(start);
        free(keys);
        return xw_fail(err, XW_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < c->nitems; i++)
        start[c->items[i].row + 1]++;
    for (size_t r = 0; r < c->n; r++)
        start[r + 1] += start[r];
    for (size_t i = 0; i < c->nitems; i++) {
        const ev_item *it = &c->items[i];
        keys[start[it->row]++] = (ev_key){it->row,      it->kind_rank,
                                          it->rel_rank, it->fw_order,
                                          it->ctl_order, i};
    }
    /* start[r] now holds the end of row r's bucket. */
    for (size_t r = 0, begin = 0; r < c->n; r++) {
        size_t end = start[r];
        if (end - begin > 1)
            qsort(keys + begin, end - begin, sizeof *keys, cmp_keys);
        c->rows[r].evidence = end > begin ? &c->evidence[begin] : NULL;
        c->rows[r].nevidence = end - begin;
        for (size_t k = begin; k < end; k++)
            c->evidence[k] = c->items[keys[k].item].ev;
        begin = end;
    }
    free(start);
    free(keys);
    return XW_OK;
}

/* Headings, bottom-up: covered when every child is covered, partial when
 * any child is covered or partial, gap when every child is a gap. */
static xw_status settle_headings(xw_coverage *c, xw_error *err)
{
    long (*counts)[XW_STATUS_COUNT] = calloc(c->n ? c->n : 1, sizeof *counts);
    if (!counts)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    xw_status s = XW_OK;
    for (size_t i = c->n; i-- > 0 && s == XW_OK;) {
        xw_coverage_row *r = &c->rows[i];
        if (!r->assessable) {
            long n = 0;
            for (int k = 0; k < XW_STATUS_COUNT; k++)
                n += counts[i][k];
            if (n == 0)
                r->status = XW_UNKNOWN;
            else if (counts[i][XW_COVERED] == n)
                r->status = XW_COVERED;
            else if (counts[i][XW_COVERED] + counts[i][XW_PARTIAL] > 0)
                r->status = XW_PARTIAL;
            else if (counts[i][XW_GAP] == n)
                r->status = XW_GAP;
            else
                r->status = XW_UNKNOWN;
            r->path = n ? xw_arena_printf(
                              &c->arena,
                              "heading: %ld of %ld children covered, %ld "
                              "partial, %ld gap, %ld unknown",
                              counts[i][XW_COVERED], n, counts[i][XW_PARTIAL],
                              counts[i][XW_GAP], counts[i][XW_UNKNOWN])
                        : "heading without children";
        }
        int p = c->parent_index[i];
        if (p >= 0) {
            counts[p][r->status]++;
            xw_evidence ev = {0};
            ev.kind = "child";
            ev.control = r->id;
            ev.title = r->title;
            ev.relationship = -1;
            ev.strength = -1;
            ev.note = xw_cover_status_name(r->status);
            if (!c->rows[p].assessable) /* children in document order */
                s = add_evidence_at(c, (size_t)p, &ev, 0, (long)i, err);
        }
    }
    free(counts);
    return s;
}

static xw_status tally(xw_coverage *c, xw_error *err)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->rows[i].depth == 0)
            c->nsections++;
    c->sections = calloc(c->nsections ? c->nsections : 1, sizeof *c->sections);
    if (!c->sections)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    size_t k = 0;
    xw_coverage_tally *cur = NULL;
    for (size_t i = 0; i < c->n; i++) {
        xw_coverage_row *r = &c->rows[i];
        if (r->depth == 0) {
            cur = &c->sections[k++];
            cur->section = r->id;
            cur->title = r->title;
        }
        if (!r->assessable || !cur)
            continue;
        cur->count[r->status]++;
        cur->total++;
        c->total.count[r->status]++;
        c->total.total++;
    }
    return XW_OK;
}

static xw_status coverage_compute(xw_db *db, const xw_coverage_opts *o,
                                  xw_coverage **out, xw_error *err)
{
    if (!o->target || !o->nfrom)
        return xw_fail(err, XW_EINPUT,
                       "coverage needs a target and at least one framework "
                       "held");
    xw_status s = xw_require_framework(db, o->target, err);
    for (int i = 0; i < o->nfrom && s == XW_OK; i++)
        s = xw_require_framework(db, o->from[i], err);
    if (s != XW_OK)
        return s;
    xw_coverage *c = calloc(1, sizeof *c);
    if (!c)
        return xw_fail(err, XW_ENOMEM, "out of memory");
    const char **exhaustive = calloc((size_t)o->nfrom, sizeof *exhaustive);
    const char **held = calloc((size_t)o->nfrom, sizeof *held);
    size_t nheld = 0;
    int target_held = 0;
    if (!exhaustive || !held)
        s = xw_fail(err, XW_ENOMEM, "out of memory");
    if (s == XW_OK)
        s = load_target(db, c, o->target, err);
    for (int i = 0; i < o->nfrom && s == XW_OK; i++) {
        if (!strcmp(o->from[i], o->target)) {
            target_held = 1;
            continue;
        }
        int seen = 0;
        for (size_t k = 0; k < nheld; k++)
            if (!strcmp(held[k], o->from[i]))
                seen = 1;
        if (seen)
            continue;
        held[nheld] = o->from[i];
        exhaustive[nheld] = exhaustive_set(db, c, o->from[i], o->target, err);
        s = load_direct(db, c, o, o->from[i], (int)nheld, err);
        if (s == XW_OK)
            s = load_gaps(db, c, o->from[i], o->target, (int)nheld, err);
        if (s == XW_OK && o->derived)
            s = load_derived(db, c, o, o->from[i], (int)nheld, err);
        nheld++;
    }
    if (s == XW_OK)
        s = attach_evidence(c, err);
    for (size_t i = 0; i < c->n && s == XW_OK; i++) {
        xw_coverage_row *r = &c->rows[i];
        if (!r->assessable)
            continue;
        settle(c, r, nheld, held, exhaustive, target_held);
        if (r->status == XW_GAP || r->status == XW_UNKNOWN)
            s = note_absences(c, i, nheld, held, exhaustive, err);
    }
    if (s == XW_OK && target_held) {
        for (size_t i = 0; i < c->n && s == XW_OK; i++) {
            xw_evidence ev = {0};
            ev.kind = "self";
            ev.framework = o->target;
            ev.control = c->rows[i].id;
            ev.relationship = XW_REL_EQUAL;
            ev.strength = -1;
            ev.note = "the target framework is itself held";
            if (c->rows[i].assessable)
                s = add_evidence(c, i, &ev, err);
        }
    }
    if (s == XW_OK)
        s = settle_headings(c, err);
    if (s == XW_OK)
        s = attach_evidence(c, err);
    if (s == XW_OK)
        s = tally(c, err);
    free(exhaustive);
    free(held);
    if (s != XW_OK) {
        xw_coverage_free(c);
        return s;
    }
    *out = c;
    return XW_OK;
}

xw_status xw_coverage_run(xw_db *db, const xw_coverage_opts *o,
                          xw_coverage **out, xw_error *err)
{
    *out = NULL;
    /* Every query of the report reads one snapshot. */
    xw_status s = xw_begin_read(db, err);
    if (s != XW_OK)
        return s;
    if ((s = coverage_compute(db, o, out, err)) != XW_OK) {
        xw_rollback(db);
        return s;
    }
    if ((s = xw_commit(db, err)) != XW_OK) {
        xw_coverage_free(*out);
        *out = NULL;
    }
    return s;
}

size_t xw_coverage_count(const xw_coverage *c)
{
    return c ? c->n : 0;
}

const xw_coverage_row *xw_coverage_row_at(const xw_coverage *c, size_t i)
{
    return c && i < c->n ? &c->rows[i] : NULL;
}

const xw_coverage_row *xw_coverage_find(const xw_coverage *c, const char *id)
{
    for (size_t i = 0; c && i < c->n; i++)
        if (!strcmp(c->rows[i].id, id))
            return &c->rows[i];
    return NULL;
}

size_t xw_coverage_section_count(const xw_coverage *c)
{
    return c ? c->nsections : 0;
}

const xw_coverage_tally *xw_coverage_section_at(const xw_coverage *c,
                                                size_t i)
{
    return c && i < c->nsections ? &c->sections[i] : NULL;
}

const xw_coverage_tally *xw_coverage_total(const xw_coverage *c)
{
    return &c->total;
}

void xw_coverage_free(xw_coverage *c)
{
    if (!c)
        return;
    free(c->rows);
    free(c->cids);
    free(c->parent_index);
    free(c->items);
    free(c->evidence);
    free(c->sections);
    xw_hashmap_free(&c->by_cid);
    intern_free(&c->controls);
    intern_free(&c->sets);
    xw_arena_free(&c->arena);
    free(c);
}
