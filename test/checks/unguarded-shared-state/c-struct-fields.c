// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c11 -pthread
// C structs that carry a mutex are shared between threads; a field no
// function ever locks is unguarded. Fields reached through the thread's
// void * argument are named by type and field.
#include <pthread.h>
#include <stddef.h>

struct job {
  pthread_mutex_t lock;
  int done;      /* locked everywhere */
  int progress;  /* never locked */
  const char *name;
};

static void *run_job(void *arg) {
  struct job *j = arg;
  for (int i = 0; i < 10; ++i)
    j->progress = i;
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'j->progress' is written with no lock held, and nothing guards it in concurrent class 'job' [racelint-unguarded-shared-state]
  pthread_mutex_lock(&j->lock);
  j->done = 1;
  pthread_mutex_unlock(&j->lock);
  return NULL;
}

int job_progress(struct job *j) { return j->progress; }

int job_done(struct job *j) {
  pthread_mutex_lock(&j->lock);
  int d = j->done;
  pthread_mutex_unlock(&j->lock);
  return d;
}

void job_rename(struct job *j, const char *n) {
  j->name = n;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'j->name' is written with no lock held, and nothing guards it in concurrent class 'job' [racelint-unguarded-shared-state]
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
  pthread_join(t, NULL);
  return job_done(&j);
}
