// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// In a concurrent class (it owns a mutex), a container, string or smart
// pointer that no method ever locks is unguarded: non-const calls write it,
// const calls read it. The twins lock every access.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class Service {
public:
  void setName(const std::string &N) {
    Name = N;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Name' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+2]]:37: note: conflicting read in 'Service::name' with no lock held
  }
  std::string name() const { return Name; }

  void addTag(const std::string &T) {
    Tags.push_back(T);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Tags' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+2]]:36: note: conflicting read in 'Service::tagCount' with no lock held
  }
  size_t tagCount() const { return Tags.size(); }

  void setLimit(const std::string &K, int V) {
    Limits[K] = V;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Limits' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+3]]:15: note: conflicting read in 'Service::limit' with no lock held
  }
  int limit(const std::string &K) const {
    auto It = Limits.find(K);
    return It == Limits.end() ? 0 : It->second;
  }

  void setPlugin(std::unique_ptr<int> P) {
    Plugin = std::move(P);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Plugin' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+2]]:35: note: conflicting read in 'Service::hasPlugin' with no lock held
  }
  bool hasPlugin() const { return Plugin != nullptr; }

  void dropCache() {
    Cache.reset();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Cache' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+2]]:47: note: conflicting read in 'Service::cache' with no lock held
  }
  std::shared_ptr<int> cache() const { return Cache; }

  // Locked everywhere: silent here.
  void addUser(int U) {
    std::lock_guard<std::mutex> L(Mu);
    Users.push_back(U);
  }
  size_t userCount() const {
    std::lock_guard<std::mutex> L(Mu);
    return Users.size();
  }

private:
  mutable std::mutex Mu;
  std::string Name;
  std::vector<std::string> Tags;
  std::map<std::string, int> Limits;
  std::unique_ptr<int> Plugin;
  std::shared_ptr<int> Cache;
  std::vector<int> Users;
};

// Only const calls anywhere: nothing writes it after construction.
class Catalog {
public:
  explicit Catalog(std::vector<int> V) : Items(std::move(V)) {}
  size_t size() const { return Items.size(); }
  int at(size_t I) const { return Items.at(I); }
  void touch() {
    std::lock_guard<std::mutex> L(Mu);
    ++Touches;
  }

private:
  std::mutex Mu;
  const std::vector<int> Items;
  int Touches = 0;
};

// Calls on the contents of a container that owns its lock are the element's
// business; the container itself is written here.
class Registry {
public:
  void clearBad() {
    Entries.clear();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Entries' is written with no lock held, and nothing guards it in concurrent class 'Registry' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+2]]:36: note: conflicting read in 'Registry::emptyCheck' with no lock held
  }
  bool emptyCheck() const { return Entries.empty(); }
  void clearGood() {
    std::lock_guard<std::mutex> L(Mu);
    Safe.clear();
  }
  bool safeEmpty() const {
    std::lock_guard<std::mutex> L(Mu);
    return Safe.empty();
  }

private:
  mutable std::mutex Mu;
  std::map<int, int> Entries;
  std::map<int, int> Safe;
};
