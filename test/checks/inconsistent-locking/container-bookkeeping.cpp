// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// `v.size()` and the begin and end of `for (auto &x : v)` read a standard
// container's own bookkeeping: a push_back races with them, a write to one
// element (under that element's own lock) does not. The elements read
// through the loop variable are reported where they are read.
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

class Shards {
  struct Shard {
    std::mutex Mu;
    std::deque<int> Items;
  };

public:
  explicit Shards(int N) : Parts(N) {}
  void add(int S, int V) {
    std::lock_guard<std::mutex> G(Parts[S].Mu);
    Parts[S].Items.push_back(V);
  }
  // Silent: the vector of shards never changes size.
  int count() const { return static_cast<int>(Parts.size()); }
  // The shards' items are read without their locks.
  std::size_t total() {
    std::size_t N = 0;
    for (auto &P : Parts)
      N += P.Items.size();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'P.Items' is read without holding 'P.Mu'{{.*}} [racelint-inconsistent-locking]
    return N;
  }

private:
  std::vector<Shard> Parts;
};

class Queue {
public:
  void push(int V) {
    std::lock_guard<std::mutex> G(Mu);
    Items.push_back(V);
  }
  // The deque itself changes under the lock: its size is racy.
  std::size_t size() const { return Items.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'Items' is read without holding 'Mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]

private:
  mutable std::mutex Mu;
  std::deque<int> Items;
};

int main() {
  Shards S(4);
  Queue Q;
  std::thread T([&] {
    for (int I = 0; I < 100; ++I) {
      S.add(I % 4, I);
      Q.push(I);
    }
  });
  int C = S.count();
  std::size_t N = S.total() + Q.size();
  T.join();
  return C + static_cast<int>(N) > 0 ? 0 : 1;
}
