/* A serial link driver: the receive thread counts framing errors under the
 * RX lock, the transmit thread counts underruns into the same error counter
 * under the TX lock. Neither lock excludes the other. */
#include <pthread.h>

static pthread_mutex_t rx_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t tx_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long link_errors;
static unsigned long rx_frames, tx_frames;

static void *rx_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; i++) {
    pthread_mutex_lock(&rx_lock);
    rx_frames++;
    if (i % 1000 == 0)
      link_errors++; /* RACE: racelint-inconsistent-locking */
    pthread_mutex_unlock(&rx_lock);
  }
  return NULL;
}

static void *tx_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; i++) {
    pthread_mutex_lock(&tx_lock);
    tx_frames++;
    if (i % 777 == 0)
      link_errors += 2; /* RACE: racelint-inconsistent-locking */
    pthread_mutex_unlock(&tx_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t rx, tx;
  pthread_create(&rx, NULL, rx_thread, NULL);
  pthread_create(&tx, NULL, tx_thread, NULL);
  pthread_join(rx, NULL);
  pthread_join(tx, NULL);
  return link_errors > 0 ? 0 : 1;
}
