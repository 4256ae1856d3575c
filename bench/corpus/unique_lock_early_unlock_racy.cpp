// A metrics exporter that unlocks its unique_lock early for the slow
// network send, then records the send time after the unlock.
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

class Exporter {
  using Clock = std::chrono::steady_clock;

public:
  void record(const std::string &line) {
    std::lock_guard<std::mutex> g(mu_);
    pending_.push_back(line);
  }

  void flush() {
    std::unique_lock<std::mutex> lk(mu_);
    std::vector<std::string> batch;
    batch.swap(pending_);
    lk.unlock();
    send(batch);
    last_flush_ = Clock::now(); // RACE: racelint-inconsistent-locking
    flushes_++; // RACE: racelint-inconsistent-locking
  }

  long flushes() const {
    std::lock_guard<std::mutex> g(mu_);
    return flushes_;
  }

  Clock::time_point lastFlush() const {
    std::lock_guard<std::mutex> g(mu_);
    return last_flush_;
  }

private:
  static void send(const std::vector<std::string> &) {}

  mutable std::mutex mu_;
  std::vector<std::string> pending_;
  Clock::time_point last_flush_;
  long flushes_ = 0;
};
