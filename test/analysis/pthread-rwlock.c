// RUN: %racelint --dump-locksets %s -- -std=c11 -pthread | FileCheck %s
// POSIX read/write locks: read mode is shared and may be taken twice; the
// status of a blocking lock decides its error branch.
#define _XOPEN_SOURCE 700
#include <pthread.h>

pthread_rwlock_t Rw;
pthread_mutex_t Mu;

void readTwice(void) {
  pthread_rwlock_rdlock(&Rw);
  pthread_rwlock_rdlock(&Rw);
  pthread_rwlock_unlock(&Rw);
  pthread_rwlock_unlock(&Rw);
}

int checked(void) {
  if (pthread_mutex_lock(&Mu) != 0)
    return -1;
  pthread_mutex_unlock(&Mu);
  return 0;
}

void trylock(void) {
  if (pthread_mutex_trylock(&Mu) == 0)
    pthread_mutex_unlock(&Mu);
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'readTwice'
// CHECK-NEXT: 11:3 acquire Rw shared -> held {Rw} maybe {}
// CHECK-NEXT: 12:3 acquire Rw shared -> held {Rw} maybe {}
// CHECK-NEXT: 13:3 release Rw -> held {Rw} maybe {}
// CHECK-NEXT: 14:3 release Rw -> held {} maybe {}
// CHECK-LABEL: function 'checked'
// CHECK-NEXT: 18:7 acquire Mu -> held {Mu} maybe {}
// CHECK-NEXT: 20:3 release Mu -> held {} maybe {}
// CHECK-LABEL: function 'trylock'
// CHECK-NEXT: 25:7 try-acquire Mu -> held {} maybe {}
// CHECK-NEXT: 26:5 release Mu -> held {} maybe {}
