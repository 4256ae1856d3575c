// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// A field of an object two threads use, never locked: both sides of the
// race are reported. The twin locks every access. Owning a mutex is not by
// itself evidence that every field is shared: a setter and a getter that no
// thread is seen to run together, and that no lock orders, stay silent
// (RacerD's policy too). (Read-modify-writes such as Requests++ are
// racelint-nonatomic-rmw's.)
#include <mutex>
#include <thread>

class RequestStats {
public:
  void record(int Ms) {
    std::lock_guard<std::mutex> Lock(Mu);
    TotalMs += Ms;
  }
  void setLast(int Ms) { LastMs = Ms; }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'LastMs' is written with no lock held, and nothing guards it in concurrent class 'RequestStats' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+43]]:28: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE+1]]:23: note: conflicting read in 'RequestStats::last' with no lock held
  int last() { return LastMs; }
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'LastMs' is read with no lock held, and nothing guards it in concurrent class 'RequestStats' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+40]]:34: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-7]]:26: note: conflicting write in 'RequestStats::setLast' with no lock held

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

RequestStats Stats;
RequestStatsLocked StatsLocked;

int main() {
  std::thread A([] { Stats.setLast(1); Stats.record(2); StatsLocked.bump(); });
  std::thread B([] { (void)Stats.last(); (void)StatsLocked.requests(); });
  A.join();
  B.join();
}

// The same class with no thread in view: silent.
class Gauge {
public:
  void record(int Ms) {
    std::lock_guard<std::mutex> Lock(Mu);
    TotalMs += Ms;
  }
  void setLast(int Ms) { LastMs = Ms; }
  int last() { return LastMs; }

private:
  std::mutex Mu;
  long TotalMs = 0;
  int LastMs = 0;
};
