// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A helper that takes its storage by reference (or by pointer) updates the
// caller's global: called with Quota from a thread under one lock and from
// main under another, the update races; called always under one lock, it
// does not. A std::ref argument binds the thread's reference parameter to
// the global the same way.
#include <functional>
#include <mutex>
#include <thread>

std::mutex NetMu, DiskMu, IoMu;
long Quota, QuotaOk;
int Inflight, InflightOk;

void charge(long &Bucket, long N) { Bucket -= N; }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'Bucket' is updated under 'DiskMu', but the conflicting update in 'charge' holds 'NetMu'; no lock protects both [racelint-inconsistent-locking]

void uploader(int &Counter, int &CounterOk) {
  {
    std::lock_guard<std::mutex> G(NetMu);
    charge(Quota, 10);
    ++Counter;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Counter' is updated under 'NetMu', but the conflicting update in 'main' holds 'DiskMu'; no lock protects both [racelint-inconsistent-locking]
  }
  std::lock_guard<std::mutex> G(IoMu);
  charge(QuotaOk, 10);
  ++CounterOk;
}

int main() {
  std::thread T(uploader, std::ref(Inflight), std::ref(InflightOk));
  {
    std::lock_guard<std::mutex> G(DiskMu);
    charge(Quota, 5);
    Inflight--;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Inflight' is updated under 'DiskMu', but the conflicting update in 'uploader' holds 'NetMu'; no lock protects both [racelint-inconsistent-locking]
  }
  {
    std::lock_guard<std::mutex> G(IoMu);
    charge(QuotaOk, 5);
    InflightOk--;
  }
  T.join();
  return static_cast<int>(Quota + QuotaOk) + Inflight + InflightOk;
}
