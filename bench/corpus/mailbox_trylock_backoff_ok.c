/* Two mailboxes exchange messages. send() locks the sender's box and then
 * the receiver's. The bounce path goes the other way round, but it only
 * try-locks the second box and backs off (releasing the first) when the
 * try fails, so it never blocks while holding a lock. */
#include <pthread.h>
#include <sched.h>

struct mailbox {
  pthread_mutex_t mu;
  int queued;
};

static struct mailbox inbox = {PTHREAD_MUTEX_INITIALIZER, 0};
static struct mailbox outbox = {PTHREAD_MUTEX_INITIALIZER, 0};

static void send_one(void) {
  pthread_mutex_lock(&outbox.mu);
  pthread_mutex_lock(&inbox.mu);
  outbox.queued--;
  inbox.queued++;
  pthread_mutex_unlock(&inbox.mu);
  pthread_mutex_unlock(&outbox.mu);
}

static void bounce_one(void) {
  for (;;) {
    pthread_mutex_lock(&inbox.mu);
    if (pthread_mutex_trylock(&outbox.mu) == 0)
      break;
    pthread_mutex_unlock(&inbox.mu);
    sched_yield();
  }
  inbox.queued--;
  outbox.queued++;
  pthread_mutex_unlock(&outbox.mu);
  pthread_mutex_unlock(&inbox.mu);
}

static void *sender(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    send_one();
  return NULL;
}

int main(void) {
  pthread_t s;
  pthread_create(&s, NULL, sender, NULL);
  for (int i = 0; i < 100; i++)
    bounce_one();
  pthread_join(s, NULL);
  return 0;
}
