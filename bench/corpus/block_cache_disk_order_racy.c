/* A block cache writes dirty blocks back to disk. The flusher holds the
 * cache lock and takes the disk lock to write a block; the disk error
 * handler holds the disk lock and takes the cache lock to drop the cached
 * blocks: the two threads can deadlock. */
#include <pthread.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t disk_lock = PTHREAD_MUTEX_INITIALIZER;
static int dirty_blocks = 100, cached_blocks = 100;
static long disk_writes, disk_errors;

static void *flusher(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) {
    pthread_mutex_lock(&cache_lock);
    if (dirty_blocks > 0) {
      pthread_mutex_lock(&disk_lock);
      disk_writes++;
      dirty_blocks--;
      pthread_mutex_unlock(&disk_lock);
    }
    pthread_mutex_unlock(&cache_lock);
  }
  return NULL;
}

static void *disk_error_handler(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; i++) {
    pthread_mutex_lock(&disk_lock);
    disk_errors++;
    pthread_mutex_lock(&cache_lock); /* RACE: racelint-lock-order */
    cached_blocks = 0;
    dirty_blocks = 0;
    pthread_mutex_unlock(&cache_lock);
    pthread_mutex_unlock(&disk_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t f, e;
  pthread_create(&f, NULL, flusher, NULL);
  pthread_create(&e, NULL, disk_error_handler, NULL);
  pthread_join(f, NULL);
  pthread_join(e, NULL);
  return 0;
}
