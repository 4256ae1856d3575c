// RUN: %check_racelint %s racelint-lock-order %t -- -std=gnu11
// C11 mtx_t, lock wrappers racelint infers from their bodies, and wrappers
// named by the LockFunctions option; each inversion with its twin.
#include <pthread.h>
#include <threads.h>

// --- C11 mtx_t.
static mtx_t meta_mtx, blob_mtx;
static int meta, blob;
void c11_write(void) {
  mtx_lock(&meta_mtx);
  mtx_lock(&blob_mtx);
  blob = meta;
  mtx_unlock(&blob_mtx);
  mtx_unlock(&meta_mtx);
}
void c11_gc(void) {
  mtx_lock(&blob_mtx);
  mtx_lock(&meta_mtx);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'meta_mtx' is acquired while 'blob_mtx' is held, but 'c11_write' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  meta = blob;
  mtx_unlock(&meta_mtx);
  mtx_unlock(&blob_mtx);
}
// Twin: the same order in both functions.
static mtx_t idx_mtx, page_mtx;
static int idx, page;
void c11_index(void) {
  mtx_lock(&idx_mtx);
  mtx_lock(&page_mtx);
  page = idx;
  mtx_unlock(&page_mtx);
  mtx_unlock(&idx_mtx);
}
void c11_page(void) {
  mtx_lock(&idx_mtx);
  mtx_lock(&page_mtx);
  idx = page;
  mtx_unlock(&page_mtx);
  mtx_unlock(&idx_mtx);
}

// --- Inferred wrappers: the helpers lock and return holding the lock.
struct cache { pthread_mutex_t mu; int n; };
static struct cache hot, cold;
static void cache_lock(struct cache *c) { pthread_mutex_lock(&c->mu); }
static void cache_unlock(struct cache *c) { pthread_mutex_unlock(&c->mu); }
static pthread_mutex_t evict_mu = PTHREAD_MUTEX_INITIALIZER;
static int evicted;
void cache_evict(void) {
  cache_lock(&hot);
  pthread_mutex_lock(&evict_mu);
  evicted += hot.n;
  pthread_mutex_unlock(&evict_mu);
  cache_unlock(&hot);
}
void evict_report(void) {
  pthread_mutex_lock(&evict_mu);
  cache_lock(&cold);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cold.mu' is acquired while 'evict_mu' is held, but 'cache_evict' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  evicted = cold.n;
  cache_unlock(&cold);
  pthread_mutex_unlock(&evict_mu);
}
// Twin: the wrappers keep one order.
static pthread_mutex_t audit_mu = PTHREAD_MUTEX_INITIALIZER;
static int audited;
void cache_audit(void) {
  cache_lock(&hot);
  pthread_mutex_lock(&audit_mu);
  audited = hot.n;
  pthread_mutex_unlock(&audit_mu);
  cache_unlock(&hot);
}
void audit_all(void) {
  cache_lock(&cold);
  pthread_mutex_lock(&audit_mu);
  audited += cold.n;
  pthread_mutex_unlock(&audit_mu);
  cache_unlock(&cold);
}
