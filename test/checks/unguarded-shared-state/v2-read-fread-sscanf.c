// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread -D_GNU_SOURCE
// read, fread and the scanf family store into the buffers they are given.
// Filling shared storage bare while a worker reads it races; the twins fill
// their buffers under the lock the worker takes.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t io_mu = PTHREAD_MUTEX_INITIALIZER;

static char packet[256];         /* read() bare */
static char packet_ok[256];
static unsigned char blob[64];   /* fread() bare */
static unsigned char blob_ok[64];
static int port;                 /* sscanf() bare */
static int port_ok;

static void *consume(void *unused) {
  (void)unused;
  int sum = packet[0] + blob[0] + port;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'packet[0]' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: warning: 'blob[0]' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-MESSAGES: :[[@LINE-3]]:35: warning: 'port' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_mutex_lock(&io_mu);
  sum += packet_ok[0] + blob_ok[0] + port_ok;
  pthread_mutex_unlock(&io_mu);
  return (void *)(long)sum;
}

int main(int argc, char **argv) {
  (void)argc;
  pthread_t t;
  pthread_create(&t, NULL, consume, NULL);

  ssize_t n = read(0, packet, sizeof packet);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: '*packet' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  FILE *f = fopen(argv[0], "rb");
  size_t got = fread(blob, 1, sizeof blob, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: '*blob' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  sscanf("port=8080", "port=%d", &port);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'port' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]

  pthread_mutex_lock(&io_mu);
  n += read(0, packet_ok, sizeof packet_ok);
  got += fread(blob_ok, 1, sizeof blob_ok, f);
  sscanf("port=8080", "port=%d", &port_ok);
  pthread_mutex_unlock(&io_mu);

  fclose(f);
  pthread_join(t, NULL);
  return (int)n + (int)got;
}
