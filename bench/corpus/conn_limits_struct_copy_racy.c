/* Connection limits are replaced as a whole struct by the admin thread
 * while the accept loop takes a snapshot of them; nothing is locked. */
#include <pthread.h>
#include <unistd.h>

struct limits {
  int max_conns;
  int max_per_ip;
  int backlog;
};

static struct limits cur_limits = {1024, 16, 128};

static void *admin(void *arg) {
  const struct limits *fresh = arg;
  cur_limits = *fresh; /* RACE: racelint-unguarded-shared-state */
  return NULL;
}

static int accept_one(int open_conns) {
  struct limits l = cur_limits; /* RACE: racelint-unguarded-shared-state */
  return open_conns < l.max_conns && l.backlog > 0;
}

int main(void) {
  static const struct limits tighter = {256, 4, 64};
  pthread_t t;
  pthread_create(&t, NULL, admin, (void *)&tighter);
  int accepted = 0;
  for (int i = 0; i < 300; i++)
    accepted += accept_one(i);
  pthread_join(t, NULL);
  return accepted > 0 ? 0 : 1;
}
