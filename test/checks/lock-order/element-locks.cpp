// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// Locks in a container (std::vector of buckets with their own mutex).
#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

class Table {
  struct Bucket {
    std::mutex Mu;
    std::vector<int> Keys;
  };

public:
  explicit Table(size_t N) : Buckets(N) {}
  void merge(size_t I, size_t J) {
    if (I == J)
      return;
    std::lock_guard<std::mutex> A(Buckets[I].Mu);
    std::lock_guard<std::mutex> B(Buckets[J].Mu);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'Buckets[J].Mu' is acquired while 'Buckets[I].Mu', another lock of the same array, is held, and nothing orders their indices; two threads locking the same two elements in opposite orders can deadlock [racelint-lock-order]
    Buckets[J].Keys.swap(Buckets[I].Keys);
  }
  // Twin: std::min / std::max pick the order.
  void mergeOrdered(size_t I, size_t J) {
    if (I == J)
      return;
    size_t Lo = std::min(I, J), Hi = std::max(I, J);
    std::lock_guard<std::mutex> A(Buckets[Lo].Mu);
    std::lock_guard<std::mutex> B(Buckets[Hi].Mu);
    Buckets[J].Keys.swap(Buckets[I].Keys);
  }
  // Twin: both at once.
  void mergeTogether(size_t I, size_t J) {
    if (I == J)
      return;
    std::scoped_lock Both(Buckets[I].Mu, Buckets[J].Mu);
    Buckets[J].Keys.swap(Buckets[I].Keys);
  }

private:
  std::vector<Bucket> Buckets;
};

int main() {
  Table T(8);
  std::thread A([&] { T.merge(1, 2); T.mergeOrdered(1, 2); T.mergeTogether(1, 2); });
  std::thread B([&] { T.merge(2, 1); T.mergeOrdered(2, 1); T.mergeTogether(2, 1); });
  A.join();
  B.join();
}
