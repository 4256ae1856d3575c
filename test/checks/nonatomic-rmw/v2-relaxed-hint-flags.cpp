// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// The C++ spelling of a relaxed sticky hint, and its twins.
#include <atomic>

bool tryZeroCopy(int Fd);
void copySlow(int Fd);

std::atomic<bool> NoZeroCopy{false};
void send(int Fd) {
  if (!NoZeroCopy.load(std::memory_order_relaxed)) {
    if (tryZeroCopy(Fd))
      return;
    NoZeroCopy.store(true, std::memory_order_relaxed);
  }
  copySlow(Fd);
}

std::atomic<bool> Registered{false};
void registerHandlers();
void ensureRegistered() {
  if (!Registered.load()) {
    registerHandlers();
    Registered.store(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'Registered': another thread can act between the check and the store [racelint-nonatomic-rmw]
  }
}
