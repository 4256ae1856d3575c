// RUN: %check_racelint %s racelint-thread-capture,racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Locals reach threads through std::ref, pointers and member-function
// entries too; and two threads that share a local race with each other.
#include <functional>
#include <thread>
#include <vector>

struct Stats {
  int Count = 0;
  void add() { ++Count; }
};

void accumulate(Stats &S) { S.add(); }
void accumulatePtr(Stats *S) { S->add(); }

int stdRefBad() {
  Stats S;
  std::thread T(accumulate, std::ref(S));
  S.Count = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'S.Count' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return S.Count;
}

int stdRefGood() {
  Stats S;
  std::thread T(accumulate, std::ref(S));
  T.join();
  S.Count = 0;
  return S.Count;
}

int pointerBad() {
  Stats S;
  std::thread T(accumulatePtr, &S);
  S.Count = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'S.Count' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return S.Count;
}

struct Worker {
  int Done = 0;
  void run() { Done = 1; }
};

int memberEntryBad() {
  Worker W;
  std::thread T(&Worker::run, &W);
  W.Done = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'W.Done' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return W.Done;
}

int memberEntryGood() {
  Worker W;
  std::thread T(&Worker::run, &W);
  T.join();
  return W.Done;
}

// Two threads, one local, both writing: unguarded-shared-state's (the
// spawner itself does not touch it).
int twoWritersBad() {
  int Flag = 0;
  std::thread A([&] { Flag = 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Flag' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  std::thread B([&] { Flag = 2; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Flag' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  A.join();
  B.join();
  return Flag;
}

// Sequential threads: the first is joined before the second starts.
int sequentialGood() {
  int Flag = 0;
  std::thread A([&] { Flag = 1; });
  A.join();
  std::thread B([&] { Flag = 2; });
  B.join();
  return Flag;
}

// Threads started in a loop all share the captured total.
int loopBad() {
  int Total = 0;
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I)
    Ts.emplace_back([&Total, I] { Total = I; });
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Total' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  for (auto &T : Ts)
    T.join();
  return Total;
}
