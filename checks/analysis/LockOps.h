//===--- LockOps.h - Recognise lock operations in the AST ------*- C++ -*-===//
//
// Names locks by access path and classifies calls and constructions into
// lock operations: std mutexes and guards, POSIX, C11, Clang capability
// attributes and user wrappers named in options.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_LOCKOPS_H
#define RACELINT_ANALYSIS_LOCKOPS_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class NamedDecl;
} // namespace clang

namespace racelint {

enum class LockMode { Exclusive, Shared };

/// A lock named by its access path ("mu_", "g_mu", "obj.mu", "conn->mu").
struct LockRef {
  std::string Key;
  bool Recursive = false;
  /// A read lock may be taken again while read-held by the same thread
  /// (pthread_rwlock_rdlock); std::shared_mutex makes that undefined.
  bool SharedReentrant = false;
  /// The expression that named the lock: the lock object, or (ViaPointer)
  /// a pointer to it. Keys are rewritten through local aliases; this is
  /// what the memory model resolves.
  const clang::Expr *Obj = nullptr;
  bool ViaPointer = false;
  bool operator==(const LockRef &O) const { return Key == O.Key; }
};

/// User configuration shared by the analysis and every check.
struct LockConfig {
  std::vector<std::string> LockFunctions;
  std::vector<std::string> UnlockFunctions;
  std::vector<std::string> ScopedLockTypes;
  /// Give each lock event the locksets after it (--dump-locksets only: they
  /// cost a copy of the lockset per event).
  bool RecordEventLocksets = false;
};

/// What a call does to the lockset, when it is a lock primitive.
struct LockOp {
  enum OpKind { Acquire, TryAcquire, Release };
  OpKind Kind = Acquire;
  LockMode Mode = LockMode::Exclusive;
  llvm::SmallVector<LockRef, 2> Locks;
  /// For TryAcquire: the call returns 0 on success (pthread, C11) rather
  /// than true.
  bool SuccessIsZero = false;
  /// The call releases whatever mode is held (pthread_rwlock_unlock).
  bool AnyMode = false;
};

/// The RAII guard family a type belongs to.
enum class GuardKind {
  None,
  LockGuard,  // std::lock_guard: locks in ctor, unlocks in dtor
  UniqueLock, // std::unique_lock: movable, lock/unlock/try_lock/release
  SharedLock, // std::shared_lock: like unique_lock, in shared mode
  ScopedLock, // std::scoped_lock: N mutexes, adopt_lock first
  Annotated,  // scoped_lockable type or a ScopedLockTypes entry
};

/// The policy that turns expressions into lock paths and calls into lock
/// operations. Stateless apart from per-TU facts computed on construction.
class LockRecognizer {
public:
  LockRecognizer(clang::ASTContext &Ctx, const LockConfig &Config);

  /// The access path of a lock object expression, or nullopt when it cannot
  /// be named (a call result, a computed array index, ...).
  std::optional<LockRef> lockOfObject(const clang::Expr *E) const;
  /// The lock designated by a pointer expression (`&mu`, `m`).
  std::optional<LockRef> lockOfPointer(const clang::Expr *E) const;
  /// The lock a member call acts on: its object, or the pointee when the
  /// call is made through a pointer (`p->unlock()` names `*p`).
  std::optional<LockRef> lockOfCallObject(const clang::Expr *E) const;

  /// The access path of any object expression, named as locks are
  /// ("me->e", "obj.inner"); nullopt when it cannot be named.
  std::optional<std::string> accessPath(const clang::Expr *E) const {
    return path(E, nullptr);
  }

  /// Classifies a call; nullopt when it is not a lock primitive.
  std::optional<LockOp> classifyCall(const clang::CallExpr *Call) const;

  GuardKind guardKind(clang::QualType T) const;

  /// Locks a guard construction takes, with the tag that says how.
  struct GuardInit {
    enum TagKind { Lock, Defer, TryTo, Adopt };
    TagKind Tag = Lock;
    LockMode Mode = LockMode::Exclusive;
    llvm::SmallVector<LockRef, 2> Locks;
    /// The guard is move-constructed from another guard variable.
    const clang::VarDecl *MovedFrom = nullptr;
  };
  std::optional<GuardInit>
  classifyGuardConstruct(const clang::CXXConstructExpr *CE) const;
  /// The same for a guard of a dependent type in a template never
  /// instantiated (`std::lock_guard<Lock> g(lock_)`, whose initialiser is a
  /// parenthesised list): the arguments that are not tags are its locks.
  std::optional<GuardInit> classifyDependentGuard(const clang::VarDecl *VD) const;

  /// Whether the function is declared to return holding (or having
  /// released) locks: capability attributes or the Lock/UnlockFunctions
  /// options.
  bool isAcquireFunction(const clang::FunctionDecl *FD) const;
  bool isReleaseFunction(const clang::FunctionDecl *FD) const;
  /// Locks the function's attributes say are held on entry (requires_ and
  /// release_capability), named in the function's own context.
  llvm::SmallVector<std::pair<LockRef, LockMode>, 2>
  locksHeldOnEntry(const clang::FunctionDecl *FD) const;
  /// Locks an acquire_capability function returns holding.
  llvm::SmallVector<LockRef, 2>
  locksAcquiredByAttr(const clang::FunctionDecl *FD) const;

  /// Where the root of a lock key, as named inside FD, lives.
  enum class RootKind { Global, Param, ThisField, Local };
  struct KeyRoot {
    RootKind Kind = RootKind::Global;
    /// The parameter or local of a Param or Local root.
    const clang::VarDecl *Var = nullptr;
  };
  KeyRoot rootOf(const clang::FunctionDecl *FD, llvm::StringRef Key) const;
  /// Whether a caller of FD can name the lock (a global, a field of `this`,
  /// or reached through a pointer or reference parameter).
  bool nameableByCaller(const clang::FunctionDecl *FD,
                        llvm::StringRef Key) const;
  /// A key that names "the same lock" across functions: parameters and
  /// locals are replaced by their type, fields of `this` by their class.
  std::string crossFunctionKey(const clang::FunctionDecl *FD,
                               llvm::StringRef Key) const;
  /// The lock L, named in Callee's terms, as the caller of Call names it;
  /// nullopt when the caller cannot name it.
  std::optional<LockRef> substituteAtCall(const LockRef &L,
                                          const clang::FunctionDecl *Callee,
                                          const clang::CallExpr *Call) const;

  /// Human-readable name of a lock key.
  static std::string display(const LockRef &L) { return L.Key; }

  bool matchesName(const clang::NamedDecl *D,
                   const std::vector<std::string> &Names) const;

  const LockConfig &config() const { return Config; }

private:
  // Substitution of `this` and parameters when naming locks written in a
  // callee's attributes at a call site.
  struct Subst {
    const clang::Expr *Self = nullptr; // object expression, null for `this`
    bool SelfIsPointer = false;
    const clang::FunctionDecl *Callee = nullptr;
    llvm::ArrayRef<const clang::Expr *> Args;
  };
  std::optional<std::string> path(const clang::Expr *E, const Subst *S,
                                  unsigned Depth = 0) const;
  /// An element index as a key fragment: a constant, a variable, or a field
  /// read through one; nullopt for anything else.
  std::optional<std::string> indexText(const clang::Expr *E, const Subst *S,
                                       unsigned Depth) const;
  static constexpr unsigned MaxPathDepth = 64;
  std::optional<LockRef> makeRef(const clang::Expr *LockExpr,
                                 std::optional<std::string> Key) const;
  bool isRecursiveType(clang::QualType T, const clang::Expr *E) const;
  bool isNullMutexType(clang::QualType T) const;
  bool isSharedReentrantType(clang::QualType T) const;
  bool pthreadRecursiveInTU() const;
  /// Function pointers (fields or variables) called as lock operations:
  /// named in LockFunctions/UnlockFunctions, or paired in the TU (a call
  /// through a lock-like name and, later in the same function, one through
  /// an unlock-like name, on the same handle). True for acquire.
  const llvm::DenseMap<const clang::ValueDecl *, bool> &lockPointers() const;
  std::optional<LockOp> classifyPointerCall(const clang::CallExpr *Call,
                                            const clang::ValueDecl *D) const;
  /// The key of a lock a zero-argument lock function (`STATS_LOCK()`)
  /// takes: the lock function's name, shared with its unlock function when
  /// their names differ only in lock/unlock.
  std::string zeroArgKey(const clang::FunctionDecl *FD, bool Acquire) const;
  mutable std::optional<llvm::DenseMap<const clang::ValueDecl *, bool>>
      LockPointers;
  std::optional<LockOp> classifyAttributed(const clang::CallExpr *Call,
                                           const clang::FunctionDecl *FD) const;
  llvm::SmallVector<LockRef, 2>
  attrLocks(llvm::iterator_range<clang::Expr **> AttrArgs,
            const clang::CallExpr *Call, const clang::FunctionDecl *FD) const;

  clang::ASTContext &Ctx;
  const LockConfig &Config;
  /// Computed on first use: whether user code in the TU names a recursive
  /// pthread mutex kind.
  mutable std::optional<bool> PthreadRecursiveInTU;
  /// Each function's locals by name, collected on first use: a key's root
  /// is looked up for every lock of every function.
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         llvm::StringMap<const clang::VarDecl *>>
      Locals;
};

/// Strips parentheses, implicit casts, temporaries and std::move.
const clang::Expr *stripLockExpr(const clang::Expr *E);
/// The subscripts of a lock key that are neither a constant nor a plain
/// name (`hv & mask` of `item_locks[hv & mask]`, `it->cls`): stripes picked
/// by a computation.
llvm::SmallVector<llvm::StringRef, 1> computedIndices(llvm::StringRef Key);

} // namespace racelint

#endif
