// C: the C11 and POSIX headers, with stddef.h and stdatomic.h from clang's
// resource directory, parse cleanly in racelint-clangd.
// RUN: %clangd_lsp --show-resource-dir %s %t -- -std=c11 -pthread \
// RUN:   | FileCheck %s -DRESOURCE_DIR=%resource_dir \
// RUN:       --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <threads.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_size_t Hits;
static size_t Count;

static void *worker(void *Arg) {
  atomic_fetch_add(&Hits, 1);
  pthread_mutex_lock(&Mu);
  if (Count > 10)
    return NULL;
  // CHECK: std-headers.c:[[@LINE-1]]:5: warning: {{.*}} [racelint-lock-discipline]
  // CHECK-NEXT: std-headers.c:[[@LINE-4]]:3: note: {{.*}}
  ++Count;
  pthread_mutex_unlock(&Mu);
  return Arg;
}

int main(void) {
  pthread_t T;
  pthread_create(&T, NULL, worker, NULL);
  pthread_join(T, NULL);
  return 0;
}
// CHECK: resource-dir: [[RESOURCE_DIR]]{{$}}
