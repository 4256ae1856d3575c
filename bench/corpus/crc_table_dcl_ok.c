/* A CRC table built on first use through pthread_once. */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_build(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}

static uint32_t crc32(const unsigned char *p, size_t n) {
  pthread_once(&crc_once, crc_build);
  uint32_t c = 0xFFFFFFFFu;
  while (n--)
    c = crc_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

static void *hash_worker(void *arg) {
  const char *s = arg;
  volatile uint32_t h = crc32((const unsigned char *)s, 5);
  (void)h;
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, hash_worker, "hello");
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  return 0;
}
