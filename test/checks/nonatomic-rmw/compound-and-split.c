// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11 -pthread
// x += n and x = x op n are read-modify-writes too, in C as in C++: on
// globals, function-local statics and fields of a struct that carries its
// own lock. Each defect is followed by its correct twin.
#include <pthread.h>
#include <stddef.h>

static long bytes_in;
static long bytes_out;
static long bytes_safe;
static unsigned long seen_mask;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

struct account {
  pthread_mutex_t mu;
  long balance;
  long fees;
  long visits;
};
static struct account acct = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0};

static void charge(struct account *a, long n) {
  // Case 1: a field no lock guards, beside one its struct's lock guards;
  // the note names that lock.
  a->fees += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: non-atomic read-modify-write of shared 'a->fees' with no lock held [racelint-nonatomic-rmw]
  pthread_mutex_lock(&a->mu);
  a->balance -= n;
  pthread_mutex_unlock(&a->mu);
}

// Twin.
static void visit(struct account *a) {
  pthread_mutex_lock(&a->mu);
  a->visits += 1;
  a->balance -= 1;
  pthread_mutex_unlock(&a->mu);
}

static long next_seq(void) {
  // Case 2: a function-local static.
  static long seq;
  return ++seq;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: non-atomic read-modify-write of shared 'seq' with no lock held [racelint-nonatomic-rmw]
}

// Twin.
static long next_seq_locked(void) {
  static long seq;
  pthread_mutex_lock(&lock);
  long s = ++seq;
  pthread_mutex_unlock(&lock);
  return s;
}

static void *pump(void *arg) {
  long n = (long)arg;
  // Case 3: +=.
  bytes_in += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'bytes_in' with no lock held [racelint-nonatomic-rmw]
  // Case 4: x = x + n.
  bytes_out = bytes_out + n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'bytes_out' with no lock held [racelint-nonatomic-rmw]
  // Case 5: |=.
  seen_mask |= 1ul << (n & 63);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'seen_mask' with no lock held [racelint-nonatomic-rmw]
  // Twin of cases 3-5.
  pthread_mutex_lock(&lock);
  bytes_safe = bytes_safe + n;
  bytes_safe -= 1;
  bytes_safe |= 1;
  pthread_mutex_unlock(&lock);
  charge(&acct, n);
  visit(&acct);
  next_seq();
  next_seq_locked();
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
