#!/usr/bin/env python3
# Stands in for racelint in scorer.test: lists three checks, and for a file
# prints one warning per "FAKE-REPORT: <check>" marker on a line, so the
# scorer's table does not depend on what the real racelint finds today.
import re
import sys

if "--list-checks" in sys.argv:
    for c in ("lock-discipline", "unguarded-shared-state", "inconsistent-locking"):
        print(f"racelint-{c}\n    summary")
    sys.exit(0)
files = [a for a in sys.argv[1:sys.argv.index("--")] if not a.startswith("-")]
found = 0
for path in files:
    for n, line in enumerate(open(path), 1):
        for c in re.findall(r"FAKE-REPORT: (racelint-[a-z-]+)", line):
            print(f"{path}:{n}:3: warning: fake finding [{c}]")
            found += 1
sys.exit(1 if found else 0)
