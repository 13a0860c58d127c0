/*
 * fuzz_csv.c - libFuzzer harness for the CSV importers: each input is
 * imported as a catalog, then (against that catalog) as a crosswalk, into a
 * database in a temporary directory.  Errors are expected; crashes, leaks
 * and undefined behaviour are not.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xwalk.h"

static char dir[256];
static xw_db *db;

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s/xwalk-fuzz-csv.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        abort();
    char path[512];
    snprintf(path, sizeof path, "%s/fuzz.db", dir);
    xw_error err;
    if (xw_open(path, XW_OPEN_CREATE, &db, &err) != XW_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db)
        setup();
    char path[512];
    snprintf(path, sizeof path, "%s/input.csv", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    xw_framework_meta m = {.id = "fz", .name = "Fuzz", .version = "1",
                           .jurisdiction = "JP"};
    xw_import_result r;
    xw_error err;
    xw_import_catalog_csv(db, path, &m, XW_IMPORT_REPLACE, &r, &err);
    xw_set_meta s = {.id = "fz-set", .source = "fz", .target = "fz"};
    xw_import_crosswalk_csv(db, path, &s, XW_IMPORT_REPLACE, &r, &err);
    char msg[2048];
    xw_error_format(&err, msg, sizeof msg);
    return 0;
}
