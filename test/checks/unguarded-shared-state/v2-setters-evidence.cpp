// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Evidence of concurrency. A class that owns a mutex for one field does not
// make its configuration setters racy: with no thread started on the object
// and no lock ever taken around them, nothing says two calls overlap.
// Copying settings from *another* object is not a read-modify-write of this
// one. The same setters become races once the class starts a thread on
// itself that reads what they write.
#include <memory>
#include <mutex>
#include <string>
#include <thread>

class Downloader {
public:
  explicit Downloader(std::string U) : Url(std::move(U)) {}
  void setLimit(int L) { Limit = L; }
  void setAgent(const std::string &A) { Agent = A; }
  void addRetries(int N) { Retries = Retries + N; }
  std::unique_ptr<Downloader> mirror(const std::string &U) const {
    auto D = std::make_unique<Downloader>(U);
    D->inheritFrom(*this);
    return D;
  }
  void open() {
    std::lock_guard<std::mutex> G(SockMu);
    ++Sockets;
  }
  void close() {
    std::lock_guard<std::mutex> G(SockMu);
    --Sockets;
  }
  int limit() const { return Limit; }

private:
  void inheritFrom(const Downloader &O) {
    Limit = O.Limit;
    Agent = O.Agent;
    Retries = O.Retries;
  }
  std::mutex SockMu;
  int Sockets = 0;
  std::string Url, Agent;
  int Limit = 4, Retries = 0;
};

class Poller {
public:
  void start() {
    Worker = std::thread([this] { loop(); });
  }
  void stop() {
    Worker.join();
  }
  void setInterval(int Ms) { IntervalMs = Ms; }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'IntervalMs' is written with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
  void setLabel(const std::string &L) { Label = L; }
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'Label' is written with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
  void addSkips(int N) { Skips = Skips + N; }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: non-atomic read-modify-write of 'Skips', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
  void adopt(const Poller &O) { IntervalMs = O.IntervalMs; }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'IntervalMs' is written with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]

  void setBudget(int B) {
    std::lock_guard<std::mutex> G(Mu);
    Budget = B;
  }
  void setTag(const std::string &T) {
    std::lock_guard<std::mutex> G(Mu);
    Tag = T;
  }
  void addSpins(int N) {
    std::lock_guard<std::mutex> G(Mu);
    Spins = Spins + N;
  }

private:
  void loop() {
    for (int I = 0; I < IntervalMs; ++I) {
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'IntervalMs' is read with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
      poke(Label);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: '{{S|Label}}' is read with no lock held, and nothing guards it in concurrent class 'Poller' [racelint-unguarded-shared-state]
      Skips++;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: non-atomic read-modify-write of 'Skips', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
      std::lock_guard<std::mutex> G(Mu);
      if (Budget-- <= 0)
        break;
      poke(Tag);
      Spins++;
    }
  }
  static size_t poke(const std::string &S) { return S.size(); }
  std::mutex Mu;
  std::thread Worker;
  int IntervalMs = 10, Budget = 100, Skips = 0, Spins = 0;
  std::string Label, Tag;
};

int main() {
  Downloader D("https://example.invalid/a");
  D.setLimit(8);
  D.setAgent("racelint");
  D.addRetries(2);
  auto M = D.mirror("https://example.invalid/b");
  M->setLimit(2);

  Poller Base, P;
  P.setInterval(50);
  P.setLabel("before");
  P.start();
  P.setInterval(20);
  P.setLabel("during");
  P.addSkips(1);
  P.adopt(Base);
  P.setBudget(5);
  P.setTag("during");
  P.addSpins(1);
  P.stop();
  return D.limit() + M->limit();
}
