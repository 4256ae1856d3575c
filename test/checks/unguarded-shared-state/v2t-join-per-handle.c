// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// A join orders only the thread whose handle it names. Each scenario starts
// two kinds of threads and joins one of them before main touches what the
// other writes; the twin joins the thread that actually writes. Handles
// live in locals, in an array joined in a loop, in a struct field and in
// globals joined by a helper.
#include <pthread.h>
#include <stddef.h>

/* Plain locals: the wrong handle is joined. */
static int upload_status;
static int archive_status;

static void *compress_job(void *unused) { (void)unused; return NULL; }
static void *upload_job(void *unused) {
  (void)unused;
  upload_status = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'upload_status' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}
static void *archive_job(void *unused) {
  (void)unused;
  archive_status = 1;
  return NULL;
}

static void wrong_handle_joined(void) {
  pthread_t zip, up;
  pthread_create(&zip, NULL, compress_job, NULL);
  pthread_create(&up, NULL, upload_job, NULL);
  pthread_join(zip, NULL);
  upload_status = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'upload_status' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(up, NULL);
}

static void right_handle_joined(void) {
  pthread_t zip, ar;
  pthread_create(&zip, NULL, compress_job, NULL);
  pthread_create(&ar, NULL, archive_job, NULL);
  pthread_join(ar, NULL);
  archive_status = 0;
  pthread_join(zip, NULL);
}

/* An array joined in a loop orders every element; a thread kept in a
   separate handle is not part of that loop. */
static long reaped_pages;
static long merged_pages;
static long slice_pages[4];

static void *sweep_slice(void *arg) {
  long *slot = arg;
  *slot += 16;
  return NULL;
}
static void *reaper(void *unused) {
  (void)unused;
  reaped_pages = 64;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reaped_pages' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static void pool_joined_reaper_not(void) {
  pthread_t pool[4], rp;
  for (int i = 0; i < 4; ++i)
    pthread_create(&pool[i], NULL, sweep_slice, &slice_pages[i]);
  pthread_create(&rp, NULL, reaper, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(pool[i], NULL);
  reaped_pages = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reaped_pages' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_detach(rp);
}

static void pool_joined_then_merged(void) {
  pthread_t pool[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&pool[i], NULL, sweep_slice, &slice_pages[i]);
  for (int i = 0; i < 4; ++i)
    pthread_join(pool[i], NULL);
  for (int i = 0; i < 4; ++i)
    merged_pages += slice_pages[i];
}

/* Handles kept in struct fields. */
struct service {
  pthread_t tid;
  int restarts;
  int healthy;
};
static struct service dns_svc, ntp_svc, http_svc;

static void *dns_loop(void *unused) {
  (void)unused;
  dns_svc.healthy = 1;
  return NULL;
}
static void *ntp_loop(void *unused) {
  (void)unused;
  ntp_svc.healthy = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'ntp_svc.healthy' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}
static void *http_loop(void *unused) {
  (void)unused;
  http_svc.healthy = 1;
  return NULL;
}

static void services_wrong_field(void) {
  pthread_create(&dns_svc.tid, NULL, dns_loop, NULL);
  pthread_create(&ntp_svc.tid, NULL, ntp_loop, NULL);
  pthread_join(dns_svc.tid, NULL);
  ntp_svc.healthy = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'ntp_svc.healthy' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(ntp_svc.tid, NULL);
}

static void services_right_field(void) {
  pthread_create(&http_svc.tid, NULL, http_loop, NULL);
  pthread_join(http_svc.tid, NULL);
  http_svc.healthy = 0;
  http_svc.restarts++;
}

/* Joins inside helpers. */
static pthread_t ingest_a, ingest_b, render_a, render_b;
static int ingest_frames, render_frames;
static pthread_mutex_t frames_mu = PTHREAD_MUTEX_INITIALIZER;

static void *ingest(void *unused) {
  (void)unused;
  pthread_mutex_lock(&frames_mu);
  ingest_frames += 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ingest_frames' is updated under 'frames_mu', but 'helper_joins_one' writes it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&frames_mu);
  return NULL;
}
static void *render(void *unused) {
  (void)unused;
  pthread_mutex_lock(&frames_mu);
  render_frames += 2;
  pthread_mutex_unlock(&frames_mu);
  return NULL;
}

static void stop_ingest_first(void) { pthread_join(ingest_a, NULL); }
static void stop_render_all(void) {
  pthread_join(render_a, NULL);
  pthread_join(render_b, NULL);
}

static void helper_joins_one(void) {
  pthread_create(&ingest_a, NULL, ingest, NULL);
  pthread_create(&ingest_b, NULL, ingest, NULL);
  stop_ingest_first();
  ingest_frames = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ingest_frames' is written with no lock held, but 'ingest' updates it holding 'frames_mu' [racelint-inconsistent-locking]
  pthread_join(ingest_b, NULL);
}

static void helper_joins_all(void) {
  pthread_create(&render_a, NULL, render, NULL);
  pthread_create(&render_b, NULL, render, NULL);
  stop_render_all();
  render_frames = -1;
}

int main(void) {
  wrong_handle_joined();
  right_handle_joined();
  pool_joined_reaper_not();
  pool_joined_then_merged();
  services_wrong_field();
  services_right_field();
  helper_joins_one();
  helper_joins_all();
  return upload_status + archive_status + (int)merged_pages + ntp_svc.healthy +
         http_svc.restarts + ingest_frames + render_frames;
}
