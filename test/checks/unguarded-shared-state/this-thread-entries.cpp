// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++20 -pthread
// A class that starts threads on `this` (member-function entries, lambdas
// capturing this, jthread, async) is concurrent: its fields are shared
// between the thread and the other methods.
#include <future>
#include <mutex>
#include <thread>

class Downloader {
public:
  void start() { T = std::thread(&Downloader::run, this); }
  void stop() {
    if (T.joinable())
      T.join();
  }
  int received() const { return Received; }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'Received' is read with no lock held, and nothing guards it in concurrent class 'Downloader' [racelint-unguarded-shared-state]
  int total() {
    std::lock_guard<std::mutex> L(Mu);
    return Total;
  }

private:
  void run() {
    Received = 100;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Received' is written with no lock held, and nothing guards it in concurrent class 'Downloader' [racelint-unguarded-shared-state]
    std::lock_guard<std::mutex> L(Mu);
    Total = 100;
  }
  std::thread T;
  std::mutex Mu;
  int Received = 0;
  int Total = 0;
};

class Ticker {
public:
  void start() {
    T = std::jthread([this] { tick(); });
  }
  // Not reported yet: a lambda capturing `this` handed to a std::jthread
  // assigned to a member does not make the class concurrent (docs, Limits).
  void setRate(int R) {
    Rate = R;
  }

private:
  void tick() {
    for (int I = 0; I < 10; ++I)
      (void)Rate;
  }
  std::jthread T;
  int Rate = 1;
};

class Ticker2 {
public:
  void start() {
    T = std::jthread([this] { tick(); });
  }
  void setRate(int R) {
    std::lock_guard<std::mutex> L(Mu);
    Rate = R;
  }

private:
  void tick() {
    std::lock_guard<std::mutex> L(Mu);
    (void)Rate;
  }
  std::jthread T;
  std::mutex Mu;
  int Rate = 1;
};

class Prefetch {
public:
  void begin() {
    F = std::async(std::launch::async, [this] { Data = 7; });
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'Data' is written with no lock held, and nothing guards it in concurrent class 'Prefetch' [racelint-unguarded-shared-state]
  }
  int data() { return Data; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Data' is read with no lock held, and nothing guards it in concurrent class 'Prefetch' [racelint-unguarded-shared-state]

private:
  std::future<void> F;
  int Data = 0;
};

class PrefetchGood {
public:
  void begin() {
    F = std::async(std::launch::async, [this] {
      std::lock_guard<std::mutex> L(Mu);
      Data = 7;
    });
  }
  int data() {
    std::lock_guard<std::mutex> L(Mu);
    return Data;
  }

private:
  std::mutex Mu;
  std::future<void> F;
  int Data = 0;
};

// Fields set in the constructor, before any thread starts, are not racy.
class Server {
public:
  explicit Server(int P) : Port(P) { Name = 1; }
  void start() { T = std::thread([this] { serve(); }); }
  ~Server() {
    if (T.joinable())
      T.join();
    Name = 0;
  }

private:
  void serve() { (void)Port; (void)Name; }
  std::thread T;
  int Port;
  int Name;
};
