// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// Calls on standard containers, strings and smart pointers: non-const
// member calls write the object, const ones read it.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

class Directory {
public:
  void add(int Id, const std::string &Name) {
    std::lock_guard<std::mutex> L(Mu);
    Names[Id] = Name;
  }
  bool hasBad(int Id) const { return Names.count(Id) != 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'Names' is read without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  bool hasGood(int Id) const {
    std::lock_guard<std::mutex> L(Mu);
    return Names.count(Id) != 0;
  }
  void eraseBad(int Id) { Names.erase(Id); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'Names' is written without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  void eraseGood(int Id) {
    std::lock_guard<std::mutex> L(Mu);
    Names.erase(Id);
  }

private:
  mutable std::mutex Mu;
  std::unordered_map<int, std::string> Names;
};

class Text {
public:
  void append(const std::string &S) {
    std::lock_guard<std::mutex> L(Mu);
    Buf += S;
  }
  std::string snapshot() {
    std::lock_guard<std::mutex> L(Mu);
    return Buf;
  }
  size_t lengthBad() { return Buf.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'Buf' is read without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  void resetBad() { Buf.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Buf' is written without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  void resetGood() {
    std::lock_guard<std::mutex> L(Mu);
    Buf.clear();
  }

private:
  std::mutex Mu;
  std::string Buf;
};

struct Conn {
  int Fd = -1;
};

class Pool {
public:
  void install(std::unique_ptr<Conn> C) {
    std::lock_guard<std::mutex> L(Mu);
    Current = std::move(C);
  }
  void dropBad() { Current.reset(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Current' is written without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  void dropGood() {
    std::lock_guard<std::mutex> L(Mu);
    Current.reset();
  }
  bool connected() {
    std::lock_guard<std::mutex> L(Mu);
    return Current != nullptr;
  }

private:
  std::mutex Mu;
  std::unique_ptr<Conn> Current;
};

class Subscribers {
public:
  void add(int Id) {
    std::lock_guard<std::mutex> L(Mu);
    Ids.insert(Id);
  }
  int sumBad() {
    int S = 0;
    for (int Id : Ids)
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Ids' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
      S += Id;
    return S;
  }
  int sumGood() {
    std::lock_guard<std::mutex> L(Mu);
    int S = 0;
    for (int Id : Ids)
      S += Id;
    return S;
  }

private:
  std::mutex Mu;
  std::set<int> Ids;
};

class ConfigHolder {
public:
  void publish(std::shared_ptr<const std::map<std::string, int>> C) {
    std::lock_guard<std::mutex> L(Mu);
    Cfg = std::move(C);
  }
  std::shared_ptr<const std::map<std::string, int>> currentBad() {
    return Cfg;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Cfg' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  }
  std::shared_ptr<const std::map<std::string, int>> currentGood() {
    std::lock_guard<std::mutex> L(Mu);
    return Cfg;
  }

private:
  std::mutex Mu;
  std::shared_ptr<const std::map<std::string, int>> Cfg;
};
