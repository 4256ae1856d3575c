#!/usr/bin/env python3
"""Scores racelint against the labelled corpus: precision and recall per check.

Usage:
  bench/score.py [--racelint PATH] [--corpus DIR] [--planned FILE] [-j N]

Every line that racelint must report carries a label comment naming the
check(s) a careful reader expects there (see bench/README.md):

    count_++;  // RACE: racelint-inconsistent-locking, racelint-nonatomic-rmw

Every other line must stay silent. A report matches a label when file, line
and check id are equal; several reports of one check on one line count once.

Exit status: 0 scored; 1 corpus error (a label naming a check that is neither
listed by `racelint --list-checks` nor in the planned-checks file, a malformed
label, or a file racelint could not analyse); 2 usage error (racelint missing,
empty corpus).
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

LABEL = re.compile(r"(?://|/\*)\s*RACE:(.*?)(?:\*/|$)")
CHECK_ID = re.compile(r"^racelint-[a-z0-9]+(?:-[a-z0-9]+)*$")
FLAGS = re.compile(r"^\s*(?://|/\*)\s*FLAGS:(.*?)(?:\*/)?\s*$")
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|fatal error): (.*?)"
                  r"(?: \[([A-Za-z0-9,.-]+)\])?$")
DEFAULT_FLAGS = {".c": ["-std=c11", "-pthread"],
                 ".cpp": ["-std=c++17", "-pthread"],
                 ".cc": ["-std=c++17", "-pthread"]}


class CorpusError(Exception):
    pass


def read_labels(path):
    """Returns ({line: [check, ...]}, flags or None, [errors])."""
    labels, flags, errors = {}, None, []
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            if n <= 3 and flags is None:
                m = FLAGS.match(text)
                if m:
                    flags = shlex.split(m.group(1))
            m = LABEL.search(text)
            if not m:
                continue
            ids = [c.strip() for c in m.group(1).split(",")]
            bad = [c for c in ids if not CHECK_ID.match(c)]
            if bad or not ids:
                errors.append(f"{path}:{n}: malformed label '{m.group(0).strip()}'"
                              " (want '// RACE: racelint-<check>[, racelint-<check>]')")
                continue
            labels[n] = sorted(set(ids))
    return labels, flags, errors


def list_checks(racelint):
    try:
        p = subprocess.run([racelint, "--list-checks"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=60)
    except OSError as e:
        raise SystemExit(f"score.py: cannot run racelint '{racelint}': {e}")
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise SystemExit(f"score.py: '{racelint} --list-checks' exited {p.returncode}")
    return {l.strip() for l in p.stdout.splitlines() if l.startswith("racelint-")}


def read_planned(path):
    if not path or not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def analyse(racelint, path, flags, timeout):
    """Runs racelint on one file; returns ({(line, check): message}, error)."""
    cmd = [racelint, "--quiet", path, "--"] + flags
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {}, f"timed out after {timeout}s: {shlex.join(cmd)}"
    reports, errors = {}, []
    real = os.path.realpath(path)
    for line in (p.stdout + "\n" + p.stderr).splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        kind, check = m.group(4), m.group(6) or ""
        if kind != "warning":
            errors.append(line)
            continue
        if not check.startswith("racelint-"):
            continue  # a compiler warning, not a finding
        if os.path.realpath(m.group(1)) != real:
            continue  # findings in headers are not scored
        reports.setdefault((int(m.group(2)), check), m.group(5))
    if p.returncode not in (0, 1) or errors:
        detail = "; ".join(errors[:3]) or p.stderr.strip().splitlines()[-1:] or ""
        return reports, f"racelint exited {p.returncode}: {detail}"
    return reports, None


def fmt_ratio(num, den):
    return f"{num / den:.3f}" if den else "n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--racelint", default=os.environ.get(
        "RACELINT", os.path.join(ROOT, "build", "bin", "racelint")))
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--planned", default=os.path.join(HERE, "planned-checks.txt"))
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args()

    files = []
    for dirpath, _, names in os.walk(args.corpus):
        for name in names:
            if os.path.splitext(name)[1] in DEFAULT_FLAGS:
                files.append(os.path.join(dirpath, name))
    files.sort()
    if not files:
        print(f"score.py: no .c/.cpp files under {args.corpus}", file=sys.stderr)
        return 2
    if not os.path.exists(args.racelint):
        print(f"score.py: racelint not found at {args.racelint} "
              "(build it, or pass --racelint / set RACELINT)", file=sys.stderr)
        return 2

    implemented = list_checks(args.racelint)
    planned = read_planned(args.planned) - implemented

    corpus, errors = {}, []
    for path in files:
        labels, flags, errs = read_labels(path)
        errors += errs
        for line, ids in labels.items():
            for c in ids:
                if c not in implemented and c not in planned:
                    errors.append(f"{path}:{line}: label names unknown check '{c}' "
                                  "(not in racelint --list-checks nor in "
                                  f"{os.path.basename(args.planned)})")
        corpus[path] = (labels, flags or DEFAULT_FLAGS[os.path.splitext(path)[1]])
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        return 1

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futs = {pool.submit(analyse, args.racelint, p, corpus[p][1], args.timeout): p
                for p in files}
        for fut in concurrent.futures.as_completed(futs):
            results[futs[fut]] = fut.result()

    rel = lambda p: os.path.relpath(p, args.corpus)
    checks = sorted(implemented | planned)
    stats = {c: {"labels": 0, "tp": 0, "fp": 0, "fn": 0} for c in checks}
    misses, false_reports, failed = [], [], []
    racy = sum(1 for p in files if corpus[p][0])
    for path in files:
        labels, _ = corpus[path]
        reports, err = results[path]
        if err:
            failed.append(f"{rel(path)}: {err}")
        expected = {(line, c) for line, ids in labels.items() for c in ids}
        for (line, c) in sorted(expected):
            stats[c]["labels"] += 1
            if (line, c) in reports:
                stats[c]["tp"] += 1
            else:
                stats[c]["fn"] += 1
                other = sorted(rc for (rl, rc) in reports if rl == line)
                hint = f" (reported there as {', '.join(other)})" if other else ""
                tag = " [planned]" if c in planned else ""
                misses.append(f"{rel(path)}:{line}: {c}{tag}{hint}")
        for (line, c), msg in sorted(reports.items()):
            if (line, c) not in expected:
                stats.setdefault(c, {"labels": 0, "tp": 0, "fp": 0, "fn": 0})
                stats[c]["fp"] += 1
                false_reports.append(f"{rel(path)}:{line}: {c}: {msg}")

    print(f"corpus: {len(files)} files ({sum(p.endswith('.c') for p in files)} C, "
          f"{sum(not p.endswith('.c') for p in files)} C++), {racy} with labels, "
          f"{len(files) - racy} without; racelint: {args.racelint}")
    print()
    head = f"{'check':34} {'labels':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'precision':>9} {'recall':>7}"

    def row(name, s):
        return (f"{name:34} {s['labels']:>6} {s['tp']:>5} {s['fp']:>5} {s['fn']:>5} "
                f"{fmt_ratio(s['tp'], s['tp'] + s['fp']):>9} "
                f"{fmt_ratio(s['tp'], s['tp'] + s['fn']):>7}")

    def total(names):
        t = {"labels": 0, "tp": 0, "fp": 0, "fn": 0}
        for c in names:
            for k in t:
                t[k] += stats[c][k]
        return t

    impl = sorted(c for c in stats if c not in planned)
    print(head)
    for c in impl:
        print(row(c, stats[c]))
    print(row("overall (implemented checks)", total(impl)))
    print()
    print("planned (not implemented): every label is a miss")
    print(head)
    for c in sorted(planned):
        print(row(c, stats[c]))
    print()
    print(row("overall (all labels)", total(stats)))
    print()
    print(f"misses ({len(misses)}):")
    for m in misses:
        print(f"  {m}")
    print(f"false reports ({len(false_reports)}):")
    for m in false_reports:
        print(f"  {m}")
    if failed:
        print(f"files racelint could not analyse ({len(failed)}):")
        for m in failed:
            print(f"  {m}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
