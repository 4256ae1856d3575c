// An upload session: finish() marks the upload done under the mutex unless
// it was aborted, and wakes the waiters.
#include <condition_variable>
#include <mutex>

class UploadSession {
public:
  void finish(bool aborted) {
    if (!aborted) {
      std::lock_guard<std::mutex> g(mu_);
      done_ = true;
    }
    cv_.notify_all();
  }

  void wait() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] { return done_; });
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};
