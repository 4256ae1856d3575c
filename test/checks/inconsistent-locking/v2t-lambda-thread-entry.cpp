// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// Lambdas kept in variables: the one handed to std::thread runs on that
// thread, the one that is only defined never runs. main calls append
// while both detached threads may still be running.
#include <mutex>
#include <thread>

class Journal {
public:
  void append(int V) {
    std::lock_guard<std::mutex> G(Mu);
    Entries += V;
    // One locked write of Tail against one bare one: Mu decides, as the
    // lock of the state it maintains here beside Entries.
    Tail = V;
  }
  void startFlusher() {
    auto Flush = [this] {
      std::lock_guard<std::mutex> G(Mu);
      Entries = 0;
    };
    auto Unused = [this] {
      Entries = -1;
      Tail = 0;
    };
    (void)Unused;
    std::thread(Flush).detach();
  }
  void startTrimmer() {
    auto Trim = [this] { Tail = -1; };
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'Tail' is written without holding 'Mu', which guards it at 1 of 2 accesses and the other fields of its object at 2 of 2 statements [racelint-inconsistent-locking]
    std::thread(Trim).detach();
  }

private:
  std::mutex Mu;
  int Entries = 0;
  int Tail = 0;
};

// A called lambda that reads after its own unlock vs one never called.
class Gauge {
public:
  int peekNow() {
    auto Now = [this]() {
      Mu.lock();
      Peak = 1;
      Mu.unlock();
      return Peak;
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Peak' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
    };
    return Now();
  }
  void peekLater() {
    auto Later = [this]() {
      Mu.lock();
      Level = 1;
      Mu.unlock();
      return Level;
    };
    (void)sizeof(Later);
  }
  void set(int V) {
    std::lock_guard<std::mutex> G(Mu);
    Peak = V;
    Level = V;
  }

private:
  std::mutex Mu;
  int Peak = 0;
  int Level = 0;
};

int main() {
  Gauge G;
  std::thread T([&G] { G.set(1); });
  int R = G.peekNow();
  G.peekLater();
  T.join();
  Journal J;
  J.startFlusher();
  J.startTrimmer();
  J.append(1);
  return R;
}
