/* An image filter sizes a scratch row on the stack from the current image
 * width, while the resize thread changes that width. */
#include <pthread.h>
#include <string.h>

static int img_width = 640;
static unsigned char img[1920 * 4];

static void *resizer(void *arg) {
  int w = *(const int *)arg;
  img_width = w; /* RACE: racelint-unguarded-shared-state */
  return NULL;
}

static unsigned blur_row(const unsigned char *src) {
  unsigned char row[img_width]; /* RACE: racelint-unguarded-shared-state */
  memcpy(row, src, sizeof row);
  unsigned acc = 0;
  for (size_t i = 1; i < sizeof row; i++)
    acc += (row[i - 1] + row[i]) / 2;
  return acc;
}

int main(void) {
  static const int new_width = 1920;
  pthread_t t;
  pthread_create(&t, NULL, resizer, (void *)&new_width);
  unsigned a = blur_row(img);
  pthread_join(t, NULL);
  return a == 0 ? 0 : 1;
}
