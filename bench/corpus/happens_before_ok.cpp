// Set-up before the threads start and reporting after they are joined need
// no lock: spawn and join order them with the workers.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

static std::vector<int> g_input;
static long g_sum = 0;
static std::mutex g_sum_mu;
static int g_threads = 0;

static void worker(size_t begin, size_t end) {
  long local = 0;
  for (size_t i = begin; i < end; ++i)
    local += g_input[i];
  std::lock_guard<std::mutex> g(g_sum_mu);
  g_sum += local;
}

int main() {
  for (int i = 0; i < 1000; ++i)
    g_input.push_back(i);
  g_threads = 4;
  std::vector<std::thread> ts;
  size_t chunk = g_input.size() / g_threads;
  for (int t = 0; t < g_threads; ++t)
    ts.emplace_back(worker, t * chunk, (t + 1) * chunk);
  for (auto &t : ts)
    t.join();
  std::printf("%ld over %d threads\n", g_sum, g_threads);
  g_input.clear();
  return 0;
}
