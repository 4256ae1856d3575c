// Image conversions run as std::async tasks started in a loop; every task
// returns its own error code and the caller keeps the last one it sees.
#include <future>
#include <string>
#include <vector>

static int convert(const std::string &path) {
  bool ok = path.size() % 3 != 0;
  return ok ? 0 : static_cast<int>(path.size());
}

int main() {
  std::vector<std::string> paths = {"a.png", "bb.png", "ccc.png", "dddd.png"};
  std::vector<std::future<int>> tasks;
  for (const auto &p : paths)
    tasks.push_back(std::async(std::launch::async, convert, p));
  int last_error = 0;
  for (auto &t : tasks)
    if (int e = t.get())
      last_error = e;
  return last_error;
}
