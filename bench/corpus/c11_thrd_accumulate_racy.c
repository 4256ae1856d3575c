/* C11 threads each sum a slice into one global total with a plain +=. */
#include <threads.h>

static long total;
static int data[1000];

static int sum_slice(void *arg) {
  const int *p = arg;
  for (int i = 0; i < 250; ++i)
    total += p[i]; /* RACE: racelint-nonatomic-rmw */
  return 0;
}

int main(void) {
  thrd_t t[4];
  for (int i = 0; i < 1000; ++i)
    data[i] = 1;
  for (int i = 0; i < 4; ++i)
    thrd_create(&t[i], sum_slice, data + i * 250);
  for (int i = 0; i < 4; ++i)
    thrd_join(t[i], NULL);
  return total == 1000 ? 0 : 1;
}
