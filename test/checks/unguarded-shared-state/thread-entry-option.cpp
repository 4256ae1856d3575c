// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t \
// RUN:   --config='{CheckOptions: {ThreadEntryFunctions: "ThreadPool::submit"}}' -- -std=c++17
// RUN: %check_racelint --check-suffix=NONE %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t.silent -- -std=c++17
// With ThreadEntryFunctions naming the pool's submit, the lambdas it runs
// are thread entries; without the option racelint cannot know.
#include <functional>
#include <vector>

class ThreadPool {
public:
  void submit(std::function<void()> Task) { Tasks.push_back(Task); }

private:
  std::vector<std::function<void()>> Tasks;
};

int Downloads;

void schedule(ThreadPool &Pool) {
  Pool.submit([] { ++Downloads; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: non-atomic read-modify-write of shared 'Downloads' with no lock held [racelint-nonatomic-rmw]
  Pool.submit([] { ++Downloads; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: non-atomic read-modify-write of shared 'Downloads' with no lock held [racelint-nonatomic-rmw]
}
