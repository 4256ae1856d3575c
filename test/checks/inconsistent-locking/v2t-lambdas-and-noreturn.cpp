// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// A lambda that is only defined is not executed: its accesses belong to
// nobody until it is called. A lambda that is called runs its body in the
// caller. A [[noreturn]] helper (member or free function) ends the path, so
// code after it is unreachable; a helper that returns does not.
#include <cstdlib>
#include <mutex>
#include <thread>

class Meter {
public:
  void set(int V) {
    std::lock_guard<std::mutex> G(Mu);
    Level = V;
    // Mu guards the meter (Level beside Peak): the bare write is the
    // deviant.
    Peak = V;
  }
  int get() {
    std::lock_guard<std::mutex> G(Mu);
    return Level + Peak;
  }
  void prepare() {
    auto Later = [this] { Level = 0; };
    (void)Later;
  }
  void resetNow() {
    auto Now = [this] { Peak = 0; };
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Peak' is written without holding 'Mu', which guards it at 1 of 2 accesses and the other fields of its object at 1 of 1 statements [racelint-inconsistent-locking]
    Now();
  }

private:
  std::mutex Mu;
  int Level = 0;
  int Peak = 0;
};

class Service {
public:
  int get() {
    std::lock_guard<std::mutex> G(Mu);
    return X + Y;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Y' is read under 'Mu', but 'Service::soften' writes it with no lock held [racelint-inconsistent-locking]
  }
  void set(int V) {
    std::lock_guard<std::mutex> G(Mu);
    X = V;
    Y = V;
  }
  [[noreturn]] void dieLocked() {
    std::lock_guard<std::mutex> G(Mu);
    std::abort();
  }
  void warnLocked() { std::lock_guard<std::mutex> G(Mu); }
  void reset() {
    dieLocked();
    X = 0;
  }
  void soften() {
    warnLocked();
    Y = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Y' is written with no lock held, but 'Service::get' reads it holding 'Mu' [racelint-inconsistent-locking]
  }

private:
  std::mutex Mu;
  int X = 0;
  int Y = 0;
};

[[noreturn]] static void fatal(const char *Why) {
  (void)Why;
  std::exit(3);
}
static void complain(const char *Why) { (void)Why; }

class Registry {
public:
  void add() {
    std::lock_guard<std::mutex> G(Mu);
    ++Count;
    ++Gen;
  }
  void clear(bool Broken) {
    if (Broken) {
      fatal("registry");
      Count = 0;
    }
    std::lock_guard<std::mutex> G(Mu);
    Count = 0;
  }
  void drop(bool Broken) {
    if (Broken) {
      complain("registry");
      Gen = 0;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Gen' is written without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
    }
    std::lock_guard<std::mutex> G(Mu);
    Gen = 0;
  }

private:
  std::mutex Mu;
  int Count = 0;
  int Gen = 0;
};

int main(int Argc, char **) {
  Meter M;
  Registry R;
  std::thread T([&M, &R] {
    M.set(1);
    R.add();
  });
  M.prepare();
  M.resetNow();
  R.clear(Argc > 3);
  R.drop(Argc > 2);
  T.join();
  Service S;
  S.set(1);
  return M.get();
}
