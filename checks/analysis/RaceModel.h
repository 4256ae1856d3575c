//===--- RaceModel.h - Races and guards ------------------------*- C++ -*-===//
//
// DESIGN.md section 3, "Races and guards" and "Evidence of concurrency":
// the accesses of every thread context of the TU, resolved to abstract
// locations, the lock inferred to guard each storage, and the races: pairs
// of accesses to overlapping storage, at least one a write, that may run
// at the same time with no common lock. Checks turn races into
// diagnostics; they decide nothing about concurrency themselves.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_RACEMODEL_H
#define RACELINT_ANALYSIS_RACEMODEL_H

#include "Summary.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class RecordDecl;
} // namespace clang

namespace racelint {

class TUModel;
class SummaryBuilder;

/// Options of the race model (shared by the race checks).
struct RaceConfig {
  std::vector<std::string> ConcurrentClasses;
  std::vector<std::string> ThreadEntryFunctions;
  /// Functions that set state up before other threads can see it (C's
  /// constructors); names may be globs.
  std::vector<std::string> InitFunctions;
  double MinGuardedRatio = 0.5;
  std::string fingerprint() const;
};

/// A thread context: main(), a function other code may call (an external
/// entry point), or a thread started by another context.
struct ThreadContext {
  enum ContextKind { Main, External, Spawned };
  ContextKind Kind = External;
  /// The root function (main, the entry point, or the thread's entry).
  const clang::FunctionDecl *Root = nullptr;
  int Parent = -1;
  /// Spawned: the spawn in the parent's root summary.
  unsigned Spawn = 0;
  /// Several instances run at once.
  bool Multi = false;
  unsigned Depth = 0;
  /// Locks the thread holds for its whole life (taken first, never
  /// released): they do not make a guard.
  LockList WholeLife;
  /// External: a thread another TU of the project starts runs the root
  /// (the project summaries say so).
  bool ProjectThread = false;
  /// External: the project's summaries say only main()'s thread runs the
  /// root (a shutdown path called from main in another file): it never
  /// runs beside itself, main, or another such root.
  bool MainThread = false;
};

/// An optional value kept on the heap, copied by value. A RootAccess is
/// copied once per call chain that reaches its access (hundreds of
/// thousands of times in a large header), and an inline AbsLoc that is
/// almost always absent cost 270 bytes a copy.
template <typename T> class HeapOptional {
public:
  HeapOptional() = default;
  HeapOptional(const HeapOptional &O)
      : P(O.P ? std::make_unique<T>(*O.P) : nullptr) {}
  HeapOptional(HeapOptional &&) = default;
  HeapOptional &operator=(const HeapOptional &O) {
    P = O.P ? std::make_unique<T>(*O.P) : nullptr;
    return *this;
  }
  HeapOptional &operator=(HeapOptional &&) = default;
  HeapOptional &operator=(const T &V) {
    P = std::make_unique<T>(V);
    return *this;
  }
  explicit operator bool() const { return P != nullptr; }
  T &operator*() { return *P; }
  const T &operator*() const { return *P; }
  T *operator->() { return P.get(); }
  const T *operator->() const { return P.get(); }

private:
  std::unique_ptr<T> P;
};

/// An access seen from a thread context, with its storage resolved.
struct RootAccess {
  Access A;
  unsigned Context = 0;
  const clang::FunctionDecl *Root = nullptr;
  /// The calls from the root down to A.Function.
  std::vector<const CallSite *> Chain;
  /// Locks named relative to the accessed object (`^1.mu` for the `mu` of
  /// the same struct), absolute otherwise; shared-mode flags alongside.
  std::vector<std::string> RelLocks;
  std::vector<bool> RelShared;
  /// The RelLocks name of each lock of A.Locks, in the same order.
  std::vector<std::string> LockRel;
  /// Of RelLocks, the locks found through the value of the accessed storage
  /// itself (`c->cur->mu` at an access to `c->cur`): the storage picks the
  /// lock, so the lock cannot be what protects it.
  std::vector<std::string> ThroughLocks;
  /// Run inside the routine of this once object.
  HeapOptional<AbsLoc> InOnce;
  /// The location derives from a thread argument each instance owns.
  bool PerInstance = false;
  /// Reached through a pointer racelint could not follow (known by type
  /// only even before the root's parameters were made type-only).
  bool Untracked = false;
  /// Made while copying, moving or swapping a whole object (inTransfer).
  bool Transfer = false;
  /// Of RelLocks, the locks of the root's own object (`this`) held at an
  /// access to an object the root's caller hands in (a parameter).
  std::vector<std::string> ForeignLocks;
  /// Grouping key of the storage ("g:tab[*].n", "type:conn.refs").
  std::string Key;
  /// A.Loc.key() of the grouped location, computed once in collect():
  /// guard inference and pairing compare it many times per access.
  std::string LocKey;
  /// The steps grouping by type cut off the front of the path, one
  /// character each ('*' a dereference, 'f' another step), so that a lock
  /// named relative to the uncut path can still be spelled.
  std::string CutPrefix;

  RootAccess() = default;
  RootAccess(const RootAccess &) = default;
  RootAccess &operator=(const RootAccess &) = default;
  // noexcept, or std::vector copies every access when it grows (the path's
  // SmallVector does not promise a non-throwing move).
  RootAccess(RootAccess &&) noexcept = default;
  RootAccess &operator=(RootAccess &&) noexcept = default;

  bool holdsAny() const { return !RelLocks.empty(); }
  /// The location where a warning about this access goes when no other
  /// instance disagrees: the access itself.
  clang::SourceLocation loc() const { return A.At; }
};

/// A race reported at one access, with the other side.
struct Race {
  enum RaceKind {
    Deviant,   // the storage has a guard; this access lacks it
    Symmetric, // no guard decides: both sides are reported
  };
  RaceKind Kind = Symmetric;
  const RootAccess *Access = nullptr;
  const RootAccess *Partner = nullptr;
  /// Where to warn: the access, or the call that made it racy.
  clang::SourceLocation ReportAt;
  /// Deviant: the guard, how often it is held, and a guarded write.
  std::string Guard;
  unsigned Held = 0, Total = 0;
  /// The field tied, and its object's other fields decided: how many of
  /// their statements hold the guard (ObjTotal 0 otherwise).
  unsigned ObjHeld = 0, ObjTotal = 0;
  const RootAccess *Example = nullptr;
  /// The guard is held, but only in shared mode, at a write.
  bool SharedWrite = false;
  /// A race on a local of the spawning function shared with a thread by
  /// reference, between the spawner and a thread (thread-capture's).
  bool CapturedLocal = false;
  /// ... and Access is the spawner's side.
  bool SpawnerSide = false;
};

class RaceModel {
public:
  RaceModel(TUModel &TU, const RaceConfig &Config);
  ~RaceModel();

  const std::vector<ThreadContext> &contexts() const { return Contexts; }
  /// Whether the TU starts any thread.
  bool startsThreads() const { return StartsThreads; }
  /// The races, one per access statement and storage, in source order.
  const std::vector<Race> &races() const { return Races; }
  /// Root accesses per storage key.
  const std::map<std::string, std::vector<RootAccess>> &storages() const {
    return ByKey;
  }
  /// Whether two accesses may run at the same time (ignoring locks).
  bool mayRunConcurrently(const RootAccess &X, const RootAccess &Y) const;
  /// Whether the two accesses share a lock that excludes them.
  static bool commonLock(const RootAccess &X, const RootAccess &Y);

  const Summary &summaryOf(const clang::FunctionDecl *FD);
  /// The unlocked first check of a double-checked initialisation: a read
  /// nonatomic-rmw reports as that pattern (not as a plain race).
  bool isDoubleCheckRead(const RootAccess &A) const {
    return !isWrite(A.A.How) &&
           DoubleCheckReads.count(A.A.At.getRawEncoding());
  }
  /// The guard of the storage with this key ("" when none), for notes.
  std::string guardName(const std::string &Key) const;
  const RaceConfig &config() const { return Config; }
  /// The lock Rel (named relative to an access) as the code around access
  /// A would name it; Fallback when it cannot be written.
  static std::string nameFor(const RootAccess &A, const std::string &Rel,
                             const std::string &Fallback);
  /// Where the thread of a spawned context is started (in its parent's
  /// root function), and whether that root joins it.
  clang::SourceLocation spawnLoc(unsigned Ctx, bool &Joined);
  /// "called from 'f' here" steps of an access, outermost first.
  std::string describeChain(const RootAccess &A) const;

private:
  struct Effective;
  const std::vector<RootAccess> &effective(const clang::FunctionDecl *FD);
  void findRoots();
  void buildContexts();
  void addContext(ThreadContext C);
  void collect();
  void resolve(RootAccess &RA);
  /// The functions along RA's chain: the root, then each callee down to
  /// the function that makes the access (empty when they cannot be told).
  std::vector<const clang::FunctionDecl *> chainFunctions(const RootAccess &RA);
  /// Where the value of a computed element index (`it->cls`) is read from,
  /// in the terms of RA's root, as a key; "" when it cannot be placed.
  std::string indexSource(const ElemIndex &I, const RootAccess &RA,
                          const std::vector<const clang::FunctionDecl *> &Fns);
  /// L with the parameters of spawned threads' entries bound to what their
  /// spawners passed, up to the context's root.
  PtsSet bindLoc(const AbsLoc &L, unsigned Ctx) const;
public:
  /// L with a root's own parameters and `this` replaced by their type.
  static AbsLoc typeOnly(const AbsLoc &L);

private:
  void findRaces();
  bool evidence(const RootAccess &X, const RootAccess &Y) const;
  /// Whether an access made by \p Function, reached from \p Root through
  /// \p Chain, runs inside an activation of the function that declares
  /// \p Local (its own frame's copy, not one another activation shares).
  /// (\p First, if given, is a call before \p Chain.)
  static bool inOwnerActivation(const clang::VarDecl *Local,
                                const clang::FunctionDecl *Root,
                                const clang::FunctionDecl *Function,
                                llvm::ArrayRef<const CallSite *> Chain,
                                const CallSite *First = nullptr);
  /// Once the threads' contexts are collected: whether an access to \p L,
  /// made as inOwnerActivation describes in a context that is not a
  /// thread, is to a local no thread shares with it, so that it can pair
  /// with nothing.
  bool privateLocal(const AbsLoc &L, const clang::FunctionDecl *Root,
                    const clang::FunctionDecl *Function,
                    llvm::ArrayRef<const CallSite *> Chain,
                    const CallSite *First = nullptr) const;
  /// mayRunConcurrently before the by-type evidence rule.
  bool concurrentBeforeEvidence(const RootAccess &X,
                                const RootAccess &Y) const;
  /// An access made in a copy or move constructor or assignment, or a
  /// member swap (isTransfer), or in a function one of them calls.
  static bool inTransfer(const RootAccess &A);
  /// Fills NotAbout for the storages of one root key.
  void settingsLocks(
      const std::vector<RootAccess> &Accesses,
      const std::map<std::string, std::vector<size_t>> &Candidates);
  /// What decides how an access pairs, hashed: accesses with equal
  /// signatures pair alike. Its call chain starts in ChainStart.
  size_t pairingSignature(const RootAccess &A,
                               const clang::FunctionDecl *ChainStart);
  bool joinedLater(const RootAccess &X, const RootAccess &Y) const;
  bool loopOwned(const RootAccess &X, const RootAccess &Y, const Summary &PS,
                 unsigned K) const;
  bool isInitFunction(const clang::FunctionDecl *FD) const;

  struct GuardInfo {
    std::string Lock, Name;
    AbsLoc LockLoc;
    unsigned Held = 0, Total = 0;
    /// Decided by the object's other fields: their statements under the
    /// lock, of all (0 of 0 when the field decided alone).
    unsigned ObjHeld = 0, ObjTotal = 0;
    const RootAccess *Example = nullptr;
  };
  /// What the statements of one root key say of one lock, over all its
  /// accesses; guardOf takes the accesses to the storage in question out
  /// again (a class's fields each asked it of every access to the class).
  struct LockTally {
    llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Holding;
    llvm::DenseMap<const clang::Expr *, std::pair<unsigned, unsigned>>
        HeldBare; // accesses per statement with and without the lock
    unsigned HeldOnly = 0, WithBare = 0, HeldWrites = 0;
  };
  using LockTallies = std::map<std::string, LockTally>;
  /// Overlapping: the indices of the accesses whose storage overlaps Key,
  /// in order; Tallies is shared by the keys of one root key.
  GuardInfo guardOf(const std::vector<RootAccess> &Accesses,
                    const std::string &Key,
                    const std::vector<size_t> &Overlapping,
                    LockTallies &Tallies) const;

  TUModel &TU;
  RaceConfig Config;
  std::unique_ptr<SummaryBuilder> Builder;
  std::vector<const clang::FunctionDecl *> Functions;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> Callers;
  llvm::DenseSet<const clang::FunctionDecl *> Entries, NeverRun, OnceRoutines;
  std::vector<const clang::FunctionDecl *> Roots;
  /// Init functions with no caller that start threads: roots run like
  /// main(), private until their first spawn.
  llvm::DenseSet<const clang::FunctionDecl *> InitRoots;
  std::vector<ThreadContext> Contexts;
  bool StartsThreads = false;
  std::map<const clang::FunctionDecl *, std::vector<RootAccess>> EffectiveCache;
  /// How many callers (and contexts) still need a function's effective
  /// list; release() frees it at zero.
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> Pending;
  void countPending();
  void release(const clang::FunctionDecl *FD);
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  /// Root-level objects each root synchronises on (locks taken, atomics
  /// used), by root key.
  std::map<const clang::FunctionDecl *, std::set<std::string>> SyncObjects;
  /// Storage each root uses atomically, by full key.
  std::map<const clang::FunctionDecl *, std::set<std::string>> SyncAtomics;
  /// The guard inferred for each storage key (relative lock name), filled
  /// before pairs are formed so that evidence can ask for it.
  std::map<std::string, std::string> GuardLocks;
  /// Per storage key, the object's locks that are no evidence of
  /// concurrency when held at its reads: no write of the storage holds
  /// them, and they are the locks of a class whose settings are read in
  /// critical sections kept for other state (settingsLocks()).
  std::map<std::string, std::set<std::string>> NotAbout;
  std::map<std::string, std::vector<RootAccess>> ByKey;
  /// Set by collect once the threads' contexts are in ByKey: locals a
  /// thread reaches from outside their function's activation.
  bool PruneLocals = false;
  std::set<std::string> ReachedFromOutside;
  std::set<unsigned> DoubleCheckReads;
  std::map<std::string, std::string> GuardNames;
  std::vector<Race> Races;
};

} // namespace racelint

#endif
