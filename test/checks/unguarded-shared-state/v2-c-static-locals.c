// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Static locals in C helpers called by every worker: a static buffer that
// the helper formats into, and a static counter it advances. The twins
// lock around the static, or use the caller's buffer.
#include <pthread.h>
#include <stdio.h>

static const char *fmt_addr(unsigned ip) {
  static char text[16];
  snprintf(text, sizeof text, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255,
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*text' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
           (ip >> 8) & 255, ip & 255);
  return text;
}

static const char *fmt_addr_r(unsigned ip, char *text, size_t n) {
  snprintf(text, n, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255,
           (ip >> 8) & 255, ip & 255);
  return text;
}

static int next_slot(void) {
  static int slot;
  slot = (slot + 1) % 64;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'slot' with no lock held [racelint-nonatomic-rmw]
  return slot;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'slot' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

static int next_slot_locked(void) {
  static pthread_mutex_t slot_mu = PTHREAD_MUTEX_INITIALIZER;
  static int slot;
  pthread_mutex_lock(&slot_mu);
  slot = (slot + 1) % 64;
  int s = slot;
  pthread_mutex_unlock(&slot_mu);
  return s;
}

static void *serve(void *arg) {
  unsigned ip = (unsigned)(size_t)arg;
  char mine[16];
  const char *a = fmt_addr(ip);
  const char *b = fmt_addr_r(ip, mine, sizeof mine);
  int s = next_slot() + next_slot_locked();
  (void)a;
  return (void *)(size_t)(b[0] + s);
}

int main(void) {
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, serve, (void *)(size_t)(0x7f000001u + i));
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  return 0;
}
