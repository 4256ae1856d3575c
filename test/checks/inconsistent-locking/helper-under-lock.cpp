// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// A private helper called with the lock held is silent; the one public path
// that calls it without the lock is reported at the call, with a note at the
// access inside the helper and one at a call that holds the lock.
#include <mutex>
#include <vector>

class Queue {
public:
  void push(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    pushLocked(V);
  }
  void pushTwo(int A, int B) {
    std::lock_guard<std::mutex> Lock(Mu);
    pushLocked(A);
    pushLocked(B);
  }
  void pushUnsafe(int V) { pushLocked(V); }
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'Items' is written without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE+5]]:28: note: written here, inside 'Queue::pushLocked'
  // CHECK-NOTES: :[[@LINE-10]]:5: note: 'Items' written with 'Mu' held through this call

private:
  // Every caller holds Mu: nothing to report inside the helper itself.
  void pushLocked(int V) { Items.push_back(V); }
  std::mutex Mu;
  std::vector<int> Items;
};
