#!/usr/bin/env bash
# Runs the lit suite and ends with "N passed, N failed".
set -uo pipefail
BUILD="${1:-build}"
LLVM_BIN="${LLVM_BIN:-/usr/lib/llvm-22/bin}"
out=$(mktemp)
"$LLVM_BIN/lit" -sv -j "$(nproc)" "$BUILD/test" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
passed=$(grep -E '^ *Passed *:' "$out" | grep -oE '[0-9]+' | head -1)
failed=0
for kind in Failed Unresolved 'Unexpectedly Passed' 'Timed Out'; do
  n=$(grep -E "^ *$kind *:" "$out" | grep -oE '[0-9]+' | head -1)
  failed=$((failed + ${n:-0}))
done
rm -f "$out"
echo "${passed:-0} passed, ${failed} failed"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
  exit 1
fi
