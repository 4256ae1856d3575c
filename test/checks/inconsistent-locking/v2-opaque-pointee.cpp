// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// A member pointing to an object of a class racelint cannot see into (its
// methods are declared only): a call of a non-const method writes the
// whole object, a const one reads it. The owner's lock taken around most
// calls guards the object.
#include <mutex>

class Journal {
public:
  void append(int Record);
  void truncate();
  long size() const;
};

class Store {
public:
  explicit Store(Journal *J) : Log(J) {}
  void put(int R) {
    std::lock_guard<std::mutex> G(Mu);
    Log->append(R);
  }
  void compact() {
    std::lock_guard<std::mutex> G(Mu);
    Log->truncate();
  }
  long pending() { return Log->size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: '*Log' is read without holding 'Mu', which guards it at 4 of 5 accesses [racelint-inconsistent-locking]

private:
  std::mutex Mu;
  Journal *const Log;
};

// Twin: every use under the lock.
class Index {
public:
  explicit Index(Journal *J) : Log(J) {}
  void add(int R) {
    std::lock_guard<std::mutex> G(Mu);
    Log->append(R);
  }
  long count() {
    std::lock_guard<std::mutex> G(Mu);
    return Log->size();
  }

private:
  std::mutex Mu;
  Journal *const Log;
};
