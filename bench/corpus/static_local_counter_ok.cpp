// A function-local static counter that is atomic, and a static table that
// is initialised once (thread-safe static initialisation) and then only read.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

static const std::vector<std::string> &routes() {
  static const std::vector<std::string> table = {"/", "/item", "/cart"};
  return table;
}

static int handleRequest(const std::string &path) {
  static std::atomic<long> calls{0};
  long n = calls.fetch_add(1) + 1;
  for (const auto &r : routes())
    if (path.compare(0, r.size(), r) == 0)
      return static_cast<int>(n % 7);
  return -1;
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
