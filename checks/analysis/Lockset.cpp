//===--- Lockset.cpp - Flow-sensitive lockset analysis over clang::CFG ----===//

#include "Lockset.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/PostOrderIterator.h"
#include <algorithm>
#include <iterator>
#include <set>

using namespace clang;

namespace racelint {

CFG::BuildOptions racelintCFGOptions() {
  CFG::BuildOptions Opts;
  Opts.AddImplicitDtors = true;
  Opts.AddTemporaryDtors = false;
  Opts.AddInitializers = false;
  Opts.setAllAlwaysAdd();
  return Opts;
}

// Locals whose value may change after initialisation (Modified), and the
// subset that may change where the analysis cannot see it (Escaped): branch
// facts are tracked through plain assignments but never for escaped locals.
static void noteModified(const Stmt *S,
                         llvm::DenseSet<const VarDecl *> &Modified,
                         llvm::DenseSet<const VarDecl *> &Escaped,
                         llvm::DenseSet<const FieldDecl *> &Fields) {
  if (!S)
    return;
  auto Mark = [&](const Expr *E, bool Escapes) {
    if (const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Fields.insert(FD);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        Modified.insert(VD);
        if (Escapes)
          Escaped.insert(VD);
      }
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Mark(BO->getLHS(), false);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      Mark(UO->getSubExpr(), false);
    else if (UO->getOpcode() == UO_AddrOf)
      Mark(UO->getSubExpr(), true);
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (OC->isAssignmentOp() && OC->getNumArgs() > 0)
      Mark(OC->getArg(0), false);
  } else if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar())) {
          Modified.insert(VD);
          Escaped.insert(VD);
        }
  } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    // Passing by non-const reference may modify.
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      for (unsigned I = 0; I < CE->getNumArgs() && I < FD->getNumParams(); ++I) {
        QualType PT = FD->getParamDecl(I)->getType();
        if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified())
          Mark(CE->getArg(I), true);
      }
    }
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    // A non-const reference bound to a local writes it behind our back.
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getType()->isReferenceType() && VD->getInit() &&
            !VD->getType().getNonReferenceType().isConstQualified())
          Mark(VD->getInit(), true);
  }
}

// Iterative: a body can be nested deeper than the stack allows.
static void collectModified(const Stmt *Root,
                            llvm::DenseSet<const VarDecl *> &Modified,
                            llvm::DenseSet<const VarDecl *> &Escaped,
                            llvm::DenseSet<const FieldDecl *> &Fields) {
  llvm::SmallVector<const Stmt *, 64> Work = {Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    noteModified(S, Modified, Escaped, Fields);
    if (S)
      for (const Stmt *C : S->children())
        Work.push_back(C);
  }
}

/// Whether \p F's body is out of racelint's sight (a system header, or no
/// body in this translation unit).
static bool isOpaque(const FunctionDecl *F, const SourceManager &SM) {
  const FunctionDecl *Def = nullptr;
  return !F || !F->hasBody(Def) ||
         SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation()));
}

// The statements of lock operations on library locks (`mu.lock()`,
// `pthread_mutex_unlock(&s->mu)`, a guard's construction or methods): they
// name a lock and touch no data the program owns, so no lockset is recorded
// at them. Recording one there would cost a copy of the lockset per lock
// operation: quadratic in a function that holds thousands of locks.
static void collectLockSyntax(const Stmt *Root, const LockRecognizer &R,
                              ASTContext &Ctx,
                              llvm::DenseSet<const Stmt *> &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto IsLockOp = [&](const Stmt *S) -> const Stmt * {
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *F = C->getDirectCallee();
      if (!F || !isOpaque(F, SM))
        return nullptr;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(F))
        if (R.guardKind(Ctx.getCanonicalTagType(MD->getParent())) !=
            GuardKind::None)
          return C;
      return R.classifyCall(C) ? C : nullptr;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
      if (R.guardKind(CE->getType()) != GuardKind::None &&
          isOpaque(CE->getConstructor(), SM))
        return CE;
    return nullptr;
  };
  llvm::SmallVector<std::pair<const Stmt *, bool>, 64> Work = {{Root, false}};
  while (!Work.empty()) {
    auto [S, InLockOp] = Work.pop_back_val();
    if (!S)
      continue;
    InLockOp = InLockOp || IsLockOp(S);
    if (InLockOp)
      Out.insert(S);
    for (const Stmt *C : S->children())
      Work.push_back({C, InLockOp});
  }
}

LocksetAnalysis::LocksetAnalysis(
    const FunctionDecl *FD, const CFG &Cfg, const LockRecognizer &R,
    ASTContext &Ctx, const WrapperTable *Wrappers,
    llvm::ArrayRef<std::pair<LockRef, LockMode>> Entry,
    const llvm::DenseSet<const FunctionDecl *> *NoReturn)
    : FD(FD), Cfg(Cfg), R(R), Ctx(Ctx), Wrappers(Wrappers), NoReturn(NoReturn),
      InferredEntry(Entry.begin(), Entry.end()) {
  collectModified(FD->getBody(), Modified, Escaped, ModifiedFields);
  collectLockSyntax(FD->getBody(), R, Ctx, LockSyntax);
  for (const auto &[L, M] : R.locksHeldOnEntry(FD))
    EntryKeys.insert(L.Key);
  for (const auto &[L, M] : InferredEntry)
    EntryKeys.insert(L.Key);
}

static std::vector<std::string> keys(const LockState &S, bool MustOnly) {
  std::vector<std::string> Out;
  for (const auto &[K, H] : S.Held)
    if (H.Must == MustOnly)
      Out.push_back(K);
  return Out;
}

/// `new T` that reports failure by throwing: never null.
static bool isThrowingNew(const Expr *E) {
  const auto *NE = dyn_cast<CXXNewExpr>(E->IgnoreParenCasts());
  if (!NE)
    return false;
  if (const FunctionDecl *Op = NE->getOperatorNew())
    if (Op->getType()->castAs<FunctionProtoType>()->isNothrow())
      return false;
  return true;
}

/// Applies the effect of CFG elements to a state; reports when Rep is set.
/// The block (under Root) of which DS is a statement, or null. A search
/// rather than ASTContext::getParents, which would map the whole TU for
/// one question.
static const CompoundStmt *blockDeclaring(const Stmt *Root,
                                          const DeclStmt *DS) {
  if (!Root)
    return nullptr;
  if (const auto *CS = dyn_cast<CompoundStmt>(Root))
    if (llvm::is_contained(CS->body(), DS))
      return CS;
  for (const Stmt *C : Root->children())
    if (const CompoundStmt *Found = blockDeclaring(C, DS))
      return Found;
  return nullptr;
}

struct LocksetAnalysis::Transfer {
  const LocksetAnalysis &A;
  LockState &S;
  FunctionLocks *Rep;
  /// The inferred release wrapper whose effect is being applied, if any.
  const FunctionDecl *ReleasingWrapper = nullptr;

  void anomaly(LockAnomaly::AnomalyKind K, const std::string &Lock,
               SourceLocation Loc, SourceLocation Related,
               std::string Other = {}, bool AllPaths = true) {
    if (!Rep)
      return;
    LockAnomaly An;
    An.Kind = K;
    An.Lock = Lock;
    An.Other = std::move(Other);
    An.Loc = Loc;
    An.Related = Related;
    An.AllPaths = AllPaths;
    Rep->Anomalies.push_back(std::move(An));
  }

  void event(LockEvent::EventKind K, const std::string &Lock, LockMode M,
             SourceLocation Loc) {
    if (!Rep)
      return;
    if (A.R.config().RecordEventLocksets)
      Rep->Events.push_back({K, Lock, M, Loc, keys(S, true), keys(S, false)});
    else
      Rep->Events.push_back({K, Lock, M, Loc, {}, {}});
  }

  /// Records whether this is, on some path, the first operation on L.
  void touch(const LockRef &L, LockMode M, bool Acquire) {
    if (Rep && L.Obj)
      Rep->KeyRefs.try_emplace(L.Key, L);
    if (S.MustTouched.insert(L.Key).second && Rep)
      (Acquire ? Rep->FirstAcquired : Rep->FirstReleased)
          .try_emplace(L.Key, L, M);
    if (!S.MayTouched.insert(L.Key).second && Rep)
      Rep->Retouched.insert(L.Key);
  }

  static constexpr size_t MaxHeldForOrder = 32;
  /// Locks acquired together with the current one (std::lock,
  /// std::scoped_lock over several mutexes): no order among them.
  llvm::ArrayRef<LockRef> Together;

  void acquire(const LockRef &L, LockMode M, SourceLocation Loc,
               const VarDecl *Guard) {
    // Orders are edges from every held lock: with hundreds held at once
    // (generated code) that is quadratic, and no one reads such a graph.
    if (Rep && S.Held.size() <= MaxHeldForOrder) {
      FunctionLocks::Acquisition Acq;
      Acq.Lock = L;
      Acq.Mode = M;
      Acq.Loc = Loc;
      for (const auto &[K, H] : S.Held)
        if (H.Must && K != L.Key &&
            llvm::none_of(Together,
                          [&](const LockRef &T) { return T.Key == K; }))
          Acq.HeldBefore.push_back({H.Lock, H.Mode, H.AcquireLoc, H.FromEntry});
      Rep->Acquisitions.push_back(std::move(Acq));
    }
    touch(L, M, true);
    auto It = S.Held.find(L.Key);
    if (It != S.Held.end()) {
      HeldLock &H = It->second;
      bool ReadAgain = L.SharedReentrant && M == LockMode::Shared &&
                       H.Mode == LockMode::Shared;
      if (L.Recursive || ReadAgain) {
        H.Depth = std::min(H.Depth + 1, 3u);
      } else if (H.Must && !H.CondVar) {
        // Other = "entry": held by contract, the note says so.
        anomaly(LockAnomaly::DoubleLock, L.Key, Loc, H.AcquireLoc,
                H.FromEntry ? "entry" : "");
      } else {
        // Held on some paths only: those paths deadlock here. That holds
        // when a local's value says which paths (CondVar) too: had this
        // lock been under a test of that local, the test would have
        // settled the entry, so it runs whatever the local says.
        if (!H.Guard)
          anomaly(LockAnomaly::DoubleLock, L.Key, Loc, H.AcquireLoc, "",
                  /*AllPaths=*/false);
        // After this call the lock is held on every path.
        H.AcquireLoc = Loc;
        H.Mode = M;
      }
      H.Must = true;
      H.CondVar = nullptr;
      if (Guard && !H.Guard)
        H.Guard = Guard;
    } else {
      HeldLock H;
      H.Lock = L;
      H.Mode = M;
      H.AcquireLoc = Loc;
      H.Guard = Guard;
      // Relocking what a guard's owner unlocked by hand: the guard owns it
      // again and will release it.
      if (!Guard)
        for (auto &[GV, GS] : S.Guards)
          if (GS.HandReleased.erase(L.Key)) {
            H.Guard = GV;
            break;
          }
      S.Held.emplace(L.Key, H);
    }
    S.Released.erase(L.Key);
    event(Guard ? LockEvent::GuardAcquire : LockEvent::Acquire, L.Key, M, Loc);
  }

  /// Manual release (Guard null) or release by a guard.
  void release(const LockRef &L, LockMode M, bool AnyMode, SourceLocation Loc,
               const VarDecl *Guard) {
    touch(L, M, false);
    auto It = S.Held.find(L.Key);
    if (It == S.Held.end()) {
      if (!Guard && !A.R.isReleaseFunction(A.FD)) {
        auto Rel = S.Released.find(L.Key);
        if (Rel != S.Released.end()) {
          anomaly(Rel->second.FailedTry ? LockAnomaly::UnlockAfterFailedTry
                                        : LockAnomaly::DoubleUnlock,
                  L.Key, Loc, Rel->second.Loc);
        } else {
          // Unlocking a lock we never saw taken is fine (a caller may hold
          // it) unless the function holds another lock it took itself and
          // never releases: then the wrong mutex was unlocked. Whether it is
          // released is known only at the exit, so remember the suspect.
          // Whether the function takes this lock itself elsewhere (then it
          // is no hand-off) is known only after the replay.
          if (Rep)
            Rep->UnheldReleases.push_back({L.Key, Loc, ReleasingWrapper});
          for (auto &[K, H] : S.Held)
            if (H.Must && !H.Guard && !H.FromEntry && !H.CondVar) {
              if (H.MismatchLoc.isInvalid()) {
                H.MismatchWith = L.Key;
                H.MismatchLoc = Loc;
              }
              break;
            }
        }
      }
      S.Released[L.Key] = {Loc, false};
      event(Guard ? LockEvent::GuardRelease : LockEvent::Release, L.Key, M,
            Loc);
      return;
    }
    HeldLock &H = It->second;
    if (!Guard) {
      if (H.Guard) {
        // Unlocking inside a guard's scope is fine if it is locked again
        // before the guard dies (the guard's destructor decides).
        auto GIt = S.Guards.find(H.Guard);
        if (GIt != S.Guards.end())
          GIt->second.HandReleased[L.Key] = Loc;
      } else if (!H.Must)
        // A lock correlated with a local that is still undecided here is
        // not held on the paths where the local has the other value.
        anomaly(LockAnomaly::NotHeldOnAllPaths, L.Key, Loc,
                H.MayReleaseLoc.isValid() ? H.MayReleaseLoc : H.AcquireLoc,
                H.MayReleaseLoc.isValid() ? "may-release" : "");
      if (!AnyMode && H.Mode != M)
        anomaly(LockAnomaly::ModeMismatch, L.Key, Loc, H.AcquireLoc,
                H.Mode == LockMode::Shared ? "shared" : "exclusive");
    }
    if (H.Depth > 1) {
      --H.Depth;
    } else {
      S.Held.erase(It);
      S.Released[L.Key] = {Loc, false};
    }
    event(Guard ? LockEvent::GuardRelease : LockEvent::Release, L.Key, M, Loc);
  }

  /// Rewrites a key written through a local pointer or reference to the
  /// lock that alias is bound to (`p->unlock()` after `p = &mu`).
  void resolve(LockRef &L) const {
    for (const auto &[From, To] : S.Aliases) {
      StringRef K = L.Key;
      StringRef F = From;
      bool IsPrefix = F.ends_with(".") || F.ends_with("->");
      if (IsPrefix ? K.starts_with(F) : K == F) {
        L.Key = To + K.substr(F.size()).str();
        return;
      }
    }
  }

  void unbind(const VarDecl *VD) {
    std::string N = VD->getNameAsString();
    for (const std::string &K : {"*" + N, N + "->", N, N + "."}) {
      S.Aliases.erase(K);
      S.MayAliases.erase(K);
    }
  }

  /// The locks an unlock through a possibly-aliasing pointer may release,
  /// when the key is written through one (empty otherwise).
  std::vector<std::string> mayTargets(const LockRef &L) const {
    auto It = S.MayAliases.find(L.Key);
    if (It == S.MayAliases.end())
      return {};
    return It->second;
  }

  /// An unlock that may release any of Targets: each held one is held on
  /// some paths only afterwards.
  void mayRelease(const std::vector<std::string> &Targets,
                  SourceLocation Loc) {
    for (const std::string &T : Targets) {
      S.MustTouched.insert(T);
      S.MayTouched.insert(T);
      auto It = S.Held.find(T);
      if (It == S.Held.end())
        continue;
      It->second.Must = false;
      It->second.CondVar = nullptr;
      It->second.MayReleaseLoc = Loc;
    }
  }

  /// Binds a local pointer (or reference) to the lock key it designates.
  void bind(const VarDecl *VD, std::string Target) {
    unbind(VD);
    if (Target.empty())
      return;
    std::string N = VD->getNameAsString();
    std::string Fields = StringRef(Target).starts_with("*")
                             ? Target.substr(1) + "->"
                             : Target + ".";
    if (VD->getType()->isPointerType()) {
      S.Aliases["*" + N] = Target;
      S.Aliases[N + "->"] = Fields;
    } else {
      S.Aliases[N] = Target;
      S.Aliases[N + "."] = Fields;
    }
  }

  /// What a pointer initialiser that chooses between locks
  /// (`c ? &a : &b`) may designate; empty unless it names several.
  std::vector<std::string> targetsOf(const VarDecl *VD,
                                     const Expr *Init) const {
    const auto *CO = dyn_cast<AbstractConditionalOperator>(
        Init ? Init->IgnoreParenImpCasts() : nullptr);
    if (!CO || !VD->getType()->isPointerType())
      return {};
    std::vector<std::string> Out;
    for (const Expr *Arm : {CO->getTrueExpr(), CO->getFalseExpr()}) {
      std::string T = targetOf(VD, Arm);
      if (T.empty())
        return {};
      if (!llvm::is_contained(Out, T))
        Out.push_back(T);
    }
    return Out.size() > 1 ? Out : std::vector<std::string>{};
  }

  /// What a pointer or reference initialiser designates, as a lock key.
  std::string targetOf(const VarDecl *VD, const Expr *Init) const {
    const Expr *E = stripLockExpr(Init);
    auto T = S.CallTargets.find(E);
    if (T != S.CallTargets.end())
      return T->second;
    std::optional<LockRef> L;
    if (VD->getType()->isPointerType())
      L = A.R.lockOfPointer(Init);
    else
      L = A.R.lockOfObject(Init);
    // A local bound to a stripe picked by a computation keeps its own name:
    // the code says `*lock` or `S.Lock`, and a function returning that
    // pointer returns the lock (item_trylock), which only the local's name
    // shows.
    if (!L || !computedIndices(L->Key).empty())
      return {};
    resolve(*L);
    return L->Key;
  }

  /// An assignment or initialisation of a local: keeps branch facts and
  /// aliases in step with its value.
  void onStore(const VarDecl *VD, const Expr *Value) {
    if (!VD->isLocalVarDeclOrParm())
      return;
    if (VD->getType()->isPointerType() || VD->getType()->isReferenceType()) {
      if (!A.Escaped.count(VD) && Value) {
        bind(VD, targetOf(VD, Value));
        std::vector<std::string> Several = targetsOf(VD, Value);
        if (!Several.empty())
          S.MayAliases["*" + VD->getNameAsString()] = std::move(Several);
      } else
        unbind(VD);
    }
    if (!VD->getType()->isScalarType())
      return;
    // A lock correlated with the old value no longer is.
    for (auto &[K, H] : S.Held)
      if (H.CondVar == VD)
        H.CondVar = nullptr;
    Expr::EvalResult R;
    if (Value && !A.Escaped.count(VD) && !Value->isValueDependent() &&
        Value->EvaluateAsInt(R, A.Ctx))
      S.Facts[VD] = !R.Val.getInt().isZero();
    else if (Value && !A.Escaped.count(VD) && isThrowingNew(Value))
      S.Facts[VD] = true; // a plain `new` throws instead of returning null
    else
      S.Facts.erase(VD);
  }

  /// `bool ok = m.try_lock();`: until a branch tests ok, the lock is held
  /// exactly when ok says success, so an unchecked unlock or a return
  /// before the test is a may-hold.
  void bindTry(const VarDecl *VD, const PendingTry &P) {
    S.TryVars[VD] = P;
    if (P.Guard || A.Escaped.count(VD) || !VD->getType()->isScalarType())
      return;
    for (const LockRef &L : P.Op.Locks) {
      if (S.Held.count(L.Key))
        continue;
      HeldLock H;
      H.Lock = L;
      H.Mode = P.Op.Mode;
      H.AcquireLoc = P.Loc;
      H.Must = false;
      H.CondVar = VD;
      H.CondValue = !P.Op.SuccessIsZero;
      S.Held.emplace(L.Key, H);
    }
  }

  const VarDecl *guardVar(const Expr *E) const {
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripLockExpr(E)))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (S.Guards.count(VD))
          return VD;
    return nullptr;
  }

  void guardLockAll(const VarDecl *VD, GuardState &G, SourceLocation Loc) {
    bool Outer = Together.empty();
    if (Outer)
      Together = G.Locks;
    for (const LockRef &L : G.Locks)
      acquire(L, G.Mode, Loc, VD);
    if (Outer)
      Together = {};
    G.Owns = GuardState::Yes;
  }

  void guardReleaseAll(const VarDecl *VD, GuardState &G, SourceLocation Loc) {
    // Unlocked by hand and never relocked: the guard unlocks it again.
    for (const auto &[Key, HandLoc] : G.HandReleased)
      anomaly(LockAnomaly::UnlockGuarded, Key, HandLoc, G.Loc,
              VD->getNameAsString());
    G.HandReleased.clear();
    for (const LockRef &L : G.Locks) {
      auto It = S.Held.find(L.Key);
      if (It != S.Held.end() && It->second.Guard == VD)
        release(L, G.Mode, true, Loc, VD);
    }
    G.Owns = GuardState::No;
  }

  /// The guard's locks are no longer tracked (moved away or unknown).
  void guardForget(const VarDecl *VD) {
    auto GIt = S.Guards.find(VD);
    if (GIt == S.Guards.end())
      return;
    for (const LockRef &L : GIt->second.Locks) {
      auto It = S.Held.find(L.Key);
      if (It != S.Held.end() && It->second.Guard == VD)
        S.Held.erase(It);
    }
    GIt->second.Owns = GuardState::No;
  }

  void onGuardDecl(const VarDecl *VD, const CXXConstructExpr *CE) {
    if (auto Init = A.R.classifyGuardConstruct(CE))
      onGuardInit(VD, *Init, CE->getBeginLoc(), nullptr);
  }

  /// `std::lock_guard<Lock> g(lock_)` in a template never instantiated:
  /// the guard lives until control leaves the block that declares it.
  void onDependentGuardDecl(const VarDecl *VD, const DeclStmt *DS) {
    auto Init = A.R.classifyDependentGuard(VD);
    if (!Init)
      return;
    const Stmt *Scope = blockDeclaring(A.FD->getBody(), DS);
    if (!Scope)
      return;
    onGuardInit(VD, *Init, VD->getBeginLoc(), Scope);
  }

  /// Releases the guards of dependent type whose block St is outside of.
  void leaveScopes(const Stmt *St) {
    const SourceManager &SM = A.Ctx.getSourceManager();
    SourceLocation At = SM.getExpansionLoc(St->getBeginLoc());
    llvm::SmallVector<const VarDecl *, 2> Dead;
    for (const auto &[VD, G] : S.Guards)
      if (G.Scope &&
          (SM.isBeforeInTranslationUnit(
               At, SM.getExpansionLoc(G.Scope->getBeginLoc())) ||
           SM.isBeforeInTranslationUnit(
               SM.getExpansionLoc(G.Scope->getEndLoc()), At)))
        Dead.push_back(VD);
    for (const VarDecl *VD : Dead)
      onDtor(VD, At);
  }

  void onGuardInit(const VarDecl *VD, const LockRecognizer::GuardInit &Init,
                   SourceLocation InitLoc, const Stmt *Scope) {
    GuardState G;
    G.Kind = A.R.guardKind(VD->getType());
    G.Mode = Init.Mode;
    G.Locks = Init.Locks;
    G.Scope = Scope;
    for (LockRef &L : G.Locks)
      resolve(L);
    G.Loc = InitLoc;
    SourceLocation Loc = VD->getLocation();
    if (Init.MovedFrom) {
      auto Src = S.Guards.find(Init.MovedFrom);
      if (Src == S.Guards.end())
        return;
      G.Locks = Src->second.Locks;
      G.Mode = Src->second.Mode;
      G.Owns = Src->second.Owns;
      for (const LockRef &L : G.Locks) {
        auto It = S.Held.find(L.Key);
        if (It != S.Held.end() && It->second.Guard == Init.MovedFrom)
          It->second.Guard = VD;
      }
      Src->second.Owns = GuardState::No;
      S.Guards[VD] = G;
      return;
    }
    switch (Init.Tag) {
    case LockRecognizer::GuardInit::Lock:
      S.Guards[VD] = G;
      guardLockAll(VD, S.Guards[VD], Loc);
      return;
    case LockRecognizer::GuardInit::Defer:
      G.Owns = GuardState::No;
      S.Guards[VD] = G;
      return;
    case LockRecognizer::GuardInit::TryTo:
      G.Owns = GuardState::Maybe;
      S.Guards[VD] = G;
      return;
    case LockRecognizer::GuardInit::Adopt:
      G.Owns = GuardState::Yes;
      S.Guards[VD] = G;
      for (const LockRef &L : G.Locks) {
        auto It = S.Held.find(L.Key);
        if (It != S.Held.end()) {
          It->second.Guard = VD;
        } else {
          // Adopting a lock this function never took: the caller holds
          // it, and it is the caller's to release (e.g. a condition
          // variable wrapper that adopts, waits and release()s).
          HeldLock H;
          H.Lock = L;
          H.Mode = G.Mode;
          H.AcquireLoc = Loc;
          H.Guard = VD;
          H.FromEntry = true;
          S.Held.emplace(L.Key, H);
        }
      }
      return;
    }
  }

  void onGuardMethod(const VarDecl *VD, const CXXMethodDecl *MD,
                     const CallExpr *Call) {
    GuardState &G = S.Guards[VD];
    SourceLocation Loc = Call->getExprLoc();
    if (isa<CXXConversionDecl>(MD))
      return; // operator bool: decided at the branch
    if (!MD->getDeclName().isIdentifier()) {
      // Move assignment `lk = std::move(other)`.
      if (MD->isMoveAssignmentOperator() && Call->getNumArgs() == 2) {
        guardReleaseAll(VD, G, Loc);
        if (const VarDecl *Src = guardVar(Call->getArg(1))) {
          GuardState &SG = S.Guards[Src];
          G.Locks = SG.Locks;
          G.Mode = SG.Mode;
          G.Owns = SG.Owns;
          for (const LockRef &L : G.Locks) {
            auto It = S.Held.find(L.Key);
            if (It != S.Held.end() && It->second.Guard == Src)
              It->second.Guard = VD;
          }
          SG.Owns = GuardState::No;
        } else {
          G.Locks.clear();
        }
      }
      return;
    }
    StringRef N = MD->getName();
    if (N == "lock" || N == "lock_shared") {
      if (G.Owns == GuardState::Yes)
        anomaly(LockAnomaly::GuardRelock, VD->getNameAsString(), Loc, G.Loc);
      else
        guardLockAll(VD, G, Loc);
    } else if (N == "unlock" || N == "unlock_shared") {
      if (G.Owns == GuardState::No)
        anomaly(LockAnomaly::GuardNotOwned, VD->getNameAsString(), Loc, G.Loc);
      guardReleaseAll(VD, G, Loc);
    } else if (N.starts_with("try_lock")) {
      S.PendingCalls[Call] = {LockOp(), VD, Loc};
      event(LockEvent::TryAcquire, VD->getNameAsString(), G.Mode, Loc);
    } else if (N == "release" || N == "mutex") {
      // `auto *p = lk.release();` binds p to the guard's mutex.
      if (!G.Locks.empty())
        S.CallTargets[Call] = G.Locks.front().Key;
      if (N == "mutex")
        return;
      // The mutex stays locked but nothing will unlock it automatically.
      for (const LockRef &L : G.Locks) {
        auto It = S.Held.find(L.Key);
        if (It != S.Held.end() && It->second.Guard == VD)
          It->second.Guard = nullptr;
      }
      G.Owns = GuardState::No;
      G.Locks.clear();
    } else if (N == "swap") {
      guardForget(VD);
      G.Locks.clear();
      if (Call->getNumArgs() >= 1)
        if (const VarDecl *Other = guardVar(Call->getArg(0))) {
          guardForget(Other);
          S.Guards[Other].Locks.clear();
        }
    }
  }

  /// `std::lock(l1, l2)` over deferred guards locks the guards' mutexes and
  /// makes the guards own them.
  bool onStdLockOfGuards(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isa<CXXMethodDecl>(Callee) ||
        !Callee->isInStdNamespace() || !Callee->getDeclName().isIdentifier() ||
        Callee->getName() != "lock" || Call->getNumArgs() < 2)
      return false;
    if (llvm::none_of(Call->arguments(),
                      [&](const Expr *E) { return guardVar(E) != nullptr; }))
      return false;
    SourceLocation Loc = Call->getExprLoc();
    llvm::SmallVector<LockRef, 4> All;
    for (const Expr *Arg : Call->arguments()) {
      if (const VarDecl *G = guardVar(Arg)) {
        llvm::append_range(All, S.Guards[G].Locks);
      } else if (auto L = A.R.lockOfObject(Arg)) {
        resolve(*L);
        All.push_back(*L);
      }
    }
    Together = All;
    for (const Expr *Arg : Call->arguments()) {
      if (const VarDecl *G = guardVar(Arg)) {
        guardLockAll(G, S.Guards[G], Loc);
      } else if (auto L = A.R.lockOfObject(Arg)) {
        resolve(*L);
        acquire(*L, LockMode::Exclusive, Loc, nullptr);
      }
    }
    Together = {};
    return true;
  }

  void onCall(const CallExpr *Call) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const VarDecl *VD = guardVar(MC->getImplicitObjectArgument()))
        if (const CXXMethodDecl *MD = MC->getMethodDecl())
          return onGuardMethod(VD, MD, Call);
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (OC->getNumArgs() >= 1)
        if (const VarDecl *VD = guardVar(OC->getArg(0)))
          if (const auto *MD =
                  dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()))
            return onGuardMethod(VD, MD, Call);
    }
    if (onStdLockOfGuards(Call))
      return;
    if (auto Op = A.R.classifyCall(Call)) {
      for (LockRef &L : Op->Locks)
        resolve(L);
      SourceLocation Loc = Call->getExprLoc();
      switch (Op->Kind) {
      case LockOp::Acquire:
        Together = Op->Locks;
        for (const LockRef &L : Op->Locks)
          acquire(L, Op->Mode, Loc, nullptr);
        Together = {};
        // POSIX and C11 locks return a status; code that tests it does not
        // hold the lock on the error branch.
        if (Op->SuccessIsZero)
          S.PendingCalls[Call] = {*Op, nullptr, Loc};
        break;
      case LockOp::Release:
        for (const LockRef &L : Op->Locks) {
          std::vector<std::string> Several = mayTargets(L);
          if (!Several.empty())
            mayRelease(Several, Loc);
          else
            release(L, Op->Mode, Op->AnyMode, Loc, nullptr);
        }
        break;
      case LockOp::TryAcquire:
        S.PendingCalls[Call] = {*Op, nullptr, Loc};
        for (const LockRef &L : Op->Locks) {
          touch(L, Op->Mode, true);
          event(LockEvent::TryAcquire, L.Key, Op->Mode, Loc);
        }
        break;
      }
      return;
    }
    if (onInferredWrapper(Call))
      return;
    // A guard moved into a callee is released there.
    if (Call->isCallToStdMove())
      return;
    for (const Expr *Arg : Call->arguments()) {
      // A by-value guard parameter is move-constructed from the argument:
      // look through the construction to the std::move.
      const Expr *E = Arg;
      while (true) {
        E = E->IgnoreParenImpCasts();
        if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
          E = M->getSubExpr();
        else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
          E = B->getSubExpr();
        else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
                 CE && CE->getNumArgs() == 1)
          E = CE->getArg(0);
        else
          break;
      }
      const auto *Inner = dyn_cast<CallExpr>(E);
      if (Inner && Inner->isCallToStdMove())
        if (const VarDecl *VD = guardVar(Inner->getArg(0)))
          guardForget(VD);
    }
  }

  /// A call of a function whose lock effect was inferred from its body.
  bool onInferredWrapper(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!A.Wrappers || !Callee)
      return false;
    auto It = A.Wrappers->find(Callee->getCanonicalDecl());
    if (It == A.Wrappers->end())
      return false;
    SourceLocation Loc = Call->getExprLoc();
    LockOp Try;
    Try.Kind = LockOp::TryAcquire;
    for (const WrapperEffect &E : It->second) {
      std::optional<LockRef> L = A.R.substituteAtCall(E.Lock, Callee, Call);
      if (!L)
        continue;
      resolve(*L);
      switch (E.Kind) {
      case WrapperEffect::Acquire:
        acquire(*L, E.Mode, Loc, nullptr);
        break;
      case WrapperEffect::TryAcquire:
        touch(*L, E.Mode, true);
        Try.Mode = E.Mode;
        Try.SuccessIsZero = E.SuccessIsZero;
        Try.Locks.push_back(*L);
        event(LockEvent::TryAcquire, L->Key, E.Mode, Loc);
        break;
      case WrapperEffect::Release:
        ReleasingWrapper = Callee->getCanonicalDecl();
        release(*L, E.Mode, /*AnyMode=*/true, Loc, nullptr);
        ReleasingWrapper = nullptr;
        break;
      case WrapperEffect::Unknown:
        if (Rep)
          Rep->ReleasingCalls.push_back(
              {Callee->getCanonicalDecl(), E.Lock.Key, S.isMustHeld(L->Key)});
        // The callee may have released it: a later unlock is no double
        // unlock. What the caller holds stays as it is.
        S.MustTouched.insert(L->Key);
        S.MayTouched.insert(L->Key);
        S.Released.erase(L->Key);
        break;
      }
    }
    if (!Try.Locks.empty())
      S.PendingCalls[Call] = {Try, nullptr, Loc};
    return true;
  }

  void onDecl(const DeclStmt *DS) {
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->hasInit())
        continue;
      const Expr *Init = stripLockExpr(VD->getInit());
      if (A.R.guardKind(VD->getType()) != GuardKind::None) {
        if (const auto *CE = dyn_cast<CXXConstructExpr>(Init))
          onGuardDecl(VD, CE);
        else if (VD->getType()->isDependentType())
          onDependentGuardDecl(VD, DS);
        continue;
      }
      onStore(VD, VD->getInit());
      auto P = S.PendingCalls.find(Init);
      if (P != S.PendingCalls.end())
        bindTry(VD, P->second);
    }
  }

  void onDtor(const VarDecl *VD, SourceLocation Loc) {
    auto It = S.Guards.find(VD);
    if (It == S.Guards.end())
      return;
    guardReleaseAll(VD, It->second, Loc);
    S.Guards.erase(It);
    S.TryVars.erase(VD);
  }

  void apply(const CFGElement &E) {
    if (auto CS = E.getAs<CFGStmt>()) {
      const Stmt *St = CS->getStmt();
      if (!S.Guards.empty())
        leaveScopes(St);
      if (const auto *Call = dyn_cast<CallExpr>(St))
        onCall(Call);
      else if (const auto *DS = dyn_cast<DeclStmt>(St))
        onDecl(DS);
      else if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
        if (BO->isAssignmentOp())
          if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
              // `ok = m.try_lock();`
              S.TryVars.erase(VD);
              onStore(VD, BO->getOpcode() == BO_Assign ? BO->getRHS()
                                                       : nullptr);
              auto P = S.PendingCalls.find(stripLockExpr(BO->getRHS()));
              if (BO->getOpcode() == BO_Assign && P != S.PendingCalls.end())
                bindTry(VD, P->second);
            }
      } else if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
        if (UO->isIncrementDecrementOp())
          if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
              S.TryVars.erase(VD);
              onStore(VD, nullptr);
            }
      }
      if (Rep && !A.LockSyntax.count(St) &&
          (isa<CallExpr>(St) || isa<MemberExpr>(St) ||
           isa<DeclRefExpr>(St) || isa<ArraySubscriptExpr>(St) ||
           isa<UnaryOperator>(St) || isa<CXXConstructExpr>(St) ||
           isa<AtomicExpr>(St) || isa<ReturnStmt>(St) ||
           isa<CXXNewExpr>(St) || isa<LambdaExpr>(St))) {
        Rep->MustAt[St] = keys(S, true);
        std::vector<std::string> Shared;
        for (const auto &[K, H] : S.Held)
          if (H.Must && H.Mode == LockMode::Shared)
            Shared.push_back(K);
        if (!Shared.empty())
          Rep->SharedAt[St] = std::move(Shared);
      }
      // A call of a function that never returns ends the path.
      if (const auto *Call = dyn_cast<CallExpr>(St))
        if (const FunctionDecl *Callee = Call->getDirectCallee())
          if (A.NoReturn && A.NoReturn->count(Callee->getCanonicalDecl()))
            S.Reachable = false;
      return;
    }
    if (auto D = E.getAs<CFGAutomaticObjDtor>())
      onDtor(D->getVarDecl(), D->getTriggerStmt()
                                  ? D->getTriggerStmt()->getEndLoc()
                                  : SourceLocation());
  }
};

LockState LocksetAnalysis::entryState() const {
  LockState S;
  S.Reachable = true;
  for (const auto &[L, M] : R.locksHeldOnEntry(FD)) {
    HeldLock H;
    H.Lock = L;
    H.Mode = M;
    H.AcquireLoc = FD->getLocation();
    H.FromEntry = true;
    S.Held.emplace(L.Key, H);
  }
  for (const auto &[L, M] : InferredEntry) {
    HeldLock H;
    H.Lock = L;
    H.Mode = M;
    H.AcquireLoc = FD->getLocation();
    H.FromEntry = true;
    S.Held.emplace(L.Key, H);
  }
  return S;
}

void LocksetAnalysis::join(LockState &Into, const LockState &From) const {
  if (!From.Reachable)
    return;
  if (!Into.Reachable) {
    Into = From;
    return;
  }
  // A local whose known value differs between the two sides explains a lock
  // held on one side only.
  auto Distinguishing = [&](const LockState &Side) -> const ValueDecl * {
    for (const auto &[V, Val] : Side.Facts) {
      const LockState &Other = &Side == &From ? Into : From;
      auto It = Other.Facts.find(V);
      if (It != Other.Facts.end() && It->second != Val)
        return V;
    }
    return nullptr;
  };
  std::map<std::string, HeldLock> Held;
  for (const LockState *Side : {static_cast<const LockState *>(&Into), &From}) {
    const LockState &Other = Side == &Into ? From : Into;
    for (const auto &[K, H] : Side->Held) {
      auto OIt = Other.Held.find(K);
      if (OIt != Other.Held.end()) {
        if (Held.count(K))
          continue;
        HeldLock J = H;
        const HeldLock &O = OIt->second;
        J.Must = H.Must && O.Must;
        J.Depth = std::max(H.Depth, O.Depth);
        if (J.Guard != O.Guard)
          J.Guard = nullptr;
        J.FromEntry = H.FromEntry && O.FromEntry;
        if (H.CondVar != O.CondVar || H.CondValue != O.CondValue) {
          J.CondVar = nullptr;
          J.Must = false;
        }
        if (O.Mode == LockMode::Exclusive)
          J.Mode = LockMode::Exclusive;
        if (J.MismatchLoc.isInvalid()) {
          J.MismatchWith = O.MismatchWith;
          J.MismatchLoc = O.MismatchLoc;
        }
        Held.emplace(K, J);
        continue;
      }
      HeldLock J = H;
      // The other side tested the handle null: it has no lock to hold.
      if (Other.NullLocks.count(K)) {
        Held.emplace(K, J);
        continue;
      }
      J.Must = false;
      if (!J.CondVar)
        if (const ValueDecl *V = Distinguishing(*Side)) {
          J.CondVar = V;
          J.CondValue = Side->Facts.at(V);
        }
      Held.emplace(K, J);
    }
  }
  Into.Held = std::move(Held);
  // Known released only if released on both sides: a double unlock is
  // reported when every path to it has already unlocked. Paths where the
  // lock is still held are covered by the may-held entry above.
  for (auto It = Into.Released.begin(); It != Into.Released.end();) {
    if (!From.Released.count(It->first))
      It = Into.Released.erase(It);
    else
      ++It;
  }
  // A pointer bound to different locks on the two sides may designate
  // either (`*p` keys only: member prefixes follow the same binding).
  std::map<std::string, std::vector<std::string>> May;
  auto Targets = [](const LockState &Side, const std::string &K) {
    std::vector<std::string> Out;
    auto A = Side.Aliases.find(K);
    if (A != Side.Aliases.end())
      Out.push_back(A->second);
    auto M = Side.MayAliases.find(K);
    if (M != Side.MayAliases.end())
      Out.insert(Out.end(), M->second.begin(), M->second.end());
    return Out;
  };
  for (const LockState *Side : {static_cast<const LockState *>(&Into), &From})
    for (const auto &Map : {Side->Aliases})
      for (const auto &[K, T] : Map) {
        if (!StringRef(K).starts_with("*") || May.count(K))
          continue;
        std::vector<std::string> A = Targets(Into, K), B = Targets(From, K);
        if (A.empty() || B.empty())
          continue;
        for (const std::string &T2 : B)
          if (!llvm::is_contained(A, T2))
            A.push_back(T2);
        if (A.size() > 1)
          May[K] = std::move(A);
      }
  for (const auto &[K, T] : Into.MayAliases) {
    std::vector<std::string> B = Targets(From, K);
    if (B.empty() || May.count(K))
      continue;
    std::vector<std::string> A = T;
    for (const std::string &T2 : B)
      if (!llvm::is_contained(A, T2))
        A.push_back(T2);
    May[K] = std::move(A);
  }
  Into.MayAliases = std::move(May);
  std::set<std::string> Null;
  std::set_intersection(Into.NullLocks.begin(), Into.NullLocks.end(),
                        From.NullLocks.begin(), From.NullLocks.end(),
                        std::inserter(Null, Null.end()));
  Into.NullLocks = std::move(Null);
  for (auto It = Into.Aliases.begin(); It != Into.Aliases.end();) {
    auto F = From.Aliases.find(It->first);
    if (F == From.Aliases.end() || F->second != It->second)
      It = Into.Aliases.erase(It);
    else
      ++It;
  }
  for (const auto &[V, G] : From.Guards) {
    auto It = Into.Guards.find(V);
    if (It == Into.Guards.end()) {
      Into.Guards.emplace(V, G);
    } else if (It->second.Owns != G.Owns) {
      It->second.Owns = GuardState::Maybe;
    }
  }
  for (const auto &[V, P] : From.TryVars)
    Into.TryVars.emplace(V, P);
  std::map<const ValueDecl *, bool> Facts;
  for (const auto &[V, Val] : Into.Facts) {
    auto It = From.Facts.find(V);
    if (It != From.Facts.end() && It->second == Val)
      Facts.emplace(V, Val);
  }
  Into.Facts = std::move(Facts);
  std::set<std::string> Touched;
  std::set_intersection(Into.MustTouched.begin(), Into.MustTouched.end(),
                        From.MustTouched.begin(), From.MustTouched.end(),
                        std::inserter(Touched, Touched.end()));
  Into.MustTouched = std::move(Touched);
  Into.MayTouched.insert(From.MayTouched.begin(), From.MayTouched.end());
}

namespace {
/// Decides what a branch condition says on one edge.
struct EdgeDecider {
  LockState &S;
  const LockState &Out;
  /// Locals whose value the analysis cannot follow.
  const llvm::DenseSet<const VarDecl *> &Escaped;
  ASTContext &Ctx;
  /// Locals assigned after their initialisation.
  const llvm::DenseSet<const VarDecl *> *Modified = nullptr;
  const LockRecognizer *R = nullptr;
  /// Fields the function writes.
  const llvm::DenseSet<const FieldDecl *> *ModifiedFields = nullptr;

  /// A global or a field the function never writes, tested twice, has the
  /// same value both times (`if (cfg.threads) lock(); ... if (cfg.threads)
  /// unlock();`): another thread changing a configuration flag in between
  /// is not what such code guards against. The key is the variable or the
  /// field; volatile and atomic storage is not stable.
  const ValueDecl *stableCondition(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    auto Plain = [](QualType T) {
      return T->isScalarType() && !T.isVolatileQualified() &&
             !T->isAtomicType();
    };
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (VD && VD->hasGlobalStorage() && !VD->isLocalVarDeclOrParm() &&
          Plain(VD->getType()) && Modified && !Modified->count(VD))
        return VD;
      return nullptr;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    if (!ME || !ModifiedFields)
      return nullptr;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || !Plain(F->getType()) || ModifiedFields->count(F))
      return nullptr;
    // The object it is read from must itself be named the same way both
    // times: a chain of members off a variable or `this`, no calls.
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      if (isa<CXXThisExpr>(Base))
        return F;
      if (const auto *D = dyn_cast<DeclRefExpr>(Base)) {
        const auto *VD = dyn_cast<VarDecl>(D->getDecl());
        return VD && !(Modified && Modified->count(VD)) ? F : nullptr;
      }
      const auto *Inner = dyn_cast<MemberExpr>(Base);
      if (!Inner)
        return nullptr;
      Base = Inner->getBase()->IgnoreParenImpCasts();
    }
    return nullptr;
  }

  /// `if (lk)` / `if (lk == NULL)` on a handle the function uses as a lock:
  /// on the null edge there is no lock to hold.
  void decideHandle(const Expr *E, bool NonNull) {
    if (!R || !E->getType()->isPointerType())
      return;
    QualType Pointee = E->getType()->getPointeeType();
    std::optional<LockRef> L = R->lockOfPointer(E);
    if (!L)
      return;
    // Any pointer can be tested; only handles known as locks (or opaque
    // `void *` handles) are worth a state entry.
    if (!Pointee->isVoidType() && !Out.MayTouched.count(L->Key) &&
        !Out.Held.count(L->Key))
      return;
    if (NonNull) {
      S.NullLocks.erase(L->Key);
      return;
    }
    S.Held.erase(L->Key);
    S.NullLocks.insert(L->Key);
  }

  /// `step - 1` after `int step = mode + 1;`: the local an integer
  /// expression equals plus a constant, when it is built from one local
  /// initialised once and never assigned.
  std::optional<std::pair<const VarDecl *, int64_t>>
  affine(const Expr *E, unsigned Depth = 0) const {
    if (!E || Depth > 8 || !Modified)
      return std::nullopt;
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !VD->isLocalVarDeclOrParm() || Escaped.count(VD) ||
          !VD->getType()->isIntegerType())
        return std::nullopt;
      if (!Modified->count(VD) && VD->getInit() && !isa<ParmVarDecl>(VD))
        if (auto Inner = affine(VD->getInit(), Depth + 1))
          return Inner;
      return std::make_pair(VD, int64_t(0));
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() != BO_Add && BO->getOpcode() != BO_Sub)
        return std::nullopt;
      Expr::EvalResult R;
      const Expr *L = BO->getLHS(), *Rt = BO->getRHS();
      if (!Rt->isValueDependent() && Rt->EvaluateAsInt(R, Ctx)) {
        auto In = affine(L, Depth + 1);
        if (!In)
          return std::nullopt;
        int64_t C = R.Val.getInt().getExtValue();
        In->second += BO->getOpcode() == BO_Add ? C : -C;
        return In;
      }
      if (BO->getOpcode() == BO_Add && !L->isValueDependent() &&
          L->EvaluateAsInt(R, Ctx)) {
        auto In = affine(Rt, Depth + 1);
        if (!In)
          return std::nullopt;
        In->second += R.Val.getInt().getExtValue();
        return In;
      }
    }
    return std::nullopt;
  }

  void decideTry(const PendingTry &P, bool Truthy) {
    bool Success = P.Op.SuccessIsZero ? !Truthy : Truthy;
    if (P.Op.Kind == LockOp::Acquire) {
      // A blocking lock that reports errors (pthread_mutex_lock, mtx_lock):
      // held already, unless the branch says it failed.
      if (!Success)
        for (const LockRef &L : P.Op.Locks) {
          auto It = S.Held.find(L.Key);
          if (It != S.Held.end() && It->second.AcquireLoc == P.Loc &&
              It->second.Depth == 1)
            S.Held.erase(It);
        }
      return;
    }
    if (P.Guard) {
      auto It = S.Guards.find(P.Guard);
      if (It == S.Guards.end())
        return;
      decideGuard(P.Guard, It->second, Success);
      return;
    }
    for (const LockRef &L : P.Op.Locks) {
      auto It = S.Held.find(L.Key);
      // The entry bindTry made for this very try-lock.
      bool Pending = It != S.Held.end() && It->second.CondVar &&
                     It->second.AcquireLoc == P.Loc;
      if (Pending && Success) {
        It->second.Must = true;
        It->second.CondVar = nullptr;
        S.Released.erase(L.Key);
        continue;
      }
      if (Pending)
        It = S.Held.erase(It);
      if (Success) {
        if (It == S.Held.end()) {
          HeldLock H;
          H.Lock = L;
          H.Mode = P.Op.Mode;
          H.AcquireLoc = P.Loc;
          S.Held.emplace(L.Key, H);
        } else if (L.Recursive) {
          It->second.Depth = std::min(It->second.Depth + 1, 3u);
        }
        S.Released.erase(L.Key);
      } else if (!S.Held.count(L.Key)) {
        S.Released[L.Key] = {P.Loc, true};
      }
    }
  }

  void decideGuard(const VarDecl *VD, GuardState &G, bool Owns) {
    if (G.Owns != GuardState::Maybe)
      return;
    if (!Owns) {
      G.Owns = GuardState::No;
      return;
    }
    G.Owns = GuardState::Yes;
    for (const LockRef &L : G.Locks)
      if (!S.Held.count(L.Key)) {
        HeldLock H;
        H.Lock = L;
        H.Mode = G.Mode;
        H.AcquireLoc = G.Loc;
        H.Guard = VD;
        S.Held.emplace(L.Key, H);
      }
  }

  void setFact(const ValueDecl *VD, bool Truthy) {
    // The local is known to have the other value: this edge is never taken.
    auto Known = S.Facts.find(VD);
    if (Known != S.Facts.end() && Known->second != Truthy) {
      S.Reachable = false;
      return;
    }
    S.Facts[VD] = Truthy;
    for (auto It = S.Held.begin(); It != S.Held.end();) {
      HeldLock &H = It->second;
      if (H.CondVar == VD) {
        if (H.CondValue != Truthy) {
          It = S.Held.erase(It);
          continue;
        }
        H.CondVar = nullptr;
        H.Must = true;
      }
      ++It;
    }
  }

  /// Whether E is the result of a try-lock (or a status-returning lock)
  /// whose outcome a branch decides.
  bool isLockResult(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (Out.PendingCalls.count(stripLockExpr(E)))
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        return Out.TryVars.count(VD);
    return false;
  }

  void decide(const Expr *E, bool Truthy, unsigned Depth = 0) {
    // Conditions worth deciding are shallow; `!!!...ok` thousands deep is
    // not worth a stack frame per level.
    if (!E || Depth > 64)
      return;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      return decide(EWC->getSubExpr(), Truthy, Depth + 1);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_LNot)
        decide(UO->getSubExpr(), !Truthy, Depth + 1);
      return;
    }
    if (isa<BinaryOperator>(E) && E->getType()->isIntegerType())
      if (auto Af = affine(E); Af && Af->second == 0) {
        const VarDecl *VD = Af->first;
        if (VD->isLocalVarDeclOrParm() && !Escaped.count(VD) &&
            !Out.TryVars.count(VD))
          return setFact(VD, Truthy);
      }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      // In the block that evaluates the right operand of && or ||, the
      // whole condition's value is the right operand's.
      if (BO->isLogicalOp())
        return decide(BO->getRHS(), Truthy, Depth + 1);
      if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
        const Expr *Other = nullptr;
        auto IsZero = [&](const Expr *X) {
          Expr::EvalResult R;
          if (X->isValueDependent())
            return false;
          // `p == NULL` tests a pointer result (a try-acquire wrapper's).
          if (X->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
            return true;
          return X->EvaluateAsInt(R, Ctx) && R.Val.getInt().isZero();
        };
        if (IsZero(BO->getRHS()))
          Other = BO->getLHS();
        else if (IsZero(BO->getLHS()))
          Other = BO->getRHS();
        if (Other)
          return decide(Other, BO->getOpcode() == BO_EQ ? !Truthy : Truthy,
                        Depth + 1);
        // `trylock(&m) == EBUSY`, `ok == true`: a lock result compared with
        // a non-zero constant is taken as that truth value on the true edge
        // and its opposite on the false one (other error codes are rare).
        auto IsNonZero = [&](const Expr *X) {
          Expr::EvalResult R;
          return !X->isValueDependent() && X->EvaluateAsInt(R, Ctx) &&
                 !R.Val.getInt().isZero();
        };
        if (IsNonZero(BO->getRHS()))
          Other = BO->getLHS();
        else if (IsNonZero(BO->getLHS()))
          Other = BO->getRHS();
        if (Other && isLockResult(Other))
          decide(Other, BO->getOpcode() == BO_EQ ? Truthy : !Truthy, Depth + 1);
      }
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      bool OwnsQuery = MD && (isa<CXXConversionDecl>(MD) ||
                              (MD->getDeclName().isIdentifier() &&
                               MD->getName() == "owns_lock"));
      if (OwnsQuery)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(
                stripLockExpr(MC->getImplicitObjectArgument())))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
            auto It = S.Guards.find(VD);
            if (It != S.Guards.end())
              return decideGuard(VD, It->second, Truthy);
          }
    }
    auto P = Out.PendingCalls.find(stripLockExpr(E));
    if (P != Out.PendingCalls.end())
      return decideTry(P->second, Truthy);
    decideHandle(E, Truthy);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return;
      auto T = Out.TryVars.find(VD);
      if (T != Out.TryVars.end())
        return decideTry(T->second, Truthy);
      if (VD->isLocalVarDeclOrParm() && !Escaped.count(VD) &&
          (VD->getType()->isScalarType()))
        setFact(VD, Truthy);
    }
    if (const ValueDecl *Stable = stableCondition(E))
      setFact(Stable, Truthy);
  }
};
} // namespace

LockState LocksetAnalysis::edgeState(const CFGBlock &B, const LockState &Out,
                                     unsigned SuccIndex) const {
  LockState S = Out;
  S.PendingCalls.clear();
  S.CallTargets.clear();
  if (B.succ_size() == 2)
    if (const Stmt *Cond = const_cast<CFGBlock &>(B).getTerminatorCondition())
      if (const auto *E = dyn_cast<Expr>(Cond)) {
        EdgeDecider D{S, Out, Escaped, Ctx, &Modified, &R, &ModifiedFields};
        D.decide(E, SuccIndex == 0);
      }
  // Only a throw reaches a try's dispatch block. Unwinding destroys the
  // guards declared inside the try block before a handler runs, but the CFG
  // has no destructor elements on that edge.
  const CFGBlock *Succ = SuccIndex < B.succ_size()
                             ? B.succ_begin()[SuccIndex].getReachableBlock()
                             : nullptr;
  if (Succ)
    if (const auto *Try =
            dyn_cast_or_null<CXXTryStmt>(Succ->getTerminatorStmt())) {
      const SourceManager &SM = Ctx.getSourceManager();
      SourceRange Body = Try->getTryBlock()->getSourceRange();
      llvm::SmallVector<const VarDecl *, 4> Dying;
      for (const auto &[VD, G] : S.Guards)
        if (SM.isPointWithin(VD->getLocation(), Body.getBegin(),
                             Body.getEnd()))
          Dying.push_back(VD);
      Transfer T{*this, S, nullptr};
      for (const VarDecl *VD : Dying)
        T.onDtor(VD, SourceLocation());
    }
  return S;
}

void LocksetAnalysis::applyBlock(const CFGBlock &B, LockState &S,
                                 FunctionLocks *Report) const {
  S.PendingCalls.clear();
  S.CallTargets.clear();
  Transfer T{*this, S, Report};
  for (const CFGElement &E : B) {
    if (!S.Reachable)
      return;
    T.apply(E);
  }
}

static SourceLocation exitLocation(const CFGBlock &B, const FunctionDecl *FD,
                                   bool &Throws) {
  Throws = false;
  for (auto It = B.rbegin(); It != B.rend(); ++It) {
    if (auto CS = It->getAs<CFGStmt>()) {
      if (isa<ReturnStmt>(CS->getStmt()))
        return CS->getStmt()->getBeginLoc();
      if (isa<CXXThrowExpr>(CS->getStmt())) {
        Throws = true;
        return CS->getStmt()->getBeginLoc();
      }
    }
  }
  if (const Stmt *T = B.getTerminatorStmt())
    if (isa<CXXThrowExpr>(T)) {
      Throws = true;
      return T->getBeginLoc();
    }
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(FD->getBody()))
    return CS->getRBracLoc();
  return FD->getBody() ? FD->getBody()->getEndLoc() : FD->getLocation();
}

void LocksetAnalysis::recordExit(const CFGBlock &Pred, const LockState &S,
                                 FunctionLocks &Report) const {
  if (Pred.hasNoReturnElement())
    return;
  FunctionLocks::ExitPoint X;
  for (auto It = Pred.rbegin(); It != Pred.rend(); ++It) {
    auto CS = It->getAs<CFGStmt>();
    if (!CS)
      continue;
    if (isa<CXXThrowExpr>(CS->getStmt()))
      return;
    const auto *RS = dyn_cast<ReturnStmt>(CS->getStmt());
    if (!RS)
      continue;
    if (const Expr *V = RS->getRetValue()) {
      V = V->IgnoreParenImpCasts();
      X.Ret = FunctionLocks::ExitPoint::Other;
      // A constant, or a local never changed after a constant initialiser
      // (`int ret = -1; ... return ret;`).
      const Expr *Value = V;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(V))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
          X.RetVar = VD;
          if (VD->isLocalVarDecl() && !Modified.count(VD) && VD->getInit())
            Value = VD->getInit();
        }
      Expr::EvalResult R;
      if (!Value->isValueDependent() &&
          Value->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        X.Ret = FunctionLocks::ExitPoint::Zero;
      else if (!Value->isValueDependent() && Value->EvaluateAsInt(R, Ctx))
        X.Ret = R.Val.getInt().isZero() ? FunctionLocks::ExitPoint::Zero
                                        : FunctionLocks::ExitPoint::NonZero;
    }
    break;
  }
  if (const Stmt *T = Pred.getTerminatorStmt())
    if (isa<CXXThrowExpr>(T))
      return;
  X.Held = S.Held;
  // A guard of a dependent type dies at the return like any guard (the CFG
  // has no destructor call for it).
  for (const auto &[VD, G] : S.Guards)
    if (G.Scope)
      for (const LockRef &L : G.Locks) {
        auto It = X.Held.find(L.Key);
        if (It != X.Held.end() && It->second.Guard == VD)
          X.Held.erase(It);
      }
  Report.Exits.push_back(std::move(X));
}

void LocksetAnalysis::checkExit(const CFGBlock &Pred, const LockState &S,
                                FunctionLocks &Report) const {
  if (Pred.hasNoReturnElement() || R.isAcquireFunction(FD))
    return;
  bool Throws = false;
  SourceLocation Loc;
  for (const auto &[K, H] : S.Held) {
    // Guard-owned locks still held here left with the guard (returned or
    // moved out); contract locks are the caller's, even when the function
    // released and re-took them.
    if (H.Guard || H.FromEntry || EntryKeys.count(K))
      continue;
    if (Loc.isInvalid())
      Loc = exitLocation(Pred, FD, Throws);
    LockAnomaly An;
    if (H.MismatchLoc.isValid() && H.Must) {
      // The unlock of a lock never taken here was meant for this one.
      An.Kind = LockAnomaly::UnlockMismatch;
      An.Lock = H.MismatchWith;
      An.Other = K;
      An.Loc = H.MismatchLoc;
      An.Related = H.AcquireLoc;
      Report.Anomalies.push_back(std::move(An));
      continue;
    }
    An.Kind = LockAnomaly::NotReleased;
    An.Lock = K;
    An.Loc = Loc;
    An.Related = H.AcquireLoc;
    An.AllPaths = H.Must && !H.CondVar;
    An.Other = Throws ? "throw" : "";
    Report.Anomalies.push_back(std::move(An));
  }
}

std::vector<const CFGBlock *> reversePostOrder(const CFG &Cfg,
                                              std::vector<unsigned> &Order) {
  // The CFG marks impossible edges (a switch's default over a fully
  // covered enum) with null successors, which LLVM's generic traversal
  // would dereference, so the order is computed here.
  unsigned N = Cfg.getNumBlockIDs();
  Order.assign(N, ~0u);
  std::vector<const CFGBlock *> ByOrder;
  std::vector<const CFGBlock *> PostOrder;
  std::vector<char> Seen(N, 0);
  std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>>
      Stack;
  Stack.push_back({&Cfg.getEntry(), Cfg.getEntry().succ_begin()});
  Seen[Cfg.getEntry().getBlockID()] = 1;
  while (!Stack.empty()) {
    auto &[B, It] = Stack.back();
    if (It == B->succ_end()) {
      PostOrder.push_back(B);
      Stack.pop_back();
      continue;
    }
    const CFGBlock *Succ = It->getReachableBlock();
    ++It;
    if (Succ && !Seen[Succ->getBlockID()]) {
      Seen[Succ->getBlockID()] = 1;
      Stack.push_back({Succ, Succ->succ_begin()});
    }
  }
  for (auto It = PostOrder.rbegin(); It != PostOrder.rend(); ++It) {
    Order[(*It)->getBlockID()] = ByOrder.size();
    ByOrder.push_back(*It);
  }
  return ByOrder;
}

FunctionLocks LocksetAnalysis::run() {
  FunctionLocks Result;
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<LockState> Entry(N);
  std::vector<unsigned> Visits(N, 0);

  // Visit blocks in reverse post-order for fast convergence.
  std::vector<unsigned> Order;
  std::vector<const CFGBlock *> ByOrder = reversePostOrder(Cfg, Order);
  std::set<unsigned> Work; // by RPO index
  const CFGBlock &EntryB = Cfg.getEntry();
  Entry[EntryB.getBlockID()] = entryState();
  Work.insert(Order[EntryB.getBlockID()]);

  while (!Work.empty()) {
    const CFGBlock *B = ByOrder[*Work.begin()];
    Work.erase(Work.begin());
    if (++Visits[B->getBlockID()] > VisitsPerBlock)
      return Result; // budget exhausted: stay silent about this function
    LockState S = Entry[B->getBlockID()];
    applyBlock(*B, S, nullptr);
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned Index = I++;
      const CFGBlock *SB = Succ.getReachableBlock();
      if (!SB || Order[SB->getBlockID()] == ~0u)
        continue;
      LockState E = edgeState(*B, S, Index);
      LockState &Dst = Entry[SB->getBlockID()];
      LockState Before = Dst;
      join(Dst, E);
      if (!(Dst == Before))
        Work.insert(Order[SB->getBlockID()]);
    }
  }

  // Replay with the converged entry states, collecting the facts.
  for (const CFGBlock *B : ByOrder) {
    LockState S = Entry[B->getBlockID()];
    if (!S.Reachable)
      continue;
    applyBlock(*B, S, &Result);
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned Index = I++;
      const CFGBlock *SB = Succ.getReachableBlock();
      if (SB == &Cfg.getExit()) {
        LockState E = edgeState(*B, S, Index);
        if (E.Reachable) {
          checkExit(*B, E, Result);
          recordExit(*B, E, Result);
        }
      }
    }
  }
  // Several exits can report the same leak (or the same unlock mismatch);
  // keep one, "on every path" only if every report says so.
  std::vector<LockAnomaly> Unique;
  for (LockAnomaly &An : Result.Anomalies) {
    auto Same = llvm::find_if(Unique, [&](const LockAnomaly &U) {
      return U.Kind == An.Kind && U.Lock == An.Lock && U.Loc == An.Loc &&
             U.Related == An.Related && U.Other == An.Other;
    });
    if (Same == Unique.end())
      Unique.push_back(std::move(An));
    else
      Same->AllPaths = Same->AllPaths && An.AllPaths;
  }
  // A lock locked twice is reported once, at the second lock, not again
  // as held at the exit.
  llvm::erase_if(Unique, [&](const LockAnomaly &An) {
    return An.Kind == LockAnomaly::NotReleased &&
           llvm::any_of(Unique, [&](const LockAnomaly &D) {
             return D.Kind == LockAnomaly::DoubleLock && D.Lock == An.Lock;
           });
  });
  Result.Anomalies = std::move(Unique);
  Result.Analyzed = true;
  return Result;
}

} // namespace racelint
