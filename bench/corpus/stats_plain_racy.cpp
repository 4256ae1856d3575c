// Request statistics in plain longs, updated by servers and printed by a
// reporter thread at the same time; nothing is locked anywhere.
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

struct Stats {
  long requests = 0;
  long errors = 0;
};

static Stats g_stats;
static bool g_running = true;

static void serve() {
  for (int i = 0; i < 10000; ++i) {
    g_stats.requests++; // RACE: racelint-nonatomic-rmw
    if (i % 97 == 0)
      g_stats.errors += 1; // RACE: racelint-nonatomic-rmw
  }
}

static void report() {
  while (g_running) { // RACE: racelint-unguarded-shared-state
    std::printf("req=%ld err=%ld\n", g_stats.requests, g_stats.errors); // RACE: racelint-unguarded-shared-state
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

int main() {
  std::thread reporter(report);
  std::vector<std::thread> servers;
  for (int i = 0; i < 3; ++i)
    servers.emplace_back(serve);
  for (auto &t : servers)
    t.join();
  g_running = false; // RACE: racelint-unguarded-shared-state
  reporter.join();
  return 0;
}
