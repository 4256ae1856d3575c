// Self-registering plugins: a static registry map filled from plugin
// constructors at start-up (single-threaded), then queried and extended at
// run time from worker threads without a lock.
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

using Factory = std::function<int()>;

static std::map<std::string, Factory> &registry() {
  static std::map<std::string, Factory> r;
  return r;
}

static void registerPlugin(const std::string &name, Factory f) { registry()[name] = std::move(f); } // RACE: racelint-unguarded-shared-state

static int create(const std::string &name) {
  auto it = registry().find(name); // RACE: racelint-unguarded-shared-state
  return it == registry().end() ? -1 : it->second(); // RACE: racelint-unguarded-shared-state
}

int main() {
  registerPlugin("png", [] { return 1; });
  std::vector<std::thread> ts;
  ts.emplace_back([] { registerPlugin("jpeg", [] { return 2; }); });
  ts.emplace_back([] { (void)create("png"); });
  for (auto &t : ts)
    t.join();
  return 0;
}
