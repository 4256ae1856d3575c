// A device driver wrapper using try_lock_for; the timeout path is fine but
// the error path after a successful lock forgets to unlock.
#include <chrono>
#include <mutex>

class Device {
public:
  int write(const char *buf, int n) {
    if (!mu_.try_lock_for(std::chrono::milliseconds(50)))
      return -1;
    if (n <= 0)
      return 0; // RACE: racelint-lock-discipline
    written_ += n;
    (void)buf;
    mu_.unlock();
    return n;
  }

  long written() {
    std::lock_guard<std::timed_mutex> g(mu_);
    return written_;
  }

private:
  std::timed_mutex mu_;
  long written_ = 0;
};
