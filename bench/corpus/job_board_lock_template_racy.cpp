// A job board templated on its lock type, so single-threaded tools can plug
// in a no-op lock. The header only names the multi-threaded alias; peek(),
// used by the dashboard, reads the queue without the lock.
#include <deque>
#include <mutex>
#include <string>

template <typename Lock>
class JobBoard {
public:
  void post(std::string job) {
    std::lock_guard<Lock> g(lock_);
    jobs_.push_back(std::move(job));
  }

  bool claim(std::string &out) {
    std::lock_guard<Lock> g(lock_);
    if (jobs_.empty())
      return false;
    out = std::move(jobs_.front());
    jobs_.pop_front();
    return true;
  }

  std::string peek() const {
    return jobs_.empty() ? std::string() : jobs_.front(); // RACE: racelint-inconsistent-locking
  }

private:
  mutable Lock lock_;
  std::deque<std::string> jobs_;
};

using SharedJobBoard = JobBoard<std::mutex>;
