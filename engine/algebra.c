/*
 * algebra.c - the RCC-5 relation algebra behind derived mappings.
 *
 * A relationship between what two requirements ask is one of five base
 * relations: equal, proper subset, proper superset, partial overlap
 * (intersects-with) and disjoint (no-relationship).  When only a chain of
 * mappings links two requirements, the relations still possible between
 * them form a set, kept as a 5-bit mask.  The composition table below was
 * worked out case by case (reasoning on non-empty sets) and is checked in
 * tests/unit/test_algebra.c against brute force over every triple of
 * non-empty subsets of a small universe.
 */
#include <string.h>

#include "internal.h"

enum { EQ = XW_MASK_EQUAL, PP = XW_MASK_SUBSET, PPI = XW_MASK_SUPERSET,
       PO = XW_MASK_INTERSECTS, DR = XW_MASK_NONE, ALL = XW_MASK_ALL };

/* compose_table[r1][r2]: a r1 b, b r2 c => a ? c; index by base relation
 * number (EQ 0, PP 1, PPI 2, PO 3, DR 4). */
static const unsigned compose_table[5][5] = {
    /* EQ  ∘ */ {EQ, PP, PPI, PO, DR},
    /* PP  ∘ */ {PP, PP, ALL, PP | PO | DR, DR},
    /* PPI ∘ */ {PPI, EQ | PP | PPI | PO, PPI, PPI | PO, PPI | PO | DR},
    /* PO  ∘ */ {PO, PP | PO, PPI | PO | DR, ALL, PPI | PO | DR},
    /* DR  ∘ */ {DR, PP | PO | DR, DR, PP | PO | DR, ALL},
};

static const char *const base_names[5] = {"equal-to", "subset-of",
                                          "superset-of", "intersects-with",
                                          "no-relationship"};

unsigned xw_mask_of(xw_relationship rel)
{
    switch (rel) {
    case XW_REL_EQUAL:
    case XW_REL_EQUIVALENT:
        return EQ;
    case XW_REL_SUBSET:
        return PP;
    case XW_REL_SUPERSET:
        return PPI;
    case XW_REL_INTERSECTS:
        return PO;
    case XW_REL_NONE:
        return DR;
    default:
        return ALL;
    }
}

unsigned xw_mask_inverse(unsigned mask)
{
    unsigned out = mask & (EQ | PO | DR);
    if (mask & PP)
        out |= PPI;
    if (mask & PPI)
        out |= PP;
    return out;
}

unsigned xw_mask_compose(unsigned m1, unsigned m2)
{
    unsigned out = 0;
    for (int i = 0; i < 5; i++) {
        if (!(m1 & (1u << i)))
            continue;
        for (int j = 0; j < 5; j++)
            if (m2 & (1u << j))
                out |= compose_table[i][j];
    }
    return out;
}

const char *xw_base_relation_name(int i)
{
    return i >= 0 && i < 5 ? base_names[i] : "?";
}

void xw_mask_format(unsigned mask, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < 5; i++)
        if (mask & (1u << i)) {
            int n = snprintf(buf + used, size - used, "%s%s", used ? "|" : "",
                             base_names[i]);
            if (n < 0 || (size_t)n >= size - used)
                return;
            used += (size_t)n;
        }
}

int xw_mask_coverage(unsigned mask)
{
    if (!mask)
        return -1;
    if (!(mask & ~(unsigned)(EQ | PPI)))
        return XW_COVERED;
    if (!(mask & DR))
        return XW_PARTIAL;
    return XW_UNKNOWN;
}

const char *xw_cover_status_name(xw_cover_status s)
{
    static const char *const names[] = {"covered", "partial", "gap",
                                        "unknown"};
    return (int)s >= 0 && s < XW_STATUS_COUNT ? names[s] : "?";
}
