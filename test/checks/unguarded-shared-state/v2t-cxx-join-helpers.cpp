// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// Joins through helpers and containers: a helper that joins every thread it
// is given orders them all; one that joins only the first does not. Writes
// before the spawn are ordered; writes after it are not. A jthread in a
// container joins when the container goes away; a latch orders what the
// worker wrote before count_down.
#include <latch>
#include <thread>
#include <vector>

namespace {

void joinAll(std::thread &A, std::thread &B) {
  A.join();
  B.join();
}
void joinFirst(std::thread &A, std::thread &B) {
  A.join();
  B.detach();
}

int Hits, Misses;
void countHits() { Hits = 1; }
void countMisses() {
  Misses = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Misses' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}
void idle() {}

void helperJoinsAll() {
  std::thread A(idle), B(countHits);
  joinAll(A, B);
  Hits = 0;
}

void helperJoinsFirst() {
  std::thread A(idle), B(countMisses);
  joinFirst(A, B);
  Misses = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Misses' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

// Configuration written before and after the worker starts.
int Depth;
int Width;
void readDepth() { (void)(Depth > 0); }
void readWidth() {
  (void)(Width > 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Width' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

void configuredFirst() {
  Depth = 4;
  std::thread T(readDepth);
  T.join();
}

void configuredLate() {
  std::thread T(readWidth);
  Width = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Width' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  T.join();
}

// jthreads owned by a vector join when the vector is destroyed.
int Merged;
int Pending;
void mergeOne() { (void)Merged; }
void markPending() {
  Pending = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Pending' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

void vectorScope() {
  {
    std::vector<std::jthread> Pool;
    Pool.emplace_back(mergeOne);
    Pool.emplace_back(mergeOne);
  }
  Merged = 2;
}

void vectorAlive() {
  std::vector<std::jthread> Pool;
  Pool.emplace_back(markPending);
  Pending = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Pending' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

// A latch counted down by the worker.
int Loaded;
int Extra;
void loadWorker(std::latch &Done) {
  Loaded = 1;
  Done.count_down();
  Extra = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Extra' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

int latchWait() {
  std::latch Done(1);
  std::thread A(loadWorker, std::ref(Done));
  Done.wait();
  int Sum = Loaded;
  Extra = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Extra' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  A.join();
  return Sum;
}

} // namespace

int main() {
  helperJoinsAll();
  helperJoinsFirst();
  configuredFirst();
  configuredLate();
  vectorScope();
  vectorAlive();
  return latchWait() + Hits + Merged;
}
