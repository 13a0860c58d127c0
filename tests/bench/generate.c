/*
 * generate.c - a deterministic generator of synthetic catalogs and
 * crosswalks in the bundle format (frameworks.csv, crosswalks.csv,
 * catalogs/, crosswalks/), for benchmarks.  The same arguments and seed
 * always give the same bytes.
 *
 *   generate --out DIR [--seed N] [--frameworks N] [--controls N]
 *            [--rows N] [--topology star|mesh] [--degree K]
 *
 * star: framework f00 is the target; every other framework maps to it.
 * mesh: framework i maps to the K frameworks after it (mod N).
 * Rows are spread evenly over the sets; no (source, target, rationale) pair
 * repeats within a set.  Every 20th control is a heading over the next 19.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct rng {
    uint64_t s;
} rng;

static uint32_t next(rng *r)
{
    /* splitmix64: small, fast, and the same on every machine */
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static const char *relationship(rng *r)
{
    uint32_t x = next(r) % 100;
    if (x < 10) return "equal-to";
    if (x < 15) return "equivalent-to";
    if (x < 40) return "subset-of";
    if (x < 60) return "superset-of";
    if (x < 95) return "intersects-with";
    return "no-relationship";
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "generate: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    return f;
}

static void write_catalog(const char *dir, int fw, long controls)
{
    char name[64];
    snprintf(name, sizeof name, "catalogs/f%02d.csv", fw);
    FILE *f = open_out(dir, name);
    fputs("id,parent,title,assessable,source_ref\n", f);
    for (long c = 0; c < controls; c++) {
        if (c % 20 == 0)
            fprintf(f, "C%05ld,,Synthetic heading %ld of f%02d,0,s%ld\n", c, c,
                    fw, c / 20);
        else
            fprintf(f, "C%05ld,C%05ld,Synthetic requirement %ld of f%02d,1,"
                       "s%ld.%ld\n",
                    c, c / 20 * 20, c, fw, c / 20, c % 20);
    }
    fclose(f);
}

static void write_set(const char *dir, FILE *manifest, int a, int b,
                      long controls, long rows, rng *r)
{
    char name[64];
    snprintf(name, sizeof name, "crosswalks/f%02d-f%02d.csv", a, b);
    FILE *f = open_out(dir, name);
    static const char *const rationales[] = {"syntactic", "semantic",
                                             "functional"};
    fputs("source,relationship,target,rationale,strength\n", f);
    long offset = next(r) % controls;
    for (long k = 0; k < rows; k++) {
        /* Source k mod C; each further round shifts the target by a
         * stride prime to C, so no pair repeats while rows < C * C. */
        long s = k % controls, round = k / controls;
        long t = (s * 31 + round * 7919 + offset) % controls;
        fprintf(f, "C%05ld,%s,C%05ld,%s,%u\n", s, relationship(r), t,
                rationales[next(r) % 3], 1 + next(r) % 10);
    }
    fclose(f);
    fprintf(manifest, "f%02d-f%02d,f%02d,f%02d,1,bench,automation,draft,0,"
                      "%s\n",
            a, b, a, b, name);
}

int main(int argc, char **argv)
{
    const char *out = NULL, *topology = "star";
    long seed = 1, frameworks = 6, controls = 1000, rows = 100000, degree = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--out")) out = v;
        else if (!strcmp(k, "--seed")) seed = atol(v);
        else if (!strcmp(k, "--frameworks")) frameworks = atol(v);
        else if (!strcmp(k, "--controls")) controls = atol(v);
        else if (!strcmp(k, "--rows")) rows = atol(v);
        else if (!strcmp(k, "--topology")) topology = v;
        else if (!strcmp(k, "--degree")) degree = atol(v);
        else {
            fprintf(stderr, "generate: unknown option %s\n", k);
            return 2;
        }
    }
    if (!out || frameworks < 2 || frameworks > 99 || controls < 1 ||
        controls > 99999 || rows < 1 || (strcmp(topology, "star") &&
                                         strcmp(topology, "mesh"))) {
        fprintf(stderr, "usage: generate --out DIR [--seed N] [--frameworks "
                        "2-99] [--controls N] [--rows N] [--topology "
                        "star|mesh] [--degree K]\n");
        return 2;
    }
    char path[4096];
    mkdir(out, 0777);
    snprintf(path, sizeof path, "%s/catalogs", out);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/crosswalks", out);
    mkdir(path, 0777);
    rng r = {(uint64_t)seed};
    FILE *fw = open_out(out, "frameworks.csv");
    fputs("id,name,version,jurisdiction,kind,status,file\n", fw);
    for (int i = 0; i < frameworks; i++) {
        write_catalog(out, i, controls);
        fprintf(fw, "f%02d,Synthetic framework %d,1,INTL,framework,"
                    "provisional,catalogs/f%02d.csv\n",
                i, i, i);
    }
    fclose(fw);
    FILE *sets = open_out(out, "crosswalks.csv");
    fputs("id,source,target,version,author,method,status,exhaustive,file\n",
          sets);
    long nsets = !strcmp(topology, "star") ? frameworks - 1
                                           : frameworks * degree;
    long per_set = rows / nsets, extra = rows % nsets, k = 0;
    if (per_set >= controls * controls) {
        fprintf(stderr, "generate: too many rows for %ld controls\n", controls);
        return 2;
    }
    if (!strcmp(topology, "star")) {
        for (int i = 1; i < frameworks; i++, k++)
            write_set(out, sets, i, 0, controls, per_set + (k < extra), &r);
    } else {
        for (int i = 0; i < frameworks; i++)
            for (int d = 1; d <= degree; d++, k++)
                write_set(out, sets, i, (int)((i + d) % frameworks), controls,
                          per_set + (k < extra), &r);
    }
    fclose(sets);
    return 0;
}
