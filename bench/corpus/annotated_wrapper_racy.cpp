// A user mutex wrapper annotated with Clang's capability attributes; one
// method touches the guarded map without taking it.
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

class Counters {
public:
  void Add(const std::string &k, long n) {
    mu_.Lock();
    counts_[k] += n;
    mu_.Unlock();
  }
  long Get(const std::string &k) {
    mu_.Lock();
    long v = counts_[k];
    mu_.Unlock();
    return v;
  }
  void Clear() { counts_.clear(); } // RACE: racelint-inconsistent-locking

private:
  Mutex mu_;
  std::map<std::string, long> counts_;
};
