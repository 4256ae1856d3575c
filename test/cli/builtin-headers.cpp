// The standalone racelint finds clang's builtin headers (stddef.h,
// stdatomic.h, stdarg.h, ...) in the pinned clang's resource directory: this
// file compiles cleanly as C++ and as C, nothing is reported, exit code 0.
// RUN: %racelint --quiet %s -- -std=c++17 2>&1 | count 0
// RUN: %racelint --quiet %s -- -std=c++20 -pthread 2>&1 | count 0
// RUN: %racelint --quiet %s -- -x c -std=c11 -pthread 2>&1 | count 0
// The include search path shows which builtin headers were used.
// RUN: %racelint --quiet %s -- -std=c++17 -v 2>&1 \
// RUN:   | FileCheck %s -DRESOURCE_DIR=%resource_dir
// CHECK: #include <...> search starts here:
// CHECK: {{^}} [[RESOURCE_DIR]]/include{{$}}
// CHECK: End of search list.
#ifdef __cplusplus
#include <atomic>
#include <cstddef>
#include <mutex>
#include <thread>
#endif
#include <limits.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct Pair {
  int First;
  long Second;
};

#ifdef __cplusplus
static_assert(offsetof(Pair, Second) >= sizeof(int), "stddef.h offsetof");
std::atomic<std::size_t> Hits;
std::mutex Mu;
#else
_Static_assert(offsetof(struct Pair, Second) >= sizeof(int), "offsetof");
static atomic_size_t Hits;
#endif

int sum(int N, ...) {
  va_list Args;
  va_start(Args, N);
  int Total = 0;
  for (int I = 0; I < N; ++I)
    Total += va_arg(Args, int);
  va_end(Args);
  return Total;
}

bool bump(void) {
  size_t Max = SIZE_MAX;
  max_align_t Aligned;
  (void)Aligned;
#ifdef __cplusplus
  std::lock_guard<std::mutex> Lock(Mu);
  return Hits.fetch_add(1) < Max;
#else
  return atomic_fetch_add(&Hits, 1) < Max;
#endif
}
