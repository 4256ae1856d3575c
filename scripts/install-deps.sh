#!/usr/bin/env bash
# Installs the Debian packages racelint needs, only when something is missing.
# Works as root, or through sudo for a normal user.
set -euo pipefail

MAJOR="${RACELINT_LLVM_MAJOR:-22}"
PACKAGES=(
  "clang-$MAJOR" "clang-tidy-$MAJOR" "clang-tools-$MAJOR" "libclang-$MAJOR-dev"
  "llvm-$MAJOR-dev" "llvm-$MAJOR-tools" "lld-$MAJOR"
  # make fuzz and make sanitize: the sanitizer and libFuzzer runtimes
  "libclang-rt-$MAJOR-dev"
  libgrpc++-dev libprotobuf-dev ninja-build cmake pkg-config python3 make g++
  # tests of the guides: CI files are YAML; the pre-commit hook runs in pre-commit
  git python3-yaml pre-commit
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "racelint: installing missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "racelint: need root (or sudo) to install: ${missing[*]}" >&2
    exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "racelint: packages installed"
