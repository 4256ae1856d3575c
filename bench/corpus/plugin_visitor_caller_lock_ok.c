/* A plugin registry walks its plugins with a visitor callback, always with
 * the registry lock held; the visitor updates per-plugin statistics that the
 * registry lock guards. */
#include <pthread.h>

struct plugin {
  const char *name;
  int enabled;
  long visits;
};

typedef void (*plugin_visitor)(struct plugin *p, void *ctx);

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static struct plugin plugins[16];
static int nplugins;

/* Visitor: runs with reg_lock held (see for_each_plugin). */
static void count_enabled(struct plugin *p, void *ctx) {
  p->visits++;
  if (p->enabled)
    ++*(int *)ctx;
}

static void for_each_plugin(plugin_visitor fn, void *ctx) {
  pthread_mutex_lock(&reg_lock);
  for (int i = 0; i < nplugins; i++)
    fn(&plugins[i], ctx);
  pthread_mutex_unlock(&reg_lock);
}

int plugins_enabled(void) {
  int n = 0;
  for_each_plugin(count_enabled, &n);
  return n;
}

void plugin_register(const char *name) {
  pthread_mutex_lock(&reg_lock);
  if (nplugins < 16) {
    plugins[nplugins].name = name;
    plugins[nplugins].enabled = 1;
    plugins[nplugins].visits = 0;
    nplugins++;
  }
  pthread_mutex_unlock(&reg_lock);
}
