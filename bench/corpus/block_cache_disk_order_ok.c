/* A block cache writes dirty blocks back to disk. Both the flusher and the
 * disk error handler take the cache lock before the disk lock. */
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
    pthread_mutex_lock(&cache_lock);
    pthread_mutex_lock(&disk_lock);
    disk_errors++;
    cached_blocks = 0;
    dirty_blocks = 0;
    pthread_mutex_unlock(&disk_lock);
    pthread_mutex_unlock(&cache_lock);
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
