//===--- Lockset.h - Flow-sensitive lockset analysis over clang::CFG -*- C++ -*-===//
//
// Forward dataflow per function: which locks are held (must and may) at
// every point, the lock events on the way, and the lock-discipline
// anomalies (leaks, double locks, bad unlocks) found when the converged
// states are replayed.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_LOCKSET_H
#define RACELINT_ANALYSIS_LOCKSET_H

#include "LockOps.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceLocation.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace racelint {

struct HeldLock {
  LockRef Lock;
  LockMode Mode = LockMode::Exclusive;
  clang::SourceLocation AcquireLoc;
  unsigned Depth = 1;
  /// The RAII guard that releases it, if any.
  const clang::VarDecl *Guard = nullptr;
  /// Held on every path (false: on some paths only).
  bool Must = true;
  /// Held on entry by contract (requires_capability / release_capability).
  bool FromEntry = false;
  /// Held exactly when this local (or global, or field, that the function
  /// never writes) has this truth value: keeps
  /// `if (c) lock(); ... if (c) unlock();` precise.
  const clang::ValueDecl *CondVar = nullptr;
  bool CondValue = false;
  /// Another lock was unlocked (not held, never seen taken) while this one
  /// was held: if this one is then still held at exit, that unlock was
  /// meant for it.
  std::string MismatchWith;
  clang::SourceLocation MismatchLoc;
  /// Where an unlock through a pointer that may designate this lock made it
  /// held on some paths only.
  clang::SourceLocation MayReleaseLoc;

  bool operator==(const HeldLock &O) const {
    return Lock.Key == O.Lock.Key && Mode == O.Mode && Depth == O.Depth &&
           Guard == O.Guard && Must == O.Must && FromEntry == O.FromEntry &&
           CondVar == O.CondVar && CondValue == O.CondValue &&
           AcquireLoc == O.AcquireLoc && MismatchLoc == O.MismatchLoc;
  }
};

struct GuardState {
  enum Ownership { No, Yes, Maybe };
  llvm::SmallVector<LockRef, 2> Locks;
  LockMode Mode = LockMode::Exclusive;
  Ownership Owns = No;
  GuardKind Kind = GuardKind::None;
  clang::SourceLocation Loc;
  /// The guard's locks unlocked by hand inside its scope, with where. A
  /// matching lock() gives them back to the guard; still unlocked when the
  /// guard dies means a double unlock.
  std::map<std::string, clang::SourceLocation> HandReleased;
  /// A guard of a dependent type (in a template analysed uninstantiated)
  /// has no destructor in the CFG: it dies when control leaves this block.
  const clang::Stmt *Scope = nullptr;
  bool operator==(const GuardState &O) const {
    return Owns == O.Owns && Mode == O.Mode && Kind == O.Kind &&
           Scope == O.Scope &&
           HandReleased == O.HandReleased &&
           Locks.size() == O.Locks.size() &&
           std::equal(Locks.begin(), Locks.end(), O.Locks.begin());
  }
};

/// A try-lock whose outcome is decided by a later branch.
struct PendingTry {
  LockOp Op;
  const clang::VarDecl *Guard = nullptr;
  clang::SourceLocation Loc;
  bool operator==(const PendingTry &O) const {
    return Guard == O.Guard && Loc == O.Loc;
  }
};

/// The abstract state at one program point.
struct LockState {
  bool Reachable = false;
  std::map<std::string, HeldLock> Held;
  /// Locks known not held because they were released (or a try-lock of
  /// them failed) earlier on some path, with where.
  struct ReleaseSite {
    clang::SourceLocation Loc;
    bool FailedTry = false;
    bool operator==(const ReleaseSite &O) const {
      return Loc == O.Loc && FailedTry == O.FailedTry;
    }
  };
  std::map<std::string, ReleaseSite> Released;
  std::map<const clang::VarDecl *, GuardState> Guards;
  std::map<const clang::VarDecl *, PendingTry> TryVars;
  std::map<const clang::Expr *, PendingTry> PendingCalls;
  /// Truth values of locals known on this path (locals whose address
  /// never escapes; assignments update them).
  std::map<const clang::ValueDecl *, bool> Facts;
  /// Local pointers and references bound to a lock: a key prefix as written
  /// through the alias ("*p", "p->", "r", "r.") and what it stands for.
  std::map<std::string, std::string> Aliases;
  /// Local pointers that designate one of several locks (`p = c ? &a : &b`,
  /// or bound differently on two joining paths), by the same prefixes: an
  /// unlock through one may release any of them.
  std::map<std::string, std::vector<std::string>> MayAliases;
  /// Locks named through a handle this path tested null (`if (lk)` around
  /// the lock call): on this path there is no lock, so a join with a path
  /// that holds it keeps it held.
  std::set<std::string> NullLocks;
  /// Lock keys produced by calls in the current block (`l.release()`), for
  /// the declaration that binds the result. Not part of the state proper.
  std::map<const clang::Expr *, std::string> CallTargets;
  /// Locks operated on (acquired or released) on every path to this point;
  /// the first operation on a lock outside this set is, on some path, the
  /// first one on that lock in the function (wrapper inference).
  std::set<std::string> MustTouched;
  /// Locks operated on on some path to this point.
  std::set<std::string> MayTouched;

  bool operator==(const LockState &O) const {
    return Reachable == O.Reachable && Held == O.Held &&
           Released == O.Released && Guards == O.Guards &&
           TryVars == O.TryVars && Facts == O.Facts && Aliases == O.Aliases &&
           MayAliases == O.MayAliases && NullLocks == O.NullLocks &&
           MustTouched == O.MustTouched && MayTouched == O.MayTouched;
  }
  bool isHeld(llvm::StringRef Key) const { return Held.count(Key.str()); }
  bool isMustHeld(llvm::StringRef Key) const {
    auto It = Held.find(Key.str());
    return It != Held.end() && It->second.Must;
  }
};

struct LockAnomaly {
  enum AnomalyKind {
    NotReleased,      // held when the function returns
    DoubleLock,       // non-recursive lock taken while held
    DoubleUnlock,     // released twice
    UnlockMismatch,   // unlocking a lock other than the one held
    NotHeldOnAllPaths,// released where it is held on some paths only
    ModeMismatch,     // shared lock released as exclusive or vice versa
    UnlockGuarded,    // manual unlock of a lock a guard will release
    GuardRelock,      // guard.lock() while the guard owns its mutex
    GuardNotOwned,    // guard.unlock() while the guard owns nothing
    UnlockAfterFailedTry, // released on a path where its try-lock failed
    UnlockNotHeld,    // released where it is not held, though the function
                      // takes it itself on other paths (or no caller holds it)
    CalleeRelock,     // a callee locks a non-recursive lock the caller holds
    RereadLock,       // unlocked through a pointer field that may have
                      // changed since the lock (another mutex, then)
  };
  AnomalyKind Kind;
  std::string Lock;
  std::string Other; // the lock or guard the message contrasts with
  clang::SourceLocation Loc;
  clang::SourceLocation Related;
  bool AllPaths = true;
  /// CalleeRelock: the calls from the reporting function down to the one
  /// that locks (outermost first), for notes.
  std::vector<std::pair<clang::SourceLocation, std::string>> Chain;
};

struct LockEvent {
  enum EventKind { Acquire, TryAcquire, Release, GuardAcquire, GuardRelease };
  EventKind Kind;
  std::string Lock;
  LockMode Mode;
  clang::SourceLocation Loc;
  /// Only with LockConfig::RecordEventLocksets.
  std::vector<std::string> MustAfter, MayAfter;
};

/// What a call of an unannotated function does to a lock, as inferred from
/// the callee's body (TUModel's wrapper inference). The lock is named in the
/// callee's terms; call sites substitute `this` and parameters.
struct WrapperEffect {
  enum EffectKind {
    Acquire,    // returns holding it on every exit
    TryAcquire, // returns holding it exactly when the result says success
    Release,    // releases it (held by the caller) on every path
    Unknown,    // may or may not release it: forget that it was released
  };
  EffectKind Kind = Acquire;
  LockRef Lock;
  LockMode Mode = LockMode::Exclusive;
  /// TryAcquire: success is a zero result (else a non-zero/non-null one).
  bool SuccessIsZero = false;
};

/// Inferred effects by callee (canonical declaration).
using WrapperTable =
    std::map<const clang::FunctionDecl *, std::vector<WrapperEffect>>;

/// Results of the lockset analysis of one function.
struct FunctionLocks {
  /// False when the function has no CFG or the fixpoint ran out of budget;
  /// then nothing is reported about it.
  bool Analyzed = false;
  std::vector<LockEvent> Events;
  /// Each blocking acquisition with the locks certainly held just before
  /// it (lock order: an edge from each of them to the acquired lock). Not
  /// the other members of one `std::lock` / `std::scoped_lock`: those are
  /// taken together, deadlock-free. Try-locks do not block and are not
  /// here (but a lock taken while a try-locked one is held is).
  struct Acquisition {
    struct Held {
      LockRef Lock;
      LockMode Mode = LockMode::Exclusive;
      clang::SourceLocation Loc;
      bool FromEntry = false;
    };
    LockRef Lock;
    LockMode Mode = LockMode::Exclusive;
    clang::SourceLocation Loc;
    std::vector<Held> HeldBefore;
  };
  std::vector<Acquisition> Acquisitions;
  std::vector<LockAnomaly> Anomalies;
  /// Must-held locks at each call or member access, for the checks that
  /// need the lockset at an access. Lock operations on library locks
  /// (`mu.lock()`, `pthread_mutex_lock(&mu)`, a guard's construction, and
  /// everything inside them) have none: they touch no data of the program.
  std::map<const clang::Stmt *, std::vector<std::string>> MustAt;

  /// One normal exit (a return or the end of the body; not a throw, not a
  /// noreturn call): the locks held there and what is returned.
  struct ExitPoint {
    enum ReturnKind { NoValue, Zero, NonZero, Other };
    ReturnKind Ret = NoValue;
    /// `return v;` of a local or parameter.
    const clang::VarDecl *RetVar = nullptr;
    std::map<std::string, HeldLock> Held;
  };
  std::vector<ExitPoint> Exits;
  /// Locks whose first operation on some path from the entry is an acquire
  /// (resp. a release), with the mode of that operation.
  std::map<std::string, std::pair<LockRef, LockMode>> FirstAcquired,
      FirstReleased;
  /// Locks operated on at a point some path to which already operated on
  /// them (so not every operation on them is a first one).
  std::set<std::string> Retouched;
  /// The subset of MustAt held in shared (reader) mode: a write under one of
  /// these races with the other readers.
  std::map<const clang::Stmt *, std::vector<std::string>> SharedAt;
  /// The first reference that named each lock key (with the expression the
  /// memory model resolves).
  std::map<std::string, LockRef> KeyRefs;
  /// Releases of a lock that is neither held nor known released at that
  /// point: a hand-off from the caller, or a mistake (TUModel decides with
  /// the facts of the whole TU). Via: the callee that releases it, if the
  /// release is a call of an inferred wrapper.
  struct UnheldRelease {
    std::string Key;
    clang::SourceLocation Loc;
    const clang::FunctionDecl *Via = nullptr;
  };
  std::vector<UnheldRelease> UnheldReleases;
  /// Calls of functions inferred to release one of the caller's locks on
  /// some paths only, and whether the caller holds it there (evidence that
  /// the callee's release is a hand-off and not a mistake).
  struct ReleasingCall {
    const clang::FunctionDecl *Callee = nullptr; // canonical
    std::string CalleeKey;                       // the lock, callee's terms
    bool Held = false;
  };
  std::vector<ReleasingCall> ReleasingCalls;
};

/// Runs the analysis on one function body.
class LocksetAnalysis {
public:
  /// Wrappers: inferred effects of callees, applied at their call sites.
  /// Entry: locks inferred to be held by the caller on entry.
  LocksetAnalysis(
      const clang::FunctionDecl *FD, const clang::CFG &Cfg,
      const LockRecognizer &Recognizer, clang::ASTContext &Ctx,
      const WrapperTable *Wrappers = nullptr,
      llvm::ArrayRef<std::pair<LockRef, LockMode>> Entry = {},
      const llvm::DenseSet<const clang::FunctionDecl *> *NoReturn = nullptr);
  FunctionLocks run();

  /// Per-function fixpoint budget: block visits per block.
  static constexpr unsigned VisitsPerBlock = 16;

private:
  struct Transfer;
  LockState entryState() const;
  void join(LockState &Into, const LockState &From) const;
  LockState edgeState(const clang::CFGBlock &B, const LockState &Out,
                      unsigned SuccIndex) const;
  void applyBlock(const clang::CFGBlock &B, LockState &S,
                  FunctionLocks *Report) const;
  void checkExit(const clang::CFGBlock &Pred, const LockState &S,
                 FunctionLocks &Report) const;
  void recordExit(const clang::CFGBlock &Pred, const LockState &S,
                  FunctionLocks &Report) const;

  const clang::FunctionDecl *FD;
  const clang::CFG &Cfg;
  const LockRecognizer &R;
  clang::ASTContext &Ctx;
  /// Locals modified in any way (kept for compatibility).
  llvm::DenseSet<const clang::VarDecl *> Modified;
  /// Locals that may change behind the analysis' back: address taken,
  /// captured by reference, passed by non-const reference.
  llvm::DenseSet<const clang::VarDecl *> Escaped;
  /// Fields the function writes (assigns, increments, takes the address
  /// of): a branch on any other field is a stable fact.
  llvm::DenseSet<const clang::FieldDecl *> ModifiedFields;
  /// Statements of lock operations on library locks: no lockset is
  /// recorded at them (see MustAt).
  llvm::DenseSet<const clang::Stmt *> LockSyntax;
  /// Locks the caller holds by contract (requires_capability and
  /// release_capability); never reported as leaked.
  std::set<std::string> EntryKeys;
  const WrapperTable *Wrappers;
  /// Functions (canonical declarations) that never return: a call of one
  /// ends the path.
  const llvm::DenseSet<const clang::FunctionDecl *> *NoReturn;
  llvm::SmallVector<std::pair<LockRef, LockMode>, 2> InferredEntry;
};

/// CFG options every racelint analysis uses (implicit destructors, all
/// sub-expressions as elements).
clang::CFG::BuildOptions racelintCFGOptions();

/// The blocks of Cfg reachable from its entry, in reverse post-order, and
/// each block's index in that order (Order, by block ID; ~0u when
/// unreachable). Null successors (edges the CFG knows impossible) are
/// skipped.
std::vector<const clang::CFGBlock *>
reversePostOrder(const clang::CFG &Cfg, std::vector<unsigned> &Order);

} // namespace racelint

#endif
