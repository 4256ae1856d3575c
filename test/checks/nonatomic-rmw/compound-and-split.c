// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11 -pthread
// x += n and x = x + n are read-modify-writes too, in C as in C++.
#include <pthread.h>
#include <stddef.h>

static long bytes_in;
static long bytes_out;
static long bytes_safe;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *pump(void *arg) {
  long n = (long)arg;
  bytes_in += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'bytes_in' with no lock held [racelint-nonatomic-rmw]
  bytes_out = bytes_out + n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'bytes_out' with no lock held [racelint-nonatomic-rmw]
  pthread_mutex_lock(&lock);
  bytes_safe = bytes_safe + n;
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], NULL, pump, (void *)(long)i);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], NULL);
  return (int)(bytes_in + bytes_out + bytes_safe);
}
