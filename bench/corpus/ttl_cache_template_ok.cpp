// A header-only TTL cache template. The file defines it but never
// instantiates it; every member that touches the entries takes the lock.
#include <chrono>
#include <map>
#include <mutex>

template <typename Key, typename Value, typename Clock = std::chrono::steady_clock>
class TtlCache {
public:
  explicit TtlCache(typename Clock::duration ttl) : ttl_(ttl) {}

  void put(const Key &k, const Value &v) {
    std::lock_guard<std::mutex> g(mu_);
    entries_[k] = Entry{v, Clock::now() + ttl_};
  }

  bool get(const Key &k, Value &out) {
    std::lock_guard<std::mutex> g(mu_);
    auto it = entries_.find(k);
    if (it == entries_.end() || it->second.deadline < Clock::now())
      return false;
    out = it->second.value;
    return true;
  }

  size_t expired() const {
    size_t n = 0;
    auto now = Clock::now();
    std::lock_guard<std::mutex> g(mu_);
    for (const auto &kv : entries_)
      if (kv.second.deadline < now)
        ++n;
    return n;
  }

private:
  struct Entry {
    Value value;
    typename Clock::time_point deadline;
  };
  const typename Clock::duration ttl_;
  mutable std::mutex mu_;
  std::map<Key, Entry> entries_;
};
