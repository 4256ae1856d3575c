// A header-style utility caches the canonical host name in a function-local
// static string, filled on first use; request threads call it concurrently.
#include <string>
#include <thread>
#include <vector>

std::string resolveCanonicalHost(); // slow: asks the resolver

inline std::string canonicalHost() {
  static std::string cached;
  if (cached.empty()) // RACE: racelint-unguarded-shared-state
    cached = resolveCanonicalHost(); // RACE: racelint-nonatomic-rmw
  return cached; // RACE: racelint-unguarded-shared-state
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
