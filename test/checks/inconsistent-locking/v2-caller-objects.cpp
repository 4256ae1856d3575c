// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// Objects the caller hands in (parameters of public functions). A global
// lock, or the object's own lock, taken around most accesses to them is
// their guard, and a bare access is the deviant. A lock of `this` held
// while filling the caller's object is not: each caller has its own
// object, so another function writing another object of the type bare is
// silent.
#include <mutex>
#include <string>

// Guarded by a global lock.
struct Lease { int owner; };
static std::mutex LeaseTableMu;
void leaseTake(Lease *L, int Who) {
  std::lock_guard<std::mutex> G(LeaseTableMu);
  L->owner = Who;
}
void leaseDrop(Lease *L) {
  std::lock_guard<std::mutex> G(LeaseTableMu);
  L->owner = 0;
}
void leaseSteal(Lease *L, int Who) {
  L->owner = Who;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'L->owner' is written without holding 'LeaseTableMu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
}

// Guarded by its own lock, reached through the caller's object.
struct Ledger { std::mutex Mu; long Total = 0; };
struct Account { Ledger *Book; };
void post(Account *A, long V) {
  std::lock_guard<std::mutex> G(A->Book->Mu);
  A->Book->Total += V;
}
void refund(Account *A, long V) {
  std::lock_guard<std::mutex> G(A->Book->Mu);
  A->Book->Total -= V;
}
long peek(Ledger &L) {
  return L.Total;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'L.Total' is read without holding 'L.Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
}

// A client's lock held while it fills the caller's reply: not a guard of
// replies in general.
struct Reply { int Code = 0; std::string Text; };
class Channel {
public:
  bool call(Reply &R) {
    std::lock_guard<std::mutex> G(CallMu);
    R.Code = 200;
    R.Text = "ok";
    return R.Code == 200;
  }
private:
  std::mutex CallMu;
};
void rejectLocally(Reply &R) {
  R.Code = 503;
  R.Text = "busy";
}
