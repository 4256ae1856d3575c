/* Worker threads receive their own job struct; results are read after
 * pthread_join, which orders them after the workers' writes. */
#include <pthread.h>
#include <stdlib.h>

struct job {
  int input;
  int result;
};

static void *run_job(void *arg) {
  struct job *j = arg;
  j->result = j->input * j->input;
  return NULL;
}

int main(void) {
  enum { N = 8 };
  struct job jobs[N];
  pthread_t tids[N];
  for (int i = 0; i < N; ++i) {
    jobs[i].input = i;
    jobs[i].result = 0;
  }
  for (int i = 0; i < N; ++i)
    pthread_create(&tids[i], NULL, run_job, &jobs[i]);
  for (int i = 0; i < N; ++i)
    pthread_join(tids[i], NULL);
  long sum = 0;
  for (int i = 0; i < N; ++i)
    sum += jobs[i].result;
  return sum == 140 ? 0 : 1;
}
