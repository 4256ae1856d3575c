// An asynchronous logger: buffer and counters under one mutex, the level
// in an atomic.
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class AsyncLogger {
public:
  AsyncLogger() : writer_([this] { drain(); }) {}
  ~AsyncLogger() {
    {
      std::lock_guard<std::mutex> g(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    writer_.join();
  }

  void setLevel(int level) { level_.store(level); }

  void log(int level, std::string line) {
    if (level < level_.load())
      return;
    std::lock_guard<std::mutex> g(mu_);
    if (pending_.size() > 1000) {
      dropped_++;
      return;
    }
    pending_.push_back(std::move(line));
    cv_.notify_one();
  }

  long dropped() const {
    std::lock_guard<std::mutex> g(mu_);
    return dropped_;
  }

private:
  void drain() {
    std::vector<std::string> batch;
    std::unique_lock<std::mutex> lk(mu_);
    while (!stop_ || !pending_.empty()) {
      cv_.wait(lk, [this] { return stop_ || !pending_.empty(); });
      batch.swap(pending_);
      lk.unlock();
      for (const auto &l : batch)
        std::fputs(l.c_str(), stderr);
      batch.clear();
      lk.lock();
    }
  }

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> pending_;
  bool stop_ = false;
  long dropped_ = 0;
  std::atomic<int> level_{0};
  std::thread writer_;
};
