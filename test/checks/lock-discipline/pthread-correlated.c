// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Conditional locking keyed on a local flag, or on a global or field the
// function never writes, stays silent; keyed on a flag that changes in
// between (written here, or volatile), it is a may-hold.
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int Value;
static bool GlobalSync;

void paramGood(bool sync) {
  if (sync)
    pthread_mutex_lock(&Mu);
  Value++;
  if (sync)
    pthread_mutex_unlock(&Mu);
}

void flagGood(int n) {
  int locked = 0;
  if (n > 3) {
    pthread_mutex_lock(&Mu);
    locked = 1;
  }
  Value += n;
  if (locked)
    pthread_mutex_unlock(&Mu);
}

// A configuration flag the function never writes has the same value at
// both tests: taking and releasing the lock under it is consistent.
void globalFlagGood(void) {
  if (GlobalSync)
    pthread_mutex_lock(&Mu);
  Value++;
  if (GlobalSync)
    pthread_mutex_unlock(&Mu);
}

// The function itself changes the flag between the tests.
void globalChangedBad(void) {
  if (GlobalSync)
    pthread_mutex_lock(&Mu);
  Value++;
  GlobalSync = false;
  if (GlobalSync)
    pthread_mutex_unlock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'Mu' acquired here on some paths only
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' may still be held when 'globalChangedBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-9]]:5: note: 'Mu' acquired here

// A volatile flag may change at any time.
static volatile int VolatileSync;
void volatileFlagBad(void) {
  if (VolatileSync)
    pthread_mutex_lock(&Mu);
  Value++;
  if (VolatileSync)
    pthread_mutex_unlock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-5]]:5: note: 'Mu' acquired here on some paths only
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' may still be held when 'volatileFlagBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-8]]:5: note: 'Mu' acquired here

// A field of a configuration struct, tested twice, never written here.
struct options { int threaded; pthread_mutex_t lock; int live; };
void fieldFlagGood(struct options *o) {
  if (o->threaded)
    pthread_mutex_lock(&o->lock);
  o->live--;
  if (o->threaded)
    pthread_mutex_unlock(&o->lock);
}

void globalCopiedGood(void) {
  bool sync = GlobalSync;
  if (sync)
    pthread_mutex_lock(&Mu);
  Value++;
  if (sync)
    pthread_mutex_unlock(&Mu);
}
