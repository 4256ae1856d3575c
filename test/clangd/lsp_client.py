#!/usr/bin/env python3
"""Opens one file in racelint-clangd over LSP and prints its diagnostics.

Usage (from a lit RUN line):
  lsp_client.py --clangd=<racelint-clangd> <file> <tmp> [options] -- <flags>

The file is copied into a fresh project directory <tmp>/project together
with everything clangd reads there:
  compile_commands.json  from <flags> (or compile_flags.txt: --flags-from)
  .clangd                enables racelint-* with FastCheckFilter: None
                         (or is the file given with --clangd-file)
  .clang-tidy            'Checks: -*' and no InheritParentConfig, so no
                         .clang-tidy in a parent directory adds checks
HOME and XDG_CONFIG_HOME point into <tmp>, so no user config.yaml applies,
and CLANGD_FLAGS is unset. A .clangd file in a directory above <tmp> cannot
be shielded (clangd merges them all), so the client stops if it finds one.

Each diagnostic of the file is printed as
  <file>:<line>:<col>: <severity>: <message> [<code>]
and each of its relatedInformation entries as
  <file>:<line>:<col>: note: <message>
(1-based line and column; <file> is the base name); --show-source appends
" (source: <source>)" to each diagnostic, and --sorted prints them by
position rather than in clangd's order. Every step has a
deadline: the client never waits for clangd longer than --timeout seconds
in total, kills it on expiry and exits 2 with clangd's log on stderr.
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}


class Timeout(Exception):
    pass


class Server:
    def __init__(self, cmd, env, cwd, log_path, deadline):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log,
                                     env=env, cwd=cwd)
        self.deadline = deadline
        self.messages = queue.Queue()
        self.next_id = 1
        reader = threading.Thread(target=self._read, daemon=True)
        reader.start()

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        raise EOFError
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    raise ValueError("message without Content-Length")
                body = out.read(length)
                if len(body) < length:
                    raise EOFError
                self.messages.put(json.loads(body.decode("utf-8")))
        except Exception as e:  # EOF or a framing error ends the stream.
            self.messages.put(e)

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        message = {"id": rid, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return rid

    def notify(self, method, params=None):
        message = {"method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def receive(self):
        """Returns the next message, answering requests from the server."""
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise Timeout()
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                raise Timeout()
            if isinstance(msg, Exception):
                raise RuntimeError("clangd closed its output (%s)" % (
                    msg or type(msg).__name__))
            if "method" in msg and "id" in msg:
                # e.g. window/workDoneProgress/create: accept and go on.
                self.send({"id": msg["id"], "result": None})
                continue
            return msg

    def wait_response(self, rid):
        while True:
            msg = self.receive()
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise RuntimeError("request failed: %s" % msg["error"])
                return msg.get("result")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.log.close()


def uri(path):
    return "file://" + urllib.request.pathname2url(path)


def path_of(u):
    return urllib.request.url2pathname(urllib.parse.urlparse(u).path)


def write_clangd_config(a, project):
    tidy = ["Add: [%s]" % a.checks]
    if a.fast_check_filter != "unset":
        tidy.append("FastCheckFilter: " + a.fast_check_filter)
    if a.check_option:
        tidy.append("CheckOptions:")
        for opt in a.check_option:
            key, _, value = opt.partition("=")
            tidy.append("  %s: %s" % (key, json.dumps(value)))
    with open(os.path.join(project, ".clangd"), "w") as f:
        if a.flags_from == "clangd-config":
            f.write("CompileFlags:\n  CompilationDatabase: out\n")
        f.write("Diagnostics:\n"
                "  ClangTidy:\n" + "".join("    %s\n" % t for t in tidy) +
                # clangd's own include-cleaner findings are not under test.
                "  UnusedIncludes: None\n"
                "  MissingIncludes: None\n"
                "Index:\n"
                "  Background: Skip\n"
                "  StandardLibrary: No\n")


def write_project(a, flags, project):
    shutil.rmtree(a.tmp, ignore_errors=True)
    os.makedirs(project)
    os.makedirs(os.path.join(a.tmp, "home", ".config"))
    src = os.path.join(project, os.path.basename(a.file))
    shutil.copyfile(a.file, src)
    cdb = [{"directory": project, "file": src,
            "arguments": [a.driver] + flags + ["-c", src]}]
    if a.flags_from == "flags-file":
        with open(os.path.join(project, "compile_flags.txt"), "w") as f:
            f.write("".join(x + "\n" for x in flags))
    else:
        where = {"dir-flag": "", "build-dir": "build",
                 "clangd-config": "out"}[a.flags_from]
        os.makedirs(os.path.join(project, where), exist_ok=True)
        with open(os.path.join(project, where, "compile_commands.json"),
                  "w") as f:
            json.dump(cdb, f, indent=1)
    if a.clangd_file:
        shutil.copyfile(a.clangd_file, os.path.join(project, ".clangd"))
    else:
        write_clangd_config(a, project)
    with open(os.path.join(project, ".clang-tidy"), "w") as f:
        f.write("Checks: '-*'\n")
    return src


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--checks", default="racelint-*",
                    help="the Add: list of .clangd's ClangTidy block")
    ap.add_argument("--fast-check-filter", default="None",
                    help="FastCheckFilter in .clangd; 'unset' leaves it out")
    ap.add_argument("--check-option", action="append", default=[],
                    metavar="KEY=VALUE",
                    help="a CheckOptions entry in .clangd (repeatable)")
    ap.add_argument("--flags-from", default="dir-flag",
                    choices=["dir-flag", "build-dir", "clangd-config",
                             "flags-file"],
                    help="how clangd gets the flags: compile_commands.json "
                    "in the project with --compile-commands-dir (dir-flag), "
                    "in project/build found by clangd's search (build-dir), "
                    "in project/out named by .clangd's CompileFlags: "
                    "CompilationDatabase (clangd-config), or "
                    "compile_flags.txt (flags-file)")
    ap.add_argument("--driver", default="clang",
                    help="compiler named in compile_commands.json")
    ap.add_argument("--clangd-arg", action="append", default=[],
                    help="extra racelint-clangd argument (repeatable)")
    ap.add_argument("--clangd-flags-env", default=None,
                    help="value of CLANGD_FLAGS (unset by default)")
    ap.add_argument("--show-resource-dir", action="store_true",
                    help="also print 'resource-dir: <dir>' from the compile "
                    "command in clangd's log")
    ap.add_argument("--clangd-file", metavar="FILE",
                    help="copy FILE to the project's .clangd instead of "
                    "writing one (--checks, --fast-check-filter and "
                    "--check-option then do not apply)")
    ap.add_argument("--no-related-information", action="store_true",
                    help="do not declare LSP relatedInformation support, as "
                    "some editors' clients do not")
    ap.add_argument("--sorted", action="store_true",
                    help="print the diagnostics by position, not in the "
                    "order clangd sends them")
    ap.add_argument("--show-source", action="store_true",
                    help="append ' (source: <source>)' to each diagnostic")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("file")
    ap.add_argument("tmp")
    ap.add_argument("flags", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    flags = a.flags[1:] if a.flags[:1] == ["--"] else a.flags
    a.tmp = os.path.abspath(a.tmp)

    project = os.path.join(a.tmp, "project")
    # clangd applies every .clangd from the file's directory up to the root;
    # one above the project would change what is tested, so refuse.
    parent = os.path.dirname(project)
    while True:
        stray = os.path.join(parent, ".clangd")
        if os.path.exists(stray):
            sys.stderr.write("lsp_client: %s would apply to the test "
                             "project; move it or run the test elsewhere\n"
                             % stray)
            sys.exit(2)
        if os.path.dirname(parent) == parent:
            break
        parent = os.path.dirname(parent)
    src = write_project(a, flags, project)
    home = os.path.join(a.tmp, "home")
    env = dict(os.environ, HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, ".config"))
    env.pop("CLANGD_FLAGS", None)
    if a.clangd_flags_env is not None:
        env["CLANGD_FLAGS"] = a.clangd_flags_env
    cmd = [a.clangd, "--enable-config", "--clang-tidy",
           "--background-index=false", "-j=1", "--pch-storage=memory",
           "--log=info"]
    if a.flags_from == "dir-flag":
        cmd.append("--compile-commands-dir=" + project)
    cmd += a.clangd_arg
    log_path = os.path.join(a.tmp, "clangd.log")

    server = Server(cmd, env, project, log_path,
                    time.monotonic() + a.timeout)
    status = 0
    try:
        rid = server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri(project),
            "capabilities": {"textDocument": {"publishDiagnostics": {
                "relatedInformation": not a.no_related_information}}},
        })
        server.wait_response(rid)
        server.notify("initialized", {})
        with open(src, encoding="utf-8") as f:
            text = f.read()
        language = "c" if src.endswith(".c") else "cpp"
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(src), "languageId": language, "version": 1,
            "text": text}})
        while True:
            msg = server.receive()
            if msg.get("method") != "textDocument/publishDiagnostics":
                continue
            params = msg["params"]
            if path_of(params["uri"]) != src:
                continue
            if params.get("version", 1) != 1:
                continue
            break
        name = os.path.basename(src)
        diagnostics = params["diagnostics"]
        if a.sorted:
            diagnostics.sort(key=lambda d: (d["range"]["start"]["line"],
                                            d["range"]["start"]["character"]))
        for d in diagnostics:
            start = d["range"]["start"]
            code = " [%s]" % d["code"] if d.get("code") else ""
            if a.show_source:
                code += " (source: %s)" % d.get("source", "(none)")
            print("%s:%d:%d: %s: %s%s" % (
                name, start["line"] + 1, start["character"] + 1,
                SEVERITY.get(d.get("severity"), "error"), d["message"], code))
            for r in d.get("relatedInformation", []):
                loc = r["location"]
                pos = loc["range"]["start"]
                print("%s:%d:%d: note: %s" % (
                    os.path.basename(path_of(loc["uri"])), pos["line"] + 1,
                    pos["character"] + 1, r["message"]))
        sys.stdout.flush()
        rid = server.request("shutdown", None)
        server.wait_response(rid)
        server.notify("exit")
        try:
            code = server.proc.wait(max(1, server.deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise Timeout()
        if code != 0:
            raise RuntimeError("clangd exited with %d" % code)
    except Timeout:
        status = "clangd did not answer within %g s" % a.timeout
    except (RuntimeError, BrokenPipeError, OSError) as e:
        status = "error: %s" % (e or type(e).__name__)
    finally:
        server.stop()
    if not status and a.show_resource_dir:
        with open(log_path, errors="replace") as f:
            # The command clangd built the file with ends in "-- <file>".
            commands = [l for l in f.read().splitlines()
                        if l.endswith(" -- " + src)]
            dirs = re.findall(r" -resource-dir[= ](\S+)", commands[-1]
                              if commands else "")
        print("resource-dir: %s" % (dirs[0] if dirs else "(none)"))
    if status:
        with open(log_path, errors="replace") as f:
            sys.stderr.write("".join(f.readlines()[-40:]))
        sys.stderr.write("lsp_client: %s\n  %s\n" % (status, " ".join(cmd)))
        sys.exit(2)


if __name__ == "__main__":
    main()
