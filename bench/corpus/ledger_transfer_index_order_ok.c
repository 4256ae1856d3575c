/* A ledger with one mutex per account. transfer() always locks the account
 * with the lower index first, whatever the direction of the transfer. */
#include <pthread.h>

#define NACCOUNTS 32

static pthread_mutex_t acct_mu[NACCOUNTS];
static long balance[NACCOUNTS];

void ledger_init(void) {
  for (int i = 0; i < NACCOUNTS; i++) {
    pthread_mutex_init(&acct_mu[i], NULL);
    balance[i] = 1000;
  }
}

int transfer(int from, int to, long amount) {
  if (from == to)
    return 0;
  int lo = from < to ? from : to, hi = from < to ? to : from;
  pthread_mutex_lock(&acct_mu[lo]);
  pthread_mutex_lock(&acct_mu[hi]);
  int ok = balance[from] >= amount;
  if (ok) {
    balance[from] -= amount;
    balance[to] += amount;
  }
  pthread_mutex_unlock(&acct_mu[hi]);
  pthread_mutex_unlock(&acct_mu[lo]);
  return ok;
}

static void *payer(void *arg) {
  int dir = (int)(long)arg;
  for (int i = 0; i < 1000; i++)
    transfer(dir ? 3 : 7, dir ? 7 : 3, 1);
  return NULL;
}

int main(void) {
  ledger_init();
  pthread_t a, b;
  pthread_create(&a, NULL, payer, (void *)0L);
  pthread_create(&b, NULL, payer, (void *)1L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
