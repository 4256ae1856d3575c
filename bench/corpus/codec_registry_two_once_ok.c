/* A codec registry registers the built-in codecs on first use through
 * pthread_once; every entry point goes through the same once object. */
#include <pthread.h>
#include <string.h>

struct codec {
  const char *name;
  int id;
};

static struct codec codecs[16];
static int ncodecs;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void register_builtin(void) {
  static const char *names[] = {"gzip", "zstd", "lz4"};
  for (int i = 0; i < 3; i++) {
    codecs[ncodecs].name = names[i];
    codecs[ncodecs].id = i;
    ncodecs = ncodecs + 1;
  }
}

int codec_lookup(const char *name) {
  pthread_once(&builtin_once, register_builtin);
  for (int i = 0; i < ncodecs; i++)
    if (strcmp(codecs[i].name, name) == 0)
      return codecs[i].id;
  return -1;
}

int codec_list(const char **out, int max) {
  pthread_once(&builtin_once, register_builtin);
  int n = 0;
  for (int i = 0; i < ncodecs && n < max; i++)
    out[n++] = codecs[i].name;
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
