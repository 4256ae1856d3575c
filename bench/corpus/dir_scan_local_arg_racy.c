/* A directory scanner runs on a C11 thread with its state in a local
 * struct of the caller, passed by address. The caller gives up after a
 * while by setting a plain cancel field while the scanner still polls it. */
#include <threads.h>

struct scan_state {
  const char *root;
  int cancel;
  long files_seen;
};

static int scanner(void *arg) {
  struct scan_state *st = arg;
  for (int i = 0; i < 100000 && !st->cancel; i++)
    st->files_seen++;
  return 0;
}

long scan_with_budget(const char *root) {
  struct scan_state st = {root, 0, 0};
  thrd_t t;
  if (thrd_create(&t, scanner, &st) != thrd_success)
    return -1;
  thrd_yield();
  st.cancel = 1; /* RACE: racelint-thread-capture */
  thrd_join(t, NULL);
  return st.files_seen;
}
