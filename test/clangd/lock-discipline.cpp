// A lock-discipline finding reaches the editor with its note attached as
// relatedInformation, whether flags come from compile_commands.json or from
// compile_flags.txt, and with FastCheckFilter None or Loose.
// RUN: %clangd_lsp %s %t -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --flags-file %s %t -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --fast-check-filter=Loose %s %t -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <mutex>

std::mutex Mu;
int Balance;

bool withdraw(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  // CHECK: lock-discipline.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'withdraw' returns [racelint-lock-discipline]
  // CHECK-NEXT: lock-discipline.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  Balance -= Amount;
  Mu.unlock();
  return true;
}
