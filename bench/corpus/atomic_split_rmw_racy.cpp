// Counters kept in std::atomic but updated with separate load and store,
// so concurrent updates are lost.
#include <atomic>
#include <thread>
#include <vector>

static std::atomic<long> g_hits{0};
static std::atomic<long> g_bytes{0};
static std::atomic<int> g_state{0};

static void on_request(long size) {
  g_hits = g_hits + 1; // RACE: racelint-nonatomic-rmw
  g_bytes.store(g_bytes.load() + size); // RACE: racelint-nonatomic-rmw
  if (g_state == 0) g_state = 1; // RACE: racelint-nonatomic-rmw
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
