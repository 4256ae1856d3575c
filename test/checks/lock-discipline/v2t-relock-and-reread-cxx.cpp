// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++20 -pthread
// C++ lock discipline across calls and paths: a method that calls another
// method which locks the same non-recursive member mutex deadlocks at the
// call (also two calls deep, and through a free function taking the
// mutex by reference); a recursive_mutex does not. A lock taken on some
// paths and taken again, an unlock on a path that never locked, and a
// lock reached through a member pointer that is re-read for the unlock.
#include <mutex>
#include <set>
#include <string>

bool isStale();

class Roster {
public:
  void enroll(const std::string &Who) {
    std::lock_guard<std::mutex> G(Mu);
    Names.insert(Who);
  }
  void enrollLocked(const std::string &Who) { Names.insert(Who); }
  void enrollIfOpenBad(const std::string &Who) {
    std::lock_guard<std::mutex> G(Mu);
    if (Open)
      enroll(Who);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Roster::enroll' locks 'Mu', which is already held here; it is not recursive, so this deadlocks [racelint-lock-discipline]
  }
  void enrollIfOpenGood(const std::string &Who) {
    std::lock_guard<std::mutex> G(Mu);
    if (Open)
      enrollLocked(Who);
  }
  void refreshBad() {
    std::unique_lock<std::mutex> L(Mu);
    Open = false;
    reopen();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Roster::reopen' locks 'Mu', which is already held here; it is not recursive, so this deadlocks [racelint-lock-discipline]
  }
  void refreshGood() {
    std::unique_lock<std::mutex> L(Mu);
    Open = false;
    L.unlock();
    reopen();
  }

private:
  void reopen() { enroll("admin"); }
  std::mutex Mu;
  std::set<std::string> Names;
  bool Open = true;
};

class Ledger {
public:
  void post(int V) {
    std::lock_guard<std::recursive_mutex> G(Mu);
    Total += V;
  }
  void postTwice(int V) {
    std::lock_guard<std::recursive_mutex> G(Mu);
    post(V);
    post(V);
  }

private:
  std::recursive_mutex Mu;
  int Total = 0;
};

static void touch(std::mutex &M, int &Slot) {
  std::lock_guard<std::mutex> G(M);
  ++Slot;
}

struct Bins {
  std::mutex Mu;
  std::mutex Other;
  int Count = 0;
};

void binsBad(Bins &B) {
  std::lock_guard<std::mutex> G(B.Mu);
  touch(B.Mu, B.Count);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'touch' locks 'B.Mu', which is already held here; it is not recursive, so this deadlocks [racelint-lock-discipline]
}

void binsGood(Bins &B) {
  std::lock_guard<std::mutex> G(B.Other);
  touch(B.Mu, B.Count);
}

// Taken on some paths, then taken again.
std::mutex CacheMu;
int CacheGen;

void cacheBad() {
  if (isStale())
    CacheMu.lock();
  ++CacheGen;
  CacheMu.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'CacheMu' may be locked twice: it is still held here on some paths, and it is not recursive, so those paths deadlock [racelint-lock-discipline]
  ++CacheGen;
  CacheMu.unlock();
}

void cacheGood() {
  if (isStale()) {
    CacheMu.lock();
    CacheGen = 0;
    CacheMu.unlock();
  }
  CacheMu.lock();
  ++CacheGen;
  CacheMu.unlock();
}

// Unlock on a path that never locked.
std::mutex QueueMu;
int Queued;

int submitBad(const std::string &What) {
  if (What.empty()) {
    QueueMu.unlock();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'QueueMu' is unlocked here but is not held on this path [racelint-lock-discipline]
    return -1;
  }
  QueueMu.lock();
  ++Queued;
  QueueMu.unlock();
  return 0;
}

int submitGood(const std::string &What) {
  QueueMu.lock();
  if (What.empty()) {
    QueueMu.unlock();
    return -1;
  }
  ++Queued;
  QueueMu.unlock();
  return 0;
}

// A lock reached through a pointer another method reassigns.
struct Loop {
  std::mutex Mu;
  int Pending = 0;
};

class Timer {
public:
  void moveTo(Loop *To) { Owner = To; }
  void cancelBad() {
    Owner->Mu.lock();
    Armed = false;
    --Owner->Pending;
    Owner->Mu.unlock();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Owner' is read again to unlock 'Owner->Mu'; it may have changed since the lock, so this may unlock a different mutex [racelint-lock-discipline]
  }
  void cancelGood() {
    Loop *L = Owner;
    L->Mu.lock();
    Armed = false;
    --L->Pending;
    L->Mu.unlock();
  }

private:
  Loop *Owner = nullptr;
  bool Armed = false;
};
