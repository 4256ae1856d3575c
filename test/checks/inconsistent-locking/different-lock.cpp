// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// Holding a lock is not enough: it must be the lock that guards the data.
#include <mutex>

class Cache {
public:
  void put(int K) {
    std::lock_guard<std::mutex> Lock(DataMu);
    Last = K;
  }
  void clear() {
    std::lock_guard<std::mutex> Lock(DataMu);
    Last = 0;
  }
  void touch(int K) {
    std::lock_guard<std::mutex> Lock(StatsMu);
    Last = K;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Last' is written under 'StatsMu' instead of 'DataMu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
    ++Hits;
  }
  int hits() {
    std::lock_guard<std::mutex> Lock(StatsMu);
    return Hits;
  }

private:
  std::mutex DataMu, StatsMu;
  int Last = 0;
  int Hits = 0;
};
