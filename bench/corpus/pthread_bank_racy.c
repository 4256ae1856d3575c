/* Bank accounts with one mutex each. transfer() locks only the source
 * account, so the destination balance is written under the wrong lock. */
#include <pthread.h>

struct account {
  pthread_mutex_t lock;
  long balance;
};

void account_deposit(struct account *a, long amount) {
  pthread_mutex_lock(&a->lock);
  a->balance += amount;
  pthread_mutex_unlock(&a->lock);
}

long account_balance(struct account *a) {
  pthread_mutex_lock(&a->lock);
  long b = a->balance;
  pthread_mutex_unlock(&a->lock);
  return b;
}

int account_transfer(struct account *from, struct account *to, long amount) {
  pthread_mutex_lock(&from->lock);
  if (from->balance < amount) {
    pthread_mutex_unlock(&from->lock);
    return -1;
  }
  from->balance -= amount;
  to->balance += amount; /* RACE: racelint-inconsistent-locking */
  pthread_mutex_unlock(&from->lock);
  return 0;
}
