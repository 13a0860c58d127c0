#!/bin/sh
# Loads the query fixture: a target (tgt), two sources with direct sets (s1
# exhaustive, s2 not), and a third source (s3) that reaches the target only
# through a pivot (piv).  See tests/cli/queries.test.
set -e
d=$(dirname "$0")
xwalk import catalog "$d/tgt.csv" --id tgt --name Target --version 1 --jurisdiction JP
xwalk import catalog "$d/s1.csv" --id s1 --name "Source one" --version 1 --jurisdiction JP
xwalk import catalog "$d/s2.csv" --id s2 --name "Source two" --version 1 --jurisdiction US
xwalk import catalog "$d/s3.csv" --id s3 --name "Source three" --version 1 --jurisdiction SG
xwalk import catalog "$d/piv.csv" --id piv --name Pivot --version 1 --jurisdiction INTL
xwalk import crosswalk "$d/s1-tgt.csv" --source s1 --target tgt --author "Ann Auditor" --exhaustive
xwalk import crosswalk "$d/s2-tgt.csv" --source s2 --target tgt --author "Bo Builder"
xwalk import crosswalk "$d/s3-piv.csv" --source s3 --target piv --author "Cy Curator"
xwalk import crosswalk "$d/piv-tgt.csv" --source piv --target tgt --author "Cy Curator"
