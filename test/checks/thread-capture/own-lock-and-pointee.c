// RUN: %check_racelint %s racelint-thread-capture,racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -pthread
// thread-capture is about a local's own storage shared by reference. A
// buffer the local points to is memory like any other (unguarded-shared-
// state), and a local that carries the lock its threads write under has a
// deviation from that lock when the spawner reads it bare
// (inconsistent-locking). Reads after the join are silent.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct task {
  pthread_mutex_t mu;
  int input;
  int result;
};

static void *square(void *arg) {
  struct task *t = arg;
  int r = t->input * t->input;
  pthread_mutex_lock(&t->mu);
  t->result = r;
  pthread_mutex_unlock(&t->mu);
  return NULL;
}

int run_tasks(void) {
  struct task tasks[4];
  pthread_t tids[4];
  for (int i = 0; i < 4; ++i) {
    pthread_mutex_init(&tasks[i].mu, NULL);
    tasks[i].input = i;
  }
  for (int i = 0; i < 4; ++i)
    pthread_create(&tids[i], NULL, square, &tasks[i]);
  int early = tasks[0].result;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'tasks[0].result' is read without holding 'tasks[0].mu'{{.*}} [racelint-inconsistent-locking]
  for (int i = 0; i < 4; ++i)
    pthread_join(tids[i], NULL);
  return early;
}

struct upload {
  char *data;
  size_t len;
};

static void *checksum(void *arg) {
  struct upload *u = arg;
  unsigned s = 0;
  for (size_t i = 0; i < u->len; i++)
    s += (unsigned char)u->data[i];
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'u->data[i]' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return (void *)(unsigned long)s;
}

int send_upload(const char *payload) {
  struct upload u;
  u.len = strlen(payload);
  u.data = malloc(u.len + 1);
  if (!u.data)
    return -1;
  memcpy(u.data, payload, u.len + 1);
  pthread_t t;
  pthread_create(&t, NULL, checksum, &u);
  free(u.data);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*u.data' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(t, NULL);
  return 0;
}
