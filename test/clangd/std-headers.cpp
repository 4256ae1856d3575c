// With the standard headers users compile with, clangd reports nothing from
// them: racelint-clangd passes the pinned clang's resource directory, whose
// builtin headers (stddef.h, stdatomic.h) match the front end. The one
// finding shows the file was analysed.
// RUN: %clangd_lsp --show-resource-dir %s %t -- -std=c++17 \
// RUN:   | FileCheck %s -DRESOURCE_DIR=%resource_dir \
// RUN:       --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp %s %t -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=CHECK-DIAG \
// RUN:       --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <shared_mutex>
#include <stdatomic.h>
#include <stddef.h>
#include <thread>

std::mutex Mu;
std::atomic<size_t> Hits;
std::size_t Count;

void worker() {
  Hits.fetch_add(1);
  Mu.lock();
  if (Count > 10)
    return;
  // CHECK: std-headers.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'worker' returns [racelint-lock-discipline]
  // CHECK-NEXT: std-headers.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  // CHECK-DIAG: std-headers.cpp:[[@LINE-3]]:5: warning: 'Mu' is still held when 'worker' returns [racelint-lock-discipline]
  // CHECK-DIAG-NEXT: std-headers.cpp:[[@LINE-6]]:6: note: 'Mu' acquired here
  ++Count;
  Mu.unlock();
}

int main() {
  std::thread T(worker);
  T.join();
  return 0;
}
// CHECK: resource-dir: [[RESOURCE_DIR]]{{$}}
