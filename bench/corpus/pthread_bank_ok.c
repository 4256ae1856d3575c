/* Bank accounts with one mutex each; transfer() takes both locks in a
 * fixed (address) order to avoid deadlock. */
#include <pthread.h>
#include <stdint.h>

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
  struct account *first = (uintptr_t)from < (uintptr_t)to ? from : to;
  struct account *second = first == from ? to : from;
  int rc = -1;
  pthread_mutex_lock(&first->lock);
  pthread_mutex_lock(&second->lock);
  if (from->balance >= amount) {
    from->balance -= amount;
    to->balance += amount;
    rc = 0;
  }
  pthread_mutex_unlock(&second->lock);
  pthread_mutex_unlock(&first->lock);
  return rc;
}
