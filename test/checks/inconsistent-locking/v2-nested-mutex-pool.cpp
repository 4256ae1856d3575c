// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A thread-safe pool whose mutexes sit in nested shard structs: every
// method locks the shard it works on, so the global pool object shared by
// the workers is not "written with no lock" when they call it. A method
// that reads or clears a shard without the shard's lock is the deviant.
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

template <typename T> class ShardedPool {
  struct Shard {
    std::mutex Lock;
    std::vector<T *> Spare;
    size_t Handed = 0;
  };
  Shard Shards[8];

public:
  T *acquire(size_t Key) {
    Shard &S = Shards[Key % 8];
    std::lock_guard<std::mutex> G(S.Lock);
    ++S.Handed;
    if (S.Spare.empty())
      return new T();
    T *P = S.Spare.back();
    S.Spare.pop_back();
    return P;
  }
  void release(size_t Key, T *P) {
    Shard &S = Shards[Key % 8];
    std::lock_guard<std::mutex> G(S.Lock);
    --S.Handed;
    S.Spare.push_back(P);
  }
  size_t handedExact(size_t Key) {
    Shard &S = Shards[Key % 8];
    std::lock_guard<std::mutex> G(S.Lock);
    return S.Handed;
  }
  size_t handedRough(size_t Key) {
    Shard &S = Shards[Key % 8];
    return S.Handed;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'S.Handed' is read without holding 'S.Lock', which guards it at 6 of 8 accesses [racelint-inconsistent-locking]
  }
  void trim(size_t Key) {
    Shard &S = Shards[Key % 8];
    S.Spare.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'S.Spare' is written without holding 'S.Lock', which guards it at 8 of 10 accesses [racelint-inconsistent-locking]
  }
};

struct Session {
  int Fd = -1;
};

ShardedPool<Session> Sessions;

void serve(size_t Id) {
  Session *S = Sessions.acquire(Id);
  Sessions.release(Id, S);
  size_t N = Sessions.handedExact(Id) + Sessions.handedRough(Id);
  if (N > 100)
    Sessions.trim(Id);
}

int main() {
  std::thread A(serve, 1), B(serve, 2);
  A.join();
  B.join();
}
