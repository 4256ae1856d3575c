// Every way of giving clangd the compile flags works with racelint-clangd:
// compile_commands.json named by --compile-commands-dir, found by clangd in
// a build/ directory, named by .clangd's CompileFlags: CompilationDatabase,
// and compile_flags.txt. The #error proves the flags were applied.
// RUN: %clangd_lsp --flags-from=dir-flag %s %t -- -DFLAGS_APPLIED \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --flags-from=build-dir %s %t -- -DFLAGS_APPLIED \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --flags-from=clangd-config %s %t -- -DFLAGS_APPLIED \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --flags-from=flags-file %s %t -- -DFLAGS_APPLIED \
// RUN:   | FileCheck %s --implicit-check-not="{{error|warning|info|hint|note}}:"
#ifndef FLAGS_APPLIED
#error the compile flags were not applied
#endif

// A stand-in for <mutex>, to keep this test fast.
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
  // CHECK: compile-commands.cpp:[[@LINE-1]]:5: warning: 'Mu' is still held when 'take' returns [racelint-lock-discipline]
  // CHECK-NEXT: compile-commands.cpp:[[@LINE-4]]:6: note: 'Mu' acquired here
  Mu.unlock();
  return 0;
}
