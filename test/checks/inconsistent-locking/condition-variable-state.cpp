// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17 -pthread
// Condition variables: the predicate and the state it reads belong under the
// same mutex as the waits. Setting the flag without the mutex before a
// notify is the classic lost wake-up.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

class Latch {
public:
  void wait() {
    std::unique_lock<std::mutex> L(Mu);
    Cv.wait(L, [this] { return Open; });
  }
  void openBad() {
    Open = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Open' is written without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
    Cv.notify_all();
  }
  void openGood() {
    {
      std::lock_guard<std::mutex> L(Mu);
      Open = true;
    }
    Cv.notify_all();
  }

private:
  std::mutex Mu;
  std::condition_variable Cv;
  bool Open = false;
};

class WorkQueue {
public:
  void push(int V) {
    std::lock_guard<std::mutex> L(Mu);
    Items.push_back(V);
    Cv.notify_one();
  }
  int pop() {
    std::unique_lock<std::mutex> L(Mu);
    while (Items.empty())
      Cv.wait(L);
    int V = Items.front();
    Items.pop_front();
    return V;
  }
  bool idleBad() const { return Items.empty(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'Items' is read without holding 'Mu', which guards it at 5 of 7 accesses [racelint-inconsistent-locking]
  bool idleGood() const {
    std::lock_guard<std::mutex> L(Mu);
    return Items.empty();
  }
  void pushUnsafe(int V) {
    Items.push_back(V);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Items' is written without holding 'Mu', which guards it at 5 of 7 accesses [racelint-inconsistent-locking]
    Cv.notify_one();
  }

private:
  mutable std::mutex Mu;
  std::condition_variable Cv;
  std::deque<int> Items;
};

// A wait_for / wait_until loop reads the state after waking under the lock;
// a stop flag read outside it is not.
class Poller {
public:
  void run() {
    std::unique_lock<std::mutex> L(Mu);
    while (!Stop)
      Cv.wait_for(L, std::chrono::milliseconds(10));
  }
  bool stoppingBad() { return Stop; }
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'Stop' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  void stop() {
    std::lock_guard<std::mutex> L(Mu);
    Stop = true;
    Cv.notify_all();
  }

private:
  std::mutex Mu;
  std::condition_variable Cv;
  bool Stop = false;
};

// condition_variable_any with a std::shared_mutex is no different.
class Gate {
public:
  void await() {
    std::unique_lock<std::mutex> L(Mu);
    Cv.wait(L, [&] { return Count >= 3; });
  }
  void arriveBad() { Count = Count + 1; }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Count' is updated without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  void arriveGood() {
    std::lock_guard<std::mutex> L(Mu);
    Count = Count + 1;
    Cv.notify_all();
  }

private:
  std::mutex Mu;
  std::condition_variable_any Cv;
  int Count = 0;
};

// Globals and free functions with std::thread. One locked write and one
// bare write: no majority says which is right, so both are reported, each
// with the other as a note.
static std::mutex GMu;
static std::condition_variable GCv;
static bool GReady;
static int GData;

void producerBad() {
  GData = 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'GData' is written with no lock held, but 'producerGood' writes it holding 'GMu' [racelint-inconsistent-locking]
  std::lock_guard<std::mutex> L(GMu);
  GReady = true;
  GCv.notify_one();
}
void producerGood() {
  std::lock_guard<std::mutex> L(GMu);
  GData = 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'GData' is written under 'GMu', but 'producerBad' writes it with no lock held [racelint-inconsistent-locking]
  GReady = true;
  GCv.notify_one();
}
void consumer() {
  std::unique_lock<std::mutex> L(GMu);
  GCv.wait(L, [] { return GReady; });
  (void)GData;
}

int main() {
  std::thread A(producerBad), B(producerGood), C(consumer);
  A.join();
  B.join();
  C.join();
}
