// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++17 -pthread
// The spawner touches a by-reference capture while the thread runs.
#include <thread>

int countBad() {
  int N = 0;
  std::thread T([&] { N++; });
  N++;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'N' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: the thread updates it here with no lock held
  // CHECK-NOTES: :[[@LINE-4]]:15: note: thread started here
  T.join();
  return N;
}

int countGood() {
  int N = 0;
  std::thread T([&] { N++; });
  T.join();
  N++; // after the join: ordered
  return N;
}

int readOnlyBoth() {
  int Limit = 10;
  std::thread T([&] { (void)(Limit + 1); });
  int Copy = Limit; // both sides only read
  T.join();
  return Copy;
}
