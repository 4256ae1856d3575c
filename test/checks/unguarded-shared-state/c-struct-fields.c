// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c11 -pthread
// A struct handed to a thread through its void * argument is the same
// object in the spawner: a field the thread writes with no lock races with
// the spawner's reads before the join. A field locked on both sides, or
// touched only after the join, is fine. Accessors of an object racelint
// cannot place (a parameter of an entry point) race only on evidence.
#include <pthread.h>
#include <stddef.h>

struct job {
  pthread_mutex_t lock;
  int done;      /* locked everywhere */
  int progress;  /* never locked */
  const char *name;
};

static void *run_job(void *arg) {
  struct job *j = arg; /* the spawner's j */
  for (int i = 0; i < 10; ++i)
    j->progress = i;
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'j->progress' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_mutex_lock(&j->lock);
  j->done = 1;
  pthread_mutex_unlock(&j->lock);
  return NULL;
}

int job_progress(struct job *j) { return j->progress; }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'j->progress' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]

int job_done(struct job *j) {
  pthread_mutex_lock(&j->lock);
  int d = j->done;
  pthread_mutex_unlock(&j->lock);
  return d;
}

void job_rename(struct job *j, const char *n) {
  j->name = n;
}

const char *job_name(struct job *j) { return j->name; }

/* A struct without any lock is plain data: nothing to say about it. */
struct point {
  int x, y;
};

void point_move(struct point *p) { p->x = p->x + 1; p->y = 0; }
int point_x(struct point *p) { return p->x; }

int main(void) {
  struct job j = {PTHREAD_MUTEX_INITIALIZER, 0, 0, "j"};
  pthread_t t;
  pthread_create(&t, NULL, run_job, &j);
  int p = job_progress(&j);
  int d = job_done(&j);
  pthread_join(t, NULL);
  job_rename(&j, "k");
  return p + d + job_done(&j);
}
