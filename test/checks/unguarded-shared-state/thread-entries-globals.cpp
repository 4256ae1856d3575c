// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++20 -pthread
// Globals, statics and function-local statics written by thread entries
// (std::thread, std::jthread, std::async, lambdas) with no lock anywhere.
// Twins: thread_local, atomics, const, writes ordered before the spawn or
// after the join, and state only one thread ever touches.
#include <atomic>
#include <future>
#include <string>
#include <thread>
#include <vector>

int LastSeen;
std::string Status;
thread_local int PerThread;
std::atomic<int> Hits;
const int Limit = 10;
int Configured;
int Summary;

void worker(int Id) {
  LastSeen = Id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'LastSeen' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  PerThread = Id;
  Hits.store(Id);
  (void)Limit;
  (void)Configured;
}

void setStatus(const char *S) {
  Status = S;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Status' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

struct Registry {
  static int Count;
};
int Registry::Count;

void registerOne() {
  Registry::Count = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Count' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

int nextId() {
  static int Counter;
  Counter = Counter + 1;
  static int Last;
  Last = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Last' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return Last;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Last' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

int main() {
  Configured = 3; // before any thread: ordered
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I)
    Ts.emplace_back(worker, I);
  std::jthread J1([] { setStatus("a"); });
  std::jthread J2([] { setStatus("b"); });
  // registerOne is public: its write is reported once, inside it.
  auto F = std::async(std::launch::async, [] { registerOne(); });
  auto G = std::async(std::launch::async, registerOne);
  std::thread N1(nextId), N2(nextId);
  for (auto &T : Ts)
    T.join();
  F.get();
  G.get();
  N1.join();
  N2.join();
  J1.join();
  J2.join();
  Summary = LastSeen; // after every join: ordered
  return Summary;
}
