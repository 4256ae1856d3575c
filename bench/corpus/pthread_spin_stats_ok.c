/* Packet statistics protected by a spinlock on every path. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

struct netstats {
  unsigned long rx_packets;
  unsigned long rx_bytes;
  unsigned long dropped;
};

static struct netstats stats;
static pthread_spinlock_t stats_lock;

void stats_init(void) { pthread_spin_init(&stats_lock, PTHREAD_PROCESS_PRIVATE); }

void on_receive(unsigned len) {
  pthread_spin_lock(&stats_lock);
  stats.rx_packets++;
  stats.rx_bytes += len;
  pthread_spin_unlock(&stats_lock);
}

void on_drop_burst(unsigned n) {
  pthread_spin_lock(&stats_lock);
  stats.dropped += n;
  stats.rx_packets += n;
  pthread_spin_unlock(&stats_lock);
}

void stats_read(struct netstats *out) {
  pthread_spin_lock(&stats_lock);
  *out = stats;
  pthread_spin_unlock(&stats_lock);
}
