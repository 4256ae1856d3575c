// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A class that starts a thread on `this` is concurrent: its loop and its
// public methods run at the same time.
#include <thread>

class Poller {
public:
  void start() { Worker = std::thread(&Poller::loop, this); }
  void stop() { Running = false; }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Running' is written with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
  void join() { Worker.join(); }

private:
  void loop() {
    while (Running)
      ++Polls;
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: non-atomic read-modify-write of shared 'Polls' with no lock held [racelint-nonatomic-rmw]
  }
  std::thread Worker;
  bool Running = true;
  int Polls = 0;

public:
  int polls() const { return Polls; }
};
