/* A directory scanner runs on a C11 thread with its state in a local
 * struct of the caller, passed by address. The cancel field is atomic and
 * the count is read only after the join. */
#include <stdatomic.h>
#include <threads.h>

struct scan_state {
  const char *root;
  atomic_int cancel;
  long files_seen;
};

static int scanner(void *arg) {
  struct scan_state *st = arg;
  for (int i = 0; i < 100000 && !atomic_load(&st->cancel); i++)
    st->files_seen++;
  return 0;
}

long scan_with_budget(const char *root) {
  struct scan_state st = {root, 0, 0};
  thrd_t t;
  if (thrd_create(&t, scanner, &st) != thrd_success)
    return -1;
  thrd_yield();
  atomic_store(&st.cancel, 1);
  thrd_join(t, NULL);
  return st.files_seen;
}
