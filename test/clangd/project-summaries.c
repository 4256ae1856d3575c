// racelint-clangd uses the project summaries named by the ProjectSummaries
// option: q_lock/q_unlock, wrappers defined in another file (summarized
// below), guard queue_len, and only the unguarded read is reported. Without
// the summaries the guarded update in the thread looks bare.
// RUN: rm -rf %t.sums && mkdir -p %t.lib
// RUN: printf '#include <pthread.h>\nstatic pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;\nvoid q_lock(void) { pthread_mutex_lock(&q_mu); }\nvoid q_unlock(void) { pthread_mutex_unlock(&q_mu); }\n' > %t.lib/lock.c
// RUN: %racelint --quiet --summarize-to=%t.sums %t.lib/lock.c --
// RUN: %clangd_lsp --check-option=ProjectSummaries=%t.sums %s %t -- -std=c11 \
// RUN:   | FileCheck %s --check-prefix=WITH --implicit-check-not="warning:"
// RUN: %clangd_lsp %s %t.none -- -std=c11 | FileCheck %s --check-prefix=WITHOUT
#include <pthread.h>
void q_lock(void);
void q_unlock(void);
static int queue_len;
static void *drain(void *arg) {
  q_lock();
  queue_len--;
  q_unlock();
  return 0;
}
void sched_start(pthread_t *t) { pthread_create(t, 0, drain, 0); }
void sched_push(void) { q_lock(); queue_len++; q_unlock(); }
int sched_len(void) { return queue_len; }
// WITH: project-summaries.c:[[@LINE-1]]:30: warning: 'queue_len' is read without holding 'q_mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
// WITHOUT: project-summaries.c:17:3: warning: Non-atomic read-modify-write of shared 'queue_len' with no lock held [racelint-nonatomic-rmw]
