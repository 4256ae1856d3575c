// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Checking an atomic owner slot and then storing this thread's id into it
// is a check-then-act race: two threads can both see it free and both
// claim it. The twin claims it with one compare-and-exchange.
#include <stdatomic.h>
#include <stdbool.h>

static atomic_int owner;
static atomic_int owner_ok;

bool try_claim(int self) {
  if (atomic_load(&owner) == 0) {
    atomic_store(&owner, self);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'owner': another thread can act between the check and the store [racelint-nonatomic-rmw]
    return true;
  }
  return false;
}

bool try_claim_ok(int self) {
  int expected = 0;
  return atomic_compare_exchange_strong(&owner_ok, &expected, self);
}
