// A three-stage media pipeline: decoder, mixer and output, each with its
// own mutex. Each stage pushes to the next while holding its own lock, and
// the output stage reports underruns back to the decoder under its lock:
// decoder -> mixer -> output -> decoder.
#include <mutex>
#include <thread>

std::mutex DecoderMu, MixerMu, OutputMu;
int Decoded, Mixed, Played, Underruns;

void mixerPush() {
  std::lock_guard<std::mutex> G(MixerMu);
  Mixed++;
}

void outputPush() {
  std::lock_guard<std::mutex> G(OutputMu);
  Played++;
}

void decoderUnderrun() {
  std::lock_guard<std::mutex> G(DecoderMu); // RACE: racelint-lock-order
  Underruns++;
}

void decodeStep() {
  std::lock_guard<std::mutex> G(DecoderMu);
  Decoded++;
  mixerPush();
}

void mixStep() {
  std::lock_guard<std::mutex> G(MixerMu);
  Mixed--;
  outputPush();
}

void playStep() {
  std::lock_guard<std::mutex> G(OutputMu);
  if (Played == 0)
    decoderUnderrun();
  else
    Played--;
}

int main() {
  std::thread A([] { for (int I = 0; I < 100; ++I) decodeStep(); });
  std::thread B([] { for (int I = 0; I < 100; ++I) mixStep(); });
  std::thread C([] { for (int I = 0; I < 100; ++I) playStep(); });
  A.join();
  B.join();
  C.join();
}
