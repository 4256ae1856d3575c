// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// x++ on storage several threads update loses counts: globals, static
// members, function-local statics, fields of concurrent classes and locals
// captured by reference, started with std::thread, std::jthread and
// std::async. Each defect is followed by its correct twin.
#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

long Hits;
long HitsLocked;
std::mutex Mu;
std::atomic<long> HitsAtomic;
thread_local long HitsPerThread;

struct Stats {
  static int Live;
  static std::atomic<int> LiveAtomic;
};
int Stats::Live;
std::atomic<int> Stats::LiveAtomic;

void handle() {
  // Case 1: a global.
  Hits++;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Hits' with no lock held [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE+144]]:7: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-18]]:6: note: declare 'Hits' std::atomic or guard it with a lock
  // Twin: under the lock.
  {
    std::lock_guard<std::mutex> G(Mu);
    HitsLocked++;
  }
  // Twin: an atomic increment.
  HitsAtomic++;
  // Twin: thread_local storage is thread-confined.
  HitsPerThread++;
  // Case 2: a static data member, decremented.
  --Stats::Live;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: non-atomic read-modify-write of shared 'Live' with no lock held [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE+130]]:7: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-22]]:12: note: declare 'Live' std::atomic or guard it with a lock
  // Twin: fetch_sub on an atomic member.
  Stats::LiveAtomic.fetch_sub(1, std::memory_order_relaxed);
}

int nextTicket() {
  // Case 3: a function-local static.
  static int Counter;
  return Counter += 1;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: non-atomic read-modify-write of shared 'Counter' with no lock held [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE+120]]:7: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-4]]:14: note: declare 'Counter' std::atomic or guard it with a lock
}

int nextTicketAtomic() {
  // Twin: a function-local static atomic.
  static std::atomic<int> Counter;
  return Counter.fetch_add(1) + 1;
}

// Case 4: a field of a concurrent class; the note names the lock that
// guards its neighbour.
class Server {
public:
  void onRequest(int Bytes) {
    Requests_++;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: non-atomic read-modify-write of shared 'Requests_' with no lock held [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE+105]]:11: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: hold 'Mu_', which guards 'Bytes_' in the same class, or make 'Requests_' std::atomic
    std::lock_guard<std::mutex> G(Mu_);
    Bytes_ += Bytes;
  }
  // Twin: both counters under the lock.
  void onRequestLocked(int Bytes) {
    std::lock_guard<std::mutex> G(Mu_);
    Served_++;
    Bytes_ += Bytes;
  }
  long bytes() {
    std::lock_guard<std::mutex> G(Mu_);
    return Bytes_;
  }

private:
  std::mutex Mu_;
  long Requests_ = 0;
  long Served_ = 0;
  long Bytes_ = 0;
};

Server Srv;

// Case 5: a local captured by reference into several std::threads.
long sumWithThreads() {
  long Total = 0;
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([&Total, I] {
      Total += I;
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: non-atomic read-modify-write of 'Total', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
      // CHECK-NOTES: :[[@LINE-6]]:8: note: declare 'Total' std::atomic or guard it with a lock
    });
  for (auto &T : Pool)
    T.join();
  return Total;
}

// Twin: the captured local is atomic.
long sumWithThreadsAtomic() {
  std::atomic<long> Total{0};
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([&Total, I] { Total += I; });
  for (auto &T : Pool)
    T.join();
  return Total;
}

// Case 6: two std::jthreads sharing a local.
int countWithJthreads() {
  int Done = 0;
  {
    std::jthread A([&Done] { Done++; });
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: non-atomic read-modify-write of 'Done', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: declare 'Done' std::atomic or guard it with a lock
    std::jthread B([&Done] { Done++; });
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: non-atomic read-modify-write of 'Done', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-7]]:7: note: declare 'Done' std::atomic or guard it with a lock
  }
  return Done;
}

// Twin: each jthread increments under a shared lock.
int countWithJthreadsLocked() {
  int Done = 0;
  std::mutex M;
  {
    std::jthread A([&] { std::lock_guard<std::mutex> G(M); Done++; });
    std::jthread B([&] { std::lock_guard<std::mutex> G(M); Done++; });
  }
  return Done;
}

// Case 7: std::async tasks bumping a global.
int Processed;
int ProcessedSafe;
std::mutex ProcessedMu;

void process() {
  Processed += 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Processed' with no lock held [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-7]]:5: note: declare 'Processed' std::atomic or guard it with a lock
  // Twin.
  std::scoped_lock G(ProcessedMu);
  ProcessedSafe += 1;
}

int runAsync() {
  auto A = std::async(std::launch::async, process);
  auto B = std::async(std::launch::async, process);
  A.get();
  B.get();
  return Processed + ProcessedSafe;
}

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 8; ++I)
    Pool.emplace_back([] {
      handle();
      nextTicket();
      nextTicketAtomic();
      Srv.onRequest(1);
      Srv.onRequestLocked(1);
    });
  for (auto &T : Pool)
    T.join();
  return static_cast<int>(Hits + HitsLocked + HitsAtomic + Srv.bytes() +
                          sumWithThreads() + sumWithThreadsAtomic() +
                          countWithJthreads() + countWithJthreadsLocked() +
                          runAsync());
}
