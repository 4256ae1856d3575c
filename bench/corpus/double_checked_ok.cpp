// Double-checked locking done right: the pointer is a std::atomic with
// acquire/release ordering.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Dictionary {
  std::vector<std::string> words{"alpha", "beta", "gamma"};
};

static std::atomic<Dictionary *> g_dict{nullptr};
static std::mutex g_dict_mu;

const Dictionary &dictionary() {
  Dictionary *d = g_dict.load(std::memory_order_acquire);
  if (d == nullptr) {
    std::lock_guard<std::mutex> g(g_dict_mu);
    d = g_dict.load(std::memory_order_relaxed);
    if (d == nullptr) {
      d = new Dictionary();
      g_dict.store(d, std::memory_order_release);
    }
  }
  return *d;
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([] { (void)dictionary().words.size(); });
  for (auto &t : ts)
    t.join();
  return 0;
}
