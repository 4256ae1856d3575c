// A fixed pool of workers drains a job list; statistics are updated under
// the same lock that hands out jobs, and read after every worker joined.
#include <mutex>
#include <thread>
#include <vector>

struct Job {
  int cost;
};

static std::vector<Job> g_jobs;
static std::mutex g_mu;
static size_t g_next = 0;
static long g_done = 0;
static long g_total_cost = 0;

static bool take(Job &out) {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_next >= g_jobs.size())
    return false;
  out = g_jobs[g_next++];
  return true;
}

static void finish(const Job &j) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_done++;
  g_total_cost += j.cost;
}

static void worker() {
  Job j;
  while (take(j))
    finish(j);
}

int main() {
  for (int i = 0; i < 1000; ++i)
    g_jobs.push_back(Job{i % 7});
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back(worker);
  for (auto &t : pool)
    t.join();
  return g_done == 1000 && g_total_cost > 0 ? 0 : 1;
}
