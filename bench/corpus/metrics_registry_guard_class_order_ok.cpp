// A metrics registry built on the project's own annotated Mutex and scoped
// MutexLock classes. Both register() and the exporter's flush take the
// registry lock before the exporter's lock.
#include <map>
#include <mutex>
#include <string>
#include <thread>

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

class Exporter {
public:
  Mutex mu;
  long pending = 0;
};

class Registry {
public:
  explicit Registry(Exporter *e) : exporter_(e) {}

  void add(const std::string &name) {
    MutexLock r(&mu_);
    metrics_[name] = 0;
    MutexLock x(&exporter_->mu);
    exporter_->pending++;
  }

  void flush() {
    MutexLock r(&mu_);
    MutexLock x(&exporter_->mu);
    exporter_->pending = 0;
    for (auto &kv : metrics_)
      kv.second = 0;
  }

private:
  Mutex mu_;
  std::map<std::string, long> metrics_;
  Exporter *exporter_;
};

int main() {
  Exporter e;
  Registry reg(&e);
  std::thread app([&reg] {
    for (int i = 0; i < 100; ++i)
      reg.add("requests_" + std::to_string(i));
  });
  for (int i = 0; i < 10; ++i)
    reg.flush();
  app.join();
  return 0;
}
