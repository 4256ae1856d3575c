// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// Readers under shared_lock, writers under unique_lock: consistent. A
// reader without any lock is not.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

class Registry {
public:
  void add(const std::string &K, int V) {
    std::unique_lock<std::shared_mutex> Lock(Mu);
    Entries[K] = V;
  }
  int find(const std::string &K) const {
    std::shared_lock<std::shared_mutex> Lock(Mu);
    auto It = Entries.find(K);
    return It == Entries.end() ? -1 : It->second;
  }
  size_t count() const { return Entries.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'Entries' is read without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]

private:
  mutable std::shared_mutex Mu;
  std::map<std::string, int> Entries;
};
