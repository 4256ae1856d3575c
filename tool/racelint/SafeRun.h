//===--- SafeRun.h - One analysis on a big stack, under crash recovery -*- C++ -*-===//
//
// clang's parser and semantic analysis, and racelint's model, recurse over
// the nesting of the code: 2,000 nested parentheses or a 30,000-operand
// expression overflow a default 8 MiB stack. Each analysis runs on a thread
// with a much larger stack, and a stack overflow beyond it (or any other
// crash) is caught and reported for that file instead of killing the run.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_SAFERUN_H
#define RACELINT_TOOL_SAFERUN_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace racelint::cli {

/// Stack of the analysis thread. Only the pages a file needs are used.
constexpr unsigned long long AnalysisStackSize = 1ull << 29; // 512 MiB

/// Turns crash recovery on for the process, with handlers that also work
/// when the crash is a stack overflow (they run on an alternate stack).
void enableCrashRecovery();

/// Runs \p Fn on a thread with AnalysisStackSize bytes of stack, under a
/// crash recovery context when enableCrashRecovery() was called. False when
/// \p Fn crashed; the process's state is then not to be trusted.
bool runSafelyOnBigStack(llvm::function_ref<void()> Fn);

} // namespace racelint::cli

#endif
