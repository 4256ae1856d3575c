// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// RUN: %check_racelint --config="{CheckOptions: {racelint-lock-order.ReadLockInversions: true}}" --check-suffix=READ %s racelint-lock-order %t -- -std=c++17
// Readers do not block readers, so two read orders are silent by default;
// ReadLockInversions reports them (a writer queued between two readers
// blocks both on writer-preferring locks).
#include <shared_mutex>
#include <thread>

std::shared_mutex Names, Ids;
int NameCount, IdCount;
int byName() {
  std::shared_lock<std::shared_mutex> A(Names);
  std::shared_lock<std::shared_mutex> B(Ids);
  return NameCount + IdCount;
}
int byId() {
  std::shared_lock<std::shared_mutex> B(Ids);
  std::shared_lock<std::shared_mutex> A(Names);
  // CHECK-MESSAGES-READ: :[[@LINE-1]]:39: warning: 'Names' is acquired while 'Ids' is held, but 'byName' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  return IdCount - NameCount;
}
int main() {
  std::thread T(byName), U(byId);
  T.join();
  U.join();
}
