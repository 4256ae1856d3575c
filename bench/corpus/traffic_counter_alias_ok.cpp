// A NIC driver shim picks the counter to bump through a local pointer; the
// update and the stats endpoint both hold the stats mutex.
#include <cstdio>
#include <mutex>
#include <thread>

static long g_rx_bytes;
static long g_tx_bytes;
static std::mutex g_stats_mu;

static void account(bool inbound, long n) {
  long *ctr = inbound ? &g_rx_bytes : &g_tx_bytes;
  std::lock_guard<std::mutex> g(g_stats_mu);
  *ctr += n;
}

static void rx_loop() {
  for (int i = 0; i < 1000; ++i)
    account(true, 1500);
}

int main() {
  std::thread rx(rx_loop);
  std::thread tx([] {
    for (int i = 0; i < 1000; ++i)
      account(false, 64);
  });
  {
    std::lock_guard<std::mutex> g(g_stats_mu);
    std::printf("rx=%ld\n", g_rx_bytes);
  }
  rx.join();
  tx.join();
  std::printf("tx=%ld\n", g_tx_bytes);
  return 0;
}
