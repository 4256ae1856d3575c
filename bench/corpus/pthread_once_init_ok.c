/* A lookup table built once with pthread_once and then only read. */
#include <pthread.h>

static int table[256];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void) {
  for (int i = 0; i < 256; ++i) {
    int c = i, bits = 0;
    while (c) {
      bits += c & 1;
      c >>= 1;
    }
    table[i] = bits;
  }
}

int popcount8(unsigned char b) {
  pthread_once(&table_once, build_table);
  return table[b];
}

static void *count_bits(void *arg) {
  unsigned char *bytes = arg;
  long n = 0;
  for (int i = 0; i < 64; ++i)
    n += popcount8(bytes[i]);
  return (void *)n;
}

int main(void) {
  unsigned char buf[2][64] = {{1, 2, 3}, {255}};
  pthread_t a, b;
  pthread_create(&a, NULL, count_bits, buf[0]);
  pthread_create(&b, NULL, count_bits, buf[1]);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
