/* Random bytes for session ids: without getrandom(), the first caller opens
 * /dev/urandom and caches the descriptor in an atomic. The check and the
 * store are two steps: two threads that both see "not open" both open the
 * device, and one descriptor leaks. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <unistd.h>

static atomic_int urandom_fd = -1;

int random_bytes(void *buf, size_t n) {
  if (atomic_load(&urandom_fd) < 0) {
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      return -1;
    atomic_store(&urandom_fd, fd); /* RACE: racelint-nonatomic-rmw */
  }
  return read(atomic_load(&urandom_fd), buf, n) == (ssize_t)n ? 0 : -1;
}
