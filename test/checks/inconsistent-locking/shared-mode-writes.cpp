// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// A reader lock (std::shared_lock, lock_shared) lets other readers in at the
// same time: a write made while the guarding lock is held only in shared mode
// races with them. Each bug sits beside its twin that writes under the
// exclusive lock.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

class Config {
public:
  std::string get(const std::string &K) const {
    std::shared_lock<std::shared_mutex> L(Mu);
    auto It = Values.find(K);
    return It == Values.end() ? "" : It->second;
  }
  void setBad(const std::string &K, const std::string &V) {
    std::shared_lock<std::shared_mutex> L(Mu);
    Values[K] = V;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Values' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-7]]:15: note: concurrent read in 'Config::get' with 'Mu' held in shared mode
  }
  void setGood(const std::string &K, const std::string &V) {
    std::unique_lock<std::shared_mutex> L(Mu);
    Values[K] = V;
  }

private:
  mutable std::shared_mutex Mu;
  std::map<std::string, std::string> Values;
};

class Counter {
public:
  int get() const {
    Mu.lock_shared();
    int V = Count;
    Mu.unlock_shared();
    return V;
  }
  void resetBad() {
    Mu.lock_shared();
    Count = 0;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Count' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-8]]:13: note: concurrent read in 'Counter::get' with 'Mu' held in shared mode
    Mu.unlock_shared();
  }
  void resetGood() {
    Mu.lock();
    Count = 0;
    Mu.unlock();
  }

private:
  mutable std::shared_mutex Mu;
  int Count = 0;
};

class EventLog {
public:
  size_t size() const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Events.size();
  }
  void appendBad(int E) {
    std::shared_lock<std::shared_mutex> L(Mu);
    Events.push_back(E);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Events' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-6]]:12: note: concurrent read in 'EventLog::size' with 'Mu' held in shared mode
  }
  void appendGood(int E) {
    std::lock_guard<std::shared_mutex> L(Mu);
    Events.push_back(E);
  }
  void clearBad() {
    std::shared_lock<std::shared_mutex> L(Mu);
    Events.clear();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Events' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-16]]:12: note: concurrent read in 'EventLog::size' with 'Mu' held in shared mode
  }

private:
  mutable std::shared_mutex Mu;
  std::vector<int> Events;
};

// The write sits in a helper; the caller holds the lock in shared mode.
class Index {
public:
  void addGood(int K) {
    std::unique_lock<std::shared_mutex> L(Mu);
    insertLocked(K);
  }
  void addBad(int K) {
    std::shared_lock<std::shared_mutex> L(Mu);
    insertLocked(K);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Keys' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE+9]]:30: note: written here, inside 'Index::insertLocked'
    // CHECK-NOTES: :[[@LINE+4]]:12: note: concurrent read in 'Index::has' with 'Mu' held in shared mode
  }
  bool has(int K) const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Keys.count(K) != 0;
  }

private:
  void insertLocked(int K) { Keys[K] = true; }
  mutable std::shared_mutex Mu;
  std::map<int, bool> Keys;
};

// Lazy fill of a cache under the reader lock: two readers both fill it.
class Cache {
public:
  int valueBad() {
    std::shared_lock<std::shared_mutex> L(Mu);
    if (!Ready) {
      Value = compute();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'Value' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
      // CHECK-NOTES: :[[@LINE+5]]:12: note: concurrent read in 'Cache::valueBad' with 'Mu' held in shared mode
      Ready = true;
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'Ready' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
      // CHECK-NOTES: :[[@LINE-6]]:10: note: concurrent read in 'Cache::valueBad' with 'Mu' held in shared mode
    }
    return Value;
  }
  int valueGood() {
    {
      std::shared_lock<std::shared_mutex> L(Mu);
      if (Ready)
        return Value;
    }
    std::unique_lock<std::shared_mutex> L(Mu);
    if (!Ready) {
      Value = compute();
      Ready = true;
    }
    return Value;
  }

private:
  static int compute() { return 42; }
  std::shared_mutex Mu;
  bool Ready = false;
  int Value = 0;
};

// std::shared_timed_mutex behaves the same.
class Settings {
public:
  int level() const {
    std::shared_lock<std::shared_timed_mutex> L(Mu);
    return Level;
  }
  void setBad(int V) {
    std::shared_lock<std::shared_timed_mutex> L(Mu);
    Level = V;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Level' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-6]]:12: note: concurrent read in 'Settings::level' with 'Mu' held in shared mode
  }
  void setGood(int V) {
    std::unique_lock<std::shared_timed_mutex> L(Mu);
    Level = V;
  }

private:
  mutable std::shared_timed_mutex Mu;
  int Level = 0;
};

// A unique_lock that is unlocked and the mutex re-taken shared.
class Table {
public:
  int read(int I) const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Rows[I];
  }
  void rebuildBad() {
    std::unique_lock<std::shared_mutex> L(Mu);
    Rows.clear();
    L.unlock();
    std::shared_lock<std::shared_mutex> R(Mu);
    Rows.push_back(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Rows' is written while 'Mu' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-9]]:12: note: concurrent read in 'Table::read' with 'Mu' held in shared mode
  }
  void rebuildGood() {
    std::unique_lock<std::shared_mutex> L(Mu);
    Rows.clear();
    Rows.push_back(1);
  }

private:
  mutable std::shared_mutex Mu;
  std::vector<int> Rows;
};
