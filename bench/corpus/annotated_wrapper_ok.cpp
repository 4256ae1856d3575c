// A user mutex wrapper and RAII guard annotated with Clang's capability
// attributes; every access holds the lock.
#include <map>
#include <mutex>
#include <string>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability())) { m_.lock(); }
  void Unlock() __attribute__((release_capability())) { m_.unlock(); }

private:
  std::mutex m_;
};

class __attribute__((scoped_lockable)) MutexLock {
public:
  explicit MutexLock(Mutex *mu) __attribute__((acquire_capability(mu))) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() __attribute__((release_capability())) { mu_->Unlock(); }

private:
  Mutex *mu_;
};

class Counters {
public:
  void Add(const std::string &k, long n) {
    MutexLock l(&mu_);
    counts_[k] += n;
  }
  long Get(const std::string &k) {
    MutexLock l(&mu_);
    return counts_[k];
  }
  void Clear() {
    MutexLock l(&mu_);
    counts_.clear();
  }

private:
  Mutex mu_;
  std::map<std::string, long> counts_;
};
