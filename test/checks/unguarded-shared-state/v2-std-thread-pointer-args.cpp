// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A pointer handed to std::thread or std::async as an argument is the
// entry's parameter: the entry and the spawner touch the same heap object
// or global through it. Bare on both sides before the join, they race;
// the twins lock the object's own mutex on both sides, or read after the
// join (or the future's get()).
#include <future>
#include <mutex>
#include <thread>

struct Transfer {
  std::mutex M;
  long Sent = 0;
  long Acked = 0;
  int Retries = 0;
};

Transfer Nightly;

void pump(Transfer *T) {
  T->Sent = 4096;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'T->Sent' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  {
    std::lock_guard<std::mutex> G(T->M);
    T->Acked = 4096;
  }
  T->Retries = 1;
}

long verify(Transfer *T) {
  T->Retries = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'T->Retries' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  std::lock_guard<std::mutex> G(T->M);
  return T->Acked;
}

long onHeap() {
  auto *T = new Transfer;
  std::thread Th(pump, T);
  long S = T->Sent;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'T->Sent' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  long A;
  {
    std::lock_guard<std::mutex> G(T->M);
    A = T->Acked;
  }
  Th.join();
  int R = T->Retries;
  delete T;
  return S + A + R;
}

long onGlobal() {
  auto F = std::async(std::launch::async, verify, &Nightly);
  int R = Nightly.Retries;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Nightly.Retries' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  {
    std::lock_guard<std::mutex> G(Nightly.M);
    Nightly.Acked = 0;
  }
  long A = F.get();
  return A + R + Nightly.Retries;
}

int main() { return static_cast<int>(onHeap() + onGlobal()); }
