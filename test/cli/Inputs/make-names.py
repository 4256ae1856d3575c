# Writes the same racy file under three names: Latin-1 (not UTF-8), with a
# newline, and plain.
SOURCE = b"""#include <mutex>
std::mutex Mu;
void a(bool B) { Mu.lock();
  if (B)
    return;
  Mu.unlock();
}
"""
for name in (b"caf\xe9.cpp", b"new\nline.cpp", b"plain.cpp"):
    with open(name, "wb") as f:
        f.write(SOURCE)
