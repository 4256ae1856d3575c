// RUN: %check_racelint %s racelint-lock-order %t
// Two locks of one array: an order within the array. Fine when the indices
// fix it (smaller first, or every element in a loop); a deadlock when two
// threads can take the same two elements in opposite orders.
#include <pthread.h>

#define N 16
static pthread_mutex_t slot_mu[N];
static long slot[N];

void swap_unordered(int a, int b) {
  if (a == b)
    return;
  pthread_mutex_lock(&slot_mu[a]);
  pthread_mutex_lock(&slot_mu[b]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'slot_mu[b]' is acquired while 'slot_mu[a]', another lock of the same array, is held, and nothing orders their indices; two threads locking the same two elements in opposite orders can deadlock [racelint-lock-order]
  long t = slot[a];
  slot[a] = slot[b];
  slot[b] = t;
  pthread_mutex_unlock(&slot_mu[b]);
  pthread_mutex_unlock(&slot_mu[a]);
}

// Twin: the smaller index first.
void swap_min_first(int a, int b) {
  if (a == b)
    return;
  int lo = a < b ? a : b, hi = a < b ? b : a;
  pthread_mutex_lock(&slot_mu[lo]);
  pthread_mutex_lock(&slot_mu[hi]);
  long t = slot[a];
  slot[a] = slot[b];
  slot[b] = t;
  pthread_mutex_unlock(&slot_mu[hi]);
  pthread_mutex_unlock(&slot_mu[lo]);
}

// Twin: ordered by a branch on the indices.
void move_branch(int from, int to) {
  if (from < to) {
    pthread_mutex_lock(&slot_mu[from]);
    pthread_mutex_lock(&slot_mu[to]);
  } else {
    pthread_mutex_lock(&slot_mu[to]);
    pthread_mutex_lock(&slot_mu[from]);
  }
  slot[to] += slot[from];
  slot[from] = 0;
  pthread_mutex_unlock(&slot_mu[from]);
  pthread_mutex_unlock(&slot_mu[to]);
}

// Twin: every element, in index order.
long sum_all(void) {
  long s = 0;
  for (int i = 0; i < N; i++)
    pthread_mutex_lock(&slot_mu[i]);
  for (int i = 0; i < N; i++)
    s += slot[i];
  for (int i = N - 1; i >= 0; i--)
    pthread_mutex_unlock(&slot_mu[i]);
  return s;
}

// Struct elements with their own lock, through a pointer to the table.
struct account { pthread_mutex_t mu; long balance; };
void pay(struct account *tab, int from, int to, long amount) {
  pthread_mutex_lock(&tab[from].mu);
  pthread_mutex_lock(&tab[to].mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tab[to].mu' is acquired while 'tab[from].mu', another lock of the same array, is held, and nothing orders their indices; two threads locking the same two elements in opposite orders can deadlock [racelint-lock-order]
  tab[from].balance -= amount;
  tab[to].balance += amount;
  pthread_mutex_unlock(&tab[to].mu);
  pthread_mutex_unlock(&tab[from].mu);
}
