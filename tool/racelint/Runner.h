//===--- Runner.h - Analysing files, in process or in workers ---*- C++ -*-===//
//
// One file at a time in this process (-j 1), or N files at a time in N
// worker processes (racelint itself with --worker, fed file names through a
// pipe), so that a crash in one translation unit costs only that unit's
// findings. The results are in input order either way, which makes -j N's
// output the same as -j 1's.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_RUNNER_H
#define RACELINT_TOOL_RUNNER_H

#include "Findings.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>

namespace racelint::cli {

/// Compiler flags every run needs: builtin headers from the pinned clang.
std::vector<std::string> extraArgsBefore();

/// Runs the enabled checks on one file at a time in this process, so that
/// each file's errors are known and ClangTool prints no progress of its own.
class TURunner {
public:
  TURunner(clang::tidy::ClangTidyContext &Context,
           const clang::tooling::CompilationDatabase &DB,
           llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS);
  ~TURunner();
  /// Crashed is set when the analysis crashed; this process's state is then
  /// not to be trusted for another analysis.
  TUResult run(llvm::StringRef File);
  /// Gather each file's lock orders into TUResult::LockEdges.
  void collectLockGraph(bool On);
  /// Gather each file's project summary into TUResult::Summary.
  void collectSummaries(bool On);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

/// "[3/40] 5 findings, ~1m20s left  file" on one line of a terminal; plain
/// lines elsewhere; nothing with --quiet or a single file.
class Progress {
public:
  /// Summarizing: the first step of a project-wide run, which finds
  /// nothing yet ("[3/40] summarized, ~1m left  file").
  Progress(size_t Total, bool Quiet, bool Summarizing = false);
  void started(llvm::StringRef File);
  void finished(llvm::StringRef File, const TUResult &R);
  void done();

private:
  std::string status() const;
  size_t Total, Done = 0;
  bool Enabled, Terminal, Summarizing;
  llvm::StringSet<> Findings; // distinct findings so far
  std::chrono::steady_clock::time_point Start;
};

/// How to start a worker: racelint itself with the options that shape the
/// analysis (checks, config, database or flags).
struct WorkerCommand {
  std::string Program;
  std::vector<std::string> ArgsBefore; // options
  std::vector<std::string> ArgsAfter;  // "--" and compiler flags
};

/// Analyses \p Inputs, \p Jobs at a time. With one job they run in
/// \p InProcess until one crashes; the rest then go to workers.
std::vector<TUResult> analyse(llvm::ArrayRef<std::string> Inputs,
                              unsigned Jobs, TURunner &InProcess,
                              const WorkerCommand &Worker, Progress &Bar);

} // namespace racelint::cli

#endif
