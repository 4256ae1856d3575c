// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// An entry started in a loop, from two create sites, or by a helper that
// is called twice runs as several threads at once and races with itself.
// An entry started once does not, and neither does a nested thread that
// its single parent joins before touching the same data.
#include <pthread.h>
#include <stddef.h>

/* Created in a loop vs created once. */
static int open_conns;
static int listener_gen;

static void *accept_loop(void *unused) {
  (void)unused;
  open_conns++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'open_conns' with no lock held [racelint-nonatomic-rmw]
  return NULL;
}
static void *listener(void *unused) {
  (void)unused;
  listener_gen++;
  return NULL;
}

static void start_acceptors(void) {
  pthread_t acc[6];
  for (int i = 0; i < 6; ++i)
    pthread_create(&acc[i], NULL, accept_loop, NULL);
  for (int i = 0; i < 6; ++i)
    pthread_join(acc[i], NULL);
}

static void start_listener(void) {
  pthread_t l;
  pthread_create(&l, NULL, listener, NULL);
  pthread_join(l, NULL);
}

/* Two create sites for one entry vs one site each for two entries. */
static long bytes_in;
static long bytes_up, bytes_down;

static void *pump(void *unused) {
  (void)unused;
  bytes_in += 512;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'bytes_in' with no lock held [racelint-nonatomic-rmw]
  return NULL;
}
static void *pump_up(void *unused) {
  (void)unused;
  bytes_up += 512;
  return NULL;
}
static void *pump_down(void *unused) {
  (void)unused;
  bytes_down += 512;
  return NULL;
}

static void two_sites_one_entry(void) {
  pthread_t rx, tx;
  pthread_create(&rx, NULL, pump, NULL);
  pthread_create(&tx, NULL, pump, NULL);
  pthread_join(rx, NULL);
  pthread_join(tx, NULL);
}

static void one_site_each(void) {
  pthread_t rx, tx;
  pthread_create(&rx, NULL, pump_up, NULL);
  pthread_create(&tx, NULL, pump_down, NULL);
  pthread_join(rx, NULL);
  pthread_join(tx, NULL);
}

/* A helper that spawns, called twice vs called once. */
static int retries;
static int probes;

static void *retry_task(void *unused) {
  (void)unused;
  retries = retries * 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'retries' with no lock held [racelint-nonatomic-rmw]
  return NULL;
}
static void *probe_task(void *unused) {
  (void)unused;
  probes = probes * 2;
  return NULL;
}
static void spawn_retry(pthread_t *t) { pthread_create(t, NULL, retry_task, NULL); }
static void spawn_probe(pthread_t *t) { pthread_create(t, NULL, probe_task, NULL); }

static void retry_twice(void) {
  pthread_t a, b;
  spawn_retry(&a);
  spawn_retry(&b);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

static void probe_once(void) {
  pthread_t a;
  spawn_probe(&a);
  pthread_join(a, NULL);
}

/* Nested spawn: the outer entry is started in a loop, so its own
   update races even though it joins its inner helper. */
static int handled;
static int session_depth;

static void *inner_noop(void *unused) { (void)unused; return NULL; }
static void *request_handler(void *unused) {
  (void)unused;
  handled += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'handled' with no lock held [racelint-nonatomic-rmw]
  pthread_t h;
  pthread_create(&h, NULL, inner_noop, NULL);
  pthread_join(h, NULL);
  return NULL;
}
static void *depth_reader(void *unused) {
  (void)unused;
  return session_depth > 3 ? (void *)1 : NULL;
}
static void *session(void *unused) {
  (void)unused;
  session_depth += 1;
  pthread_t h;
  pthread_create(&h, NULL, depth_reader, NULL);
  pthread_join(h, NULL);
  session_depth -= 1;
  return NULL;
}

static void serve_many(void) {
  pthread_t w[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&w[i], NULL, request_handler, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(w[i], NULL);
}

static void serve_one_session(void) {
  pthread_t s;
  pthread_create(&s, NULL, session, NULL);
  pthread_join(s, NULL);
}

int main(void) {
  start_acceptors();
  start_listener();
  two_sites_one_entry();
  one_site_each();
  retry_twice();
  probe_once();
  serve_many();
  serve_one_session();
  return listener_gen + (int)(bytes_in + bytes_up + bytes_down) + retries +
         probes + session_depth;
}
