//===--- LocksetDump.h - racelint --dump-locksets ---------------*- C++ -*-===//

#ifndef RACELINT_TOOL_LOCKSETDUMP_H
#define RACELINT_TOOL_LOCKSETDUMP_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace racelint::cli {

/// Prints each function's lock events, locksets and anomalies.
int dumpLocksets(clang::tidy::ClangTidyOptionsProvider &Provider,
                 const clang::tooling::CompilationDatabase &DB,
                 llvm::ArrayRef<std::string> Inputs);

} // namespace racelint::cli

#endif
