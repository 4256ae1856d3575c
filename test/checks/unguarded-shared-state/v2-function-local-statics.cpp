// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A function-local static is one object shared by every caller. Helpers of
// a header-style library that advance or fill one, called from several
// threads, race; the twins lock a static mutex around it, keep it
// thread_local, or only initialise it (the initialisation is thread-safe).
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

inline uint64_t nextRequestId() {
  static uint64_t Seq = 0;
  return ++Seq;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: non-atomic read-modify-write of shared 'Seq' with no lock held [racelint-nonatomic-rmw]
}

inline uint64_t nextRequestIdLocked() {
  static std::mutex SeqMu;
  static uint64_t Seq = 0;
  std::lock_guard<std::mutex> G(SeqMu);
  return ++Seq;
}

inline uint32_t jitter() {
  static uint32_t State = 2463534242u;
  State ^= State << 13;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'State' with no lock held [racelint-nonatomic-rmw]
  State ^= State >> 17;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'State' with no lock held [racelint-nonatomic-rmw]
  return State;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'State' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

inline uint32_t jitterPerThread() {
  thread_local uint32_t State = 2463534242u;
  State ^= State << 13;
  State ^= State >> 17;
  return State;
}

inline void rememberHost(const std::string &H) {
  static std::string Last;
  Last = "host:" + H;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Last' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

inline const std::string &serviceLabel() {
  static const std::string Label = "svc:" + std::to_string(42);
  return Label;
}

void handle(int Id) {
  uint64_t A = nextRequestId() + nextRequestIdLocked();
  uint32_t J = jitter() + jitterPerThread();
  rememberHost(std::to_string(Id));
  size_t N = serviceLabel().size();
  (void)(A + J + N);
}

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back(handle, I);
  for (auto &T : Pool)
    T.join();
}
