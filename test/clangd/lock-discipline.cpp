// A lock-discipline finding reaches the editor at the right line and column,
// with its note attached as relatedInformation, whether the flags come from
// compile_commands.json (--compile-commands-dir) or from compile_flags.txt.
// RUN: %clangd_lsp --checks=racelint-lock-discipline %s %t -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --checks=racelint-lock-discipline --flags-from=flags-file %s %t \
// RUN:     -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// An editor that does not support relatedInformation gets the note appended
// to the message and as an information-level diagnostic of its own.
// RUN: %clangd_lsp --checks=racelint-lock-discipline --no-related-information %s %t \
// RUN:     -- -std=c++17 | FileCheck %s --check-prefix=NO-RELATED --match-full-lines
#include <mutex>

std::mutex Mu;
int Balance;

bool withdraw(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  // CHECK: lock-discipline.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'withdraw' returns [racelint-lock-discipline]
  // CHECK-NEXT: lock-discipline.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  // NO-RELATED:      lock-discipline.cpp:[[@LINE-3]]:5: warning: 'Mu' is still held when 'withdraw' returns
  // NO-RELATED-EMPTY:
  // NO-RELATED-NEXT: lock-discipline.cpp:[[@LINE-7]]:6: note: 'Mu' acquired here [racelint-lock-discipline]
  // NO-RELATED-NEXT: lock-discipline.cpp:[[@LINE-8]]:6: info: 'Mu' acquired here
  // NO-RELATED-EMPTY:
  // NO-RELATED-NEXT: lock-discipline.cpp:[[@LINE-8]]:5: warning: 'Mu' is still held when 'withdraw' returns
  // NO-RELATED-NOT: {{.}}
  Balance -= Amount;
  Mu.unlock();
  return true;
}
