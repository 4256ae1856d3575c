// RUN: %check_racelint %s racelint-inconsistent-locking %t
// A lock says something about the object it belongs to (or an object that
// contains the storage), not about every object reachable from it. A
// request's field read while its connection's worker's statistics lock
// happens to be held is not guarded by that lock, and a bare write of it
// elsewhere is no inconsistency. The request's own lock is.
#include <pthread.h>

struct stats { pthread_mutex_t mutex; long misses; long badcrcs; };
struct worker { struct stats stats; };
struct conn { struct worker *thread; };
struct pending { struct conn *c; int badcrc; int done; pthread_mutex_t mu; };

void pending_read_done(struct pending *p) { p->badcrc = 1; }
void pending_return(struct pending *p) {
  pthread_mutex_lock(&p->c->thread->stats.mutex);
  p->c->thread->stats.misses++;
  if (p->badcrc)
    p->c->thread->stats.badcrcs++;
  pthread_mutex_unlock(&p->c->thread->stats.mutex);
}

// The request's own lock around one side: the other side forgot it.
void pending_finish(struct pending *p) { p->done = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'p->done' is written with no lock held, but 'pending_poll' reads it holding 'p->mu' [racelint-inconsistent-locking]
int pending_poll(struct pending *p) {
  pthread_mutex_lock(&p->mu);
  int d = p->done;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'p->done' is read under 'p->mu', but 'pending_finish' writes it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&p->mu);
  return d;
}

// A lock of the structure that holds the object (the queue's lock around
// its element's field) is about the object too.
struct job { int state; };
struct queue { pthread_mutex_t lock; struct job *head; };
void queue_mark(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  q->head->state = 2;
  pthread_mutex_unlock(&q->lock);
}
int queue_peek_bare(struct queue *q) { return q->head->state; }
// CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: 'q->head->state' is read without holding 'q->lock', which guards it at 1 of 2 accesses [racelint-inconsistent-locking]

// A member that points to the lock (one console lock shared by every sink)
// makes it the sink's lock: the unlocked setter is the deviant.
struct sink { pthread_mutex_t *mutex; int colors; int lines; };
void sink_log(struct sink *s) {
  pthread_mutex_lock(s->mutex);
  if (s->colors)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 's->colors' is read under '*s->mutex', but 'sink_set_colors' writes it with no lock held [racelint-inconsistent-locking]
    s->lines++;
  pthread_mutex_unlock(s->mutex);
}
void sink_set_colors(struct sink *s, int on) { s->colors = on; }
// CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: 's->colors' is written with no lock held, but 'sink_log' reads it holding '*s->mutex' [racelint-inconsistent-locking]
