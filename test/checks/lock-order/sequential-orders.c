// RUN: %check_racelint %s racelint-lock-order %t
// Both orders in code that cannot run at the same time are no deadlock:
// main() before its first thread, or one thread that takes both orders in
// turn. The same orders in two threads are.
#include <pthread.h>

static pthread_mutex_t catalog = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t journal = PTHREAD_MUTEX_INITIALIZER;
static int entries, records;

// Called from main() before any thread exists.
static void restore(void) {
  pthread_mutex_lock(&journal);
  pthread_mutex_lock(&catalog);
  entries = records;
  pthread_mutex_unlock(&catalog);
  pthread_mutex_unlock(&journal);
}

static void *writer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&catalog);
  pthread_mutex_lock(&journal);
  records++;
  pthread_mutex_unlock(&journal);
  pthread_mutex_unlock(&catalog);
  return 0;
}

// One thread alone takes both orders of these two, in turn.
static pthread_mutex_t front = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t back = PTHREAD_MUTEX_INITIALIZER;
static int f, b;
static void front_back(void) {
  pthread_mutex_lock(&front);
  pthread_mutex_lock(&back);
  b = f;
  pthread_mutex_unlock(&back);
  pthread_mutex_unlock(&front);
}
static void back_front(void) {
  pthread_mutex_lock(&back);
  pthread_mutex_lock(&front);
  f = b;
  pthread_mutex_unlock(&front);
  pthread_mutex_unlock(&back);
}
static void *compactor(void *arg) {
  (void)arg;
  front_back();
  back_front();
  return 0;
}

// Two threads, one order each: a deadlock.
static pthread_mutex_t inbox = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t outbox = PTHREAD_MUTEX_INITIALIZER;
static int in, out;
static void *sender(void *arg) {
  (void)arg;
  pthread_mutex_lock(&outbox);
  pthread_mutex_lock(&inbox);
  in = out;
  pthread_mutex_unlock(&inbox);
  pthread_mutex_unlock(&outbox);
  return 0;
}
static void *receiver(void *arg) {
  (void)arg;
  pthread_mutex_lock(&inbox);
  pthread_mutex_lock(&outbox);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outbox' is acquired while 'inbox' is held, but 'sender' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  out = in;
  pthread_mutex_unlock(&outbox);
  pthread_mutex_unlock(&inbox);
  return 0;
}

int main(void) {
  restore();
  pthread_t w, c, s, r;
  pthread_create(&w, 0, writer, 0);
  pthread_create(&c, 0, compactor, 0);
  pthread_create(&s, 0, sender, 0);
  pthread_create(&r, 0, receiver, 0);
  pthread_join(w, 0);
  pthread_join(c, 0);
  pthread_join(s, 0);
  pthread_join(r, 0);
  return 0;
}
