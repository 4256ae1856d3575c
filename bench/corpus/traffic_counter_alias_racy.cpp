// A NIC driver shim picks the counter to bump through a local pointer; the
// RX thread counts with no lock while the stats endpoint reads the same
// counters.
#include <cstdio>
#include <thread>

static long g_rx_bytes;
static long g_tx_bytes;

static void account(bool inbound, long n) {
  long *ctr = inbound ? &g_rx_bytes : &g_tx_bytes;
  *ctr += n; // RACE: racelint-nonatomic-rmw
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
  std::printf("rx=%ld\n", g_rx_bytes); // RACE: racelint-unguarded-shared-state
  rx.join();
  tx.join();
  std::printf("tx=%ld\n", g_tx_bytes);
  return 0;
}
