//===--- RaceModel.h - Accesses, sharing, thread contexts, guards -*- C++ -*-===//
//
// The translation-unit view the race checks share: every access to storage
// another thread can reach, with the locks held (lifted through calls to
// functions defined in the TU), the thread contexts that can run it, and the
// lock inferred to guard each storage.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_RACEMODEL_H
#define RACELINT_ANALYSIS_RACEMODEL_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXRecordDecl;
class RecordDecl;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace racelint {

class TUModel;

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

enum class AccessKind { Read, Write, ReadModifyWrite };

inline bool isWrite(AccessKind K) { return K != AccessKind::Read; }

/// What kind of storage an access path names.
enum class StorageKind {
  Global,      // namespace-scope, static member, function-local static
  Field,       // field of a concurrent class, reached through `this`
  FieldByType, // field reached through another pointer or reference
  Local,       // a local variable (shared only when captured by a thread)
};

struct Access {
  std::string Storage; // canonical key: "g_count", "Account::balance_"
  std::string Display; // as the user names it: "balance_"
  StorageKind Kind = StorageKind::Global;
  AccessKind How = AccessKind::Read;
  clang::SourceLocation Loc;      // the access itself
  const clang::FunctionDecl *Function = nullptr; // where it is written
  std::vector<std::string> Locks; // locks held on every path to it
  /// Shared-mode locks among Locks (a write under one is a bug).
  std::vector<std::string> SharedLocks;
  /// For accesses lifted from a callee: the outermost call in the root.
  clang::SourceLocation CallLoc;
  const clang::FunctionDecl *Callee = nullptr;
  /// Lifted from a callee that is itself a reported root, with no lock
  /// added on the way: the callee's own entry reports it already.
  bool ReportedBelow = false;
  const clang::RecordDecl *Class = nullptr; // for fields (C structs too)
  const clang::VarDecl *Var = nullptr;         // for globals and locals
  /// `x = x op y`: a write whose value was read from the same storage.
  bool SplitRMW = false;
  /// FieldByType through a parameter of Function (`p->f`): its index, so
  /// a caller's lock on the argument (`arg->mu`) can be named as `mu`.
  int BaseParam = -1;
  /// The storage is declared volatile.
  bool Volatile = false;
  /// An element access whose index is a by-value parameter or capture of
  /// the function: instances of one thread entry use different elements.
  bool PerInstanceElement = false;
  /// Check-then-act: the write sits in the branch of an `if` whose
  /// condition read the same storage there, holding CheckLocks.
  clang::SourceLocation CheckedAt;
  std::vector<std::string> CheckLocks;
  /// CheckedAt read the storage into a local earlier (`int v = x;` or
  /// `bool e = x.empty();`), and the write takes its value or its branch
  /// from that local.
  bool Stale = false;
  /// Stale, and the write stores a value computed from the local (rather
  /// than being decided by it).
  bool StaleValue = false;
  /// Double-checked initialisation: CheckedAt is the re-check under the
  /// write's lock, and an enclosing `if` read the storage here with no lock.
  clang::SourceLocation OuterCheckAt;

  /// Where to report: the call in the root when lifted, else the access.
  clang::SourceLocation reportLoc() const {
    return CallLoc.isValid() ? CallLoc : Loc;
  }
  bool holds(llvm::StringRef Lock) const;
  /// Whether Lock is held, but only in shared (reader) mode.
  bool holdsShared(llvm::StringRef Lock) const;
};

/// A thread entry the TU starts (a function or lambda body).
struct ThreadEntry {
  const clang::FunctionDecl *Entry = nullptr;
  const clang::FunctionDecl *Spawner = nullptr;
  clang::SourceLocation SpawnLoc;
  bool MultiInstance = false; // started in a loop or from several places
};

/// An access as seen from a root function (one that can be entered from
/// outside the TU or starts a thread), with the contexts that run it.
struct RootAccess {
  Access A;
  const clang::FunctionDecl *Root = nullptr;
  /// Thread contexts: index into entries(), or MainContext.
  std::vector<unsigned> Contexts;
};

/// A local of the spawning function that a thread can reach: captured by
/// reference by the thread's lambda, or passed as std::ref / &local.
struct SharedLocal {
  const clang::VarDecl *Var = nullptr;
  const clang::FunctionDecl *Spawner = nullptr;
  clang::SourceLocation SpawnLoc; // end of the spawning expression
  clang::SourceLocation JoinLoc;  // first join after it; invalid if none
  /// The thread's own accesses (empty when only a pointer or std::ref is
  /// passed and the entry's accesses cannot be named).
  std::vector<Access> InThread;
  bool MultiInstance = false;
};

class RaceModel {
public:
  static constexpr unsigned MainContext = ~0u;

  RaceModel(TUModel &TU, const RaceConfig &Config);

  /// Whether the TU starts any thread.
  bool startsThreads() const { return !Entries.empty(); }
  const std::vector<ThreadEntry> &entries() const { return Entries; }

  /// Root accesses per storage key, in source order.
  const std::map<std::string, std::vector<RootAccess>> &storages() const {
    return ByStorage;
  }

  /// The lock that guards a storage: held at >= MinGuardedRatio of its
  /// accesses and at at least one write. Empty when none.
  struct Guard {
    std::string Lock;
    unsigned Held = 0, Total = 0;
    const RootAccess *Example = nullptr; // a guarded write
  };
  Guard guardOf(const std::string &Storage) const;

  /// Whether two root accesses can run in different threads at once.
  bool mayRunConcurrently(const RootAccess &X, const RootAccess &Y) const;

  /// Whether the class is concurrent (owns or uses a lock, is annotated,
  /// starts threads on this, or is named in ConcurrentClasses).
  bool isConcurrentClass(const clang::RecordDecl *RD) const;

  const std::vector<SharedLocal> &sharedLocals() const { return Locals; }
  /// Accesses a function makes itself (not through calls).
  const std::vector<Access> &ownAccesses(const clang::FunctionDecl *FD) const;

  const RaceConfig &config() const { return Config; }

private:
  void collectFunctions();
  void findThreadEntries();
  void computeContexts();
  const std::vector<Access> &effective(const clang::FunctionDecl *FD);
  bool isInitFunction(const clang::FunctionDecl *FD) const;
  /// A root whose accesses are reported (not a constructor, destructor,
  /// once-initialiser or init function).
  bool isReportedRoot(const clang::FunctionDecl *FD) const;
  bool isRoot(const clang::FunctionDecl *FD) const;
  bool inHappensBeforeRegion(const clang::FunctionDecl *Root,
                             clang::SourceLocation Loc) const;

  TUModel &TU;
  RaceConfig Config;
  std::vector<const clang::FunctionDecl *> Functions;
  struct CallSite {
    const clang::FunctionDecl *Callee;
    const clang::CallExpr *Call;
    clang::SourceLocation Loc;
    std::vector<std::string> Locks, SharedLocks;
  };
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<Access>> Own;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<CallSite>> Calls;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> CallerCount;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<Access>> Effective;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  std::vector<ThreadEntry> Entries;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<unsigned>> Contexts;
  struct SpawnRegion {
    clang::SourceLocation FirstSpawn, LastJoin;
  };
  llvm::DenseMap<const clang::FunctionDecl *, SpawnRegion> Regions;
  llvm::DenseSet<const clang::RecordDecl *> Concurrent;
  /// Functions run through std::call_once / pthread_once: initialisation
  /// the language orders before every caller that passes the flag.
  llvm::DenseSet<const clang::FunctionDecl *> OnceInit;
  std::map<std::string, std::vector<RootAccess>> ByStorage;
  std::vector<SharedLocal> Locals;
};

} // namespace racelint

#endif
