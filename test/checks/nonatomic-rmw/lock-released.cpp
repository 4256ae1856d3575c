// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A value read under a lock is stale once the lock is released: writing
// storage from it after re-acquiring the lock loses what other threads did
// in between. Each defect is followed by its correct twin.
#include <algorithm>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex Mu;
long Balance;
int Tickets = 10;
std::vector<std::string> Users;

void audit();

// Case 1: read into a local, unlock, relock, store a value computed from it.
void depositSlow(long N) {
  Mu.lock();
  long Old = Balance;
  Mu.unlock();
  long New = Old + N;
  Mu.lock();
  Balance = New;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Balance' is written from a value read under 'Mu', which was released in between; another thread can change it meanwhile [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-6]]:14: note: read here with 'Mu' held
  // CHECK-NOTES: :[[@LINE-6]]:6: note: 'Mu' released here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: keep 'Mu' held from the read to the write, or read 'Balance' again after re-acquiring it
  Mu.unlock();
}

// Twin: the value is re-validated after re-acquiring the lock.
void depositSlowChecked(long N) {
  Mu.lock();
  long Old = Balance;
  Mu.unlock();
  long New = Old + N;
  Mu.lock();
  if (Balance == Old)
    Balance = New;
  Mu.unlock();
}

// Case 2: checked under a unique_lock, released inside the branch, acted
// on after lock() again.
bool takeTicket() {
  std::unique_lock<std::mutex> L(Mu);
  if (Tickets > 0) {
    L.unlock();
    audit();
    L.lock();
    Tickets--;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Tickets' is written after a check made under 'Mu', which was released in between; another thread can change it meanwhile [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-6]]:7: note: checked here with 'Mu' held
    // CHECK-NOTES: :[[@LINE-6]]:7: note: 'Mu' released here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: keep 'Mu' held from the read to the write, or read 'Tickets' again after re-acquiring it
    return true;
  }
  return false;
}

// Twin: checked again once the lock is back.
bool takeTicketRechecked() {
  std::unique_lock<std::mutex> L(Mu);
  if (Tickets > 0) {
    L.unlock();
    audit();
    L.lock();
    if (Tickets > 0) {
      Tickets--;
      return true;
    }
  }
  return false;
}

// Case 3: the decision is kept in a local across two lock_guard scopes.
void addUser(const std::string &Name) {
  bool Known;
  {
    std::lock_guard<std::mutex> G(Mu);
    Known = std::find(Users.begin(), Users.end(), Name) != Users.end();
  }
  if (!Known) {
    std::lock_guard<std::mutex> G(Mu);
    Users.push_back(Name);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Users' is written after a check made under 'Mu', which was released in between; another thread can change it meanwhile [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-6]]:23: note: read here with 'Mu' held
    // CHECK-NOTES: :[[@LINE-6]]:3: note: 'Mu' released here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: keep 'Mu' held from the read to the write, or read 'Users' again after re-acquiring it
  }
}

// Twin: one critical section for the check and the insertion.
void addUserAtomically(const std::string &Name) {
  std::lock_guard<std::mutex> G(Mu);
  if (std::find(Users.begin(), Users.end(), Name) == Users.end())
    Users.push_back(Name);
}

// Case 4: a member function of a concurrent class.
class Inventory {
public:
  bool reserve(int N) {
    Mu_.lock();
    int Have = Stock_;
    Mu_.unlock();
    if (Have < N)
      return false;
    Mu_.lock();
    Stock_ = Have - N;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Stock_' is written from a value read under 'Mu_', which was released in between; another thread can change it meanwhile [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-7]]:16: note: read here with 'Mu_' held
    // CHECK-NOTES: :[[@LINE-7]]:9: note: 'Mu_' released here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: keep 'Mu_' held from the read to the write, or read 'Stock_' again after re-acquiring it
    Mu_.unlock();
    return true;
  }
  // Twin: the check and the update under one lock.
  bool reserveLocked(int N) {
    std::lock_guard<std::mutex> G(Mu_);
    if (Stock_ < N)
      return false;
    Stock_ -= N;
    return true;
  }
  void restock(int N) {
    std::lock_guard<std::mutex> G(Mu_);
    Stock_ += N;
  }

private:
  std::mutex Mu_;
  int Stock_ = 0;
};

// Twin: a value read under the lock is only used after it, never stored.
long snapshot() {
  Mu.lock();
  long B = Balance;
  Mu.unlock();
  Mu.lock();
  Balance += 0;
  Mu.unlock();
  return B;
}

Inventory Shop;

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([I] {
      depositSlow(I);
      depositSlowChecked(I);
      takeTicket();
      takeTicketRechecked();
      addUser("u");
      addUserAtomically("v");
      Shop.reserve(I);
      Shop.reserveLocked(I);
      Shop.restock(I);
      snapshot();
    });
  for (auto &T : Pool)
    T.join();
  return 0;
}

void audit() {}

// A static helper whose check and write both run under the caller's lock
// (memcached's do_lru_crawler_start under lru_crawler_lock): silent.
namespace helper_under_caller_lock {
std::mutex CrawlerMu;
int Crawlers[8];
static int doStart(int Id) {
  if (Crawlers[Id] == 0) {
    Crawlers[Id] = 1;
    return 1;
  }
  return 0;
}
int start(int Id) {
  std::lock_guard<std::mutex> G(CrawlerMu);
  return doStart(Id);
}
void stop(int Id) {
  std::lock_guard<std::mutex> G(CrawlerMu);
  Crawlers[Id] = 0;
}
void run() {
  std::thread T(start, 1);
  stop(1);
  T.join();
}
} // namespace helper_under_caller_lock
