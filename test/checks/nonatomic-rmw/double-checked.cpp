// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Double-checked initialization needs an atomic flag or pointer: the
// unlocked first check races with the write made under the lock. Each
// defect is followed by its correct twin.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

struct Config {
  int Port = 80;
};

// Case 1: a plain pointer.
Config *Cfg = nullptr;
std::mutex CfgMu;

const Config &config() {
  if (Cfg == nullptr) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: double-checked initialization of 'Cfg' reads it without a lock while another thread can be writing it under 'CfgMu' [racelint-nonatomic-rmw]
    std::lock_guard<std::mutex> G(CfgMu);
    if (Cfg == nullptr)
      Cfg = new Config();
    // CHECK-NOTES: :[[@LINE-1]]:7: note: written here with 'CfgMu' held
    // CHECK-NOTES: :[[@LINE-6]]:7: note: declare 'Cfg' std::atomic and use memory_order_acquire for the unlocked check and memory_order_release for the write, or initialize it with std::call_once or a function-local static
  }
  return *Cfg;
}

// Twin: an atomic pointer with acquire/release.
std::atomic<Config *> AtomicCfg{nullptr};

const Config &atomicConfig() {
  Config *C = AtomicCfg.load(std::memory_order_acquire);
  if (C == nullptr) {
    std::lock_guard<std::mutex> G(CfgMu);
    C = AtomicCfg.load(std::memory_order_relaxed);
    if (C == nullptr) {
      C = new Config();
      AtomicCfg.store(C, std::memory_order_release);
    }
  }
  return *C;
}

// Case 2: a plain flag guarding the data it announces.
bool TableReady = false;
int Table[256];
std::mutex TableMu;

int lookup(int I) {
  if (!TableReady) {
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: double-checked initialization of 'TableReady' reads it without a lock while another thread can be writing it under 'TableMu' [racelint-nonatomic-rmw]
    TableMu.lock();
    if (!TableReady) {
      for (int J = 0; J < 256; ++J)
        Table[J] = J * J;
      TableReady = true;
      // CHECK-NOTES: :[[@LINE-1]]:7: note: written here with 'TableMu' held
    // CHECK-NOTES: :[[@LINE-8]]:8: note: declare 'TableReady' std::atomic and use memory_order_acquire for the unlocked check and memory_order_release for the write, or initialize it with std::call_once or a function-local static
    }
    TableMu.unlock();
  }
  return Table[I & 255];
}

// Twin: std::call_once.
bool OnceReady = false;
int OnceTable[256];
std::once_flag OnceFlag;

int lookupOnce(int I) {
  std::call_once(OnceFlag, [] {
    for (int J = 0; J < 256; ++J)
      OnceTable[J] = J * J;
    OnceReady = true;
  });
  return OnceTable[I & 255];
}

// Case 3: a member of a concurrent class.
class Connection {
public:
  int send(int Bytes) {
    if (!Buffer_) {
      // CHECK-NOTES: :[[@LINE-1]]:10: warning: double-checked initialization of 'Buffer_' reads it without a lock while another thread can be writing it under 'Mu_' [racelint-nonatomic-rmw]
      std::lock_guard<std::mutex> G(Mu_);
      if (!Buffer_)
        Buffer_ = new char[4096];
      // CHECK-NOTES: :[[@LINE-1]]:9: note: written here with 'Mu_' held
      // CHECK-NOTES: :[[@LINE-6]]:10: note: declare 'Buffer_' std::atomic and use memory_order_acquire for the unlocked check and memory_order_release for the write, or initialize it with std::call_once or a function-local static
    }
    return Bytes;
  }
  // Twin: the check under the lock.
  int sendLocked(int Bytes) {
    std::lock_guard<std::mutex> G(Mu_);
    if (!Spare_)
      Spare_ = new char[4096];
    return Bytes;
  }

private:
  std::mutex Mu_;
  char *Buffer_ = nullptr;
  char *Spare_ = nullptr;
};

// Twin: a function-local static is initialized once, thread-safely.
const Config &staticConfig() {
  static Config *Instance = new Config();
  return *Instance;
}

// Case 4: the check made outside the lock with no check inside: two
// threads can both see null and both allocate.
Config *Fallback = nullptr;
std::mutex FallbackMu;

const Config &fallback() {
  if (Fallback == nullptr) {
    std::lock_guard<std::mutex> G(FallbackMu);
    Fallback = new Config();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on 'Fallback': the check is made without 'FallbackMu', which is held only for the write [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: checked here with no lock held
    // CHECK-NOTES: :[[@LINE-3]]:5: note: make the check under 'FallbackMu' as well, or check again after acquiring it
  }
  std::lock_guard<std::mutex> G(FallbackMu);
  return *Fallback;
}

// Twin: the check and the write under the lock.
Config *Backup = nullptr;

const Config &backup() {
  std::lock_guard<std::mutex> G(FallbackMu);
  if (Backup == nullptr)
    Backup = new Config();
  return *Backup;
}

// Case 5: the same two shapes with an early return for the first check:
// the rest of the function is the branch where the check failed.
Config *Early = nullptr;
Config *EarlyOnce = nullptr;
std::mutex EarlyMu;

const Config &early() {
  if (Early)
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: double-checked initialization of 'Early' reads it without a lock while another thread can be writing it under 'EarlyMu' [racelint-nonatomic-rmw]
    return *Early;
  std::lock_guard<std::mutex> G(EarlyMu);
  if (!Early)
    Early = new Config();
  // CHECK-NOTES: :[[@LINE-1]]:5: note: written here with 'EarlyMu' held
  // CHECK-NOTES: :[[@LINE-7]]:7: note: declare 'Early' std::atomic and use memory_order_acquire for the unlocked check and memory_order_release for the write, or initialize it with std::call_once or a function-local static
  return *Early;
}

const Config &earlyOnce() {
  if (EarlyOnce)
    return *EarlyOnce;
  std::lock_guard<std::mutex> G(EarlyMu);
  EarlyOnce = new Config();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: check-then-act on 'EarlyOnce': the check is made without 'EarlyMu', which is held only for the write [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: checked here with no lock held
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make the check under 'EarlyMu' as well, or check again after acquiring it
  return *EarlyOnce;
}

// Twin: the early return made under the lock, released on that path only.
Config *EarlyLocked = nullptr;

const Config &earlyLocked() {
  EarlyMu.lock();
  if (EarlyLocked) {
    EarlyMu.unlock();
    return *EarlyLocked;
  }
  EarlyLocked = new Config();
  EarlyMu.unlock();
  return *EarlyLocked;
}

Connection Conn;

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([I] {
      config();
      atomicConfig();
      lookup(I);
      lookupOnce(I);
      Conn.send(I);
      Conn.sendLocked(I);
      staticConfig();
      fallback();
      backup();
      early();
      earlyOnce();
      earlyLocked();
    });
  for (auto &T : Pool)
    T.join();
  return 0;
}
