// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// A container, string or smart pointer of an object two threads use, that
// no method locks, is unguarded: non-const calls write it, const calls read
// it; both sides are reported. The twins lock every access.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Service {
public:
  void setName(const std::string &N) {
    Name = N;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Name' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+130]]:9: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE+2]]:37: note: conflicting read in 'Service::name' with no lock held
  }
  std::string name() const { return Name; }
  // CHECK-NOTES: :[[@LINE-1]]:37: warning: 'Name' is read with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+136]]:15: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: conflicting write in 'Service::setName' with no lock held

  void addTag(const std::string &T) {
    Tags.push_back(T);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Tags' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+120]]:9: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE+2]]:36: note: conflicting read in 'Service::tagCount' with no lock held
  }
  size_t tagCount() const { return Tags.size(); }
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: 'Tags' is read with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+126]]:15: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: conflicting write in 'Service::addTag' with no lock held

  void setLimit(const std::string &K, int V) {
    Limits[K] = V;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Limits' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+110]]:9: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE+3]]:15: note: conflicting read in 'Service::limit' with no lock held
  }
  int limit(const std::string &K) const {
    auto It = Limits.find(K);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'Limits' is read with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+115]]:15: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE-9]]:5: note: conflicting write in 'Service::setLimit' with no lock held
    return It == Limits.end() ? 0 : It->second;
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'Limits' is read with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+111]]:15: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE-13]]:5: note: conflicting write in 'Service::setLimit' with no lock held
  }

  void setPlugin(std::unique_ptr<int> P) {
    Plugin = std::move(P);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Plugin' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+94]]:9: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE+2]]:35: note: conflicting read in 'Service::hasPlugin' with no lock held
  }
  bool hasPlugin() const { return Plugin != nullptr; }
  // CHECK-NOTES: :[[@LINE-1]]:35: warning: 'Plugin' is read with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+100]]:15: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: conflicting write in 'Service::setPlugin' with no lock held

  void dropCache() {
    Cache.reset();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Cache' is written with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+84]]:9: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE+2]]:47: note: conflicting read in 'Service::cache' with no lock held
  }
  std::shared_ptr<int> cache() const { return Cache; }
  // CHECK-NOTES: :[[@LINE-1]]:47: warning: 'Cache' is read with no lock held, and nothing guards it in concurrent class 'Service' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+90]]:15: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: conflicting write in 'Service::dropCache' with no lock held

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
    // CHECK-NOTES: :[[@LINE+34]]:9: note: called from the lambda here
    // CHECK-NOTES: :[[@LINE+2]]:36: note: conflicting read in 'Registry::emptyCheck' with no lock held
  }
  bool emptyCheck() const { return Entries.empty(); }
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: 'Entries' is read with no lock held, and nothing guards it in concurrent class 'Registry' [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+40]]:15: note: called from the lambda here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: conflicting write in 'Registry::clearBad' with no lock held
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

Service Svc;
Registry Reg;
Catalog Cat({1, 2, 3});

int main() {
  std::thread W([] {
    Svc.setName("a");
    Svc.addTag("t");
    Svc.setLimit("k", 1);
    Svc.setPlugin(nullptr);
    Svc.dropCache();
    Svc.addUser(1);
    Reg.clearBad();
    Reg.clearGood();
    Cat.touch();
  });
  std::thread R([] {
    (void)Svc.name();
    (void)Svc.tagCount();
    (void)Svc.limit("k");
    (void)Svc.hasPlugin();
    (void)Svc.cache();
    (void)Svc.userCount();
    (void)Reg.emptyCheck();
    (void)Reg.safeEmpty();
    (void)Cat.size();
    (void)Cat.at(0);
  });
  W.join();
  R.join();
}
