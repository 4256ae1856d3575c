// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A read decides a write of the same storage: two threads can both pass
// the check. Each defect is followed by its correct twin.
#include <map>
#include <mutex>
#include <string>
#include <thread>

int Slots = 4;
int SlotsLocked = 4;
bool Initialized;
bool InitializedLocked;
std::map<std::string, int> Cache;
std::map<std::string, int> CacheLocked;
std::mutex Mu;

void setup();

// Case 1: a counter checked, then decremented.
bool acquireSlot() {
  if (Slots > 0) {
    Slots = Slots - 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on 'Slots' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
    return true;
  }
  return false;
}

// Twin.
bool acquireSlotLocked() {
  std::lock_guard<std::mutex> G(Mu);
  if (SlotsLocked > 0) {
    SlotsLocked = SlotsLocked - 1;
    return true;
  }
  return false;
}

// Case 2: a plain bool as a run-once flag.
void initOnce() {
  if (!Initialized) {
    Initialized = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on 'Initialized' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
    setup();
  }
}

// Twin.
void initOnceLocked() {
  std::lock_guard<std::mutex> G(Mu);
  if (!InitializedLocked) {
    InitializedLocked = true;
    setup();
  }
}

// Case 3: look up, then insert.
int lookup(const std::string &Key) {
  if (Cache.find(Key) == Cache.end())
    Cache[Key] = static_cast<int>(Key.size());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on 'Cache' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
  return 0;
}

// Twin.
int lookupLocked(const std::string &Key) {
  std::lock_guard<std::mutex> G(Mu);
  if (CacheLocked.find(Key) == CacheLocked.end())
    CacheLocked[Key] = static_cast<int>(Key.size());
  return CacheLocked[Key];
}

// Case 4: a state field of an object two threads start; its lock guards
// the other field, and the note says so.
class Job {
public:
  void start() {
    if (State_ == 0)
      State_ = 1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: check-then-act on 'State_' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
  }
  // Twin.
  void startLocked() {
    std::lock_guard<std::mutex> G(Mu_);
    if (Other_ == 0)
      Other_ = 1;
  }

private:
  std::mutex Mu_;
  int State_ = 0;
  int Other_ = 0;
};

Job TheJob;

int main() {
  std::thread A(acquireSlot), B(acquireSlot), C(acquireSlotLocked),
      D(acquireSlotLocked);
  std::thread E(initOnce), F(initOnce), G(initOnceLocked), H(initOnceLocked);
  std::thread I([] { lookup("a"); lookupLocked("a"); });
  std::thread J([] { lookup("b"); lookupLocked("b"); });
  std::thread K([] { TheJob.start(); TheJob.startLocked(); });
  std::thread L([] { TheJob.start(); TheJob.startLocked(); });
  for (std::thread *T : {&A, &B, &C, &D, &E, &F, &G, &H, &I, &J, &K, &L})
    T->join();
  return 0;
}

void setup() {}
