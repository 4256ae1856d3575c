// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking %t -- -std=c++17
// Calling methods of objects that lock internally (here, elements of an
// array of shards) is not a write of the array. The hint, written and read
// by two threads with no lock, is a race.
#include <mutex>
#include <thread>

class Shard {
public:
  void insert(int K) {
    std::lock_guard<std::mutex> L(Mu);
    Last = K;
  }

private:
  std::mutex Mu;
  int Last = 0;
};

class ShardedCache {
public:
  void insert(int K) { Shards[K % 4].insert(K); }
  void reset(int K) { Hint = K; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Hint' is written with no lock held, and nothing guards it in concurrent class 'ShardedCache' [racelint-unguarded-shared-state]
  int hint() const { return Hint; }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'Hint' is read with no lock held, and nothing guards it in concurrent class 'ShardedCache' [racelint-unguarded-shared-state]
  void touch() {
    std::lock_guard<std::mutex> L(Mu);
    Touches = Touches + 1;
  }

private:
  Shard Shards[4];
  std::mutex Mu;
  int Hint = 0;
  int Touches = 0;
};

ShardedCache Cache;

int main() {
  std::thread A([] { Cache.insert(1); Cache.reset(2); Cache.touch(); });
  std::thread B([] { Cache.insert(3); (void)Cache.hint(); Cache.touch(); });
  A.join();
  B.join();
}
