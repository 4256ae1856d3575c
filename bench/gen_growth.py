#!/usr/bin/env python3
"""Growth benchmark: how racelint's time scales with translation-unit size.

  bench/gen_growth.py [--sizes 1000,2000,...,64000] [--reps 3] [--out DIR]
  bench/gen_growth.py --generate 4000 > tu.cpp     # just write one TU

Generates C++ translation units of about 1k, 2k, 4k ... 64k lines made of many
concurrent classes (each with a mutex, several fields, locked and unlocked
methods, private ...Locked helpers, condition variables), global counters with
their locks, worker functions that call across classes, and a main() that
starts threads. Each size is run through racelint (every check) and
clang++ -fsyntax-only, alternating, --reps times; the median is reported with
the ratio from one size to the next (the target is ≤ 2.2× per doubling).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PRELUDE = """\
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>
"""


def unit(i):
    """One module: a concurrent class plus globals and a worker (~70 lines)."""
    return f"""
class Store{i} {{
public:
  void put(const std::string &k, long v) {{
    std::lock_guard<std::mutex> g(mu_);
    putLocked(k, v);
    version_++;
  }}
  bool get(const std::string &k, long &out) const {{
    std::lock_guard<std::mutex> g(mu_);
    auto it = items_.find(k);
    if (it == items_.end())
      return false;
    out = it->second;
    return true;
  }}
  long version() const {{ return version_; }}
  void push(long v) {{
    std::unique_lock<std::mutex> lk(mu_);
    queue_.push_back(v);
    lk.unlock();
    cv_.notify_one();
  }}
  long pop() {{
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] {{ return !queue_.empty(); }});
    long v = queue_.front();
    queue_.pop_front();
    return v;
  }}
  void bump() {{ hits_++; }}
  long hits() const {{ return hits_; }}
  size_t size() const {{
    std::shared_lock<std::shared_mutex> r(rw_);
    return names_.size();
  }}
  void name(const std::string &n) {{
    std::unique_lock<std::shared_mutex> w(rw_);
    names_.push_back(n);
  }}

private:
  void putLocked(const std::string &k, long v) {{
    items_[k] = v;
    if (items_.size() > 64)
      items_.erase(items_.begin());
  }}
  mutable std::mutex mu_;
  mutable std::shared_mutex rw_;
  std::condition_variable cv_;
  std::map<std::string, long> items_;
  std::deque<long> queue_;
  std::vector<std::string> names_;
  long version_ = 0;
  long hits_ = 0;
}};

static Store{i} g_store{i};
static long g_total{i};
static long g_bare{i};
static std::mutex g_mu{i};

static void work{i}(int n) {{
  for (int j = 0; j < n; ++j) {{
    g_store{i}.put("k" + std::to_string(j % 7), j);
    g_store{i}.push(j);
    long v = g_store{i}.pop();
    {{
      std::lock_guard<std::mutex> g(g_mu{i});
      g_total{i} += v;
    }}
    if (j % 3 == 0)
      g_bare{i} = v;
    g_store{i}.bump();
  }}
}}
"""


def generate(lines):
    out = [PRELUDE]
    n = 0
    total = len(PRELUDE.splitlines())
    per = len(unit(0).splitlines())
    while total + per + 8 + n * 2 <= lines or n == 0:
        out.append(unit(n))
        total += per
        n += 1
    out.append("\nstatic void everything(int n) {")
    out += [f"  work{i}(n);" for i in range(n)]
    out.append("}\n\nint main() {")
    out.append("  std::vector<std::thread> ts;")
    out.append("  for (int t = 0; t < 4; ++t)")
    out.append("    ts.emplace_back(everything, 10);")
    out.append("  for (auto &t : ts)\n    t.join();")
    out.append("  long sum = 0;")
    out += [f"  sum += g_total{i} + g_bare{i} + g_store{i}.hits();" for i in range(n)]
    out.append("  std::printf(\"%ld\\n\", sum);\n  return 0;\n}")
    return "\n".join(out) + "\n"


def timed(cmd):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", tf.name] + cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        w, m = tf.read().split()[-2:]
    return float(w), int(m), p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000,32000,64000")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--racelint", default=os.path.join(ROOT, "build", "bin", "racelint"))
    ap.add_argument("--clangxx", default="clang++-22")
    ap.add_argument("--out", default=None, help="where the generated TUs go")
    ap.add_argument("--generate", type=int, default=0, help="print one TU of this many lines")
    args = ap.parse_args()
    if args.generate:
        sys.stdout.write(generate(args.generate))
        return 0

    out = args.out or tempfile.mkdtemp(prefix="racelint-growth-")
    os.makedirs(out, exist_ok=True)
    flags = ["-std=c++17", "-pthread"]
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"## Growth ({args.reps} repetitions, alternating; medians)")
    print()
    print("| lines | racelint (s) | clang++ -fsyntax-only (s) | racelint − syntax (s) "
          "| racelint / syntax | racelint × per doubling | racelint peak RSS (MiB) "
          "| findings | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    prev = None
    for size in sizes:
        path = os.path.join(out, f"growth_{size}.cpp")
        with open(path, "w") as f:
            f.write(generate(size))
        nlines = sum(1 for _ in open(path))
        rl, sx, mem = [], [], []
        findings = 0
        for r in range(args.reps):
            order = ("rl", "sx") if r % 2 == 0 else ("sx", "rl")
            for t in order:
                if t == "rl":
                    w, m, rc, o = timed([args.racelint, "--quiet", path, "--"] + flags)
                    rl.append(w)
                    mem.append(m)
                    findings = o.count(": warning: ")
                else:
                    w, m, rc, o = timed([args.clangxx, "-fsyntax-only"] + flags + [path])
                    sx.append(w)
        a, b = statistics.median(rl), statistics.median(sx)
        growth = f"{a / prev:.2f}×" if prev else "–"
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
        print(f"| {nlines} | {a:.2f} | {b:.2f} | {a - b:.2f} | {a / b:.2f}× | {growth} | "
              f"{statistics.median(mem) / 1024:.0f} | {findings} | {load} |", flush=True)
        prev = a
    print()
    print(f"generated files: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
