// Check options set in .clangd (Diagnostics: ClangTidy: CheckOptions), per
// check or global, reach racelint's checks: with LockFunctions and
// UnlockFunctions naming the wrappers, the early return is reported; without
// them the wrappers are opaque.
// RUN: %clangd_lsp --checks=racelint-lock-discipline \
// RUN:     --check-option=racelint-lock-discipline.LockFunctions=acquire \
// RUN:     --check-option=racelint-lock-discipline.UnlockFunctions=release \
// RUN:     %s %t -- \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --checks=racelint-lock-discipline \
// RUN:     --check-option=LockFunctions=acquire \
// RUN:     --check-option=UnlockFunctions=release %s %t -- \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --checks=racelint-lock-discipline %s %t -- | count 0

struct Lock {
  int State;
};
void acquire(Lock *L);
void release(Lock *L);

Lock Big;

int take(int A) {
  acquire(&Big);
  if (A)
    return 1;
  // CHECK: check-options.cpp:[[@LINE-1]]:5: warning: 'Big' is still held when 'take' returns [racelint-lock-discipline]
  // CHECK-NEXT: check-options.cpp:[[@LINE-4]]:3: note: 'Big' acquired here
  release(&Big);
  return 0;
}
