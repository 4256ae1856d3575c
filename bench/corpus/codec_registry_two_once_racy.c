/* A codec registry registers the built-in codecs on first use through
 * pthread_once. lookup() and list() were written at different times and use
 * two different once objects, so the registration can run twice, in two
 * threads at once. */
#include <pthread.h>
#include <string.h>

struct codec {
  const char *name;
  int id;
};

static struct codec codecs[16];
static int ncodecs;
static pthread_once_t lookup_once = PTHREAD_ONCE_INIT;
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

static void register_builtin(void) {
  static const char *names[] = {"gzip", "zstd", "lz4"};
  for (int i = 0; i < 3; i++) {
    codecs[ncodecs].name = names[i]; /* RACE: racelint-unguarded-shared-state */
    codecs[ncodecs].id = i; /* RACE: racelint-unguarded-shared-state */
    ncodecs = ncodecs + 1; /* RACE: racelint-nonatomic-rmw */
  }
}

int codec_lookup(const char *name) {
  pthread_once(&lookup_once, register_builtin);
  for (int i = 0; i < ncodecs; i++) /* RACE: racelint-unguarded-shared-state */
    if (strcmp(codecs[i].name, name) == 0) /* RACE: racelint-unguarded-shared-state */
      return codecs[i].id; /* RACE: racelint-unguarded-shared-state */
  return -1;
}

int codec_list(const char **out, int max) {
  pthread_once(&list_once, register_builtin);
  int n = 0;
  for (int i = 0; i < ncodecs && n < max; i++) /* RACE: racelint-unguarded-shared-state */
    out[n++] = codecs[i].name; /* RACE: racelint-unguarded-shared-state */
  return n;
}

static void *client(void *arg) {
  (void)arg;
  return (void *)(long)codec_lookup("zstd");
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, client, NULL);
  const char *names[8];
  int n = codec_list(names, 8);
  pthread_join(t, NULL);
  return n;
}
