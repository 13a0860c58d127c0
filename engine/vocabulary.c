/*
 * vocabulary.c - the closed word lists of the data model: relationships
 * (with their accepted synonyms and inverses), framework kinds and statuses,
 * mapping-set methods and statuses, rationales, confidence levels.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const char *const relationship_names[XW_REL_COUNT] = {
    "equal-to", "equivalent-to", "subset-of",
    "superset-of", "intersects-with", "no-relationship"};

/* Synonyms accepted on input (compared case-insensitively). */
static const struct {
    const char *word;
    xw_relationship rel;
} relationship_synonyms[] = {
    {"equal", XW_REL_EQUAL},
    {"equivalent", XW_REL_EQUIVALENT},
    {"subset", XW_REL_SUBSET},
    {"subset of", XW_REL_SUBSET},
    {"superset", XW_REL_SUPERSET},
    {"superset of", XW_REL_SUPERSET},
    {"intersect", XW_REL_INTERSECTS},
    {"intersects", XW_REL_INTERSECTS},
    {"intersects with", XW_REL_INTERSECTS},
    {"not_related", XW_REL_NONE},
    {"not related to", XW_REL_NONE},
    {"no relationship", XW_REL_NONE}, /* STRM sheets */
};

const char *xw_relationship_name(xw_relationship rel)
{
    if ((int)rel < 0 || rel >= XW_REL_COUNT)
        return "?";
    return relationship_names[rel];
}

int xw_relationship_parse(const char *text)
{
    if (!text)
        return -1;
    /* Stored values are canonical: find those without a case-blind scan. */
    for (int i = 0; i < XW_REL_COUNT; i++)
        if (text[0] == relationship_names[i][0] &&
            !strcmp(text, relationship_names[i]))
            return i;
    for (int i = 0; i < XW_REL_COUNT; i++)
        if (!strcasecmp(text, relationship_names[i]))
            return i;
    for (size_t i = 0; i < sizeof relationship_synonyms /
                               sizeof *relationship_synonyms; i++)
        if (!strcasecmp(text, relationship_synonyms[i].word))
            return (int)relationship_synonyms[i].rel;
    return -1;
}

xw_relationship xw_relationship_inverse(xw_relationship rel)
{
    switch (rel) {
    case XW_REL_SUBSET:
        return XW_REL_SUPERSET;
    case XW_REL_SUPERSET:
        return XW_REL_SUBSET;
    default:
        return rel;
    }
}

typedef struct word_list {
    const char *const *words;
    const char *expected;
} word_list;

static const char *const kinds[] = {"law", "regulation", "guideline",
                                    "standard", "certification", "framework",
                                    NULL};
static const char *const fw_statuses[] = {"official", "partial",
                                          "provisional", NULL};
static const char *const methods[] = {"human", "automation", "hybrid", NULL};
static const char *const set_statuses[] = {"draft", "complete",
                                           "not-complete", "deprecated",
                                           "superseded", NULL};
static const char *const rationales[] = {"syntactic", "semantic",
                                         "functional", NULL};
static const char *const confidences[] = {"high", "medium", "low", NULL};

static const word_list vocabularies[] = {
    [XW_VOCAB_FRAMEWORK_KIND] = {kinds, "law, regulation, guideline, "
                                        "standard, certification or "
                                        "framework"},
    [XW_VOCAB_FRAMEWORK_STATUS] = {fw_statuses,
                                   "official, partial or provisional"},
    [XW_VOCAB_SET_METHOD] = {methods, "human, automation or hybrid"},
    [XW_VOCAB_SET_STATUS] = {set_statuses, "draft, complete, not-complete, "
                                           "deprecated or superseded"},
    [XW_VOCAB_RATIONALE] = {rationales, "syntactic, semantic or functional"},
    [XW_VOCAB_CONFIDENCE] = {confidences, "high, medium or low"},
};

int xw_vocabulary_allows(xw_vocabulary vocab, const char *value)
{
    if (!value)
        return 0;
    for (const char *const *w = vocabularies[vocab].words; *w; w++)
        if (!strcmp(*w, value))
            return 1;
    return 0;
}

const char *xw_vocabulary_expected(xw_vocabulary vocab)
{
    return vocabularies[vocab].expected;
}

int xw_jurisdiction_valid(const char *code)
{
    if (!code)
        return 0;
    if (!strcmp(code, "EU") || !strcmp(code, "INTL"))
        return 1;
    return strlen(code) == 2 && isupper((unsigned char)code[0]) &&
           isupper((unsigned char)code[1]);
}
