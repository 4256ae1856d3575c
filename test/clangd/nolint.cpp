// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/END silence racelint in clangd as
// they do in clang-tidy; the unsuppressed finding shows the check ran.
// RUN: %clangd_lsp --checks=racelint-lock-discipline %s %t -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <mutex>

std::mutex Mu;
int Balance;

bool sameLine(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false; // NOLINT(racelint-lock-discipline)
  Balance -= Amount;
  Mu.unlock();
  return true;
}

bool nextLine(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    // NOLINTNEXTLINE(racelint-*)
    return false;
  Balance -= Amount;
  Mu.unlock();
  return true;
}

// NOLINTBEGIN(racelint-lock-discipline)
bool inBlock(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  Balance -= Amount;
  Mu.unlock();
  return true;
}
// NOLINTEND(racelint-lock-discipline)

bool otherCheckNamed(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false; // NOLINT(bugprone-branch-clone)
  // CHECK: nolint.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'otherCheckNamed' returns [racelint-lock-discipline]
  // CHECK-NEXT: nolint.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  Balance -= Amount;
  Mu.unlock();
  return true;
}
