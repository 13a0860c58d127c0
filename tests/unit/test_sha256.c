/*
 * test_sha256.c - SHA-256 against the FIPS 180-4 example vectors.
 */
#include <string.h>

#include "unit.h"

static void hash(const char *data, size_t len, size_t chunk, char hex[65])
{
    xw_sha256 h;
    xw_sha256_init(&h);
    for (size_t i = 0; i < len; i += chunk)
        xw_sha256_update(&h, data + i, len - i < chunk ? len - i : chunk);
    xw_sha256_final_hex(&h, hex);
}

START_TEST(known_vectors)
{
    static const struct {
        const char *in, *out;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    char hex[65];
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        /* Whole, and fed in awkward pieces: the result must not change. */
        for (size_t chunk = 1; chunk <= 64; chunk += 7) {
            hash(v[i].in, strlen(v[i].in), chunk, hex);
            ck_assert_str_eq(hex, v[i].out);
        }
    }
}
END_TEST

START_TEST(million_a)
{
    static char buf[1000000];
    memset(buf, 'a', sizeof buf);
    char hex[65];
    hash(buf, sizeof buf, 4093, hex);
    ck_assert_str_eq(
        hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

Suite *sha256_suite(void)
{
    Suite *s = suite_create("sha256");
    TCase *tc = tcase_create("vectors");
    tcase_add_test(tc, known_vectors);
    tcase_add_test(tc, million_a);
    suite_add_tcase(s, tc);
    return s;
}
