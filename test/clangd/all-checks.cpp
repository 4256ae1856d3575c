// docs/ide.md's promise, over LSP: with the .clangd of that page, one file
// that breaks every racelint check gets one diagnostic per check, each with
// code = the check id and source = clang-tidy, and the related places (the
// notes) as relatedInformation with their locations; no note is published
// as a diagnostic of its own. (clangd starts each message with a capital
// letter.) all-checks-ok.cpp holds the silent twins.
// The project's .clangd is the first one of docs/ide.md, taken from the page.
// RUN: awk '/^## Enable the checks/ {f = 1} f && /^```yaml/ {p = 1; next} p && /^```/ {exit} p' \
// RUN:     %src_root/docs/ide.md > %t.clangd
// RUN: FileCheck %s --check-prefix=DOC --input-file=%t.clangd
// DOC: Add: [racelint-*]
// DOC: FastCheckFilter: None
// RUN: %clangd_lsp --clangd-file=%t.clangd --show-source --sorted %s %t -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <mutex>
#include <thread>
#include <vector>

std::mutex Mu;
int Balance;

bool withdraw(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  // CHECK: all-checks.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'withdraw' returns [racelint-lock-discipline] (source: clang-tidy)
  // CHECK-NEXT: all-checks.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  Balance -= Amount;
  Mu.unlock();
  return true;
}

class RequestStats {
public:
  void record(int Ms) {
    std::lock_guard<std::mutex> Lock(StatsMu);
    TotalMs += Ms;
  }
  void setLast(int Ms) { LastMs = Ms; }
  // CHECK: all-checks.cpp:[[@LINE-1]]:26: warning: 'LastMs' is written with no lock held, and nothing guards it in concurrent class 'RequestStats' [racelint-unguarded-shared-state] (source: clang-tidy)
  // CHECK-NEXT: all-checks.cpp:[[@LINE+60]]:33: note: Called from the lambda here
  // CHECK-NEXT: all-checks.cpp:[[@LINE+4]]:23: note: Conflicting read in 'RequestStats::last' with no lock held
  // CHECK: all-checks.cpp:[[@LINE+3]]:23: warning: 'LastMs' is read with no lock held, and nothing guards it in concurrent class 'RequestStats' [racelint-unguarded-shared-state] (source: clang-tidy)
  // CHECK-NEXT: all-checks.cpp:[[@LINE+58]]:39: note: Called from the lambda here
  // CHECK-NEXT: all-checks.cpp:[[@LINE-6]]:26: note: Conflicting write in 'RequestStats::setLast' with no lock held
  int last() { return LastMs; }

private:
  std::mutex StatsMu;
  long TotalMs = 0;
  int LastMs = 0;
};

class Account {
public:
  void deposit(int N) {
    std::lock_guard<std::mutex> Lock(AccountMu);
    Total += N;
  }
  bool take(int N) {
    std::lock_guard<std::mutex> Lock(AccountMu);
    if (Total < N)
      return false;
    Total -= N;
    return true;
  }
  int get() const { return Total; }
  // CHECK: all-checks.cpp:[[@LINE-1]]:28: warning: 'Total' is read without holding 'AccountMu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking] (source: clang-tidy)
  // CHECK-NEXT: all-checks.cpp:[[@LINE-11]]:5: note: 'Total' updated with 'AccountMu' held here

private:
  mutable std::mutex AccountMu;
  int Total = 0;
};

int countBad() {
  int N = 0;
  std::thread T([&] { N++; });
  N++;
  // CHECK: all-checks.cpp:[[@LINE-1]]:3: warning: 'N' is updated while a thread that shares it by reference may still be running [racelint-thread-capture] (source: clang-tidy)
  // CHECK-NEXT: all-checks.cpp:[[@LINE-3]]:23: note: The thread updates it here with no lock held
  // CHECK-NEXT: all-checks.cpp:[[@LINE-4]]:15: note: Thread started here
  T.join();
  return N;
}

long Hits;

void handle() {
  Hits++;
  // CHECK: all-checks.cpp:[[@LINE-1]]:3: warning: Non-atomic read-modify-write of shared 'Hits' with no lock held [racelint-nonatomic-rmw] (source: clang-tidy)
  // CHECK-NEXT: all-checks.cpp:[[@LINE-5]]:6: note: Declare 'Hits' std::atomic or guard it with a lock
}

RequestStats Stats;

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back(handle);
  std::thread Writer([] { Stats.setLast(1); });
  std::thread Reader([] { (void)Stats.last(); });
  for (auto &T : Pool)
    T.join();
  Writer.join();
  Reader.join();
  return static_cast<int>(Hits) + countBad() + withdraw(1);
}
