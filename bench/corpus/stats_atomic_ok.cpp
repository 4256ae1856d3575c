// Request statistics kept in atomics; the reporter reads them while the
// workers run. Plain loads and stores of std::atomic are not races.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

struct Stats {
  std::atomic<long> requests{0};
  std::atomic<long> errors{0};
  std::atomic<long> bytes{0};
};

static Stats g_stats;
static std::atomic<bool> g_running{true};

static void serve(int id) {
  for (int i = 0; i < 10000; ++i) {
    g_stats.requests.fetch_add(1, std::memory_order_relaxed);
    g_stats.bytes += 512 + id;
    if (i % 97 == 0)
      ++g_stats.errors;
  }
}

static void report() {
  while (g_running.load()) {
    std::printf("req=%ld err=%ld bytes=%ld\n", g_stats.requests.load(),
                g_stats.errors.load(), g_stats.bytes.load());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

int main() {
  std::thread reporter(report);
  std::vector<std::thread> servers;
  for (int i = 0; i < 3; ++i)
    servers.emplace_back(serve, i);
  for (auto &t : servers)
    t.join();
  g_running = false;
  reporter.join();
  return g_stats.requests.load() == 30000 ? 0 : 1;
}
