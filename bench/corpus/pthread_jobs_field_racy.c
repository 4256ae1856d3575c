/* Worker threads receive job structs through void *arg and mark them done;
 * the dispatcher polls job->done and job->result without the job's mutex,
 * which the workers hold while writing them. */
#include <pthread.h>
#include <stdlib.h>

struct job {
  pthread_mutex_t mu;
  int input;
  int result;
  int done;
};

static void *run_job(void *arg) {
  struct job *j = arg;
  int r = j->input * j->input;
  pthread_mutex_lock(&j->mu);
  j->result = r;
  j->done = 1;
  pthread_mutex_unlock(&j->mu);
  return NULL;
}

static int all_done(struct job *jobs, int n) {
  for (int i = 0; i < n; ++i)
    if (!jobs[i].done) /* RACE: racelint-inconsistent-locking */
      return 0;
  return 1;
}

int main(void) {
  enum { N = 8 };
  struct job jobs[N];
  pthread_t tids[N];
  for (int i = 0; i < N; ++i) {
    pthread_mutex_init(&jobs[i].mu, NULL);
    jobs[i].input = i;
    jobs[i].result = 0;
    jobs[i].done = 0;
  }
  for (int i = 0; i < N; ++i)
    pthread_create(&tids[i], NULL, run_job, &jobs[i]);
  while (!all_done(jobs, N))
    ;
  long sum = 0;
  for (int i = 0; i < N; ++i)
    sum += jobs[i].result; /* RACE: racelint-inconsistent-locking */
  for (int i = 0; i < N; ++i)
    pthread_join(tids[i], NULL);
  return sum == 140 ? 0 : 1;
}
