// A tiny executor: tasks are queued under a lock and run by worker threads;
// the completed-task counter and the last error are written bare.
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

  long completed() const { return completed_; } // RACE: racelint-unguarded-shared-state
  std::string lastError() const { return last_error_; } // RACE: racelint-unguarded-shared-state

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
      if (!task())
        last_error_ = "task failed"; // RACE: racelint-unguarded-shared-state
      ++completed_; // RACE: racelint-nonatomic-rmw
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
