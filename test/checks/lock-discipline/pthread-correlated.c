// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Conditional locking keyed on a local flag stays silent; keyed on a
// global that may change in between, it is a may-hold.
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

void globalBad(void) {
  if (GlobalSync)
    pthread_mutex_lock(&Mu);
  Value++;
  if (GlobalSync)
    pthread_mutex_unlock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-5]]:5: note: 'Mu' acquired here on some paths only
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' may still be held when 'globalBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-8]]:5: note: 'Mu' acquired here

void globalCopiedGood(void) {
  bool sync = GlobalSync;
  if (sync)
    pthread_mutex_lock(&Mu);
  Value++;
  if (sync)
    pthread_mutex_unlock(&Mu);
}
