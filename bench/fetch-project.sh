#!/usr/bin/env bash
# Obtains a real C++ project for bench/perf.py and prints the directory that
# holds its compile_commands.json. Nothing fetched here is committed.
#
#   bench/fetch-project.sh              # leveldb from Debian's source package
#   RACELINT_BENCH_PROJECT=/path/to/checkout bench/fetch-project.sh
#                                       # any CMake project you already have
#
# Work happens in $RACELINT_BENCH_WORK (default /tmp/racelint-bench).
# The Debian route needs no change to the system's apt configuration: it
# uses a private sources list with a deb-src line for bookworm.
set -euo pipefail

WORK="${RACELINT_BENCH_WORK:-/tmp/racelint-bench}"
PKG="${RACELINT_BENCH_DEBIAN_PKG:-leveldb}"
SUITE="${RACELINT_BENCH_SUITE:-bookworm}"
CXX="${CXX:-clang++-22}"
CC="${CC:-clang-22}"
mkdir -p "$WORK"

configure() { # <source dir> <build dir>
  local src="$1" bld="$2"
  if [ ! -f "$bld/compile_commands.json" ]; then
    cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_C_COMPILER="$CC" \
      -DLEVELDB_BUILD_TESTS=OFF -DLEVELDB_BUILD_BENCHMARKS=OFF \
      -DLEVELDB_INSTALL=OFF >"$bld.cmake.log" 2>&1 ||
      { echo "fetch-project: cmake failed, see $bld.cmake.log" >&2; exit 1; }
  fi
  # Some projects generate headers at build time (leveldb: port_config.h
  # comes from configure, so nothing else is needed).
  echo "$bld"
}

if [ -n "${RACELINT_BENCH_PROJECT:-}" ]; then
  src="$(cd "$RACELINT_BENCH_PROJECT" && pwd)"
  if [ -f "$src/compile_commands.json" ]; then echo "$src"; exit 0; fi
  configure "$src" "$WORK/$(basename "$src")-build"
  exit 0
fi

# Debian source package through apt, with a private state directory.
APT="$WORK/apt"
mkdir -p "$APT/lists/partial" "$APT/src"
echo "deb-src http://deb.debian.org/debian $SUITE main" >"$APT/sources.list"
aptopts=(-o Dir::Etc::SourceList="$APT/sources.list" -o Dir::Etc::SourceParts=/dev/null
         -o Dir::State::Lists="$APT/lists" -o APT::Sandbox::User=root)
if ! ls "$APT/src/${PKG}_"*.orig.tar.* >/dev/null 2>&1; then
  apt-get "${aptopts[@]}" update >"$APT/update.log" 2>&1 ||
    { echo "fetch-project: apt-get update failed, see $APT/update.log" >&2; exit 1; }
  (cd "$APT/src" && apt-get "${aptopts[@]}" source --download-only "$PKG") \
    >"$APT/source.log" 2>&1 ||
    { echo "fetch-project: apt-get source $PKG failed, see $APT/source.log" >&2; exit 1; }
fi
tarball="$(ls "$APT/src/${PKG}_"*.orig.tar.* | head -1)"
ver="$(basename "$tarball" | sed -E "s/^${PKG}_(.*)\.orig\.tar\..*$/\1/")"
src="$WORK/$PKG-$ver"
if [ ! -f "$src/CMakeLists.txt" ]; then
  rm -rf "$src" && mkdir -p "$src"
  tar -xf "$tarball" -C "$src" --strip-components=1
fi
configure "$src" "$WORK/$PKG-$ver-build"
