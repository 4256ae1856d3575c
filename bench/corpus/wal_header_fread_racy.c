/* A write-ahead log keeps its file header in a global. The checkpoint thread
 * reads the header fields while recovery re-reads the header from disk
 * straight into the global with fread(). */
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
  unsigned long lsn = g_hdr.last_lsn; /* RACE: racelint-unguarded-shared-state */
  printf("checkpoint up to %lu\n", lsn);
  return NULL;
}

int wal_recover(FILE *f) {
  pthread_t t;
  pthread_create(&t, NULL, checkpointer, NULL);
  size_t n = fread(&g_hdr, sizeof g_hdr, 1, f); /* RACE: racelint-unguarded-shared-state */
  pthread_join(t, NULL);
  return n == 1 && g_hdr.magic == 0x57414c31u ? 0 : -1;
}
