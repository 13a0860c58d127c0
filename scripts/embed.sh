#!/bin/sh
# Turns a text file into a C string constant: embed.sh NAME FILE > out.c.
# The page is written as a plain HTML file in web/ and embedded at build
# time, so the binary serves it with no files beside it.
set -eu
name=$1 file=$2
printf '/* Generated from %s by scripts/embed.sh; do not edit. */\n' "$file"
printf 'const char %s[] =\n' "$name"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$file"
printf '    ;\n'
