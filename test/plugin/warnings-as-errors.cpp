// clang-tidy's --warnings-as-errors turns racelint's findings into errors
// and a non-zero exit code; without it the plugin exits 0.
// RUN: %clang_tidy --load=%racelint_plugin --checks='-*,racelint-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=WARN
// RUN: not %clang_tidy --load=%racelint_plugin --checks='-*,racelint-*' \
// RUN:   --warnings-as-errors='racelint-*' %s -- -std=c++17 > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=ERROR < %t.out
// RUN: FileCheck %s --check-prefix=ERROR-COUNT < %t.err
// Another check's glob leaves racelint's findings as warnings.
// RUN: %clang_tidy --load=%racelint_plugin --checks='-*,racelint-*' \
// RUN:   --warnings-as-errors='bugprone-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=WARN
#include <mutex>

std::mutex Mu;

void leak(bool B) {
  Mu.lock();
  if (B)
    return;
  // WARN: warnings-as-errors.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'leak' returns [racelint-lock-discipline]
  // ERROR: warnings-as-errors.cpp:[[@LINE-2]]:5: error: 'Mu' is still held when 'leak' returns [racelint-lock-discipline,-warnings-as-errors]
  // ERROR-COUNT: 1 warning treated as error
  Mu.unlock();
}
