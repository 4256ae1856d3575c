//===--- SafeRun.cpp - One analysis on a big stack, under crash recovery --===//

#include "SafeRun.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include <iterator>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

namespace racelint::cli {

namespace {

// The signals a stack overflow raises.
constexpr int OverflowSignals[] = {SIGSEGV, SIGBUS};
struct sigaction RecoveryActions[std::size(OverflowSignals)];

/// LLVM's crash recovery handler runs on the stack that crashed, so a stack
/// overflow would kill the process before it could recover. This one runs
/// on the thread's alternate stack and hands the signal to it.
void onCrashSignal(int Sig, siginfo_t *Info, void *Context) {
  const struct sigaction &Next = RecoveryActions[Sig == SIGSEGV ? 0 : 1];
  if (Next.sa_flags & SA_SIGINFO) {
    Next.sa_sigaction(Sig, Info, Context);
    return;
  }
  if (Next.sa_handler != SIG_DFL && Next.sa_handler != SIG_IGN) {
    Next.sa_handler(Sig);
    return;
  }
  signal(Sig, SIG_DFL);
  raise(Sig);
}

struct ThreadArgs {
  llvm::function_ref<void()> Fn;
  bool Ok = false;
};

void *analysisThread(void *P) {
  auto *A = static_cast<ThreadArgs *>(P);
  constexpr size_t AltSize = 256 * 1024;
  void *Alt = malloc(AltSize);
  stack_t SS = {};
  SS.ss_sp = Alt;
  SS.ss_size = AltSize;
  bool HaveAlt = Alt && sigaltstack(&SS, nullptr) == 0;
  {
    llvm::CrashRecoveryContext CRC;
    A->Ok = CRC.RunSafely(A->Fn);
  }
  if (HaveAlt) {
    stack_t Off = {};
    Off.ss_flags = SS_DISABLE;
    sigaltstack(&Off, nullptr);
  }
  free(Alt);
  return nullptr;
}

} // namespace

void enableCrashRecovery() {
  llvm::CrashRecoveryContext::Enable();
  for (size_t I = 0; I < std::size(OverflowSignals); ++I) {
    struct sigaction Mine = {};
    Mine.sa_sigaction = onCrashSignal;
    Mine.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&Mine.sa_mask);
    sigaction(OverflowSignals[I], &Mine, &RecoveryActions[I]);
  }
}

bool runSafelyOnBigStack(llvm::function_ref<void()> Fn) {
  ThreadArgs A{Fn};
  pthread_attr_t Attr;
  pthread_t Thread;
  bool Started = false;
  if (pthread_attr_init(&Attr) == 0) {
    // A guard larger than any frame, so that an overflow cannot jump it.
    Started = pthread_attr_setstacksize(&Attr, AnalysisStackSize) == 0 &&
              pthread_attr_setguardsize(&Attr, 1 << 20) == 0 &&
              pthread_create(&Thread, &Attr, analysisThread, &A) == 0;
    pthread_attr_destroy(&Attr);
  }
  if (!Started) {
    // No room for the stack (an address-space limit): the current one.
    analysisThread(&A);
    return A.Ok;
  }
  pthread_join(Thread, nullptr);
  return A.Ok;
}

} // namespace racelint::cli
