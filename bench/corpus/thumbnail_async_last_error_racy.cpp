// Image conversions run as std::async tasks started in a loop; every task
// that fails records its error code in one global, with no lock.
#include <future>
#include <string>
#include <vector>

static int g_last_error = 0;

static bool convert(const std::string &path) {
  bool ok = path.size() % 3 != 0;
  if (!ok)
    g_last_error = static_cast<int>(path.size()); // RACE: racelint-unguarded-shared-state
  return ok;
}

int main() {
  std::vector<std::string> paths = {"a.png", "bb.png", "ccc.png", "dddd.png"};
  std::vector<std::future<bool>> tasks;
  for (const auto &p : paths)
    tasks.push_back(std::async(std::launch::async, convert, p));
  int failed = 0;
  for (auto &t : tasks)
    failed += t.get() ? 0 : 1;
  return failed ? g_last_error : 0;
}
