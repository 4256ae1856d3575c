/* A write-ahead log keeps its file header in a global. Recovery reads the
 * header from disk with fread() before it starts the checkpoint thread. */
#include <pthread.h>
#include <stdio.h>

struct wal_header {
  unsigned magic;
  unsigned version;
  unsigned long last_lsn;
};

static struct wal_header g_hdr;

static void *checkpointer(void *arg) {
  (void)arg;
  unsigned long lsn = g_hdr.last_lsn;
  printf("checkpoint up to %lu\n", lsn);
  return NULL;
}

int wal_recover(FILE *f) {
  size_t n = fread(&g_hdr, sizeof g_hdr, 1, f);
  if (n != 1 || g_hdr.magic != 0x57414c31u)
    return -1;
  pthread_t t;
  pthread_create(&t, NULL, checkpointer, NULL);
  pthread_join(t, NULL);
  return 0;
}
