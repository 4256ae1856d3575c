#!/usr/bin/env python3
"""Tries docs/ci.md's CI files for real, on this machine.

  ci_guide.py check-doc DOC
      Every block of DOC introduced by '<!-- verbatim: PATH -->' must be the
      file PATH (relative to the repository root) byte for byte, and every
      file in the directory of those files must be included once.

  ci_guide.py github WORKFLOW --job J --workspace DIR --runner-temp DIR
                     [--skip STEP]... [--env K=V]...
      Runs job J of a GitHub Actions workflow like a runner: each `run:` step
      in order, in `bash --noprofile --norc -eo pipefail` (the workflow sets
      `shell: bash`), with the workflow's, job's and step's env, GITHUB_PATH,
      GITHUB_ENV and GITHUB_OUTPUT honoured and ${{ }} expressions for
      env/steps/runner.temp/github.workspace expanded. Steps named by --skip
      (by name, or by `uses:` for unnamed ones) are not run; every other
      step must be a `run:` step without `if:`, and every --skip must name a
      step, so the list in the test cannot drift from the file.

  ci_guide.py gitlab FILE --job J --workspace DIR [--skip REGEX]...
                     [--var K=V]...
      Runs job J of a .gitlab-ci.yml like GitLab's shell executor: the
      before_script and script lines in one bash session with `set -e`,
      each echoed as '$ line', the job's variables exported (--var overrides
      them, as CI/CD variables override a file's). A line matched by a --skip
      regex is not run; each regex must match exactly one line.

  ci_guide.py sarif FILE
      Checks a SARIF log's shape (version 2.1.0, one run, tool racelint,
      every result's rule among the run's rules, its location and related
      locations with a region and a relative URI, partialFingerprints) and
      prints one line per result: '<ruleId> <uri>:<line>:<column> <message>'.

The job runners print '== <step>: exit N' (or 'skipped') per step and end
with 'job succeeded' or 'job failed'; their exit status is 0 or 1 likewise.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml


def fail(msg):
    sys.stderr.write("ci_guide: %s\n" % msg)
    sys.exit(2)


def check_doc(a):
    root = os.path.dirname(os.path.dirname(os.path.abspath(a.doc)))
    text = open(a.doc, encoding="utf-8").read()
    blocks = re.findall(
        r"<!-- verbatim: (\S+) -->\n+(`{3,})[a-z]*\n(.*?)^\2$", text,
        re.S | re.M)
    if not blocks:
        fail("%s includes no file verbatim" % a.doc)
    status = 0
    seen = []
    for path, _, body in blocks:
        seen.append(path)
        with open(os.path.join(root, path), encoding="utf-8") as f:
            content = f.read()
        if body != content:
            status = 1
            print("%s: the block for %s differs from the file" % (a.doc, path))
    dirs = {os.path.dirname(p) for p in seen}
    for d in sorted(dirs):
        for name in sorted(os.listdir(os.path.join(root, d))):
            path = os.path.join(d, name)
            if seen.count(path) != 1:
                status = 1
                print("%s: %s is included %d times" % (a.doc, path,
                                                         seen.count(path)))
    if status == 0:
        print("%s: %s included verbatim" % (a.doc, ", ".join(seen)))
    sys.exit(status)


def parse_env(pairs):
    out = {}
    for p in pairs:
        k, sep, v = p.partition("=")
        if not sep:
            fail("expected KEY=VALUE, got %r" % p)
        out[k] = v
    return out


def step_name(step):
    return step.get("name") or step.get("uses") or step.get("run")


def github(a):
    with open(a.file, encoding="utf-8") as f:
        wf = yaml.safe_load(f)
    job = wf["jobs"].get(a.job)
    if job is None:
        fail("no job %r in %s" % (a.job, a.file))
    steps = job["steps"]
    names = [step_name(s) for s in steps]
    for s in a.skip:
        if s not in names:
            fail("--skip %r names no step of job %r" % (s, a.job))
    shell = job.get("defaults", {}).get("run", {}).get(
        "shell", wf.get("defaults", {}).get("run", {}).get("shell"))
    if shell != "bash":
        fail("expected defaults.run.shell: bash (the test runs steps so)")

    files = {}
    tmp = tempfile.mkdtemp(prefix="gh-", dir=a.runner_temp)
    for key in ("GITHUB_PATH", "GITHUB_ENV", "GITHUB_OUTPUT"):
        files[key] = os.path.join(tmp, key.lower())
    env = dict(os.environ)
    env.update(CI="true", GITHUB_ACTIONS="true",
               GITHUB_WORKSPACE=a.workspace, RUNNER_TEMP=a.runner_temp)
    env.update({k: str(v) for k, v in (wf.get("env") or {}).items()})
    env.update({k: str(v) for k, v in (job.get("env") or {}).items()})
    env.update(parse_env(a.env))
    outputs = {}

    def expand(text, step_env):
        def one(m):
            expr = m.group(1).strip()
            parts = expr.split(".")
            if parts[0] == "env" and len(parts) == 2:
                return step_env.get(parts[1], "")
            if expr == "runner.temp":
                return a.runner_temp
            if expr == "github.workspace":
                return a.workspace
            if parts[0] == "steps" and len(parts) == 4 and \
                    parts[2] == "outputs":
                return outputs.get(parts[1], {}).get(parts[3], "")
            fail("cannot evaluate ${{ %s }}" % expr)
        return re.sub(r"\$\{\{(.*?)\}\}", one, text)

    failed = False
    for step in steps:
        name = step_name(step)
        if name in a.skip:
            print("== %s: skipped" % name)
            continue
        if failed:
            print("== %s: not run (an earlier step failed)" % name)
            continue
        if "run" not in step or "if" in step or \
                "continue-on-error" in step:
            fail("step %r: only plain run: steps can be run here; "
                 "skip it explicitly" % name)
        step_env = dict(env)
        step_env.update({k: str(v) for k, v in (step.get("env") or {}).items()})
        for key, path in files.items():
            open(path, "w").close()
            step_env[key] = path
        script = os.path.join(tmp, "step.sh")
        with open(script, "w") as f:
            f.write(expand(step["run"], step_env))
        cwd = os.path.join(a.workspace, step.get("working-directory", "."))
        sys.stdout.flush()
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo",
                            "pipefail", script], cwd=cwd, env=step_env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        sys.stdout.write(r.stdout.decode("utf-8", "replace"))
        print("== %s: exit %d" % (name, r.returncode))
        with open(files["GITHUB_PATH"]) as f:
            for line in f.read().splitlines():
                if line:
                    env["PATH"] = line + os.pathsep + env["PATH"]
        with open(files["GITHUB_ENV"]) as f:
            for line in f.read().splitlines():
                k, sep, v = line.partition("=")
                if sep:
                    env[k] = v
        if "id" in step:
            with open(files["GITHUB_OUTPUT"]) as f:
                outputs[step["id"]] = parse_env(
                    l for l in f.read().splitlines() if l)
        failed = r.returncode != 0
    print("job failed" if failed else "job succeeded")
    sys.exit(1 if failed else 0)


def gitlab(a):
    with open(a.file, encoding="utf-8") as f:
        ci = yaml.safe_load(f)
    job = ci.get(a.job)
    if not isinstance(job, dict) or "script" not in job:
        fail("no job %r in %s" % (a.job, a.file))
    lines = list(job.get("before_script") or []) + list(job["script"])
    for pattern in a.skip:
        n = sum(1 for l in lines if re.search(pattern, l))
        if n != 1:
            fail("--skip %r matches %d lines of job %r, not one" %
                 (pattern, n, a.job))
    env = dict(os.environ)
    env.update(CI="true", GITLAB_CI="true", CI_PROJECT_DIR=a.workspace)
    variables = dict(ci.get("variables") or {})
    variables.update(job.get("variables") or {})
    variables.update(parse_env(a.var))
    env.update({k: str(v) for k, v in variables.items()})
    script = ["set -e"]
    for line in lines:
        if any(re.search(p, line) for p in a.skip):
            script.append("echo %s" % quote("== skipped: " + line))
            continue
        script.append("echo %s" % quote("$ " + line))
        script.append(line)
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
        f.write("\n".join(script) + "\n")
    sys.stdout.flush()
    r = subprocess.run(["bash", "--noprofile", "--norc", f.name],
                       cwd=a.workspace, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    os.unlink(f.name)
    sys.stdout.write(r.stdout.decode("utf-8", "replace"))
    if r.returncode:
        print("job failed: exit code %d" % r.returncode)
        sys.exit(1)
    print("job succeeded")


def quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def check_location(phys, problems):
    uri = phys.get("artifactLocation", {}).get("uri", "")
    region = phys.get("region", {})
    if not uri or uri.startswith("/") or "://" in uri:
        problems.append("URI %r is not relative to the source root" % uri)
    if "startLine" not in region:
        problems.append("location without a region")
    return uri, region


def sarif(a):
    with open(a.file, encoding="utf-8") as f:
        log = json.load(f)
    problems = []
    if log.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    runs = log.get("runs", [])
    if len(runs) != 1:
        fail("expected one run, found %d" % len(runs))
    driver = runs[0].get("tool", {}).get("driver", {})
    if driver.get("name") != "racelint":
        problems.append("tool.driver.name is not racelint")
    rules = {r.get("id") for r in driver.get("rules", [])}
    lines = []
    for res in runs[0].get("results", []):
        rule = res.get("ruleId")
        if rule not in rules:
            problems.append("result's rule %r is not in the run's rules" % rule)
        if not res.get("partialFingerprints"):
            problems.append("result without partialFingerprints")
        phys = (res.get("locations") or [{}])[0].get("physicalLocation", {})
        for rel in res.get("relatedLocations", []):
            check_location(rel.get("physicalLocation", {}), problems)
        uri, region = check_location(phys, problems)
        lines.append("%s %s:%s:%s %s" % (
            rule, uri, region.get("startLine"), region.get("startColumn"),
            res.get("message", {}).get("text")))
    for p in problems:
        print("problem: " + p)
    for l in sorted(lines):
        print(l)
    sys.exit(1 if problems else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("check-doc")
    p.add_argument("doc")
    p.set_defaults(run=check_doc)
    for mode, runner in (("github", github), ("gitlab", gitlab)):
        p = sub.add_parser(mode)
        p.add_argument("file")
        p.add_argument("--job", required=True)
        p.add_argument("--workspace", required=True)
        p.add_argument("--skip", action="append", default=[])
        if mode == "github":
            p.add_argument("--runner-temp", required=True)
            p.add_argument("--env", action="append", default=[])
        else:
            p.add_argument("--var", action="append", default=[])
        p.set_defaults(run=runner)
    p = sub.add_parser("sarif")
    p.add_argument("file")
    p.set_defaults(run=sarif)
    a = ap.parse_args()
    for attr in ("workspace", "runner_temp"):
        if getattr(a, attr, None):
            setattr(a, attr, os.path.abspath(getattr(a, attr)))
    a.run(a)


if __name__ == "__main__":
    main()
