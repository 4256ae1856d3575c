/* Packet statistics protected by a spinlock in the receive path; the
 * drop path forgets to take it. */
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

void on_drop(void) {
  pthread_spin_lock(&stats_lock);
  stats.dropped++;
  pthread_spin_unlock(&stats_lock);
}

void on_drop_burst(unsigned n) {
  stats.dropped += n; /* RACE: racelint-inconsistent-locking */
  stats.rx_packets += n; /* RACE: racelint-inconsistent-locking */
}
