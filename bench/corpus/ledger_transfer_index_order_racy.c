/* A ledger with one mutex per account. transfer() locks the source account
 * and then the destination, so transfers in opposite directions between
 * the same two accounts can deadlock. */
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
  pthread_mutex_lock(&acct_mu[from]);
  pthread_mutex_lock(&acct_mu[to]); /* RACE: racelint-lock-order */
  int ok = balance[from] >= amount;
  if (ok) {
    balance[from] -= amount;
    balance[to] += amount;
  }
  pthread_mutex_unlock(&acct_mu[to]);
  pthread_mutex_unlock(&acct_mu[from]);
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
