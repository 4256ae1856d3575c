/* A serial link driver: the receive and transmit threads keep their frame
 * counts under their own locks and count errors under a shared error lock. */
#include <pthread.h>

static pthread_mutex_t rx_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t tx_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t err_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long link_errors;
static unsigned long rx_frames, tx_frames;

static void count_errors(unsigned long n) {
  pthread_mutex_lock(&err_lock);
  link_errors += n;
  pthread_mutex_unlock(&err_lock);
}

static void *rx_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; i++) {
    pthread_mutex_lock(&rx_lock);
    rx_frames++;
    pthread_mutex_unlock(&rx_lock);
    if (i % 1000 == 0)
      count_errors(1);
  }
  return NULL;
}

static void *tx_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; i++) {
    pthread_mutex_lock(&tx_lock);
    tx_frames++;
    pthread_mutex_unlock(&tx_lock);
    if (i % 777 == 0)
      count_errors(2);
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
