// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Members reached without their own name: passed by reference to a helper,
// or bound to a local reference. Each is the member itself, so the lock
// that guards the member applies; the twins hold it.
#include <mutex>
#include <vector>

namespace {
void addTo(long &Slot, long N) { Slot += N; }
void append(std::vector<int> &V, int X) { V.push_back(X); }
}

struct Histogram {
  long Small = 0;
  long Large = 0;
};

class Recorder {
public:
  void recordSmall(long N) {
    std::lock_guard<std::mutex> G(Mu);
    addTo(Hist.Small, N);
    addTo(Total, N);
  }
  void recordLarge(long N) {
    std::lock_guard<std::mutex> G(Mu);
    Histogram &H = Hist;
    H.Large += N;
    Total += N;
  }
  void note(int X) {
    std::lock_guard<std::mutex> G(Mu);
    append(Notes, X);
  }
  void clearNotes() {
    std::lock_guard<std::mutex> G(Mu);
    Notes.clear();
  }

  // Deviants: the same storage without Mu.
  void resetLarge() {
    Histogram &H = Hist;
    H.Large = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'H.Large' is written without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  }
  void quickNote(int X) { append(Notes, X); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: '{{V|Notes}}' is written without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  void rebate() { addTo(Total, -1); }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: '{{Slot|Total}}' is updated without holding 'Mu', which guards it at 5 of 7 accesses [racelint-inconsistent-locking]
  void stampNotes() {
    std::vector<int> &N = Notes;
    N.push_back(0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'N' is written without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  }
  void zeroTotal() {
    long *P = &Total;
    *P = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*P' is written without holding 'Mu', which guards it at 5 of 7 accesses [racelint-inconsistent-locking]
  }

  // Twins: the same shapes under Mu.
  void resetSmall() {
    std::lock_guard<std::mutex> G(Mu);
    Histogram &H = Hist;
    H.Small = 0;
  }
  void refund() {
    std::lock_guard<std::mutex> G(Mu);
    addTo(Total, -1);
  }
  void markNotes() {
    std::lock_guard<std::mutex> G(Mu);
    std::vector<int> &N = Notes;
    N.push_back(0);
  }
  void clearTotal() {
    std::lock_guard<std::mutex> G(Mu);
    long *P = &Total;
    *P = 0;
  }
  long large() const {
    std::lock_guard<std::mutex> G(Mu);
    return Hist.Large;
  }
  long total() const {
    std::lock_guard<std::mutex> G(Mu);
    const long &T = Total;
    return T;
  }

private:
  mutable std::mutex Mu;
  Histogram Hist;
  long Total = 0;
  std::vector<int> Notes;
};
