/* Request statistics kept in C11 atomics, updated in two steps: each load
 * and store is atomic, the update is not. */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <threads.h>

static _Atomic long requests;
static atomic_long bytes;
static _Atomic bool banner_printed;

static void record(long n) {
  requests = requests + 1;                          /* RACE: racelint-nonatomic-rmw */
  atomic_store(&bytes, atomic_load(&bytes) + n);    /* RACE: racelint-nonatomic-rmw */
}

static int serve(void *arg) {
  (void)arg;
  if (!banner_printed) {
    banner_printed = true; /* RACE: racelint-nonatomic-rmw */
    puts("serving");
  }
  for (int i = 0; i < 100; i++)
    record(512);
  return 0;
}

int main(void) {
  thrd_t t[4];
  for (int i = 0; i < 4; i++)
    thrd_create(&t[i], serve, NULL);
  for (int i = 0; i < 4; i++)
    thrd_join(t[i], NULL);
  printf("%ld %ld\n", (long)requests, atomic_load(&bytes));
  return 0;
}
