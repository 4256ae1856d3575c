// The harness is hermetic: a .clang-tidy above the test project (enabling
// other checks and WarningsAsErrors), a user config.yaml that suppresses
// everything, and CLANGD_FLAGS (here --check, which would stop clangd from
// serving LSP at all) leave the result unchanged.
// RUN: rm -rf %t.root %t.home && mkdir -p %t.root %t.home/.config/clangd
// RUN: printf "Checks: 'readability-*,misc-*'\nWarningsAsErrors: '*'\n" \
// RUN:   > %t.root/.clang-tidy
// RUN: printf "Diagnostics:\n  Suppress: ['*']\n  ClangTidy:\n    Remove: ['*']\n" \
// RUN:   > %t.home/.config/clangd/config.yaml
// RUN: env HOME=%t.home XDG_CONFIG_HOME=%t.home/.config \
// RUN:     CLANGD_FLAGS=--check \
// RUN:   %clangd_lsp --checks=racelint-lock-discipline %s %t.root/t -- \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"

namespace std {
class mutex {
public:
  void lock();
  void unlock();
};
} // namespace std

std::mutex Mu;

int take(int A) {
  Mu.lock();
  if (A)
    return 1;
  // CHECK: config-isolation.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'take' returns [racelint-lock-discipline]
  // CHECK-NEXT: config-isolation.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  Mu.unlock();
  return 0;
}
