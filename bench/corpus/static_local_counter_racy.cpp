// A function-local static used as a call counter by request handlers on
// several threads, and a static cache vector filled on first use.
#include <string>
#include <thread>
#include <vector>

static int handleRequest(const std::string &path) {
  static long calls = 0;
  static std::vector<std::string> seen;
  calls++; // RACE: racelint-nonatomic-rmw
  if (seen.size() < 100) // RACE: racelint-unguarded-shared-state
    seen.push_back(path); // RACE: racelint-unguarded-shared-state
  return static_cast<int>(calls % 7); // RACE: racelint-unguarded-shared-state
}

int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 3; ++t)
    ts.emplace_back([t] {
      for (int i = 0; i < 50; ++i)
        handleRequest("/item/" + std::to_string(t * 100 + i));
    });
  for (auto &t : ts)
    t.join();
  return 0;
}
