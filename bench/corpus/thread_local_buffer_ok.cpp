// Per-thread scratch buffers in thread_local storage and a const lookup
// table shared read-only by all threads.
#include <string>
#include <thread>
#include <vector>

static const char *const kNames[] = {"zero", "one", "two", "three"};
static thread_local std::string t_scratch;
static thread_local int t_calls = 0;

static const std::string &render(int i) {
  t_calls++;
  t_scratch.clear();
  t_scratch += kNames[i % 4];
  t_scratch += '#';
  t_scratch += std::to_string(t_calls);
  return t_scratch;
}

int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([t] {
      size_t n = 0;
      for (int i = 0; i < 100; ++i)
        n += render(i + t).size();
      (void)n;
    });
  for (auto &t : ts)
    t.join();
  return 0;
}
