// Counters in std::atomic updated with fetch_add and compare_exchange.
#include <atomic>
#include <thread>
#include <vector>

static std::atomic<long> g_hits{0};
static std::atomic<long> g_bytes{0};
static std::atomic<int> g_state{0};

static void on_request(long size) {
  g_hits.fetch_add(1, std::memory_order_relaxed);
  g_bytes += size;
  int expected = 0;
  g_state.compare_exchange_strong(expected, 1);
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([] {
      for (int j = 0; j < 1000; ++j)
        on_request(j);
    });
  for (auto &t : ts)
    t.join();
  return g_hits.load() == 4000 ? 0 : 1;
}
