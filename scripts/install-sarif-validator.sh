#!/usr/bin/env bash
# Installs the official SARIF validator (@microsoft/sarif-multitool, from
# npm) into <build>/node_modules for the tests that validate racelint's SARIF.
# Does nothing when it is already there.
set -euo pipefail
BUILD="${1:-build}"
VERSION=5.7.0
BIN="$BUILD/node_modules/.bin/sarif-multitool"
[ -x "$BIN" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "racelint: the SARIF tests need npm (Debian: apt-get install npm) to install @microsoft/sarif-multitool" >&2
  exit 2
fi
echo "racelint: installing @microsoft/sarif-multitool@$VERSION into $BUILD/node_modules"
mkdir -p "$BUILD"
npm install --prefix "$BUILD" --no-save --no-audit --no-fund --loglevel=error \
  "@microsoft/sarif-multitool@$VERSION" >/dev/null
# npm may skip the package's install script that marks the binary executable.
chmod u+x "$BUILD"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool 2>/dev/null || true
[ -x "$BIN" ] || { echo "racelint: $BIN missing after npm install" >&2; exit 2; }
