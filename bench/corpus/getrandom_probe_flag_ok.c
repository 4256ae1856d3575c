/* Random bytes for session ids: the first callers find out whether the
 * getrandom() syscall works and cache the answer in an atomic. Several
 * threads may probe at once; they all store the same answer. */
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

long sys_getrandom(void *buf, size_t n);        /* -1 with errno ENOSYS on old kernels */
int urandom_read(void *buf, size_t n);          /* reads /dev/urandom */

static atomic_int getrandom_state; /* 0 unknown, 1 works, 2 unsupported */

int random_bytes(void *buf, size_t n) {
  int st = atomic_load_explicit(&getrandom_state, memory_order_relaxed);
  if (st != 2) {
    long r = sys_getrandom(buf, n);
    if (r == (long)n)
      return 0;
    if (r < 0 && errno == ENOSYS)
      atomic_store_explicit(&getrandom_state, 2, memory_order_relaxed);
    else if (st == 0)
      atomic_store_explicit(&getrandom_state, 1, memory_order_relaxed);
  }
  return urandom_read(buf, n);
}
