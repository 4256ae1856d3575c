// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// After unique_lock::unlock() the data is no longer protected; after
// lock() again it is.
#include <mutex>

class Buffer {
public:
  void fill(int V) {
    std::unique_lock<std::mutex> Lock(Mu);
    Size = V;
    Lock.unlock();
    Size += 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Size' is updated without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  }
  void refill(int V) {
    std::unique_lock<std::mutex> Lock(Mu);
    Lock.unlock();
    compute();
    Lock.lock();
    Size = V;
  }
  int size() {
    std::unique_lock<std::mutex> Lock(Mu);
    return Size;
  }

private:
  void compute() {}
  std::mutex Mu;
  int Size = 0;
};
