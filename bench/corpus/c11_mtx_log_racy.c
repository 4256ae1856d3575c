/* A C11-threads logger: append() locks, but the line counter used for
 * rotation is read and reset without the mutex. */
#include <stdio.h>
#include <string.h>
#include <threads.h>

static char buffer[4096];
static size_t used;
static int lines;
static mtx_t log_mtx;

void log_append(const char *msg) {
  size_t n = strlen(msg);
  mtx_lock(&log_mtx);
  if (used + n + 1 < sizeof buffer) {
    memcpy(buffer + used, msg, n);
    used += n;
    buffer[used++] = '\n';
    lines++;
  }
  mtx_unlock(&log_mtx);
}

int log_should_rotate(void) { return lines > 100; } /* RACE: racelint-inconsistent-locking */

void log_rotate(FILE *out) {
  mtx_lock(&log_mtx);
  fwrite(buffer, 1, used, out);
  used = 0;
  mtx_unlock(&log_mtx);
  lines = 0; /* RACE: racelint-inconsistent-locking */
}

static int writer(void *arg) {
  for (int i = 0; i < 1000; ++i) {
    log_append((const char *)arg);
    if (log_should_rotate())
      log_rotate(stderr);
  }
  return 0;
}

int main(void) {
  thrd_t a, b;
  mtx_init(&log_mtx, mtx_plain);
  thrd_create(&a, writer, "alpha");
  thrd_create(&b, writer, "beta");
  thrd_join(a, NULL);
  thrd_join(b, NULL);
  mtx_destroy(&log_mtx);
  return 0;
}
