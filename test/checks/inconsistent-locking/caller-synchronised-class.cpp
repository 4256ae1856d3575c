// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17
// A class with no lock or atomic of its own is synchronised by its users:
// the library (no main) calls its public methods holding its own mutex,
// so they are judged at those calls, not again as entry points with no
// lock. A user that forgets the mutex is still reported.
#include <mutex>

class FileNumbers {
public:
  long next() { return next_++; }
  long last() const { return last_; }
  void set_last(long N) { last_ = N; }

private:
  long next_ = 2;
  long last_ = 0;
};

class Store {
public:
  long new_file() {
    std::lock_guard<std::mutex> G(mu_);
    return numbers_->next();
  }
  void commit(long N) {
    std::lock_guard<std::mutex> G(mu_);
    if (N > numbers_->last())
      numbers_->set_last(N);
  }
  long checkpoint() {
    std::lock_guard<std::mutex> G(mu_);
    return numbers_->last();
  }
  long report() {
    std::lock_guard<std::mutex> G(mu_);
    return numbers_->last() + numbers_->next();
  }
  long peek_last() {
    return numbers_->last();
    // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: 'last_' is read without holding 'mu_', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]
  }

private:
  std::mutex mu_;
  FileNumbers *numbers_ = new FileNumbers; // owned, never shared
};

// A class with a lock of its own keeps its public methods as entry points:
// its unlocked accessor races with a locked writer.
class Counter {
public:
  void add(long N) {
    std::lock_guard<std::mutex> G(mu_);
    total_ += N;
  }
  long total() const { return total_; }
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'total_' is read without holding 'mu_', which guards it at 2 of 4 accesses [racelint-inconsistent-locking]

private:
  mutable std::mutex mu_;
  long total_ = 0;
};

long sample(Counter &C) {
  C.add(1);
  return C.total();
}
