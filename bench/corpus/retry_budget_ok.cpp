// A client-side retry budget with an atomic counter and a CAS loop, so two
// threads cannot both take the last retry.
#include <atomic>
#include <thread>
#include <vector>

class RetryBudget {
public:
  bool tryRetry() {
    int cur = remaining_.load();
    while (cur > 0) {
      if (remaining_.compare_exchange_weak(cur, cur - 1))
        return true;
    }
    return false;
  }
  void refill(int n) { remaining_.fetch_add(n); }

private:
  std::atomic<int> remaining_{10};
};

static RetryBudget g_budget;

static void rpcLoop() {
  for (int i = 0; i < 100; ++i)
    if (i % 3 == 0 && !g_budget.tryRetry())
      break;
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(rpcLoop);
  g_budget.refill(5);
  for (auto &t : ts)
    t.join();
  return 0;
}
