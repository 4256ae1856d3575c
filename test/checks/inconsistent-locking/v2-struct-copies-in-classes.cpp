// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Inside a class, returning or assigning a whole struct member reads or
// writes every one of its fields, and memcpy into a member buffer writes
// it: each is an access of storage the class's mutex guards field by field
// elsewhere. The twins copy under the mutex.
#include <cstring>
#include <mutex>
#include <shared_mutex>

struct Limits {
  int MaxConns = 0;
  int MaxBody = 0;
};

class Gateway {
public:
  void setMaxConns(int N) {
    std::unique_lock<std::shared_mutex> L(Mu);
    Active.MaxConns = N;
    Staged.MaxConns = N;
  }
  void setMaxBody(int N) {
    std::unique_lock<std::shared_mutex> L(Mu);
    Active.MaxBody = N;
    Staged.MaxBody = N;
  }
  int maxConns() const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Active.MaxConns + Staged.MaxConns;
  }
  int maxBody() const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Active.MaxBody + Staged.MaxBody;
  }
  void tighten() {
    std::unique_lock<std::shared_mutex> L(Mu);
    Active.MaxConns /= 2;
    Active.MaxBody /= 2;
    Staged.MaxConns /= 2;
    Staged.MaxBody /= 2;
  }
  void clearBanner() {
    std::unique_lock<std::shared_mutex> L(Mu);
    Banner[0] = 0;
    Footer[0] = 0;
  }
  void setBanner(const char *B) {
    std::unique_lock<std::shared_mutex> L(Mu);
    std::strncpy(Banner, B, sizeof Banner - 1);
    std::strncpy(Footer, B, sizeof Footer - 1);
  }
  char firstBannerChar() const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Banner[0] + Footer[0];
  }

  Limits snapshot() const { return Active; }
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'Active' is read without holding 'Mu', which guards it at 6 of 8 accesses [racelint-inconsistent-locking]
  void restore(const Limits &L) { Active = L; }
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Active' is written without holding 'Mu', which guards it at 6 of 8 accesses [racelint-inconsistent-locking]
  void loadBanner(const char (&Src)[32]) { std::memcpy(Banner, Src, sizeof Banner); }
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: '*Banner' is written without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]

  Limits snapshotOk() const {
    std::shared_lock<std::shared_mutex> L(Mu);
    return Staged;
  }
  void restoreOk(const Limits &Lim) {
    std::unique_lock<std::shared_mutex> L(Mu);
    Staged = Lim;
  }
  void loadFooterOk(const char (&Src)[32]) {
    std::unique_lock<std::shared_mutex> L(Mu);
    std::memcpy(Footer, Src, sizeof Footer);
  }

private:
  mutable std::shared_mutex Mu;
  Limits Active, Staged;
  char Banner[32] = {};
  char Footer[32] = {};
};
