/* A C11-threads network daemon: the sender logs each packet after it has
 * released the network mutex, so the log mutex is never taken under it;
 * log rotation holds the log mutex and then takes the network mutex. */
#include <stdio.h>
#include <threads.h>

static mtx_t log_mtx, net_mtx;
static long packets_sent, log_lines;

static void log_line(const char *what) {
  mtx_lock(&log_mtx);
  log_lines++;
  (void)what;
  mtx_unlock(&log_mtx);
}

static int sender(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) {
    mtx_lock(&net_mtx);
    packets_sent++;
    mtx_unlock(&net_mtx);
    log_line("sent");
  }
  return 0;
}

static void rotate_logs(void) {
  mtx_lock(&log_mtx);
  log_lines = 0;
  mtx_lock(&net_mtx);
  printf("rotated at %ld packets\n", packets_sent);
  mtx_unlock(&net_mtx);
  mtx_unlock(&log_mtx);
}

int main(void) {
  mtx_init(&log_mtx, mtx_plain);
  mtx_init(&net_mtx, mtx_plain);
  thrd_t s;
  thrd_create(&s, sender, NULL);
  for (int i = 0; i < 5; i++)
    rotate_logs();
  thrd_join(s, NULL);
  return 0;
}
