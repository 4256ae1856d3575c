// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// A class that owns a mutex is shared between threads; a field it never
// locks is a race. The twin locks every access. (Read-modify-writes such as
// Requests++ are racelint-nonatomic-rmw's.)
#include <mutex>

class RequestStats {
public:
  void record(int Ms) {
    std::lock_guard<std::mutex> Lock(Mu);
    TotalMs += Ms;
  }
  void setLast(int Ms) { LastMs = Ms; }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'LastMs' is written with no lock held, and nothing guards it in concurrent class 'RequestStats' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+1]]:23: note: conflicting read in 'RequestStats::last' with no lock held
  int last() { return LastMs; }

private:
  std::mutex Mu;
  long TotalMs = 0;
  int LastMs = 0;
};

class RequestStatsLocked {
public:
  void bump() {
    std::lock_guard<std::mutex> Lock(Mu);
    Requests++;
  }
  int requests() {
    std::lock_guard<std::mutex> Lock(Mu);
    return Requests;
  }

private:
  std::mutex Mu;
  int Requests = 0;
};

// No lock anywhere and no threads: not a concurrent class, nothing to say.
class PlainCounter {
public:
  void bump() { N++; }
  int get() const { return N; }

private:
  int N = 0;
};
