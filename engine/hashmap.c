/*
 * hashmap.c - an open-addressing map from 64-bit keys to indexes, for the
 * per-query bookkeeping of derivations (pairs of controls, control ids).
 */
#include <stdlib.h>

#include "internal.h"

#define EMPTY UINT64_MAX

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

static int grow(xw_hashmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    uint64_t *keys = malloc(cap * sizeof *keys);
    size_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < cap; i++)
        keys[i] = EMPTY;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] == EMPTY)
            continue;
        size_t j = mix(m->keys[i]) & (cap - 1);
        while (keys[j] != EMPTY)
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

int xw_hashmap_get(const xw_hashmap *m, uint64_t key, size_t *val)
{
    if (!m->cap)
        return 0;
    size_t j = mix(key) & (m->cap - 1);
    while (m->keys[j] != EMPTY) {
        if (m->keys[j] == key) {
            *val = m->vals[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

int xw_hashmap_put(xw_hashmap *m, uint64_t key, size_t val)
{
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) != 0)
        return -1;
    size_t j = mix(key) & (m->cap - 1);
    while (m->keys[j] != EMPTY && m->keys[j] != key)
        j = (j + 1) & (m->cap - 1);
    if (m->keys[j] == EMPTY)
        m->count++;
    m->keys[j] = key;
    m->vals[j] = val;
    return 0;
}

void xw_hashmap_free(xw_hashmap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = m->count = 0;
}
