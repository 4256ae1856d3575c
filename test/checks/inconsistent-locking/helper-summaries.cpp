// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// Summaries: helpers called with the lock held are silent; a helper called
// once without it (and with it elsewhere) is reported at that call, with a
// note at the access inside the helper. A lambda called from one place
// only is reported at its own access. Callers of requires_capability functions are checked too.
#include <map>
#include <mutex>
#include <string>
#include <vector>

// Two levels of helpers, all called under the lock.
class Inventory {
public:
  void add(const std::string &Item, int N) {
    std::lock_guard<std::mutex> L(Mu);
    addLocked(Item, N);
  }
  int count(const std::string &Item) {
    std::lock_guard<std::mutex> L(Mu);
    return countLocked(Item);
  }
  void restockBad(const std::string &Item) {
    addLocked(Item, 10);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Stock' is written without holding 'Mu', which guards it at 4 of 5 accesses [racelint-inconsistent-locking]
  }
  void restockGood(const std::string &Item) {
    std::lock_guard<std::mutex> L(Mu);
    addLocked(Item, 10);
  }

private:
  void addLocked(const std::string &Item, int N) { bump(Item, N); }
  void bump(const std::string &Item, int N) { Stock[Item] += N; }
  int countLocked(const std::string &Item) const {
    auto It = Stock.find(Item);
    return It == Stock.end() ? 0 : It->second;
  }
  std::mutex Mu;
  std::map<std::string, int> Stock;
};

// A helper that locks by itself is fine to call bare.
class Log {
public:
  void write(const std::string &S) {
    std::lock_guard<std::mutex> L(Mu);
    Lines.push_back(S);
  }
  void twice(const std::string &S) {
    write(S);
    write(S);
  }
  size_t sizeBad() { return Lines.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'Lines' is read without holding 'Mu', which guards it at 4 of 5 accesses [racelint-inconsistent-locking]
  size_t sizeGood() {
    std::lock_guard<std::mutex> L(Mu);
    return Lines.size();
  }

private:
  std::mutex Mu;
  std::vector<std::string> Lines;
};

// Manual lock()/unlock() around the helper call.
class Scores {
public:
  void set(int K, int V) {
    Mu.lock();
    store(K, V);
    Mu.unlock();
  }
  void setTwice(int K, int V) {
    Mu.lock();
    store(K, V);
    Mu.unlock();
    store(K, V + 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Table' is written without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  }
  int get(int K) {
    std::lock_guard<std::mutex> L(Mu);
    return Table[K];
  }

private:
  void store(int K, int V) { Table[K] = V; }
  std::mutex Mu;
  std::map<int, int> Table;
};

// A lambda run in place under the lock is part of the locked region.
class Registry {
public:
  void addAll(const std::vector<int> &Ids) {
    std::lock_guard<std::mutex> L(Mu);
    auto Add = [this](int Id) { Known.push_back(Id); };
    for (int Id : Ids)
      Add(Id);
  }
  void addOne(int Id) {
    std::lock_guard<std::mutex> L(Mu);
    Known.push_back(Id);
  }
  void addLater(int Id) {
    auto Add = [this](int I) { Known.push_back(I); };
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'Known' is written without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
    Add(Id);
  }

private:
  std::mutex Mu;
  std::vector<int> Known;
};

// Free helpers on a global.
static std::mutex GMu;
static int GTotal;
static void addTotal(int V) { GTotal += V; }
void record(int V) {
  std::lock_guard<std::mutex> L(GMu);
  addTotal(V);
}
void recordTwice(int V) {
  std::lock_guard<std::mutex> L(GMu);
  addTotal(V);
  addTotal(V);
}
void recordFast(int V) {
  addTotal(V);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'GTotal' is updated without holding 'GMu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
}
