// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A class that starts a thread on `this`: its loop and its public methods
// run at the same time. What the thread writes is read by polls() while it
// runs; stop() writes the flag the thread polls and then joins it, so the
// thread was running at the write. (A flag written by a method that does
// not join, and read by the thread only, is taken for configuration done
// before start() and is not reported: see precision/f01 in the patterns.)
#include <thread>

class Poller {
public:
  void start() { Worker = std::thread(&Poller::loop, this); }
  void stop() {
    Running = false;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Running' is written with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
    Worker.join();
  }
  void join() { Worker.join(); }

private:
  void loop() {
    while (Running)
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Running' is read with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
      ++Polls;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: non-atomic read-modify-write of shared 'Polls' with no lock held [racelint-nonatomic-rmw]
  }
  std::thread Worker;
  bool Running = true;
  int Polls = 0;

public:
  int polls() const { return Polls; }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Polls' is read with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
};
