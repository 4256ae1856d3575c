// clangd runs a clang-tidy check only if FastCheckFilter lets it through.
// racelint's checks are not on clangd's list of known-fast checks, so with
// the default (Strict) the finding is silently dropped; Loose and None let
// it through.
// RUN: %clangd_lsp --checks=racelint-lock-discipline --fast-check-filter=unset \
// RUN:     %s %t -- -std=c++17 | count 0
// RUN: %clangd_lsp --checks=racelint-lock-discipline --fast-check-filter=Strict \
// RUN:     %s %t -- -std=c++17 | count 0
// RUN: %clangd_lsp --checks=racelint-lock-discipline --fast-check-filter=Loose \
// RUN:     %s %t -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <mutex>

std::mutex Mu;
int Balance;

bool withdraw(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  // CHECK: fast-check-filter.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'withdraw' returns [racelint-lock-discipline]
  // CHECK-NEXT: fast-check-filter.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  Balance -= Amount;
  Mu.unlock();
  return true;
}
