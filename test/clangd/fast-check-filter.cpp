// clangd runs a clang-tidy check only if FastCheckFilter lets it through;
// racelint's checks are not on clangd's list of known-fast checks, so with
// the default (Strict) this finding is silently dropped. lock-discipline.cpp
// shows the same code reported with None and Loose.
// RUN: %clangd_lsp --fast-check-filter=unset %s %t -- -std=c++17 | count 0
// RUN: %clangd_lsp --fast-check-filter=Strict %s %t -- -std=c++17 | count 0
#include <mutex>

std::mutex Mu;
int Balance;

bool withdraw(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  Balance -= Amount;
  Mu.unlock();
  return true;
}
