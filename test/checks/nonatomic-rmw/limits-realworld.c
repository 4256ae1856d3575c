// RUN: %check_racelint %s racelint-nonatomic-rmw,racelint-inconsistent-locking %t -- -std=c11 -pthread
// A former false positive, reduced from memcached (bench/REALWORLD.md): it
// stays silent now, and this test keeps it so.
#include <pthread.h>
#include <stddef.h>

struct thread_stats {
  pthread_mutex_t mutex;
  unsigned long get_cmds;
};

struct worker {
  pthread_t id;
  struct thread_stats stats;
};

static struct worker workers[4];

// An out-parameter that, in the caller (another file), points to a local.
// What `out` points to is known only by its type, and nothing else in the
// TU touches such an object without a lock: no evidence of a race. The
// element lock `workers[i].stats.mutex` is named per element, so the read
// of `workers[i].stats.get_cmds` holds its own lock.
void stats_aggregate(struct thread_stats *out) {
  for (int i = 0; i < 4; ++i) {
    pthread_mutex_lock(&workers[i].stats.mutex);
    out->get_cmds += workers[i].stats.get_cmds;
    pthread_mutex_unlock(&workers[i].stats.mutex);
  }
}

// The same with the caller in view: a local is not shared, silent.
static unsigned long total_gets(void) {
  struct thread_stats sum = {0};
  for (int i = 0; i < 4; ++i) {
    pthread_mutex_lock(&workers[i].stats.mutex);
    sum.get_cmds += workers[i].stats.get_cmds;
    pthread_mutex_unlock(&workers[i].stats.mutex);
  }
  return sum.get_cmds;
}

static void *worker_main(void *arg) {
  struct worker *me = arg;
  pthread_mutex_lock(&me->stats.mutex);
  me->stats.get_cmds++;
  pthread_mutex_unlock(&me->stats.mutex);
  return NULL;
}

int start(void) {
  for (int i = 0; i < 4; ++i)
    pthread_create(&workers[i].id, NULL, worker_main, &workers[i]);
  return (int)total_gets();
}
