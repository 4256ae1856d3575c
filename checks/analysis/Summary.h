//===--- Summary.h - Per-function summaries --------------------*- C++ -*-===//
//
// What one function does, relative to its parameters (DESIGN.md section 3,
// "Summaries"): the accesses it makes with the locks held, the calls it
// makes with the arguments bound, the threads it starts and joins, and
// whether it returns fresh memory or never returns. Callers substitute
// their arguments into a callee's summary; nothing here refers to a
// caller.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_SUMMARY_H
#define RACELINT_ANALYSIS_SUMMARY_H

#include "Memory.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class CFG;
class Stmt;
} // namespace clang

namespace racelint {

enum class AccessKind { Read, Write, ReadModifyWrite };

inline bool isWrite(AccessKind K) { return K != AccessKind::Read; }

/// A lock held at a point, as an abstract location, with the name the code
/// uses for it there.
struct LockLoc {
  AbsLoc Loc;
  std::string Name;
  bool Shared = false;
};
// A std::vector, not a SmallVector: an Access is copied once per call
// chain that reaches it (RaceModel::effective), hundreds of thousands of
// times in a large header, and most hold no lock; inline storage for two
// locks made every copy 600 bytes larger.
using LockList = std::vector<LockLoc>;

/// Whether the two lock lists share a lock that excludes both sides (two
/// holders of a reader lock run together).
bool shareLock(const LockList &A, const LockList &B);
/// Whether L is in the list (by location).
bool holdsLock(const LockList &Locks, const AbsLoc &L);

/// The thread facts at one point of a function (ThreadFlow computes them).
struct ThreadPoint {
  /// Spawns of this function's summary (indices into Summary::Spawns)
  /// whose thread may be running here.
  llvm::SmallVector<unsigned, 2> Alive;
  // The three below are usually empty: no inline storage (see LockList).
  /// Once objects whose routine has certainly completed before this point.
  std::vector<AbsLoc> OncePassed;
  /// Barrier phases: how many times the thread has certainly passed each
  /// barrier (or latch) before this point.
  std::vector<std::pair<AbsLoc, unsigned>> Phases;
  /// Locks the function has acquired on every path to this point (held or
  /// not any more): ordering by lock hand-off.
  std::vector<AbsLoc> Acquired;
};

struct Access {
  /// The storage, in the terms of Function (its own Param/This roots).
  AbsLoc Loc;
  std::string Display; // as the user writes it: "cfg->level"
  AccessKind How = AccessKind::Read;
  /// An atomic operation (std::atomic, _Atomic, __sync/__atomic builtins,
  /// std::atomic_ref): it never races with another atomic one.
  bool Atomic = false;
  /// An atomic operation that orders the memory around it: an explicit
  /// acquire, release or seq_cst order, or a compare-exchange or exchange
  /// (how lock-free code publishes). It says the object around it is
  /// shared. Relaxed and implicit-order atomics (`counter++` on an
  /// `_Atomic`, a statistic) say only that their own storage is.
  bool Ordering = false;
  /// A reference to the storage is returned: it is read after the function
  /// has released its own locks.
  bool Escape = false;
  bool Volatile = false;
  const clang::Expr *E = nullptr;
  clang::SourceLocation At;
  const clang::FunctionDecl *Function = nullptr;
  LockList Locks;
  ThreadPoint Threads;
  /// `x = x op y`: a write whose value was read from the same storage.
  bool SplitRMW = false;
  /// Reads only a standard container's own bookkeeping, not its elements
  /// (`v.size()`, the begin and end of `for (auto &x : v)`): a write of the
  /// container itself (`push_back`) conflicts with it, a write of one of
  /// its elements does not.
  bool Shallow = false;
  /// `slots[id]` where id is a by-value parameter or capture: instances of
  /// one thread entry use different elements.
  bool PerInstanceElement = false;
  /// Check-then-act: the write sits in the branch of an `if` whose
  /// condition read the same storage, at CheckedAt holding CheckLocks.
  clang::SourceLocation CheckedAt;
  std::vector<std::string> CheckLocks;
  /// CheckedAt read the storage into a local earlier, and the write takes
  /// its value (StaleValue) or its branch from that local.
  bool Stale = false;
  bool StaleValue = false;
  /// Double-checked initialisation: an enclosing `if` read the storage
  /// here with no lock.
  clang::SourceLocation OuterCheckAt;

  Access() = default;
  Access(const Access &) = default;
  Access &operator=(const Access &) = default;
  // noexcept, or a growing std::vector copies every access (ThreadPoint's
  // SmallVector does not promise a non-throwing move).
  Access(Access &&) noexcept = default;
  Access &operator=(Access &&) noexcept = default;

  bool holds(llvm::StringRef LockName) const;
  bool holdsShared(llvm::StringRef LockName) const;
};

/// A call the function makes.
struct CallSite {
  const clang::Expr *Call = nullptr; // CallExpr or CXXConstructExpr
  clang::SourceLocation Loc;
  llvm::SmallVector<const clang::FunctionDecl *, 2> Callees;
  /// What each argument designates: the pointee of pointer arguments, the
  /// referent of reference arguments (by callee parameter index).
  std::vector<PtsSet> Args;
  /// The object of a member call.
  PtsSet Self;
  LockList Locks;
  ThreadPoint Threads;
  /// std::call_once / pthread_once: the once object; the callee runs once
  /// per object.
  std::optional<AbsLoc> Once;
  /// A lambda handed to the callee (an algorithm, a predicate): it runs
  /// during the call with unknown arguments.
  bool LambdaArgument = false;
  /// For each callee, the caller's spawn index of each of the callee's
  /// spawns (~0u when the caller cannot name its entry).
  std::vector<std::vector<unsigned>> SpawnMap;
};

/// A thread the function starts (itself, or in a callee it calls).
struct SpawnSite {
  /// The create expression; for a spawn inside a callee, the call in this
  /// function that leads to it.
  const clang::Expr *At = nullptr;
  clang::SourceLocation Loc;
  /// The chain of calls from this function down to the create.
  std::vector<clang::SourceLocation> Chain;
  /// The create itself (in this function or in a callee).
  clang::SourceLocation CreateLoc;
  llvm::SmallVector<const clang::FunctionDecl *, 2> Entries;
  /// The entry is a function pointer passed in this function's parameters
  /// (a spawn wrapper): callers name it.
  llvm::SmallVector<unsigned, 1> EntryParams;
  /// What the entry's parameters designate, by index.
  std::vector<PtsSet> Args;
  /// The object a member-function entry runs on.
  PtsSet Self;
  /// Where the thread handle is stored.
  PtsSet Handle;
  /// Started more than once at a time (in a loop, or from a callee called
  /// in a loop).
  bool Multi = false;
  /// Each instance gets its own argument (allocated in the loop body, or an
  /// element chosen by the loop variable).
  bool PerInstanceArg = false;
  LockList LocksAtCreate;
  /// Other spawns of this summary that may be running at the create.
  llvm::SmallVector<unsigned, 2> AliveAtCreate;
  /// Locks held continuously from the create to the join of this thread in
  /// this function: everything the thread does runs under them as far as
  /// other threads are concerned.
  LockList LocksHeldToJoin;
  /// The thread is still running when the function returns.
  bool AliveAtExit = true;
};

struct Summary {
  const clang::FunctionDecl *FD = nullptr;
  std::vector<Access> Accesses;
  std::vector<CallSite> Calls;
  std::vector<SpawnSite> Spawns;
  /// Handles the function joins (in its own terms): callers kill the
  /// threads stored there.
  std::vector<PtsSet> Joins;
  /// Joins after which code runs, by source position: for "joined later"
  /// evidence. Own joins keep their statement.
  std::vector<std::pair<clang::SourceLocation, PtsSet>> JoinPoints;
  std::vector<std::pair<const clang::Expr *, PtsSet>> OwnJoins;
  /// Threads started here whose entry is defined in another TU (the
  /// project summaries name them).
  struct ForeignSpawn {
    const clang::FunctionDecl *Entry = nullptr;
    clang::SourceLocation Loc;
    bool Multi = false;
  };
  std::vector<ForeignSpawn> ForeignSpawns;
  bool NoReturn = false;
  bool ReturnsFresh = false;
  /// Analysed (a CFG and a converged lockset); otherwise empty.
  bool Analyzed = false;
};

/// Synchronisation objects (locks, condition variables, threads, once
/// flags, barriers): touching them is not a data access.
bool isSyncType(clang::QualType T);
bool isLockType(clang::QualType T);
/// std::atomic, _Atomic and friends (arrays of them too).
bool isAtomicType(clang::QualType T);
/// A record that carries its own lock or atomics: its methods synchronise
/// themselves.
bool ownsLock(clang::QualType T);

/// L, written in Callee's terms, as the caller of C names it.
PtsSet substitute(const AbsLoc &L, const clang::FunctionDecl *Callee,
                  const CallSite &C);
PtsSet substitute(const PtsSet &P, const clang::FunctionDecl *Callee,
                  const CallSite &C);

} // namespace racelint

#endif
