/* The gossip thread records the last peer it heard from (name copied with
 * strcpy, under peer_lock); forgetting the peer wipes the record under the
 * same lock. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct peer_info {
  char name[32];
  int port;
  long last_seen;
};

static struct peer_info g_peer;
static pthread_mutex_t peer_lock = PTHREAD_MUTEX_INITIALIZER;

static void *gossip(void *arg) {
  const char *who = arg;
  for (long tick = 1; tick <= 100; tick++) {
    pthread_mutex_lock(&peer_lock);
    strcpy(g_peer.name, who);
    g_peer.port = 7946;
    g_peer.last_seen = tick;
    pthread_mutex_unlock(&peer_lock);
  }
  return NULL;
}

static void print_peer(void) {
  pthread_mutex_lock(&peer_lock);
  printf("%s:%d @%ld\n", g_peer.name, g_peer.port, g_peer.last_seen);
  pthread_mutex_unlock(&peer_lock);
}

static void forget_peer(void) {
  pthread_mutex_lock(&peer_lock);
  memset(&g_peer, 0, sizeof g_peer);
  pthread_mutex_unlock(&peer_lock);
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, gossip, "node-b");
  print_peer();
  forget_peer();
  pthread_join(t, NULL);
  return 0;
}
