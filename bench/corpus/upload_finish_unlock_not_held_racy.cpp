// An upload session: finish() marks the upload done under the mutex unless
// it was aborted, wakes the waiters, and then unlocks the mutex -- which it
// does not hold on the aborted path.
#include <condition_variable>
#include <mutex>

class UploadSession {
public:
  void finish(bool aborted) {
    if (!aborted) {
      mu_.lock();
      done_ = true;
    }
    cv_.notify_all();
    mu_.unlock(); // RACE: racelint-lock-discipline
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
