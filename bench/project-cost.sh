#!/usr/bin/env bash
# The cost of racelint's project-wide step on one project, against
# clang-tidy on the same files: one run of each, in this order, -j 2.
#
#   bench/project-cost.sh <racelint> <compile-db-dir> <source-dir> [<first-file>]
#
#   clang-tidy      run-clang-tidy -checks=-*,concurrency-mt-unsafe (one parse)
#   per-file        racelint --per-file (one parse per file, no summaries)
#   project-wide    racelint (summarize every file, merge, report)
#   summarize       racelint --summarize-to S (step 1 of a sharded run)
#   report          racelint --summaries S (step 2: merge and report)
#   merge+1 file    racelint --summaries S <first-file>, against
#   1 file          racelint --per-file <first-file>: the difference is
#                   what loading and merging every summary costs
#   cache cold/warm racelint --cache C, twice
#
# Prints one Markdown table row per mode: wall s, CPU s, peak RSS MB.
set -u
RL=$(readlink -f "$1"); DB=$(readlink -f "$2"); SRC=$(readlink -f "$3")
FIRST=${4:-$(python3 -c "import json,sys; print(json.load(open('$DB/compile_commands.json'))[0]['file'])")}
TIDY=${RUN_CLANG_TIDY:-run-clang-tidy-22}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$SRC" || exit 2
run() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$T/time" "$@" >/dev/null 2>"$T/err"
  tail -1 "$T/time" | awk -v n="$name" \
    '{ printf "| %s | %.2f | %.2f | %d |\n", n, $1, $2 + $3, $4 / 1024 }'
}
echo "| mode | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|"
run "clang-tidy (concurrency-mt-unsafe)" "$TIDY" -quiet -p "$DB" -j 2 -checks='-*,concurrency-mt-unsafe'
run "racelint --per-file" "$RL" --config '{}' -p "$DB" --quiet -j 2 --per-file
run "racelint (project-wide)" "$RL" --config '{}' -p "$DB" --quiet -j 2
run "racelint --summarize-to S" "$RL" --config '{}' -p "$DB" --quiet -j 2 --summarize-to "$T/s"
run "racelint --summaries S" "$RL" --config '{}' -p "$DB" --quiet -j 2 --summaries "$T/s"
run "racelint --per-file, 1 file" "$RL" --config '{}' -p "$DB" --quiet --per-file "$FIRST"
run "racelint --summaries S, 1 file" "$RL" --config '{}' -p "$DB" --quiet --summaries "$T/s" "$FIRST"
run "racelint --cache C (cold)" "$RL" --config '{}' -p "$DB" --quiet -j 2 --cache "$T/c"
run "racelint --cache C (warm)" "$RL" --config '{}' -p "$DB" --quiet -j 2 --cache "$T/c"
