/* A word-length histogram: each thread fills its own histogram, and the
 * main thread merges them after joining. */
#include <pthread.h>
#include <string.h>

#define MAXLEN 32

struct task {
  const char *text;
  unsigned long hist[MAXLEN];
};

static void *count_lengths(void *arg) {
  struct task *t = arg;
  const char *s = t->text;
  size_t run = 0;
  for (;; ++s) {
    if (*s == ' ' || *s == '\0') {
      if (run > 0 && run < MAXLEN)
        t->hist[run]++;
      run = 0;
      if (*s == '\0')
        break;
    } else {
      run++;
    }
  }
  return NULL;
}

int main(void) {
  static const char *texts[4] = {"a bb ccc", "dddd ee", "f gg hhh iiii", "jj"};
  struct task tasks[4];
  pthread_t t[4];
  unsigned long total[MAXLEN] = {0};
  for (int i = 0; i < 4; ++i) {
    memset(&tasks[i], 0, sizeof tasks[i]);
    tasks[i].text = texts[i];
    pthread_create(&t[i], NULL, count_lengths, &tasks[i]);
  }
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  for (int i = 0; i < 4; ++i)
    for (int l = 0; l < MAXLEN; ++l)
      total[l] += tasks[i].hist[l];
  return total[2] == 4 ? 0 : 1;
}
