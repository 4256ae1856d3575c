/* A metadata server restores its state at start-up: the restore code locks
 * the journal and then the catalog, before any thread exists. Once the
 * request threads run, every path takes the catalog before the journal. */
#include <pthread.h>

static pthread_mutex_t catalog_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;
static int catalog_entries;
static long journal_seq;

static void restore_from_journal(void) {
  pthread_mutex_lock(&journal_lock);
  pthread_mutex_lock(&catalog_lock);
  catalog_entries = (int)(journal_seq % 1000);
  pthread_mutex_unlock(&catalog_lock);
  pthread_mutex_unlock(&journal_lock);
}

static void *request_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) {
    pthread_mutex_lock(&catalog_lock);
    catalog_entries++;
    pthread_mutex_lock(&journal_lock);
    journal_seq++;
    pthread_mutex_unlock(&journal_lock);
    pthread_mutex_unlock(&catalog_lock);
  }
  return NULL;
}

int main(void) {
  restore_from_journal();
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, request_thread, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  return 0;
}
