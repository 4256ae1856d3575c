// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Whatever the spawner writes before pthread_create is ordered before the
// new thread, also when the create sits in a helper or behind a wrapper
// that forwards the entry function; what it writes after the create is
// not. Threads run one after the other (join, then create again) do not
// overlap.
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

/* The create inside a start helper. */
struct tuning { int batch; int linger_ms; };
static struct tuning knobs;
static int flushing;
static int draining;
static pthread_t flusher_tid, drainer_tid;

static void *flusher(void *unused) {
  (void)unused;
  while (flushing)
    if (knobs.batch > knobs.linger_ms)
      break;
  return NULL;
}
static void *drainer(void *unused) {
  (void)unused;
  while (draining)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'draining' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    ;
  return NULL;
}

static int start_flusher(void) {
  flushing = 1;
  return pthread_create(&flusher_tid, NULL, flusher, NULL);
}
static int start_drainer(void) {
  int rc = pthread_create(&drainer_tid, NULL, drainer, NULL);
  draining = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'draining' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return rc;
}

static void helper_starts(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    knobs.batch = atoi(argv[i]);
  knobs.linger_ms = 5;
  if (start_flusher() != 0)
    return;
  if (start_drainer() != 0)
    return;
  pthread_join(flusher_tid, NULL);
  pthread_join(drainer_tid, NULL);
}

/* A device set up by a probe helper that also starts its interrupt thread.
 * The probe initialises the device's mutex, so its writes before the create
 * are set-up; after it, 'mode' is written bare while the interrupt thread
 * keeps the device's fields (mode and gain) under its mutex: the bare write
 * is the deviant. */
struct sensor {
  pthread_mutex_t mu;
  int mode;
  int gain;
};

static void *sensor_irq(void *arg) {
  struct sensor *s = arg;
  pthread_mutex_lock(&s->mu);
  s->mode = 3;
  s->gain = 2;
  pthread_mutex_unlock(&s->mu);
  return NULL;
}

static void sensor_probe(struct sensor *s, pthread_t *irq) {
  pthread_mutex_init(&s->mu, NULL);
  s->gain = 1;
  pthread_create(irq, NULL, sensor_irq, s);
  s->mode = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 's->mode' is written without holding 's->mu', which guards it at 1 of 2 accesses and the other fields of its object at 1 of 1 statements [racelint-inconsistent-locking]
}

static void probe_device(void) {
  struct sensor s;
  pthread_t irq;
  sensor_probe(&s, &irq);
  pthread_join(irq, NULL);
}

/* The thread that touches the field is created after the write. */
static int volume;
static int brightness;
static void *idle_logger(void *unused) { (void)unused; return NULL; }
static void *volume_knob(void *unused) {
  (void)unused;
  volume = 11;
  return NULL;
}
static void *brightness_knob(void *unused) {
  (void)unused;
  brightness = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'brightness' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static void create_order(void) {
  pthread_t log, vk, bk;
  pthread_create(&log, NULL, idle_logger, NULL);
  volume = 3;
  pthread_create(&vk, NULL, volume_knob, NULL);
  pthread_create(&bk, NULL, brightness_knob, NULL);
  brightness = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'brightness' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(vk, NULL);
  pthread_join(bk, NULL);
  pthread_join(log, NULL);
}

/* One handle reused for two runs. */
static int checksum;
static int digest;
static void *hash_pass(void *unused) {
  (void)unused;
  checksum = 42;
  return NULL;
}
static void *digest_pass(void *unused) {
  (void)unused;
  digest = 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'digest' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static void runs_in_sequence(void) {
  pthread_t t;
  pthread_create(&t, NULL, hash_pass, NULL);
  pthread_join(t, NULL);
  checksum = 0;
  pthread_create(&t, NULL, hash_pass, NULL);
  pthread_join(t, NULL);
}

static void runs_overlapping(void) {
  pthread_t t, u;
  pthread_create(&t, NULL, digest_pass, NULL);
  pthread_create(&u, NULL, digest_pass, NULL);
  pthread_join(t, NULL);
  pthread_join(u, NULL);
}

/* A spawn wrapper that passes the entry on to pthread_create. */
static pthread_mutex_t tally_mu = PTHREAD_MUTEX_INITIALIZER;
static long tally;
static long spare;

static int launch(pthread_t *t, void *(*entry)(void *), void *arg) {
  return pthread_create(t, NULL, entry, arg);
}
static void *add_tally(void *unused) {
  (void)unused;
  pthread_mutex_lock(&tally_mu);
  tally += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tally' is updated under 'tally_mu', but 'wrapper_joined' writes it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&tally_mu);
  return NULL;
}
static void *add_spare(void *unused) {
  (void)unused;
  pthread_mutex_lock(&tally_mu);
  spare += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spare' is updated under 'tally_mu', but 'wrapper_not_yet_joined' writes it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&tally_mu);
  return NULL;
}

static void wrapper_joined(void) {
  pthread_t a, b;
  launch(&a, add_tally, NULL);
  launch(&b, add_tally, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  tally = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tally' is written with no lock held, but 'add_tally' updates it holding 'tally_mu' [racelint-inconsistent-locking]
}

static void wrapper_not_yet_joined(void) {
  pthread_t a, b;
  launch(&a, add_spare, NULL);
  launch(&b, add_spare, NULL);
  spare = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spare' is written with no lock held, but 'add_spare' updates it holding 'tally_mu' [racelint-inconsistent-locking]
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

int main(int argc, char **argv) {
  helper_starts(argc, argv);
  probe_device();
  create_order();
  runs_in_sequence();
  runs_overlapping();
  wrapper_joined();
  wrapper_not_yet_joined();
  return volume + brightness + checksum + digest + (int)(tally + spare);
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: 'tally' is read with no lock held, but 'add_tally' updates it holding 'tally_mu' [racelint-inconsistent-locking]
  // CHECK-MESSAGES: :[[@LINE-2]]:66: warning: 'spare' is read with no lock held, but 'add_spare' updates it holding 'tally_mu' [racelint-inconsistent-locking]
}
