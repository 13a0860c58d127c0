/*
 * text.c - small parsers for field values: integers, booleans, slugs,
 * dates, and the current time.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "internal.h"

int xw_is_blank(const char *s)
{
    if (!s)
        return 1;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

int xw_parse_int(const char *s, long lo, long hi, long *out)
{
    if (!s || !isdigit((unsigned char)s[0]))
        return -1;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int xw_parse_bool(const char *s)
{
    static const char *yes[] = {"1", "true", "yes", "y"};
    static const char *no[] = {"0", "false", "no", "n"};
    if (!s)
        return -1;
    for (size_t i = 0; i < 4; i++) {
        if (!strcasecmp(s, yes[i]))
            return 1;
        if (!strcasecmp(s, no[i]))
            return 0;
    }
    return -1;
}

int xw_is_slug(const char *s)
{
    if (!s || !isalnum((unsigned char)s[0]))
        return 0;
    size_t n = 0;
    for (; *s; s++, n++)
        if (!isalnum((unsigned char)*s) && *s != '.' && *s != '_' && *s != '-')
            return 0;
    return n <= 128;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

int xw_is_date(const char *s)
{
    size_t n = strlen(s);
    if (n == 4)
        return digits(s, 4);
    if (n == 7)
        return digits(s, 4) && s[4] == '-' && digits(s + 5, 2);
    if (n == 10)
        return digits(s, 4) && s[4] == '-' && digits(s + 5, 2) &&
               s[7] == '-' && digits(s + 8, 2);
    return 0;
}

void xw_utc_now(char buf[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
