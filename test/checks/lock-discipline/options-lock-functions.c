// RUN: %check_racelint --config='{CheckOptions: {racelint-lock-discipline.LockFunctions: "lock_table", racelint-lock-discipline.UnlockFunctions: "unlock_table"}}' %s racelint-lock-discipline %t -- -std=c11 -pthread
// C wrappers named in LockFunctions/UnlockFunctions: the lock is the first
// argument; the wrappers themselves return holding (or having released).
#define _XOPEN_SOURCE 700
#include <pthread.h>

struct table {
  pthread_mutex_t mu;
  int rows;
};

void lock_table(struct table *t) { pthread_mutex_lock(&t->mu); }
void unlock_table(struct table *t) { pthread_mutex_unlock(&t->mu); }

void insertGood(struct table *t) {
  lock_table(t);
  t->rows++;
  unlock_table(t);
}

int insertBad(struct table *t, int n) {
  lock_table(t);
  if (n < 0)
    return -1;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: '*t' is still held when 'insertBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: '*t' acquired here
  t->rows += n;
  unlock_table(t);
  return 0;
}

void unlockTwiceBad(struct table *t) {
  lock_table(t);
  t->rows = 0;
  unlock_table(t);
  unlock_table(t);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: '*t' is unlocked twice [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: '*t' already released here
}
