// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++20 -pthread
// Locals captured by reference into threads: join() orders only its own
// thread, a jthread joins at the end of its scope, future::get() waits
// for its task, a std::latch or std::barrier separates the phases, and a
// mutex the spawner holds from the start of the thread to its join covers
// the thread's accesses.
#include <barrier>
#include <future>
#include <latch>
#include <mutex>
#include <thread>

int joinOrdersOnlyItsHandle() {
  int Parsed = 0, Indexed = 0;
  std::thread P([&Parsed] { Parsed = 1; });
  std::thread I([&Indexed] { Indexed = 1; });
  P.join();
  Parsed += 1;
  Indexed += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Indexed' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  I.join();
  return Parsed + Indexed;
}

int jthreadScope() {
  int Done = 0, Early = 0;
  {
    std::jthread T([&Done] { Done = 1; });
  }
  Done += 1;
  std::jthread U([&Early] { Early = 1; });
  Early += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Early' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  return Done;
}

int asyncGet() {
  int Rows = 0, Cols = 0;
  auto F = std::async(std::launch::async, [&Rows] { Rows = 40; });
  F.get();
  Rows += 1;
  auto G = std::async(std::launch::async, [&Cols] { Cols = 80; });
  Cols += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Cols' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  G.get();
  return Rows + Cols;
}

int latchPhase() {
  int Loaded = 0, After = 0;
  std::latch Ready(1);
  std::thread T([&] {
    Loaded = 5;
    Ready.count_down();
    After = 6;
  });
  Ready.wait();
  int Sum = Loaded;
  Sum += After;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'After' is read while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return Sum;
}

int barrierPhase() {
  int Left = 0, Right = 0, Spill = 0;
  std::barrier<> Sync(2);
  std::thread T([&] {
    Right = 2;
    Sync.arrive_and_wait();
    Spill = 1;
  });
  Left = 1;
  Sync.arrive_and_wait();
  int Sum = Left + Right;
  Spill = Sum;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Spill' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return Sum;
}

int creationLockset() {
  std::mutex Mu;
  int Held = 0, Loose = 0;
  Mu.lock();
  std::thread T([&] { Held = 1; });
  T.join();
  Held += 1;
  Mu.unlock();
  std::thread U([&] { Loose = 1; });
  Mu.lock();
  Loose += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Loose' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  Mu.unlock();
  U.join();
  return Held + Loose;
}

int sequentialThreads() {
  int Acc = 0, Par = 0;
  std::thread A([&Acc] { Acc += 1; });
  A.join();
  Acc += 1;
  std::thread B([&Acc] { Acc += 1; });
  B.join();
  std::thread C([&Par] { Par += 1; });
  std::thread D([&Par] { Par += 1; });
  Par += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Par' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  C.join();
  D.join();
  return Acc + Par;
}
