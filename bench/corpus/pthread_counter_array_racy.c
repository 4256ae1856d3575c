/* A word-frequency counter: threads tokenize their share of the input and
 * bump a shared histogram of word lengths without a lock. */
#include <pthread.h>
#include <string.h>

#define MAXLEN 32

static unsigned long length_hist[MAXLEN];
static const char *texts[4] = {"a bb ccc", "dddd ee", "f gg hhh iiii", "jj"};

static void *count_lengths(void *arg) {
  const char *s = arg;
  size_t run = 0;
  for (;; ++s) {
    if (*s == ' ' || *s == '\0') {
      if (run > 0 && run < MAXLEN)
        length_hist[run]++; /* RACE: racelint-nonatomic-rmw */
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
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, count_lengths, (void *)texts[i]);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  return length_hist[2] == 4 ? 0 : 1;
}
