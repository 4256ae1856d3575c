/* A ledger with C11 threads: posting takes the journal, then the balance
 * table; the nightly audit takes the balance table, then the journal. */
#include <threads.h>

static mtx_t journal_mtx;
static mtx_t balances_mtx;
static long journal_len;
static long total_balance;

static int poster(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; i++) {
    mtx_lock(&journal_mtx);
    journal_len++;
    mtx_lock(&balances_mtx);
    total_balance += 10;
    mtx_unlock(&balances_mtx);
    mtx_unlock(&journal_mtx);
  }
  return 0;
}

static int auditor(void *arg) {
  (void)arg;
  mtx_lock(&balances_mtx);
  long snapshot = total_balance;
  mtx_lock(&journal_mtx); /* RACE: racelint-lock-order */
  journal_len += snapshot > 0;
  mtx_unlock(&journal_mtx);
  mtx_unlock(&balances_mtx);
  return 0;
}

int main(void) {
  mtx_init(&journal_mtx, mtx_plain);
  mtx_init(&balances_mtx, mtx_plain);
  thrd_t a, b;
  thrd_create(&a, poster, 0);
  thrd_create(&b, auditor, 0);
  thrd_join(a, 0);
  thrd_join(b, 0);
  return 0;
}
