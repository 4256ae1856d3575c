// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// The lock is held again when wait() returns; a size() that skips the lock
// is reported.
#include <condition_variable>
#include <deque>
#include <mutex>

class WorkQueue {
public:
  void push(int V) {
    {
      std::lock_guard<std::mutex> Lock(Mu);
      Items.push_back(V);
    }
    Cv.notify_one();
  }
  int pop() {
    std::unique_lock<std::mutex> Lock(Mu);
    Cv.wait(Lock, [this] { return !Items.empty(); });
    int V = Items.front();
    Items.pop_front();
    return V;
  }
  bool idle() const { return Items.empty(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Items' is read without holding 'Mu', which guards it at 4 of 5 accesses [racelint-inconsistent-locking]

private:
  mutable std::mutex Mu;
  std::condition_variable Cv;
  std::deque<int> Items;
};
