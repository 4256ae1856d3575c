/* A lookup table built lazily behind a plain "initialised" flag checked
 * by every caller thread. */
#include <pthread.h>

static int table[256];
static int table_ready;

static void build_table(void) {
  for (int i = 0; i < 256; ++i)
    table[i] = (i * 31) & 0xff; /* RACE: racelint-unguarded-shared-state */
}

int lookup(unsigned char b) {
  if (!table_ready) { /* RACE: racelint-unguarded-shared-state */
    build_table();
    table_ready = 1; /* RACE: racelint-nonatomic-rmw */
  }
  return table[b]; /* RACE: racelint-unguarded-shared-state */
}

static void *worker(void *arg) {
  unsigned char *bytes = arg;
  long n = 0;
  for (int i = 0; i < 64; ++i)
    n += lookup(bytes[i]);
  return (void *)n;
}

int main(void) {
  unsigned char buf[2][64] = {{1, 2, 3}, {255}};
  pthread_t a, b;
  pthread_create(&a, NULL, worker, buf[0]);
  pthread_create(&b, NULL, worker, buf[1]);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
