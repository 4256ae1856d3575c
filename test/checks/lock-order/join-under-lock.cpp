// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// Joining a thread while holding a lock the thread takes: if the thread is
// waiting for the lock, neither ever proceeds.
#include <mutex>
#include <thread>
#include <vector>

class Flusher {
public:
  void start() {
    Worker = std::thread([this] {
      for (;;) {
        std::lock_guard<std::mutex> G(Mu);
        if (Stop)
          return;
        Pending.clear();
      }
    });
  }
  void stop() {
    std::lock_guard<std::mutex> G(Mu);
    Stop = true;
    Worker.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the thread joined here acquires 'Mu', which is held; if the thread is waiting for it, the join never returns [racelint-lock-order]
  }
private:
  std::mutex Mu;
  bool Stop = false;
  std::vector<int> Pending;
  std::thread Worker;
};

// Twin: the flag is set under the lock, the join happens after it is
// released.
class Compactor {
public:
  void start() {
    Worker = std::thread([this] {
      for (;;) {
        std::lock_guard<std::mutex> G(Mu);
        if (Stop)
          return;
        Segments.clear();
      }
    });
  }
  void stop() {
    {
      std::lock_guard<std::mutex> G(Mu);
      Stop = true;
    }
    Worker.join();
  }
private:
  std::mutex Mu;
  bool Stop = false;
  std::vector<int> Segments;
  std::thread Worker;
};

// Twin: the thread takes another lock than the one held at the join.
class Uploader {
public:
  void start() {
    Worker = std::thread([this] {
      std::lock_guard<std::mutex> G(QueueMu);
      Queue.clear();
    });
  }
  void stop() {
    std::lock_guard<std::mutex> G(StateMu);
    Stopped = true;
    Worker.join();
  }
private:
  std::mutex QueueMu, StateMu;
  bool Stopped = false;
  std::vector<int> Queue;
  std::thread Worker;
};

int main() {
  Flusher F;
  F.start();
  F.stop();
  Compactor C;
  C.start();
  C.stop();
  Uploader U;
  U.start();
  U.stop();
}
