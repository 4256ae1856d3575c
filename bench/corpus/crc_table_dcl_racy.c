/* A CRC table built on first use, double-checked with a plain int flag:
 * the unlocked check can see the flag set before the table's entries. */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

static uint32_t crc_table[256];
static int crc_ready;
static pthread_mutex_t crc_lock = PTHREAD_MUTEX_INITIALIZER;

static void crc_init(void) {
  if (!crc_ready) { /* RACE: racelint-nonatomic-rmw */
    pthread_mutex_lock(&crc_lock);
    if (!crc_ready) {
      for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
          c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
      }
      crc_ready = 1;
    }
    pthread_mutex_unlock(&crc_lock);
  }
}

static uint32_t crc32(const unsigned char *p, size_t n) {
  crc_init();
  uint32_t c = 0xFFFFFFFFu;
  while (n--)
    c = crc_table[(c ^ *p++) & 0xFF] ^ (c >> 8); /* RACE: racelint-inconsistent-locking */
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
