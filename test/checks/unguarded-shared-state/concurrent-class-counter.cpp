// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// A class that owns a mutex is shared between threads; a counter it never
// locks is a race. The twin locks every access.
#include <mutex>

class RequestStats {
public:
  void record(int Ms) {
    std::lock_guard<std::mutex> Lock(Mu);
    TotalMs += Ms;
  }
  void bump() { Requests++; }
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'Requests' is updated with no lock held, and nothing guards it in concurrent class 'RequestStats' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+1]]:27: note: conflicting read in 'RequestStats::requests'
  int requests() { return Requests; }

private:
  std::mutex Mu;
  long TotalMs = 0;
  int Requests = 0;
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
