// The correctly synchronized twins of all-checks.cpp: with every racelint
// check enabled, clangd publishes no diagnostic at all.
// RUN: awk '/^## Enable the checks/ {f = 1} f && /^```yaml/ {p = 1; next} p && /^```/ {exit} p' \
// RUN:     %src_root/docs/ide.md > %t.clangd
// RUN: grep -q 'Add: \[racelint-\*\]' %t.clangd
// RUN: %clangd_lsp --clangd-file=%t.clangd %s %t -- -std=c++17 -pthread | count 0
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

std::mutex Mu;
int Balance;

bool withdraw(int Amount) {
  std::lock_guard<std::mutex> Lock(Mu);
  if (Balance < Amount)
    return false;
  Balance -= Amount;
  return true;
}

class RequestStats {
public:
  void record(int Ms) {
    std::lock_guard<std::mutex> Lock(StatsMu);
    TotalMs += Ms;
  }
  void setLast(int Ms) {
    std::lock_guard<std::mutex> Lock(StatsMu);
    LastMs = Ms;
  }
  int last() {
    std::lock_guard<std::mutex> Lock(StatsMu);
    return LastMs;
  }

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
  int get() const {
    std::lock_guard<std::mutex> Lock(AccountMu);
    return Total;
  }

private:
  mutable std::mutex AccountMu;
  int Total = 0;
};

int countGood() {
  int N = 0;
  std::thread T([&] { N++; });
  T.join();
  N++; // after the join: ordered
  return N;
}

std::atomic<long> Hits;

void handle() { Hits++; }

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back(handle);
  for (auto &T : Pool)
    T.join();
  return static_cast<int>(Hits) + countGood() + withdraw(1);
}
