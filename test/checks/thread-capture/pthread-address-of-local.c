// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c11 -pthread
// pthread_create with the address of a local: the thread's accesses go
// through its void * argument, so the spawner's writes between the spawn and
// the join are what racelint can see.
#include <pthread.h>
#include <stddef.h>
#include <string.h>

struct task {
  int input;
  int output;
};

static void *run(void *arg) {
  struct task *t = arg;
  t->output = t->input * 2;
  return NULL;
}

int spawn_bad(void) {
  struct task t = {1, 0};
  pthread_t th;
  pthread_create(&th, NULL, run, &t);
  t.input = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 't.input' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(th, NULL);
  return t.output;
}

int spawn_good(void) {
  struct task t = {1, 0};
  pthread_t th;
  t.input = 5; // before the spawn: ordered
  pthread_create(&th, NULL, run, &t);
  pthread_join(th, NULL);
  t.input = 0; // after the join: ordered
  return t.output;
}

static void *fill(void *arg) {
  int *slot = arg;
  *slot = 42;
  return NULL;
}

int counter_bad(void) {
  int n = 0;
  pthread_t th;
  pthread_create(&th, NULL, fill, &n);
  n = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(th, NULL);
  return n;
}

int counter_good(void) {
  int n = 0;
  pthread_t th;
  pthread_create(&th, NULL, fill, &n);
  pthread_join(th, NULL);
  n = n + 1;
  return n;
}

int buffer_bad(void) {
  char buf[16] = {0};
  pthread_t th;
  pthread_create(&th, NULL, fill, buf);
  buf[0] = 'x';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buf[0]' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(th, NULL);
  return buf[0];
}

/* Locked on the spawner's side only: the thread writes through the
 * pointer it was given with no lock, so the lock protects nothing. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int locked_write(void) {
  int n = 0;
  pthread_t th;
  pthread_create(&th, NULL, fill, &n);
  pthread_mutex_lock(&mu);
  n = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_mutex_unlock(&mu);
  pthread_join(th, NULL);
  return n;
}

/* Never joined: every later access may overlap the thread. */
int detached_bad(void) {
  static int never_local; /* a static is not a local: other checks' business */
  int flag = 0;
  pthread_t th;
  pthread_create(&th, NULL, fill, &flag);
  pthread_detach(th);
  flag = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flag' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  return flag + never_local;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'flag' is read while a thread that shares it by reference may still be running [racelint-thread-capture]
}
