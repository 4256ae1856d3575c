// A backpressure controller: the admission path reads the threshold under
// the queue mutex, the operator's tuning call writes it without any lock.
// No write ever holds the mutex, so neither side is the odd one out.
#include <deque>
#include <mutex>
#include <thread>

class Admission {
public:
  bool admit(int req) {
    std::lock_guard<std::mutex> g(mu_);
    if (queue_.size() >= threshold_) // RACE: racelint-inconsistent-locking
      return false;
    queue_.push_back(req);
    return true;
  }

  void tune(size_t t) { threshold_ = t; } // RACE: racelint-inconsistent-locking

private:
  std::mutex mu_;
  std::deque<int> queue_;
  size_t threshold_ = 128;
};

int main() {
  Admission a;
  std::thread ops([&a] { a.tune(64); });
  int admitted = 0;
  for (int i = 0; i < 200; ++i)
    admitted += a.admit(i);
  ops.join();
  return admitted > 0 ? 0 : 1;
}
