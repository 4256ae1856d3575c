// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Indirect calls reach every function the TU stores into the pointer
// (`on_event = handler`, a table field, a callback argument), so what
// those handlers touch is touched by the thread that calls through it.
// Helpers that never return (_Noreturn, or always exit) end the path:
// code after them in the spawner is unreachable.
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

/* A global function pointer assigned before the spawn. */
static int error_count;
static int warn_count;
static void count_error(void) {
  error_count++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'error_count' with no lock held [racelint-nonatomic-rmw]
}
static void count_warn(void) { warn_count++; }
static void ignore_event(void) {}
static void (*on_event)(void) = ignore_event;
static void (*on_warn)(void) = ignore_event;

static void *event_listener(void *unused) {
  (void)unused;
  on_event();
  return NULL;
}
static void *warn_listener(void *unused) {
  (void)unused;
  on_warn();
  return NULL;
}

static void reset_while_listening(void) {
  on_event = count_error;
  pthread_t t;
  pthread_create(&t, NULL, event_listener, NULL);
  error_count = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'error_count' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(t, NULL);
}

static void reset_after_listening(void) {
  on_warn = count_warn;
  pthread_t t;
  pthread_create(&t, NULL, warn_listener, NULL);
  pthread_join(t, NULL);
  warn_count = 0;
}

/* A table of operations filled in at run time. */
struct sink_ops {
  void (*flush)(void);
};
static struct sink_ops disk_ops, net_ops;
static long disk_flushed;
static long net_flushed;
static void disk_flush(void) {
  disk_flushed = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'disk_flushed' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}
static void net_flush(void) { net_flushed = 1; }

static void *flusher(void *arg) {
  struct sink_ops *ops = arg;
  ops->flush();
  return NULL;
}

static void flush_racing_stats(void) {
  disk_ops.flush = disk_flush;
  pthread_t t;
  pthread_create(&t, NULL, flusher, &disk_ops);
  if (disk_flushed)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'disk_flushed' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    disk_flushed = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on 'disk_flushed' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
  pthread_join(t, NULL);
}

static void flush_then_stats(void) {
  net_ops.flush = net_flush;
  pthread_t t;
  pthread_create(&t, NULL, flusher, &net_ops);
  pthread_join(t, NULL);
  if (net_flushed)
    net_flushed = 0;
}

/* Helpers that never return end the path. */
static int degraded;
static int offline;
_Noreturn static void die(const char *why) {
  (void)why;
  abort();
}
static void quit_now(int code) { exit(code); }
static void log_only(const char *why) { (void)why; }

static void *health_probe(void *unused) {
  (void)unused;
  degraded = 1;
  offline = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'offline' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static void probe_or_die(int bad) {
  pthread_t t;
  pthread_create(&t, NULL, health_probe, NULL);
  if (bad) {
    die("probe");
    degraded = 0;
  }
  if (bad > 1) {
    quit_now(2);
    degraded = 2;
  }
  if (bad > 2) {
    log_only("probe");
    offline = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'offline' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  }
  pthread_join(t, NULL);
}

int main(int argc, char **argv) {
  (void)argv;
  reset_while_listening();
  reset_after_listening();
  flush_racing_stats();
  flush_then_stats();
  probe_or_die(argc);
  return warn_count + (int)net_flushed + degraded + offline;
}
