// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Classes that own no mutex but lock the one their owner passes in: the
// parameter is the lock that guards their fields, so a method that touches
// the fields without it (or holds it only in shared mode while writing) is
// the deviant; the twins take the passed-in lock the way the others do.
#include <mutex>
#include <shared_mutex>
#include <vector>

class Purse {
public:
  void credit(std::mutex &OwnerMu, long C) {
    std::lock_guard<std::mutex> G(OwnerMu);
    Cents += C;
  }
  void debit(std::mutex &OwnerMu, long C) {
    std::unique_lock<std::mutex> L(OwnerMu);
    Cents -= C;
    ++Moves;
  }
  long glance() const { return Cents; }
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'Cents' is read without holding 'OwnerMu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  void resetMoves() { Moves = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Moves' is written without holding 'OwnerMu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]

  long balance(std::mutex &OwnerMu) const {
    std::lock_guard<std::mutex> G(OwnerMu);
    return Cents;
  }
  void clearMoves(std::mutex &OwnerMu) {
    OwnerMu.lock();
    Moves = 0;
    OwnerMu.unlock();
  }

private:
  long Cents = 0;
  int Moves = 0;
};

class Roster {
public:
  void enrol(std::shared_mutex &M, int Id) {
    std::unique_lock<std::shared_mutex> L(M);
    Ids.push_back(Id);
  }
  size_t count(std::shared_mutex &M) const {
    std::shared_lock<std::shared_mutex> L(M);
    return Ids.size();
  }
  void enrolFast(std::shared_mutex &M, int Id) {
    std::shared_lock<std::shared_mutex> L(M);
    Ids.push_back(Id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Ids' is written while 'M' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
  }
  void drop(std::shared_mutex &M) {
    std::lock_guard<std::shared_mutex> L(M);
    Ids.pop_back();
  }

private:
  std::vector<int> Ids;
};
