//===--- Threads.h - Who runs when -----------------------------*- C++ -*-===//
//
// DESIGN.md section 3, "Threads and happens-before". Two parts:
//
// - ThreadFlow: a forward dataflow over one function's CFG that says, at
//   every statement, which of the threads the function starts may still be
//   running (each create matched to its join through the handle), which
//   once routines have completed, how many barrier phases have passed and
//   which locks have been acquired on every path.
// - ThreadTree: the threads of the whole TU, rooted at main() and at the
//   functions other code can call, each spawn a child of the context that
//   starts it; and the question the race layer asks of two accesses: can
//   they run at the same time?
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_THREADS_H
#define RACELINT_ANALYSIS_THREADS_H

#include "Summary.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class CFG;
class Stmt;
class VarDecl;
} // namespace clang

namespace racelint {

/// The thread events of one function, by statement, gathered by the
/// summary builder.
struct ThreadEvents {
  /// Spawns (indices into the summary's spawns) started at a statement: a
  /// create, or a call whose callee returns with the thread running.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>> Starts;
  /// Handles joined at a statement (own joins and joins inside callees).
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<PtsSet, 1>> Joins;
  /// Once objects whose routine has completed after a statement.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<AbsLoc, 1>> OnceDone;
  /// Barriers and latches passed at a statement.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<AbsLoc, 1>> Barriers;
  /// Locks acquired at a statement.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<AbsLoc, 1>> Acquires;
  /// Locals whose destruction joins a thread (std::jthread, containers of
  /// them, futures of std::async).
  llvm::DenseMap<const clang::VarDecl *, PtsSet> JoinAtScopeEnd;
  /// Loops whose body joins every element of a handle array: the join is
  /// complete when the loop exits.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<PtsSet, 1>>
      LoopExitJoins;
  /// The handle of each spawn (by index).
  std::vector<PtsSet> SpawnHandles;
  /// Statements after which control never continues (calls of functions
  /// that never return).
  llvm::DenseSet<const clang::Stmt *> NoReturn;
  /// Creates whose result reports failure (pthread_create, thrd_create):
  /// the spawns that did not happen when a branch tests it non-zero.
  llvm::DenseMap<const clang::Expr *, llvm::SmallVector<unsigned, 1>>
      CreateResults;
  clang::ASTContext *Ctx = nullptr;
  /// The statements whose facts are wanted (accesses, calls, creates);
  /// the others are not recorded.
  llvm::DenseSet<const clang::Stmt *> Wanted;
};

/// Whether a join of handle J ends the thread whose handle is S.
bool joinMatches(const PtsSet &J, const PtsSet &S, bool WholeArray = false);

class ThreadFlow {
public:
  ThreadFlow(const clang::CFG &Cfg, const ThreadEvents &Ev)
      : Cfg(Cfg), Ev(Ev) {}
  /// Runs to a fixpoint; false when the budget ran out (then every spawn is
  /// taken to be alive everywhere after its create).
  bool run();
  /// The facts before each statement of the CFG.
  const llvm::DenseMap<const clang::Stmt *, ThreadPoint> &points() const {
    return Points;
  }
  /// Spawns that may still run when the function returns.
  const llvm::SmallVector<unsigned, 2> &aliveAtExit() const {
    return AliveAtExit;
  }

private:
  struct State;
  const clang::CFG &Cfg;
  const ThreadEvents &Ev;
  llvm::DenseMap<const clang::Stmt *, ThreadPoint> Points;
  llvm::SmallVector<unsigned, 2> AliveAtExit;
};

} // namespace racelint

#endif
