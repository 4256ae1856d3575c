/* A C11-threads symbol table whose insert returns early on allocation
 * failure without unlocking, and whose lookup unlocks a lock it never took
 * on the fast path. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct sym {
  char *name;
  struct sym *next;
};

static struct sym *symbols;
static mtx_t sym_lock;

int sym_insert(const char *name) {
  mtx_lock(&sym_lock);
  struct sym *s = malloc(sizeof *s);
  if (!s)
    return -1; /* RACE: racelint-lock-discipline */
  s->name = strdup(name);
  s->next = symbols;
  symbols = s;
  mtx_unlock(&sym_lock);
  return 0;
}

int sym_exists(const char *name) {
  if (name[0] == '\0') {
    mtx_unlock(&sym_lock); /* RACE: racelint-lock-discipline */
    return 0;
  }
  mtx_lock(&sym_lock);
  for (struct sym *s = symbols; s; s = s->next) {
    if (strcmp(s->name, name) == 0) {
      mtx_unlock(&sym_lock);
      return 1;
    }
  }
  mtx_unlock(&sym_lock);
  return 0;
}
