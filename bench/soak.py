#!/usr/bin/env python3
"""Soak test: racelint over every translation unit of real projects.

Fetches each project's Debian source package (bookworm) with apt-get and a
private sources list under $RACELINT_BENCH_WORK (nothing is committed, the
system's apt configuration is untouched), configures it with CMake to get
compile_commands.json, then runs `racelint -p <build> <file>` once per
translation unit with a time limit, and reports per project: files,
crashes, hangs (time limit reached), errors (exit 2: mostly files that do
not compile with clang), findings, total and slowest time, peak memory.

    bench/soak.py [--racelint build/bin/racelint] [--timeout 300] [-j 2]
                  [--projects leveldb,libuv1,...] [--max-files N]

Exit status 1 when any translation unit crashed or hung.
"""

import argparse
import concurrent.futures
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

# name: (Debian source package, CMake source subdirectory, CMake options)
PROJECTS = {
    "leveldb": ("leveldb", ".", ["-DLEVELDB_BUILD_TESTS=OFF",
                                 "-DLEVELDB_BUILD_BENCHMARKS=OFF"]),
    "libuv1": ("libuv1", ".", ["-DLIBUV_BUILD_TESTS=ON"]),
    "libevent": ("libevent", ".", ["-DEVENT__DISABLE_OPENSSL=ON",
                                   "-DEVENT__DISABLE_MBEDTLS=ON"]),
    "zstd": ("libzstd", "build/cmake", ["-DZSTD_BUILD_TESTS=ON"]),
    "libssh": ("libssh", ".", ["-DWITH_GSSAPI=OFF", "-DWITH_EXAMPLES=ON",
                               "-DUNIT_TESTING=OFF"]),
    "openjpeg2": ("openjpeg2", ".", ["-DBUILD_CODEC=ON"]),
    "mbedtls": ("mbedtls", ".", ["-DENABLE_TESTING=ON",
                                 "-DENABLE_PROGRAMS=ON"]),
    "curl": ("curl", ".", ["-DCURL_USE_OPENSSL=ON", "-DUSE_LIBIDN2=OFF",
                           "-DCURL_USE_LIBPSL=OFF", "-DCURL_USE_LIBSSH2=OFF",
                           "-DCURL_ZSTD=OFF", "-DUSE_NGHTTP2=OFF",
                           "-DCURL_BROTLI=OFF", "-DBUILD_TESTING=ON"]),
    "c-ares": ("c-ares", ".", ["-DCARES_BUILD_TESTS=OFF",
                               "-DCARES_BUILD_TOOLS=ON"]),
    "yaml-cpp": ("yaml-cpp", ".", ["-DYAML_CPP_BUILD_TESTS=OFF",
                                   "-DYAML_CPP_BUILD_TOOLS=ON"]),
    "libarchive": ("libarchive", ".", ["-DENABLE_TEST=ON",
                                       "-DENABLE_OPENSSL=OFF",
                                       "-DENABLE_LIBXML2=OFF",
                                       "-DENABLE_EXPAT=OFF",
                                       "-DENABLE_ACL=OFF",
                                       "-DENABLE_ZSTD=OFF", "-DENABLE_LZ4=OFF",
                                       "-DENABLE_LIBB2=OFF"]),
}
# The translation units racelint analyses (projects list assembly too).
SOURCES = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C"}
DEFAULT = ["leveldb", "libuv1", "libevent", "zstd", "mbedtls", "curl",
           "c-ares", "yaml-cpp", "libarchive", "libssh", "openjpeg2"]


def log(msg):
    print(f"soak: {msg}", file=sys.stderr, flush=True)


def apt_source(work, pkg):
    """Extracts pkg's upstream tarball; returns the source directory."""
    apt = work / "apt"
    (apt / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (apt / "src").mkdir(parents=True, exist_ok=True)
    (apt / "sources.list").write_text(
        "deb-src http://deb.debian.org/debian bookworm main\n")
    opts = ["-o", f"Dir::Etc::SourceList={apt}/sources.list",
            "-o", "Dir::Etc::SourceParts=/dev/null",
            "-o", f"Dir::State::Lists={apt}/lists",
            "-o", "APT::Sandbox::User=root"]
    def find():
        return sorted(p for p in (apt / "src").glob(f"{pkg}_*.orig.tar.*")
                      if not p.name.endswith(".asc"))
    tarballs = find()
    if not tarballs:
        if not list((apt / "lists").glob("*Sources*")):
            subprocess.run(["apt-get", *opts, "update"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["apt-get", *opts, "source", "--download-only", pkg],
                       cwd=apt / "src", check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        tarballs = find()
    tarball = tarballs[-1]
    src = work / "src" / tarball.name.split(".orig.tar.")[0]
    if not src.is_dir():
        src.mkdir(parents=True)
        subprocess.run(["tar", "-xf", str(tarball), "-C", str(src),
                        "--strip-components=1"], check=True)
    return src


def configure(work, name):
    pkg, subdir, options = PROJECTS[name]
    src = apt_source(work, pkg)
    build = work / "build" / name
    if not (build / "compile_commands.json").is_file():
        build.mkdir(parents=True, exist_ok=True)
        with open(build / "cmake.log", "w") as out:
            subprocess.run(
                ["cmake", "-S", str(src / subdir), "-B", str(build), "-G",
                 "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                 "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                 "-DCMAKE_C_COMPILER=clang-22",
                 "-DCMAKE_CXX_COMPILER=clang++-22", *options],
                check=True, stdout=out, stderr=subprocess.STDOUT)
    return build


def run_one(racelint, build, file, timeout):
    start = time.monotonic()
    proc = subprocess.Popen([racelint, "--quiet", "-j", "1", "-p", str(build),
                             file], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(timeout=timeout)
        hung = False
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        hung = True
    elapsed = time.monotonic() - start
    rc = proc.returncode
    text = err.decode(errors="replace")
    if hung:
        kind = "hang"
    elif rc < 0 or "internal error" in text or "LLVM ERROR" in text:
        kind = "crash"
    elif rc == 2:
        kind = "error"
    else:
        kind = "ok"
    findings = sum(1 for line in out.decode(errors="replace").splitlines()
                   if ": warning: " in line)
    return {"file": file, "kind": kind, "rc": rc, "seconds": elapsed,
            "findings": findings, "stderr": text[-2000:]}


def measure(args):
    """run_one in a child that reports its own child's peak memory."""
    racelint, build, file, timeout = args
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        res = run_one(racelint, build, file, timeout)
        res["peak_mb"] = resource.getrusage(
            resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        os.write(w, json.dumps(res).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--racelint", default="build/bin/racelint")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--projects", default=",".join(DEFAULT))
    ap.add_argument("--max-files", type=int, default=0)
    ap.add_argument("--results", help="write every TU's result (JSON)")
    ap.add_argument("--configure-only", action="store_true",
                    help="fetch and configure the projects, analyse nothing")
    args = ap.parse_args()
    racelint = os.path.abspath(args.racelint)
    work = Path(os.environ.get("RACELINT_BENCH_WORK",
                               "/tmp/racelint-bench")) / "soak"
    work.mkdir(parents=True, exist_ok=True)

    rows, everything, bad = [], [], False
    for name in args.projects.split(","):
        try:
            build = configure(work, name)
        except (subprocess.CalledProcessError, OSError) as e:
            log(f"{name}: cannot fetch or configure ({e}); skipped")
            continue
        db = json.loads((build / "compile_commands.json").read_text())
        if args.configure_only:
            log(f"{name}: {len(db)} compile commands in {build}")
            continue
        files = sorted({os.path.normpath(os.path.join(e["directory"],
                                                      e["file"]))
                        for e in db
                        if os.path.splitext(e["file"])[1] in SOURCES})
        # Files the build generates (mbedtls' test suites) are not there
        # before it runs; racelint -p would report each as an error.
        missing = [f for f in files if not os.path.exists(f)]
        files = [f for f in files if os.path.exists(f)]
        if args.max_files:
            files = files[:args.max_files]
        log(f"{name}: {len(files)} translation units, {len(missing)} not "
            "generated yet")
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
            results = list(pool.map(
                measure, [(racelint, build, f, args.timeout) for f in files]))
        wall = time.monotonic() - start
        kinds = {k: sum(r["kind"] == k for r in results)
                 for k in ("ok", "error", "crash", "hang")}
        for r in results:
            r["project"] = name
            if r["kind"] in ("crash", "hang"):
                bad = True
                log(f"{name}: {r['kind']}: {r['file']}\n{r['stderr']}")
        slowest = max(results, key=lambda r: r["seconds"])
        rows.append((name, len(files), kinds["crash"], kinds["hang"],
                     kinds["error"], sum(r["findings"] for r in results),
                     sum(r["seconds"] for r in results), wall,
                     slowest["seconds"], os.path.basename(slowest["file"]),
                     max(r["peak_mb"] for r in results)))
        everything += results

    head = ("project", "TUs", "crashes", "hangs", "errors", "findings",
            "sum of TU s", "wall s", "slowest s", "slowest TU", "peak MB")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | "
              f"{r[6]:.0f} | {r[7]:.0f} | {r[8]:.1f} | {r[9]} | {r[10]:.0f} |")
    total = [sum(r[i] for r in rows) for i in range(1, 8)]
    print(f"| total | {total[0]} | {total[1]} | {total[2]} | {total[3]} | "
          f"{total[4]} | {total[5]:.0f} | {total[6]:.0f} | "
          f"{max((r[8] for r in rows), default=0):.1f} | | "
          f"{max((r[10] for r in rows), default=0):.0f} |")
    if args.results:
        Path(args.results).write_text(json.dumps(everything, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
