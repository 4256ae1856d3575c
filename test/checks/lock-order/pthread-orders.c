// RUN: %check_racelint %s racelint-lock-order %t
// Two locks taken in opposite orders by code that threads run at the same
// time; each inversion next to its consistently ordered twin.
#include <pthread.h>

// --- Direct inversion in two functions.
static pthread_mutex_t acct_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t audit_lock = PTHREAD_MUTEX_INITIALIZER;
static int balance, audits;

void deposit(void) {
  pthread_mutex_lock(&acct_lock);
  pthread_mutex_lock(&audit_lock);
  balance++;
  audits++;
  pthread_mutex_unlock(&audit_lock);
  pthread_mutex_unlock(&acct_lock);
}
void audit(void) {
  pthread_mutex_lock(&audit_lock);
  pthread_mutex_lock(&acct_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'acct_lock' is acquired while 'audit_lock' is held, but 'deposit' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  audits += balance;
  pthread_mutex_unlock(&acct_lock);
  pthread_mutex_unlock(&audit_lock);
}

// Twin: the same order everywhere.
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int cfg, lines;
void cfg_set(int v) {
  pthread_mutex_lock(&cfg_lock);
  pthread_mutex_lock(&log_lock);
  cfg = v;
  lines++;
  pthread_mutex_unlock(&log_lock);
  pthread_mutex_unlock(&cfg_lock);
}
void cfg_dump(void) {
  pthread_mutex_lock(&cfg_lock);
  pthread_mutex_lock(&log_lock);
  lines += cfg;
  pthread_mutex_unlock(&log_lock);
  pthread_mutex_unlock(&cfg_lock);
}

// --- Through a helper two calls down.
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int rows, hits;
static void stats_bump(void) {
  pthread_mutex_lock(&stats_lock);
  hits++;
  pthread_mutex_unlock(&stats_lock);
}
static void table_touch(void) { stats_bump(); }
void table_insert(void) {
  pthread_mutex_lock(&table_lock);
  rows++;
  table_touch();
  pthread_mutex_unlock(&table_lock);
}
static void table_count(void) {
  pthread_mutex_lock(&table_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'table_lock' is acquired while 'stats_lock' is held, but 'table_insert' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  hits += rows;
  pthread_mutex_unlock(&table_lock);
}
void stats_report(void) {
  pthread_mutex_lock(&stats_lock);
  table_count();
  pthread_mutex_unlock(&stats_lock);
}

// Twin: the helper takes the inner lock only, after the outer one is
// released.
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t lru_lock = PTHREAD_MUTEX_INITIALIZER;
static int pages, lru;
static void lru_bump(void) {
  pthread_mutex_lock(&lru_lock);
  lru++;
  pthread_mutex_unlock(&lru_lock);
}
void page_in(void) {
  pthread_mutex_lock(&page_lock);
  pages++;
  pthread_mutex_unlock(&page_lock);
  lru_bump();
}
void lru_scan(void) {
  pthread_mutex_lock(&lru_lock);
  lru--;
  pthread_mutex_unlock(&lru_lock);
  pthread_mutex_lock(&page_lock);
  pages--;
  pthread_mutex_unlock(&page_lock);
}

// --- A try-lock does not block: taking the second lock with trylock and
// backing off is the classic way to break the order.
static pthread_mutex_t src_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t dst_lock = PTHREAD_MUTEX_INITIALIZER;
static int src, dst;
void move_forward(void) {
  pthread_mutex_lock(&src_lock);
  pthread_mutex_lock(&dst_lock);
  dst += src;
  pthread_mutex_unlock(&dst_lock);
  pthread_mutex_unlock(&src_lock);
}
int move_back(void) {
  pthread_mutex_lock(&dst_lock);
  if (pthread_mutex_trylock(&src_lock) != 0) {
    pthread_mutex_unlock(&dst_lock);
    return -1;
  }
  src += dst;
  pthread_mutex_unlock(&src_lock);
  pthread_mutex_unlock(&dst_lock);
  return 0;
}

// --- A gate lock held on both sides serialises them.
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t left_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t right_lock = PTHREAD_MUTEX_INITIALIZER;
static int left, right;
void rebalance_lr(void) {
  pthread_mutex_lock(&gate);
  pthread_mutex_lock(&left_lock);
  pthread_mutex_lock(&right_lock);
  right += left;
  pthread_mutex_unlock(&right_lock);
  pthread_mutex_unlock(&left_lock);
  pthread_mutex_unlock(&gate);
}
void rebalance_rl(void) {
  pthread_mutex_lock(&gate);
  pthread_mutex_lock(&right_lock);
  pthread_mutex_lock(&left_lock);
  left += right;
  pthread_mutex_unlock(&left_lock);
  pthread_mutex_unlock(&right_lock);
  pthread_mutex_unlock(&gate);
}

// --- Read locks on both sides: readers do not block readers.
static pthread_rwlock_t idx_rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t data_rw = PTHREAD_RWLOCK_INITIALIZER;
static int idx, data;
int lookup_a(void) {
  pthread_rwlock_rdlock(&idx_rw);
  pthread_rwlock_rdlock(&data_rw);
  int v = idx + data;
  pthread_rwlock_unlock(&data_rw);
  pthread_rwlock_unlock(&idx_rw);
  return v;
}
int lookup_b(void) {
  pthread_rwlock_rdlock(&data_rw);
  pthread_rwlock_rdlock(&idx_rw);
  int v = idx - data;
  pthread_rwlock_unlock(&idx_rw);
  pthread_rwlock_unlock(&data_rw);
  return v;
}
// ... but a writer on one side is an inversion.
static pthread_rwlock_t dir_rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t inode_rw = PTHREAD_RWLOCK_INITIALIZER;
static int dirents, inodes;
int dir_read(void) {
  pthread_rwlock_rdlock(&dir_rw);
  pthread_rwlock_rdlock(&inode_rw);
  int v = dirents + inodes;
  pthread_rwlock_unlock(&inode_rw);
  pthread_rwlock_unlock(&dir_rw);
  return v;
}
void inode_write(void) {
  pthread_rwlock_wrlock(&inode_rw);
  pthread_rwlock_wrlock(&dir_rw);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dir_rw' is acquired while 'inode_rw' is held, but 'dir_read' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  dirents++;
  inodes++;
  pthread_rwlock_unlock(&dir_rw);
  pthread_rwlock_unlock(&inode_rw);
}

// --- Three locks in a cycle.
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t t_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t w_lock = PTHREAD_MUTEX_INITIALIZER;
static int q, t, w;
void q_then_t(void) {
  pthread_mutex_lock(&q_lock);
  pthread_mutex_lock(&t_lock);
  q = t;
  pthread_mutex_unlock(&t_lock);
  pthread_mutex_unlock(&q_lock);
}
void t_then_w(void) {
  pthread_mutex_lock(&t_lock);
  pthread_mutex_lock(&w_lock);
  t = w;
  pthread_mutex_unlock(&w_lock);
  pthread_mutex_unlock(&t_lock);
}
void w_then_q(void) {
  pthread_mutex_lock(&w_lock);
  pthread_mutex_lock(&q_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'q_lock' is acquired while 'w_lock' is held, which closes a cycle of lock orders with 'q_then_t' and 't_then_w'; three threads taking these orders can deadlock [racelint-lock-order]
  w = q;
  pthread_mutex_unlock(&q_lock);
  pthread_mutex_unlock(&w_lock);
}
// Twin: a chain, no cycle.
static pthread_mutex_t a1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t a2 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t a3 = PTHREAD_MUTEX_INITIALIZER;
static int v1, v2, v3;
void a1_a2(void) { pthread_mutex_lock(&a1); pthread_mutex_lock(&a2); v1 = v2; pthread_mutex_unlock(&a2); pthread_mutex_unlock(&a1); }
void a2_a3(void) { pthread_mutex_lock(&a2); pthread_mutex_lock(&a3); v2 = v3; pthread_mutex_unlock(&a3); pthread_mutex_unlock(&a2); }
void a1_a3(void) { pthread_mutex_lock(&a1); pthread_mutex_lock(&a3); v3 = v1; pthread_mutex_unlock(&a3); pthread_mutex_unlock(&a1); }

// --- Struct locks reached through parameters: the same two fields of one
// type, in opposite orders.
struct conn { pthread_mutex_t io; pthread_mutex_t state; int bytes, st; };
void conn_flush(struct conn *c) {
  pthread_mutex_lock(&c->io);
  pthread_mutex_lock(&c->state);
  c->st = c->bytes;
  pthread_mutex_unlock(&c->state);
  pthread_mutex_unlock(&c->io);
}
void conn_close(struct conn *c) {
  pthread_mutex_lock(&c->state);
  pthread_mutex_lock(&c->io);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c->io' is acquired while 'c->state' is held, but 'conn_flush' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  c->bytes = 0;
  pthread_mutex_unlock(&c->io);
  pthread_mutex_unlock(&c->state);
}
// Twin: a lock local to the call orders nothing another thread takes.
void conn_local(struct conn *c) {
  pthread_mutex_t scratch;
  pthread_mutex_init(&scratch, 0);
  pthread_mutex_lock(&scratch);
  pthread_mutex_lock(&c->io);
  c->bytes++;
  pthread_mutex_unlock(&c->io);
  pthread_mutex_unlock(&scratch);
}
void conn_local2(struct conn *c) {
  pthread_mutex_t scratch;
  pthread_mutex_init(&scratch, 0);
  pthread_mutex_lock(&c->io);
  pthread_mutex_lock(&scratch);
  c->bytes--;
  pthread_mutex_unlock(&scratch);
  pthread_mutex_unlock(&c->io);
}

// A lock taken while a try-locked one is held does block: once the
// try-lock succeeded, the order is the same as with a plain lock.
static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t item_lock = PTHREAD_MUTEX_INITIALIZER;
static int hashed, items;
void hash_insert(void) {
  pthread_mutex_lock(&hash_lock);
  pthread_mutex_lock(&item_lock);
  items = hashed;
  pthread_mutex_unlock(&item_lock);
  pthread_mutex_unlock(&hash_lock);
}
void item_evict(void) {
  if (pthread_mutex_trylock(&item_lock) != 0)
    return;
  pthread_mutex_lock(&hash_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hash_lock' is acquired while 'item_lock' is held, but 'hash_insert' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  hashed--;
  pthread_mutex_unlock(&hash_lock);
  pthread_mutex_unlock(&item_lock);
}
