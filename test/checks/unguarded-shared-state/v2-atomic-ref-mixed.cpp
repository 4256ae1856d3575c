// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking %t -- -std=c++20 -pthread
// std::atomic_ref makes an ordinary field atomic only where it is used:
// the same field read or written plainly on another path races with the
// atomic updates. The twins go through atomic_ref on every path.
#include <atomic>
#include <thread>
#include <vector>

struct Meter {
  long Bytes = 0;
  long BytesOk = 0;
  int Errors = 0;
  int ErrorsOk = 0;
};

class Link {
public:
  void start() {
    Pump = std::thread([this] { pump(); });
  }
  void stop() { Pump.join(); }

  long sample() {
    long B = M.Bytes;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'M.Bytes' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    long BOk = std::atomic_ref<long>(M.BytesOk).load();
    return B + BOk;
  }
  void clearErrors() {
    M.Errors = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'M.Errors' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
    std::atomic_ref<int>(M.ErrorsOk).store(0);
  }

private:
  void pump() {
    for (int I = 0; I < 1000; ++I) {
      std::atomic_ref<long>(M.Bytes).fetch_add(512);
      std::atomic_ref<long>(M.BytesOk).fetch_add(512);
      std::atomic_ref<int>(M.Errors).fetch_add(I % 7 == 0);
      std::atomic_ref<int>(M.ErrorsOk).fetch_add(I % 7 == 0);
    }
  }
  Meter M;
  std::thread Pump;
};

int main() {
  Link L;
  L.start();
  long S = L.sample();
  L.clearErrors();
  L.stop();
  return static_cast<int>(S);
}
