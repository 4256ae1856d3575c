#!/usr/bin/env python3
"""Runs one test file through racelint's front ends and checks the output.

Usage (from a lit RUN line):
  %check_racelint [--frontends=plugin,cli] [--config=YAML] \
      <file> <check-glob> <tmp> -- <compiler flags>

Expected diagnostics are written inline, as with clang-tidy's
check_clang_tidy.py:
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: message [racelint-check]
  // CHECK-NOTES:    :[[@LINE-1]]:3: note: message
Files using CHECK-NOTES are compared with notes included; otherwise notes are
dropped. Any warning or error that is not expected fails the test
(FileCheck --implicit-check-not). Every front end must report the same
diagnostics, and the CLI must exit 1 exactly when something is reported.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def diagnostics(text, path):
    out = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if m and m.group(1).endswith(path.split("/")[-1]):
            out.append(line)
    return out


def filecheck(lines, path, prefix, notes):
    keep = [l for l in lines if notes or DIAG.match(l).group(4) != "note"]
    text = "\n".join(keep) + "\n"
    cmd = ["FileCheck", path, "--check-prefix=" + prefix,
           "--implicit-check-not={{warning|error}}:", "--dump-input=fail",
           "--allow-empty"]
    if notes:
        cmd.append("--implicit-check-not={{note}}:")
    p = subprocess.run(cmd, input=text, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    return p.returncode, p.stdout


def check_fixes(a, flags, checks, source, prefix):
    """Applies the fix-its through clang-tidy, checks the result against the
    CHECK-FIXES lines, compiles it, and runs racelint again: no warning may
    remain on a line the fixes changed."""
    ext = os.path.splitext(a.file)[1]
    fixed = a.tmp + ".fixed" + ext
    # Blank the expectation comments so they cannot match themselves.
    clean = re.sub(r"//\s*CHECK-[A-Z-]+:.*", "", source)
    with open(fixed, "w") as f:
        f.write(clean)
    rc, out, err = run([a.clang_tidy, "--load=" + a.plugin, "--checks=" + checks,
                        "--config=" + a.config, "--fix", fixed, "--"] + flags)
    after = open(fixed).read()
    if after == clean:
        print(out + err)
        sys.exit("fix: clang-tidy --fix changed nothing")
    p = subprocess.run(["FileCheck", a.file, "--check-prefix=" + prefix,
                        "--strict-whitespace"],
                       input=after, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode:
        print(after)
        print(p.stdout)
        sys.exit("fix: the fixed file does not match " + prefix)
    compiler = "clang++-22" if ext != ".c" else "clang-22"
    rc, out, err = run([compiler, "-fsyntax-only"] + flags + [fixed])
    if rc:
        print(out + err)
        sys.exit("fix: the fixed file does not compile")
    changed = set()
    matcher = difflib.SequenceMatcher(a=clean.splitlines(), b=after.splitlines(),
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changed |= set(range(j1 + 1, max(j2, j1 + 1) + 1))
    rc, out, err = run([a.racelint, "--checks=" + checks, "--config=" + a.config,
                        fixed, "--"] + flags)
    for line in diagnostics(out, fixed):
        m = DIAG.match(line)
        if m.group(4) == "warning" and int(m.group(2)) in changed:
            print(out)
            sys.exit("fix: a warning remains on a fixed line: " + line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--racelint", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--frontends", default="plugin,cli")
    ap.add_argument("--config", default="{}")
    ap.add_argument("--check-suffix", default="",
                    help="use CHECK-MESSAGES-<suffix> / CHECK-NOTES-<suffix>")
    ap.add_argument("file")
    ap.add_argument("checks")
    ap.add_argument("tmp")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    a = ap.parse_args(argv[:split])
    flags = argv[split + 1:]

    source = open(a.file).read()
    suffix = "-" + a.check_suffix if a.check_suffix else ""
    notes = ("CHECK-NOTES" + suffix + ":") in source
    prefix = ("CHECK-NOTES" if notes else "CHECK-MESSAGES") + suffix
    has_checks = (prefix + ":") in source
    expect_findings = re.search(re.escape(prefix) + r":.*warning:",
                                source) is not None
    checks = "-*," + a.checks

    results = {}
    for fe in a.frontends.split(","):
        if fe == "plugin":
            cmd = [a.clang_tidy, "--load=" + a.plugin, "--checks=" + checks,
                   "--config=" + a.config, a.file, "--"] + flags
        elif fe == "cli":
            cmd = [a.racelint, "--checks=" + checks, "--config=" + a.config,
                   a.file, "--"] + flags
        else:
            sys.exit("unknown front end " + fe)
        rc, out, err = run(cmd)
        lines = diagnostics(out, a.file)
        if any(DIAG.match(l).group(4) == "error" for l in lines) or \
                (fe == "cli" and rc == 2) or rc < 0:
            print("\n".join([" ".join(cmd), out, err]))
            sys.exit(f"{fe}: the test file does not compile or the tool failed (exit {rc})")
        if fe == "cli" and rc != (1 if expect_findings else 0):
            print(out + err)
            sys.exit(f"cli: exit code {rc}, expected {1 if expect_findings else 0}")
        if has_checks:
            code, msg = filecheck(lines, a.file, prefix, notes)
        else:
            # Nothing expected under this prefix: any diagnostic is a failure.
            unexpected = [l for l in lines if DIAG.match(l).group(4) != "note"]
            code, msg = (1, "unexpected diagnostics") if unexpected else (0, "")
        if code:
            print(f"--- {fe} output:\n" + "\n".join(lines))
            print(msg)
            sys.exit(f"{fe}: FileCheck failed")
        results[fe] = sorted(set(lines))

    fix_prefix = "CHECK-FIXES" + suffix
    if (fix_prefix + ":") in source:
        check_fixes(a, flags, checks, source, fix_prefix)

    fes = list(results)
    for fe in fes[1:]:
        if results[fe] != results[fes[0]]:
            print(f"--- {fes[0]}:\n" + "\n".join(results[fes[0]]))
            print(f"--- {fe}:\n" + "\n".join(results[fe]))
            sys.exit(f"front ends disagree: {fes[0]} vs {fe}")


if __name__ == "__main__":
    main()
