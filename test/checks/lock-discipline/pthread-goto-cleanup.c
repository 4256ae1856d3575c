// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// The C "goto out" idiom: every path must reach the unlock.
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int *Table;

int cleanupGood(int N) {
  int Rc = 0;
  pthread_mutex_lock(&Mu);
  if (N < 0) {
    Rc = -1;
    goto out;
  }
  Table = malloc(sizeof(int) * (unsigned)N);
  if (!Table) {
    Rc = -2;
    goto out;
  }
  Table[0] = N;
out:
  pthread_mutex_unlock(&Mu);
  return Rc;
}

int skipUnlockBad(int N) {
  int Rc = 0;
  pthread_mutex_lock(&Mu);
  if (N < 0) {
    Rc = -1;
    goto fail;
  }
  Table = malloc(sizeof(int) * (unsigned)N);
  pthread_mutex_unlock(&Mu);
fail:
  return Rc;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' may still be held when 'skipUnlockBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-10]]:3: note: 'Mu' acquired here
}
