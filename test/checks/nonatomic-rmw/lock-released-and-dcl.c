// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11 -pthread
// The lock-bound patterns in C: a stale value written back after the lock
// was released and re-acquired, and double-checked initialization, with
// pthreads and C11 <threads.h>. Each defect is followed by its twin.
#include <pthread.h>
#include <stdlib.h>
#include <threads.h>

static pthread_mutex_t id_lock = PTHREAD_MUTEX_INITIALIZER;
static long next_id;
static long next_id_ok;

// Case 1: read under the lock, unlock, relock, write from the stale value.
long reserve_id(void) {
  pthread_mutex_lock(&id_lock);
  long id = next_id;
  pthread_mutex_unlock(&id_lock);
  pthread_mutex_lock(&id_lock);
  next_id = id + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'next_id' is written from a value read under 'id_lock', which was released in between; another thread can change it meanwhile [racelint-nonatomic-rmw]
  pthread_mutex_unlock(&id_lock);
  return id;
}

// Twin: one critical section.
long reserve_id_ok(void) {
  pthread_mutex_lock(&id_lock);
  long id = next_id_ok;
  next_id_ok = id + 1;
  pthread_mutex_unlock(&id_lock);
  return id;
}

// Case 2: C11 mtx_t, checked, released, acted on.
static mtx_t pool_lock;
static int free_slots = 8;
static int free_slots_ok = 8;

int grab_slot(void) {
  mtx_lock(&pool_lock);
  int avail = free_slots > 0;
  mtx_unlock(&pool_lock);
  if (avail) {
    mtx_lock(&pool_lock);
    free_slots--;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'free_slots' is written after a check made under 'pool_lock', which was released in between; another thread can change it meanwhile [racelint-nonatomic-rmw]
    mtx_unlock(&pool_lock);
    return 1;
  }
  return 0;
}

// Twin: the check repeated under the lock.
int grab_slot_ok(void) {
  int got = 0;
  mtx_lock(&pool_lock);
  if (free_slots_ok > 0) {
    free_slots_ok--;
    got = 1;
  }
  mtx_unlock(&pool_lock);
  return got;
}

// Case 3: double-checked initialization of a plain pointer.
struct table {
  int rows[64];
};
static struct table *shared_table;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

struct table *get_table(void) {
  if (!shared_table) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: double-checked initialization of 'shared_table' reads it without a lock while another thread can be writing it under 'table_lock' [racelint-nonatomic-rmw]
    pthread_mutex_lock(&table_lock);
    if (!shared_table)
      shared_table = calloc(1, sizeof(struct table));
    pthread_mutex_unlock(&table_lock);
  }
  return shared_table;
}

// Twin: pthread_once.
static struct table *once_table;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static void make_table(void) { once_table = calloc(1, sizeof(struct table)); }

struct table *get_table_once(void) {
  pthread_once(&table_once, make_table);
  return once_table;
}

// Case 4: double-checked initialization with a plain flag, C11 mutex.
static int config_loaded;
static int config_port;
static mtx_t config_lock;

int port(void) {
  if (!config_loaded) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: double-checked initialization of 'config_loaded' reads it without a lock while another thread can be writing it under 'config_lock' [racelint-nonatomic-rmw]
    mtx_lock(&config_lock);
    if (!config_loaded) {
      config_port = 8080;
      config_loaded = 1;
    }
    mtx_unlock(&config_lock);
  }
  return config_port;
}

// Twin: C11 call_once.
static int once_port;
static once_flag port_once = ONCE_FLAG_INIT;
static void load_port(void) { once_port = 8080; }

int port_once_ok(void) {
  call_once(&port_once, load_port);
  return once_port;
}

static void *worker(void *arg) {
  (void)arg;
  reserve_id();
  reserve_id_ok();
  grab_slot();
  grab_slot_ok();
  get_table();
  get_table_once();
  port();
  port_once_ok();
  return NULL;
}

int main(void) {
  mtx_init(&pool_lock, mtx_plain);
  mtx_init(&config_lock, mtx_plain);
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  return 0;
}
