// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++17 -pthread
// By-reference captures protected by a mutex both sides hold are fine; a
// different mutex on one side, or a lock on one side only, is not.
#include <mutex>
#include <thread>
#include <vector>

int bothLocked() {
  std::mutex M;
  int N = 0;
  std::thread T([&] {
    std::lock_guard<std::mutex> L(M);
    N++;
  });
  {
    std::lock_guard<std::mutex> L(M);
    N++;
  }
  T.join();
  return N;
}

int spawnerOnlyLocked() {
  std::mutex M;
  int N = 0;
  std::thread T([&] { N++; });
  {
    std::lock_guard<std::mutex> L(M);
    N++;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'N' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
    // CHECK-NOTES: :[[@LINE-5]]:23: note: the thread updates it here with no lock held
    // CHECK-NOTES: :[[@LINE-6]]:15: note: thread started here
  }
  T.join();
  return N;
}

int differentLocks() {
  std::mutex A, B;
  int N = 0;
  std::thread T([&] {
    std::lock_guard<std::mutex> L(A);
    N = 1;
  });
  {
    std::lock_guard<std::mutex> L(B);
    N = 2;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'N' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
    // CHECK-NOTES: :[[@LINE-6]]:5: note: the thread writes it here holding 'A'
    // CHECK-NOTES: :[[@LINE-9]]:15: note: thread started here
  }
  T.join();
  return N;
}

int vectorBothLocked() {
  std::mutex M;
  std::vector<int> V;
  std::thread T([&] {
    std::lock_guard<std::mutex> L(M);
    V.push_back(1);
  });
  {
    std::lock_guard<std::mutex> L(M);
    V.push_back(2);
  }
  T.join();
  return static_cast<int>(V.size());
}

int vectorUnlockedRead() {
  std::mutex M;
  std::vector<int> V;
  std::thread T([&] {
    std::lock_guard<std::mutex> L(M);
    V.push_back(1);
  });
  int S = static_cast<int>(V.size());
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'V' is read while a thread that shares it by reference may still be running [racelint-thread-capture]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: the thread writes it here holding 'M'
  // CHECK-NOTES: :[[@LINE-7]]:15: note: thread started here
  T.join();
  return S;
}

int manualLockUnlock() {
  std::mutex M;
  int N = 0;
  std::thread T([&] {
    M.lock();
    N = 1;
    M.unlock();
  });
  M.lock();
  N = 2;
  M.unlock();
  N = 3;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'N' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  // CHECK-NOTES: :[[@LINE-8]]:5: note: the thread writes it here holding 'M'
  // CHECK-NOTES: :[[@LINE-11]]:15: note: thread started here
  T.join();
  return N;
}
