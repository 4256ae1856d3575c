// A tiny executor: queue, counters and the last error all live under mu_.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Executor {
public:
  explicit Executor(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { loop(); });
  }

  ~Executor() {
    {
      std::lock_guard<std::mutex> g(mu_);
      closed_ = true;
    }
    cv_.notify_all();
    for (auto &w : workers_)
      w.join();
  }

  void submit(std::function<bool()> task) {
    std::lock_guard<std::mutex> g(mu_);
    tasks_.push_back(std::move(task));
    cv_.notify_one();
  }

  long completed() const {
    std::lock_guard<std::mutex> g(mu_);
    return completed_;
  }

  std::string lastError() const {
    std::lock_guard<std::mutex> g(mu_);
    return last_error_;
  }

private:
  void loop() {
    for (;;) {
      std::function<bool()> task;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return closed_ || !tasks_.empty(); });
        if (tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      bool ok = task();
      std::lock_guard<std::mutex> g(mu_);
      if (!ok)
        last_error_ = "task failed";
      ++completed_;
    }
  }

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<bool()>> tasks_;
  bool closed_ = false;
  long completed_ = 0;
  std::string last_error_;
  std::vector<std::thread> workers_;
};
