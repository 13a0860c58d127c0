#!/bin/sh
# Prints "id,count" for every row of one table of docs/data.md, sorted, so
# that tests can compare it with what xwalk init loads:
#   data_doc.sh FILE catalogs     the Catalogs table, items column
#   data_doc.sh FILE crosswalks   the Crosswalks table, rows column
case "$2" in
crosswalks) section='^## Crosswalks' column=3 ;;
*) section='^## Catalogs' column=7 ;;
esac
awk -F'|' -v section="$section" -v column="$column" '
    /^## / { in_table = ($0 ~ section) }
    in_table && /^\| `/ {
        id = $2; gsub(/[ `]/, "", id)
        n = $column; sub(/^ */, "", n); sub(/[^0-9].*$/, "", n)
        print id "," n
    }' "$1" | sort
