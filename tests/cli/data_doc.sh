#!/bin/sh
# Prints "id,items" for every catalog in the Catalogs table of docs/data.md,
# sorted, so that tests can compare it with what xwalk init loads.
awk -F'|' '
    /^## / { in_table = ($0 ~ /^## Catalogs/) }
    in_table && /^\| `/ {
        id = $2; gsub(/[ `]/, "", id)
        items = $7; sub(/^ */, "", items); sub(/[^0-9].*$/, "", items)
        print id "," items
    }' "$1" | sort
