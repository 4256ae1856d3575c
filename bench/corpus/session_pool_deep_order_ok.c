/* Sessions hold pooled connections. Closing a session takes the session
 * lock and, three calls down, the pool lock; the pool reaper decides under
 * the pool lock and expires the session after releasing it. */
#include <pthread.h>

static pthread_mutex_t session_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static int live_sessions = 64;
static int pooled_conns;

static void pool_put(void) {
  pthread_mutex_lock(&pool_lock);
  pooled_conns++;
  pthread_mutex_unlock(&pool_lock);
}

static void conn_release(void) { pool_put(); }

static void session_teardown(void) { conn_release(); }

void session_close(void) {
  pthread_mutex_lock(&session_lock);
  live_sessions--;
  session_teardown();
  pthread_mutex_unlock(&session_lock);
}

static void session_expire_one(void) {
  pthread_mutex_lock(&session_lock);
  if (live_sessions > 0)
    live_sessions--;
  pthread_mutex_unlock(&session_lock);
}

void pool_reap(void) {
  int expire = 0;
  pthread_mutex_lock(&pool_lock);
  if (pooled_conns > 8) {
    pooled_conns--;
    expire = 1;
  }
  pthread_mutex_unlock(&pool_lock);
  if (expire)
    session_expire_one();
}

static void *closer(void *arg) {
  (void)arg;
  for (int i = 0; i < 32; i++)
    session_close();
  return NULL;
}

static void *reaper(void *arg) {
  (void)arg;
  for (int i = 0; i < 32; i++)
    pool_reap();
  return NULL;
}

int main(void) {
  pthread_t c, r;
  pthread_create(&c, NULL, closer, NULL);
  pthread_create(&r, NULL, reaper, NULL);
  pthread_join(c, NULL);
  pthread_join(r, NULL);
  return 0;
}
