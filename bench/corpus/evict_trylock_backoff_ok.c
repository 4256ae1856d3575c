/* An object cache: lookups lock the hash table, then the object. The
 * evictor walks objects and needs the table to unlink one; it holds the
 * object, so it only tries the table lock and skips the object when the
 * table is busy (memcached's item/LRU discipline). */
#include <pthread.h>

struct object {
  pthread_mutex_t lock;
  int refs;
  int linked;
};

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct object objects[16];
static int table_size = 16;

static void *lookup(void *arg) {
  (void)arg;
  pthread_mutex_lock(&table_lock);
  struct object *o = &objects[table_size - 1];
  pthread_mutex_lock(&o->lock);
  o->refs++;
  pthread_mutex_unlock(&o->lock);
  pthread_mutex_unlock(&table_lock);
  return 0;
}

static void *evictor(void *arg) {
  (void)arg;
  for (int i = 0; i < 16; i++) {
    struct object *o = &objects[i];
    pthread_mutex_lock(&o->lock);
    if (o->refs == 0 && pthread_mutex_trylock(&table_lock) == 0) {
      o->linked = 0;
      table_size--;
      pthread_mutex_unlock(&table_lock);
    }
    pthread_mutex_unlock(&o->lock);
  }
  return 0;
}

int main(void) {
  for (int i = 0; i < 16; i++)
    pthread_mutex_init(&objects[i].lock, 0);
  pthread_t l, e;
  pthread_create(&l, 0, lookup, 0);
  pthread_create(&e, 0, evictor, 0);
  pthread_join(l, 0);
  pthread_join(e, 0);
  return 0;
}
