/* A C11-threads logger whose rotation decision is made under the mutex. */
#include <stdio.h>
#include <string.h>
#include <threads.h>

static char buffer[4096];
static size_t used;
static int lines;
static mtx_t log_mtx;

void log_append(FILE *out, const char *msg) {
  size_t n = strlen(msg);
  mtx_lock(&log_mtx);
  if (used + n + 1 >= sizeof buffer || lines > 100) {
    fwrite(buffer, 1, used, out);
    used = 0;
    lines = 0;
  }
  memcpy(buffer + used, msg, n);
  used += n;
  buffer[used++] = '\n';
  lines++;
  mtx_unlock(&log_mtx);
}

static int writer(void *arg) {
  for (int i = 0; i < 1000; ++i)
    log_append(stderr, (const char *)arg);
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
