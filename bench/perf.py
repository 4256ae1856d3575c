#!/usr/bin/env python3
"""Times racelint against its baselines on a real project's translation units.

Usage:
  bench/perf.py --build-dir DIR [--reps 3] [--max-files N] [--frontend-files N]

DIR holds compile_commands.json (bench/fetch-project.sh prints one). For every
repetition, every file is run through each tool in turn, the order of the tools
rotating from file to file and from repetition to repetition, so background
load falls on all tools alike. Each invocation is one process measured with
/usr/bin/time -f "%e %M" (wall seconds, peak RSS in KiB). Per tool and
repetition the wall times of all files are summed and the peak RSS is the
largest of any file; the tables show the median over repetitions.

Tools (baseline comparison, every file):
  racelint      build/bin/racelint -p DIR FILE               (every check)
  tidy-mt       clang-tidy-22 --checks=-*,concurrency-mt-unsafe -p DIR FILE
  syntax        clang++-22 -fsyntax-only <the file's compile command>
Front ends (the first --frontend-files files):
  plugin        clang-tidy-22 --load=build/lib/racelint-tidy.so --checks=-*,racelint-*
  cli           racelint -p DIR FILE
  clangd        racelint-clangd --check=FILE (config enabling racelint-*)
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIME = "/usr/bin/time"


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def timed(cmd, cwd=None, env=None):
    """Runs cmd once; returns (wall seconds, peak KiB, exit code, stdout+stderr)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        p = subprocess.run([TIME, "-f", "%e %M", "-o", tf.name] + cmd, cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        fields = tf.read().split()
    try:
        wall, rss = float(fields[-2]), int(fields[-1])
    except (IndexError, ValueError):
        wall, rss = float("nan"), 0
    return wall, rss, p.returncode, p.stdout


def syntax_cmd(entry, clangxx):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [clangxx], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-o"):
            continue
        out.append(a)
    return out + ["-fsyntax-only"]


def median_table(rows, tools):
    """rows[tool] = list of (total wall, peak rss) per repetition."""
    res = {}
    for t in tools:
        walls = [w for w, _ in rows[t]]
        rsss = [r for _, r in rows[t]]
        res[t] = (statistics.median(walls), statistics.median(rsss), min(walls), max(walls))
    return res


def run_matrix(tools, files, reps, label):
    """tools: {name: fn(entry) -> (cmd, cwd, env)}. Returns per-tool rows and log."""
    names = list(tools)
    rows = {t: [] for t in names}
    per_file = {t: {} for t in names}
    outputs = {t: {} for t in names}
    for r in range(reps):
        sums = {t: 0.0 for t in names}
        peaks = {t: 0 for t in names}
        load_before = loadavg()
        for i, e in enumerate(files):
            k = (r + i) % len(names)
            for t in names[k:] + names[:k]:
                cmd, cwd, env = tools[t](e)
                wall, rss, rc, out = timed(cmd, cwd, env)
                sums[t] += wall
                peaks[t] = max(peaks[t], rss)
                per_file[t].setdefault(e["file"], []).append(wall)
                if r == 0:
                    outputs[t][e["file"]] = (rc, out)
        for t in names:
            rows[t].append((sums[t], peaks[t]))
        print(f"  [{label}] repetition {r + 1}/{reps}: " +
              ", ".join(f"{t} {sums[t]:.1f}s" for t in names) +
              f"  (load before: {load_before}, after: {loadavg()})", file=sys.stderr)
    return rows, per_file, outputs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build-dir", required=True, help="directory with compile_commands.json")
    ap.add_argument("--racelint", default=os.path.join(ROOT, "build", "bin", "racelint"))
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "lib", "racelint-tidy.so"))
    ap.add_argument("--clangd", default=os.path.join(ROOT, "build", "bin", "racelint-clangd"))
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--clangxx", default="clang++-22")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--max-files", type=int, default=0, help="0: every file")
    ap.add_argument("--frontend-files", type=int, default=8)
    ap.add_argument("--frontend-reps", type=int, default=0, help="default: --reps")
    ap.add_argument("--skip-frontends", action="store_true")
    args = ap.parse_args()

    bdir = os.path.abspath(args.build_dir)
    with open(os.path.join(bdir, "compile_commands.json")) as f:
        db = json.load(f)
    files = sorted(db, key=lambda e: e["file"])
    if args.max_files:
        files = files[:args.max_files]
    for tool in (args.racelint, args.plugin, args.clangd):
        if not os.path.exists(tool):
            print(f"perf.py: {tool} not found", file=sys.stderr)
            return 2

    # clangd reads its configuration from $XDG_CONFIG_HOME/clangd/config.yaml.
    cfg = tempfile.mkdtemp(prefix="racelint-bench-clangd-")
    os.makedirs(os.path.join(cfg, "clangd"))
    with open(os.path.join(cfg, "clangd", "config.yaml"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Remove: ['*']\n    Add: ['racelint-*']\n"
                "    FastCheckFilter: None\n")
    clangd_env = dict(os.environ, XDG_CONFIG_HOME=cfg)

    tidy = lambda checks, extra=(): lambda e: (
        [args.clang_tidy, *extra, f"--checks={checks}", "--quiet", "-p", bdir, e["file"]],
        e["directory"], None)
    racelint = lambda e: ([args.racelint, "--quiet", "-p", bdir, e["file"]], e["directory"], None)
    baseline = {
        "racelint": racelint,
        "tidy-mt": tidy("-*,concurrency-mt-unsafe"),
        "syntax": lambda e: (syntax_cmd(e, args.clangxx), e["directory"], None),
    }
    frontends = {
        "plugin": tidy("-*,racelint-*", [f"--load={args.plugin}"]),
        "cli": racelint,
        "clangd": lambda e: ([args.clangd, f"--check={e['file']}",
                              f"--compile-commands-dir={bdir}"], e["directory"], clangd_env),
    }

    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            stdout=subprocess.PIPE, text=True).stdout.strip()
    print(f"## Real code: {len(files)} translation units from {bdir}")
    print()
    print(f"racelint commit {commit}; {args.reps} repetitions, alternating; "
          f"load average at start {loadavg()}")
    print()
    rows, per_file, outs = run_matrix(baseline, files, args.reps, "baseline")
    med = median_table(rows, baseline)
    print("| tool | median total wall (s) | min–max (s) | median peak RSS (MiB) |")
    print("|---|---:|---:|---:|")
    for t, (w, m, lo, hi) in med.items():
        print(f"| {t} | {w:.2f} | {lo:.2f}–{hi:.2f} | {m / 1024:.0f} |")
    print()
    rw, rm = med["racelint"][:2]
    print("| ratio | wall | peak RSS | target |")
    print("|---|---:|---:|---|")
    tw, tm = med["tidy-mt"][:2]
    sw, sm = med["syntax"][:2]
    print(f"| racelint / clang-tidy concurrency-mt-unsafe | {rw / tw:.3f}× | {rm / tm:.3f}× "
          f"| ≤ 1.10× wall, ≤ 1.25× RSS: {'met' if rw / tw <= 1.10 else 'missed'} / "
          f"{'met' if rm / tm <= 1.25 else 'missed'} |")
    print(f"| racelint / clang++ -fsyntax-only | {rw / sw:.3f}× | {rm / sm:.3f}× | (floor) |")
    # Per-repetition ratios show how much of the spread is noise.
    per_rep = [f"{a[0] / b[0]:.3f}" for a, b in zip(rows["racelint"], rows["tidy-mt"])]
    print()
    print(f"racelint / clang-tidy wall ratio per repetition: {', '.join(per_rep)}")
    # The slowest files by racelint's excess over clang-tidy.
    excess = []
    for fpath, walls in per_file["racelint"].items():
        excess.append((statistics.median(walls) - statistics.median(per_file["tidy-mt"][fpath]),
                       statistics.median(walls), statistics.median(per_file["tidy-mt"][fpath]),
                       fpath))
    excess.sort(reverse=True)
    print()
    print("Largest per-file excess of racelint over clang-tidy (median s):")
    for d, a, b, fpath in excess[:5]:
        print(f"- {os.path.relpath(fpath, os.path.dirname(bdir))}: racelint {a:.2f}, "
              f"clang-tidy {b:.2f} (+{d:.2f})")
    findings = {}
    failures = []
    for fpath, (rc, out) in outs["racelint"].items():
        if rc not in (0, 1):
            failures.append(f"{fpath} (exit {rc})")
        for line in out.splitlines():
            if ": warning: " in line and "[racelint-" in line:
                c = line.rsplit("[", 1)[1].rstrip("]")
                findings[c] = findings.get(c, 0) + 1
    print()
    print("racelint findings on these files (first repetition): " +
          (", ".join(f"{c}: {n}" for c, n in sorted(findings.items())) or "none"))
    if failures:
        print(f"racelint failed on {len(failures)} of {len(files)} files: {', '.join(failures)}")
        ok = [e["file"] for e in files if outs["racelint"][e["file"]][0] in (0, 1)]
        med_sum = lambda t: sum(statistics.median(per_file[t][f]) for f in ok)
        a, b, c = med_sum("racelint"), med_sum("tidy-mt"), med_sum("syntax")
        print()
        print(f"Only the {len(ok)} files racelint analysed without error (sum of per-file "
              f"medians): racelint {a:.2f}s, clang-tidy {b:.2f}s, syntax {c:.2f}s; "
              f"racelint / clang-tidy {a / b:.3f}×, racelint / syntax {a / c:.3f}×")

    if args.skip_frontends:
        print()
        print(f"load average at end: {loadavg()}")
        return 0
    fe_files = files[:args.frontend_files]
    print()
    print(f"## Front ends: first {len(fe_files)} translation units")
    print()
    rows, _, outs = run_matrix(frontends, fe_files, args.frontend_reps or args.reps, "frontends")
    med = median_table(rows, frontends)
    print("| front end | median total wall (s) | min–max (s) | median peak RSS (MiB) | wall / cli |")
    print("|---|---:|---:|---:|---:|")
    for t, (w, m, lo, hi) in med.items():
        print(f"| {t} | {w:.2f} | {lo:.2f}–{hi:.2f} | {m / 1024:.0f} | {w / med['cli'][0]:.2f}× |")
    counts = {t: sum(o.count(": warning: ") for _, o in outs[t].values()) for t in ("plugin", "cli")}
    print()
    print(f"warnings reported: plugin {counts['plugin']}, cli {counts['cli']}; "
          "clangd --check prints only errors, so its findings are not counted")

    print()
    print("## racelint -j")
    print()
    help_text = subprocess.run([args.racelint, "--help"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True).stdout
    if any(l.strip().startswith(("-j", "--j")) for l in help_text.splitlines()):
        res = {}
        for r in range(args.reps):
            for j in ((1, 2) if r % 2 == 0 else (2, 1)):
                w, m, rc, _ = timed([args.racelint, "--quiet", "-p", bdir, "-j", str(j)]
                                    + [e["file"] for e in files])
                res.setdefault(j, []).append((w, m))
        print("| -j | median wall (s) | median peak RSS (MiB) |")
        print("|---|---:|---:|")
        for j in (1, 2):
            print(f"| {j} | {statistics.median(w for w, _ in res[j]):.2f} | "
                  f"{statistics.median(m for _, m in res[j]) / 1024:.0f} |")
    else:
        print("`racelint -j` is not available in this build (not listed by --help); not timed.")
    print()
    print(f"load average at end: {loadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
