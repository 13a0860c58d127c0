/*
 * fuzz_formats.c - libFuzzer harness for the readers of published formats
 * (OSCAL JSON and XML catalogs, OSCAL mapping collections, CISO Assistant
 * YAML, OLIR sheets).  The first byte chooses the reader, the rest is the
 * file; readers only build a plan in memory.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    xw_file f = {0};
    f.len = size - 1;
    f.data = malloc(f.len + 1);
    if (!f.data)
        return 0;
    memcpy(f.data, data + 1, f.len);
    f.data[f.len] = '\0';
    strcpy(f.sha256, "0");
    xw_plan p = {0};
    xw_read_opts o = {.source = "a", .target = "b"};
    xw_error err;
    xw_error_clear(&err);
    switch (data[0] % 5) {
    case 0: xw_read_oscal_json(&p, "in", &f, &o, &err); break;
    case 1: xw_read_oscal_xml(&p, "in", &f, &o, &err); break;
    case 2: xw_read_oscal_mapping(&p, "in", &f, &o, &err); break;
    case 3: xw_read_ciso_yaml(&p, "in", &f, &o, &err); break;
    case 4: xw_read_olir_csv(&p, "in", &f, &o, &err); break;
    }
    xw_plan_free(&p);
    free(f.data);
    return 0;
}
