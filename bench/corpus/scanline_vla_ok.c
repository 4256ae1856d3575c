/* An image filter sizes a scratch row on the stack from the image width,
 * which it reads under the image lock the resize thread also takes. */
#include <pthread.h>
#include <string.h>

static int img_width = 640;
static unsigned char img[1920 * 4];
static pthread_mutex_t img_lock = PTHREAD_MUTEX_INITIALIZER;

static void *resizer(void *arg) {
  int w = *(const int *)arg;
  pthread_mutex_lock(&img_lock);
  img_width = w;
  pthread_mutex_unlock(&img_lock);
  return NULL;
}

static unsigned blur_row(const unsigned char *src) {
  pthread_mutex_lock(&img_lock);
  int width = img_width;
  pthread_mutex_unlock(&img_lock);
  unsigned char row[width];
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
