/* A C11-threads symbol table; every path releases the lock it took. */
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
  struct sym *s = malloc(sizeof *s);
  if (!s)
    return -1;
  s->name = strdup(name);
  mtx_lock(&sym_lock);
  s->next = symbols;
  symbols = s;
  mtx_unlock(&sym_lock);
  return 0;
}

int sym_exists(const char *name) {
  int found = 0;
  if (name[0] == '\0')
    return 0;
  mtx_lock(&sym_lock);
  for (struct sym *s = symbols; s && !found; s = s->next)
    found = strcmp(s->name, name) == 0;
  mtx_unlock(&sym_lock);
  return found;
}
