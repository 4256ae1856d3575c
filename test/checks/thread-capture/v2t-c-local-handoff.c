// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c11 -pthread
// Locals passed by address to pthread_create / thrd_create: the spawner may
// touch them before the create and after the join of that thread, not in
// between; joining another thread does not help; threads run one after
// the other do not overlap.
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <stddef.h>
#include <threads.h>

static void *fill(void *arg) {
  int *v = arg;
  *v = 7;
  return NULL;
}
static void *idle(void *arg) { (void)arg; return NULL; }
static int fill_c11(void *arg) {
  int *v = arg;
  *v = 9;
  return 0;
}

int before_and_after(void) {
  int frames = 1, bytes = 1;
  pthread_t t, u;
  frames = 2;
  pthread_create(&t, NULL, fill, &frames);
  pthread_join(t, NULL);
  frames += 1;
  pthread_create(&u, NULL, fill, &bytes);
  bytes += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'bytes' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(u, NULL);
  return frames + bytes;
}

int wrong_handle(void) {
  int kept = 0, lost = 0;
  pthread_t a, b, c, d;
  pthread_create(&a, NULL, idle, NULL);
  pthread_create(&b, NULL, fill, &kept);
  pthread_join(b, NULL);
  kept += 1;
  pthread_create(&c, NULL, fill, &lost);
  pthread_create(&d, NULL, idle, NULL);
  pthread_join(d, NULL);
  lost += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lost' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(c, NULL);
  pthread_join(a, NULL);
  return kept + lost;
}

int c11_threads(void) {
  int early = 0, late = 0;
  thrd_t t, u;
  thrd_create(&t, fill_c11, &early);
  thrd_join(t, NULL);
  early += 1;
  thrd_create(&u, fill_c11, &late);
  late += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'late' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  thrd_join(u, NULL);
  return early + late;
}

int sequential(void) {
  int acc = 0, par = 0;
  pthread_t t, u;
  pthread_create(&t, NULL, fill, &acc);
  pthread_join(t, NULL);
  acc += 1;
  pthread_create(&t, NULL, fill, &acc);
  pthread_join(t, NULL);
  pthread_create(&t, NULL, fill, &par);
  pthread_create(&u, NULL, fill, &par);
  pthread_join(t, NULL);
  par += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'par' is updated while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(u, NULL);
  return acc + par;
}
