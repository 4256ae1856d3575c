// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// free and realloc write the whole block they are given: releasing or
// moving memory that a running thread still uses races with that thread.
// The twins release only after the join, or resize under the lock the
// readers take.
#include <pthread.h>
#include <stdlib.h>

struct upload {
  size_t sent;
  size_t total;
};

static void *push_bytes(void *arg) {
  struct upload *u = arg;
  u->sent = u->total;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'u->sent' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'u->total' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static char *scratch;          /* resized bare while a reader runs */
static char *journal;          /* resized under journal_mu */
static size_t scratch_len, journal_len;
static pthread_mutex_t journal_mu = PTHREAD_MUTEX_INITIALIZER;

static void *peek(void *unused) {
  (void)unused;
  char c = scratch[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'scratch' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: 'scratch[0]' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_mutex_lock(&journal_mu);
  char d = journal[0];
  pthread_mutex_unlock(&journal_mu);
  return (void *)(long)(c + d);
}

static void cancel_early(void) {
  struct upload *u = malloc(sizeof *u);
  u->sent = 0;
  u->total = 100;
  pthread_t t;
  pthread_create(&t, NULL, push_bytes, u);
  free(u);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*u' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(t, NULL);
}

static void cancel_after(void) {
  struct upload *u = malloc(sizeof *u);
  u->sent = 0;
  u->total = 100;
  pthread_t t;
  pthread_create(&t, NULL, push_bytes, u);
  pthread_join(t, NULL);
  free(u);
}

static void grow(void) {
  pthread_t t;
  pthread_create(&t, NULL, peek, NULL);
  scratch = realloc(scratch, scratch_len * 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'scratch' with no lock held [racelint-nonatomic-rmw]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: '*scratch' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_mutex_lock(&journal_mu);
  journal = realloc(journal, journal_len * 2);
  pthread_mutex_unlock(&journal_mu);
  pthread_join(t, NULL);
}

int main(void) {
  scratch_len = journal_len = 16;
  scratch = calloc(scratch_len, 1);
  journal = calloc(journal_len, 1);
  cancel_early();
  cancel_after();
  grow();
  return 0;
}
