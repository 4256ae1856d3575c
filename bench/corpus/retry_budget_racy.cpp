// A client-side retry budget shared by all RPC threads: the budget is a
// plain int compared and decremented without a lock.
#include <thread>
#include <vector>

class RetryBudget {
public:
  bool tryRetry() {
    if (remaining_ <= 0) // RACE: racelint-unguarded-shared-state
      return false;
    remaining_--; // RACE: racelint-nonatomic-rmw
    return true;
  }
  void refill(int n) { remaining_ += n; } // RACE: racelint-nonatomic-rmw

private:
  int remaining_ = 10;
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
