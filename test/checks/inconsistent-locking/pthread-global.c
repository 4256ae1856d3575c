// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c11 -pthread
// Worker threads update a global under its mutex; one reader forgets it.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long count;

static void *adder(void *arg) {
  (void)arg;
  pthread_mutex_lock(&count_lock);
  count += 1;
  pthread_mutex_unlock(&count_lock);
  return NULL;
}

static void *reporter(void *arg) {
  long *out = arg;
  *out = count;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'count' is read without holding 'count_lock', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  return NULL;
}

static void *safe_reporter(void *arg) {
  long *out = arg;
  pthread_mutex_lock(&count_lock);
  *out = count;
  pthread_mutex_unlock(&count_lock);
  return NULL;
}

int main(void) {
  pthread_t a, b, c;
  long seen = 0, seen2 = 0;
  pthread_create(&a, NULL, adder, NULL);
  pthread_create(&b, NULL, reporter, &seen);
  pthread_create(&c, NULL, safe_reporter, &seen2);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  return (int)(seen + seen2);
}
