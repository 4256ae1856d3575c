// A fixed pool of workers drains a job list and counts what it processed.
// The job index is taken under the lock; the statistics are not.
#include <mutex>
#include <thread>
#include <vector>

struct Job {
  int cost;
};

static std::vector<Job> g_jobs;
static std::mutex g_jobs_mu;
static size_t g_next = 0;
static long g_done = 0;
static long g_total_cost = 0;

static bool take(Job &out) {
  std::lock_guard<std::mutex> lock(g_jobs_mu);
  if (g_next >= g_jobs.size())
    return false;
  out = g_jobs[g_next++];
  return true;
}

static void worker() {
  Job j;
  while (take(j)) {
    g_done++;               // RACE: racelint-nonatomic-rmw
    g_total_cost += j.cost; // RACE: racelint-nonatomic-rmw
  }
}

int main() {
  for (int i = 0; i < 1000; ++i)
    g_jobs.push_back(Job{i % 7});
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back(worker);
  for (auto &t : pool)
    t.join();
  return g_done == 1000 ? 0 : 1;
}
