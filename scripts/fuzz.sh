#!/usr/bin/env bash
# Runs racelint-fuzzer (libFuzzer + ASan, built by `make fuzz`) for a given
# time on mutated C and C++ sources, seeded with the sources of test/,
# bench/corpus/ and examples/.
#
#   scripts/fuzz.sh <fuzz build dir> <seconds> [libFuzzer options...]
#
# The corpus it grows is kept in <build>/fuzz/corpus; inputs that crash,
# leak or time out go to <build>/fuzz/artifacts/ and fail the run (exit 1).
# Turn one into a regression test with the input as a file of test/fuzz/
# (C inputs start with /*C*/).
set -euo pipefail
BUILD="${1:?usage: scripts/fuzz.sh <fuzz build dir> <seconds>}"
SECONDS_TO_RUN="${2:?usage: scripts/fuzz.sh <fuzz build dir> <seconds>}"
shift 2
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FUZZER="$BUILD/bin/racelint-fuzzer"
[ -x "$FUZZER" ] || { echo "fuzz: $FUZZER not built (make fuzz builds it)" >&2; exit 2; }

# FUZZ_CORPUS: where the corpus grows (kept between runs);
# FUZZ_MAX_SEEDS: use only that many seeds, spread over the list (libFuzzer
# runs every seed before its time limit starts to count).
SEEDS="$BUILD/fuzz/seeds"
CORPUS="${FUZZ_CORPUS:-$BUILD/fuzz/corpus}"
ARTIFACTS="$BUILD/fuzz/artifacts"
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$CORPUS" "$ARTIFACTS"
# Absolute paths: the analysis moves into each compile command's directory,
# and a crash's input is written from there.
SEEDS="$(cd "$SEEDS" && pwd)"
CORPUS="$(cd "$CORPUS" && pwd)"
ARTIFACTS="$(cd "$ARTIFACTS" && pwd)"
# Seeds: each C or C++ source of the repository, C ones marked /*C*/.
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  case "$f" in
    *.c) { printf '/*C*/'; cat "$f"; } > "$SEEDS/seed-$n.c" ;;
    *) cp "$f" "$SEEDS/seed-$n.cpp" ;;
  esac
done < <(find "$ROOT/test" "$ROOT/bench/corpus" "$ROOT/examples" -type f \
           \( -name '*.c' -o -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if [ -n "${FUZZ_MAX_SEEDS:-}" ] && [ "$n" -gt "$FUZZ_MAX_SEEDS" ]; then
  step=$(( (n + FUZZ_MAX_SEEDS - 1) / FUZZ_MAX_SEEDS ))
  i=0
  for f in $(ls "$SEEDS" | sort -V); do
    [ $((i % step)) -eq 0 ] || rm "$SEEDS/$f"
    i=$((i + 1))
  done
  n=$(ls "$SEEDS" | wc -l)
fi

# ASan's leak check would report the caches of clang's and LLVM's
# singletons; time-outs (-timeout) are what stands for hangs here.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:${ASAN_OPTIONS:-}"
echo "fuzz: $n seeds, ${SECONDS_TO_RUN}s, corpus $CORPUS"
"$FUZZER" -max_total_time="$SECONDS_TO_RUN" -timeout=60 -rss_limit_mb=4096 \
  -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$ARTIFACTS/" "$@" "$CORPUS" "$SEEDS"
