// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c11 -pthread
// A local passed to pthread_create by address is shared with the thread.
#include <pthread.h>
#include <stddef.h>

static void *consume(void *arg) {
  int *p = arg;
  return (void *)(long)*p;
}

int bad(void) {
  int value = 1;
  pthread_t t;
  pthread_create(&t, NULL, consume, &value);
  value = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'value' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  pthread_join(t, NULL);
  return value;
}

int good(void) {
  int value = 1;
  pthread_t t;
  pthread_create(&t, NULL, consume, &value);
  pthread_join(t, NULL);
  value = 2;
  return value;
}
