// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND silence racelint's
// findings in the clang-tidy plugin and in the CLI alike; a NOLINT naming
// another check does not.
// RUN: %clang_tidy --load=%racelint_plugin --checks='-*,racelint-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: not %racelint %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <mutex>

std::mutex Mu;

void reported(bool B) {
  Mu.lock();
  if (B)
    return; // NOLINT(bugprone-branch-clone)
  // CHECK: nolint.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'reported' returns [racelint-lock-discipline]
  Mu.unlock();
}

void sameLine(bool B) {
  Mu.lock();
  if (B)
    return; // NOLINT
  Mu.unlock();
}

void sameLineNamed(bool B) {
  Mu.lock();
  if (B)
    return; // NOLINT(racelint-lock-discipline)
  Mu.unlock();
}

void sameLineGlob(bool B) {
  Mu.lock();
  if (B)
    return; // NOLINT(racelint-*)
  Mu.unlock();
}

void nextLine(bool B) {
  Mu.lock();
  if (B)
    // NOLINTNEXTLINE(racelint-lock-discipline)
    return;
  Mu.unlock();
}

// NOLINTBEGIN(racelint-lock-discipline)
void inBlock(bool B) {
  Mu.lock();
  if (B)
    return;
  Mu.unlock();
}
// NOLINTEND(racelint-lock-discipline)

void afterBlock(bool B) {
  Mu.lock();
  if (B)
    return;
  // CHECK: nolint.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'afterBlock' returns [racelint-lock-discipline]
  Mu.unlock();
}
