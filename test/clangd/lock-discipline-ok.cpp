// The correctly locked twins of lock-discipline.cpp: clangd publishes no
// diagnostic at all for them.
// RUN: %clangd_lsp %s %t -- -std=c++17 | count 0
#include <mutex>

std::mutex Mu;
int Balance;

bool withdrawUnlocked(int Amount) {
  Mu.lock();
  if (Balance < Amount) {
    Mu.unlock();
    return false;
  }
  Balance -= Amount;
  Mu.unlock();
  return true;
}

bool withdrawGuarded(int Amount) {
  std::lock_guard<std::mutex> Lock(Mu);
  if (Balance < Amount)
    return false;
  Balance -= Amount;
  return true;
}
