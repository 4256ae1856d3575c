// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking %t -- -std=c++17
// Generic code opts out of locking with a mutex whose lock() does nothing
// (spdlog's null_mutex for its single-threaded sinks): such a class is not
// concurrent. The same class over std::mutex is.
#include <mutex>

struct null_mutex {
  void lock() const {}
  void unlock() const {}
};

template <typename Mutex> class Sink {
public:
  void setFormat(int F) {
    std::lock_guard<Mutex> Lock(Mu);
    Format = F;
  }
  void setLevel(int L) { Level = L; }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'Level' is written with no lock held, and nothing guards it in concurrent class 'Sink' [racelint-unguarded-shared-state]
  int level() const { return Level; }

private:
  Mutex Mu;
  int Format = 0;
  int Level = 0;
};

// Single-threaded by design: silent.
Sink<null_mutex> StSink;
void configureSt() {
  StSink.setFormat(1);
  StSink.setLevel(2);
}
int levelSt() { return StSink.level(); }

// Multi-threaded: Level is written with no lock.
Sink<std::mutex> MtSink;
void configureMt() {
  MtSink.setFormat(1);
  MtSink.setLevel(2);
}
int levelMt() { return MtSink.level(); }
