/* A plugin registry walks its plugins with a visitor callback under the
 * registry lock. A second walker, added for the crash reporter, runs the
 * same visitor without the lock. */
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

/* Visitor: expects reg_lock to be held. */
static void count_enabled(struct plugin *p, void *ctx) {
  p->visits++; /* RACE: racelint-inconsistent-locking */
  if (p->enabled) /* RACE: racelint-inconsistent-locking */
    ++*(int *)ctx;
}

static void for_each_plugin(plugin_visitor fn, void *ctx) {
  pthread_mutex_lock(&reg_lock);
  for (int i = 0; i < nplugins; i++)
    fn(&plugins[i], ctx);
  pthread_mutex_unlock(&reg_lock);
}

/* Crash reporter: "no time for locks". */
static void for_each_plugin_fast(plugin_visitor fn, void *ctx, int count) {
  for (int i = 0; i < count; i++)
    fn(&plugins[i], ctx);
}

int plugins_enabled(void) {
  int n = 0;
  for_each_plugin(count_enabled, &n);
  return n;
}

int plugins_enabled_for_crash_report(int count) {
  int n = 0;
  for_each_plugin_fast(count_enabled, &n, count);
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
