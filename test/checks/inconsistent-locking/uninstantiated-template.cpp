// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state,racelint-nonatomic-rmw,racelint-lock-discipline %t -- -std=c++17
// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state,racelint-nonatomic-rmw,racelint-lock-discipline %t -- -std=c++17 -DUSE_IT
// A header-only library: class templates whose members the file never
// instantiates are analysed as written (a guard of a dependent type,
// `std::lock_guard<Lock>`, holds its lock until control leaves its block).
// Once a member is instantiated (USE_IT), the instantiations are analysed
// instead and each defect is still reported once.
#include <cstddef>
#include <deque>
#include <mutex>

template <typename Lock> class Inbox {
public:
  void post(int V) {
    std::lock_guard<Lock> G(Mu);
    Items.push_back(V);
  }
  bool take(int &V) {
    std::lock_guard<Lock> G(Mu);
    if (Items.empty())
      return false;
    V = Items.front();
    Items.pop_front();
    return true;
  }
  std::size_t pending() const { return Items.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'Items' is read without holding 'Mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]
  std::size_t pendingLocked() const {
    std::lock_guard<Lock> G(Mu);
    return Items.size();
  }

private:
  mutable Lock Mu;
  std::deque<int> Items;
};

using SharedInbox = Inbox<std::mutex>;

// Blocks end the guard: the write after the first block is bare, and the
// second block takes the lock again without a double lock.
template <typename Lock> class Counters {
public:
  void hit() {
    {
      std::lock_guard<Lock> G(Mu);
      ++Hits;
    }
    {
      std::lock_guard<Lock> G(Mu);
      ++Misses;
    }
    Last = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Last' is written without holding 'Mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses{{.*}} [racelint-inconsistent-locking]
  }
  void reset() {
    std::unique_lock<Lock> G(Mu);
    Hits = Misses = 0;
    Last = 0;
  }
  int last() {
    std::lock_guard<Lock> G(Mu);
    return Last;
  }

private:
  Lock Mu;
  long Hits = 0, Misses = 0;
  int Last = 0;
};

// A mutex of the parameter type locked by hand.
template <typename Lock> class Gauge {
public:
  void set(int V) {
    Mu.lock();
    Value = V;
    Mu.unlock();
  }
  int getLocked() {
    Mu.lock();
    int V = Value;
    Mu.unlock();
    return V;
  }
  int get() { return Value; }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Value' is read without holding 'Mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]
  void clamp() {
    Mu.lock();
    if (Value < 0)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Mu' is still held when 'Gauge{{.*}}::clamp' returns [racelint-lock-discipline]
    Value = 0;
    Mu.unlock();
  }

private:
  Lock Mu;
  int Value = 0;
};

#ifdef USE_IT
void use(SharedInbox &B, Counters<std::mutex> &C, Gauge<std::mutex> &G) {
  G.set(1);
  (void)G.getLocked();
  (void)G.get();
  G.clamp();
  int V;
  B.post(1);
  B.take(V);
  (void)B.pending();
  (void)B.pendingLocked();
  C.hit();
  C.reset();
  (void)C.last();
}
#endif
