/* C11 threads each sum a slice and return the result through a per-thread
 * struct; the totals are combined after thrd_join. A C11 atomic counts
 * finished threads while they run. */
#include <stdatomic.h>
#include <threads.h>

struct slice {
  const int *data;
  int n;
  long sum;
};

static atomic_int finished;

static int sum_slice(void *arg) {
  struct slice *s = arg;
  long acc = 0;
  for (int i = 0; i < s->n; ++i)
    acc += s->data[i];
  s->sum = acc;
  atomic_fetch_add(&finished, 1);
  return 0;
}

int main(void) {
  static int data[1000];
  struct slice slices[4];
  thrd_t t[4];
  for (int i = 0; i < 1000; ++i)
    data[i] = 1;
  for (int i = 0; i < 4; ++i) {
    slices[i].data = data + i * 250;
    slices[i].n = 250;
    slices[i].sum = 0;
    thrd_create(&t[i], sum_slice, &slices[i]);
  }
  long total = 0;
  for (int i = 0; i < 4; ++i) {
    thrd_join(t[i], NULL);
    total += slices[i].sum;
  }
  return total == 1000 && atomic_load(&finished) == 4 ? 0 : 1;
}
