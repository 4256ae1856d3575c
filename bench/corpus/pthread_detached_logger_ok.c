/* A detached logger thread waits on a condition variable for messages the
 * main thread posts under the mutex. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char message[128];
static unsigned seq, printed;
static pthread_mutex_t msg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t msg_cond = PTHREAD_COND_INITIALIZER;

static void *logger(void *arg) {
  char copy[128];
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&msg_lock);
    while (printed == seq)
      pthread_cond_wait(&msg_cond, &msg_lock);
    memcpy(copy, message, sizeof copy);
    printed = seq;
    pthread_mutex_unlock(&msg_lock);
    puts(copy);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, logger, NULL);
  pthread_detach(t);
  for (int i = 0; i < 3; ++i) {
    pthread_mutex_lock(&msg_lock);
    snprintf(message, sizeof message, "event %d", i);
    seq++;
    pthread_cond_signal(&msg_cond);
    pthread_mutex_unlock(&msg_lock);
  }
  return 0;
}
