// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11
// A spin wrapper (`while (pthread_mutex_trylock(m)) ;`) returns only once
// its try-lock succeeded: it is a lock function, recognised from callers
// that release what they passed without taking it. Balanced callers are
// silent; a second spin on a held lock and a return while holding it are
// reported.
#include <pthread.h>

static inline void spin_lock(pthread_mutex_t *m) {
  while (pthread_mutex_trylock(m))
    ;
}

static pthread_mutex_t ring_mu = PTHREAD_MUTEX_INITIALIZER;
static int head, tail;

void ring_push(int v) {
  spin_lock(&ring_mu);
  head += v;
  pthread_mutex_unlock(&ring_mu);
}

int ring_pop(void) {
  spin_lock(&ring_mu);
  int v = tail++;
  pthread_mutex_unlock(&ring_mu);
  return v;
}

void ring_reset(void) {
  spin_lock(&ring_mu);
  head = 0;
  spin_lock(&ring_mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ring_mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  tail = 0;
  pthread_mutex_unlock(&ring_mu);
}

int ring_peek(int empty_ok) {
  spin_lock(&ring_mu);
  if (head == tail && empty_ok)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ring_mu' is still held when 'ring_peek' returns [racelint-lock-discipline]
  int v = head;
  pthread_mutex_unlock(&ring_mu);
  return v;
}
