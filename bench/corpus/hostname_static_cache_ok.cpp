// A header-style utility caches the canonical host name in a function-local
// static; the static is initialised by its declaration, which C++11
// guarantees to run once even when request threads race to it.
#include <string>
#include <thread>
#include <vector>

std::string resolveCanonicalHost(); // slow: asks the resolver

inline const std::string &canonicalHost() {
  static const std::string cached = resolveCanonicalHost();
  return cached;
}

inline std::string resolveCanonicalHost() { return "api.internal.example"; }

int main() {
  std::vector<std::thread> handlers;
  for (int i = 0; i < 4; ++i)
    handlers.emplace_back([] { (void)canonicalHost().size(); });
  for (auto &t : handlers)
    t.join();
  return 0;
}
