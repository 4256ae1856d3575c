//===--- RaceModel.cpp - Accesses, sharing, thread contexts, guards -------===//

#include "RaceModel.h"
#include "TUModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <deque>
#include <functional>

using namespace clang;

namespace racelint {

std::string RaceConfig::fingerprint() const {
  std::string S;
  for (const auto &N : ConcurrentClasses)
    S += N + ";";
  S += "|";
  for (const auto &N : ThreadEntryFunctions)
    S += N + ";";
  S += "|";
  for (const auto &N : InitFunctions)
    S += N + ";";
  S += "|" + std::to_string(MinGuardedRatio);
  return S;
}

bool Access::holds(llvm::StringRef Lock) const {
  return llvm::is_contained(Locks, Lock.str());
}

bool Access::holdsShared(llvm::StringRef Lock) const {
  return llvm::is_contained(SharedLocks, Lock.str());
}

//===----------------------------------------------------------------------===//
// Type classification
//===----------------------------------------------------------------------===//

static bool isStdRecord(const CXXRecordDecl *RD) {
  // Decl::isInStdNamespace looks through inline namespaces (std::__1).
  return RD && RD->isInStdNamespace();
}

static StringRef recordName(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    if (RD->getDeclName().isIdentifier())
      return RD->getName();
  return "";
}

static bool typedefNamed(QualType T, std::initializer_list<StringRef> Names) {
  std::string S = T.getAsString();
  for (StringRef N : Names)
    if (StringRef(S).contains(N))
      return true;
  return false;
}

/// Synchronisation objects: locks, condition variables, threads, once flags.
static bool isSyncType(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (RD->hasAttr<CapabilityAttr>())
      return true;
    if (isStdRecord(RD)) {
      StringRef N = RD->getName();
      return N.ends_with("mutex") || N.starts_with("condition_variable") ||
             N == "thread" || N == "jthread" || N == "once_flag" ||
             N == "counting_semaphore" || N == "binary_semaphore" ||
             N == "latch" || N == "barrier" || N == "stop_source" ||
             N == "stop_token";
    }
  }
  return typedefNamed(T, {"pthread_mutex_t", "pthread_rwlock_t",
                          "pthread_spinlock_t", "pthread_cond_t", "mtx_t",
                          "cnd_t", "pthread_once_t", "once_flag",
                          "pthread_t", "thrd_t", "sem_t"});
}

static bool isLockType(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (RD->hasAttr<CapabilityAttr>())
      return true;
    return isStdRecord(RD) && RD->getName().ends_with("mutex");
  }
  return typedefNamed(T, {"pthread_mutex_t", "pthread_rwlock_t",
                          "pthread_spinlock_t", "mtx_t"});
}

static bool isAtomicType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  if (const auto *RD = T->getAsCXXRecordDecl())
    if (isStdRecord(RD)) {
      StringRef N = RD->getName();
      return N == "atomic" || N == "atomic_flag" || N == "atomic_ref" ||
             N.starts_with("__atomic");
    }
  return typedefNamed(T, {"atomic_", "sig_atomic_t"});
}

/// A class that carries its own lock, or is built around atomics (lock-free
/// queues, counters), synchronises its methods itself: calling them on a
/// shared object (or an array element) is not a race.
static bool ownsLock(QualType T) {
  T = T.getNonReferenceType();
  const auto *RD = T->getAsRecordDecl();
  if (!RD || !RD->getDefinition())
    return false;
  for (const FieldDecl *F : RD->getDefinition()->fields())
    if (isLockType(F->getType()) || isAtomicType(F->getType()))
      return true;
  return false;
}

/// Storage whose type makes plain accesses safe or meaningless to report.
static bool isUnracyType(QualType T) {
  if (T.isConstQualified() && !T->isReferenceType())
    return true;
  return isSyncType(T) || isAtomicType(T);
}

//===----------------------------------------------------------------------===//
// Access collection
//===----------------------------------------------------------------------===//

namespace {

/// Methods that only read their object even when not const-qualified.
bool isReadOnlyMethod(const CXXMethodDecl *MD, const CXXRecordDecl *RD) {
  if (MD->isConst())
    return true;
  if (MD->getOverloadedOperator() == OO_Subscript)
    return !(RD && RD->getName().contains("map")); // map::operator[] inserts
  if (!MD->getDeclName().isIdentifier())
    return MD->getOverloadedOperator() == OO_Star ||
           MD->getOverloadedOperator() == OO_Arrow;
  StringRef N = MD->getName();
  return N == "at" || N == "begin" || N == "end" || N == "rbegin" ||
         N == "rend" || N == "front" || N == "back" || N == "data" ||
         N == "find" || N == "lower_bound" || N == "upper_bound" ||
         N == "equal_range" || N == "count" || N == "contains" ||
         N == "size" || N == "empty" || N == "get" || N == "c_str" ||
         N == "length" || N == "capacity";
}

/// Locals that point to memory the function allocated itself and has not
/// yet handed to anyone: no other thread can reach that object, so its
/// fields are not shared there (`c = calloc(..); c->name = ..;` in a C
/// create function). Maps each such local to the first place it escapes
/// (invalid when it never does).
class FreshPointers : public RecursiveASTVisitor<FreshPointers> {
public:
  explicit FreshPointers(const FunctionDecl *FD) : FD(FD) {}

  static bool isAllocation(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (isa<CXXNewExpr>(E))
      return true;
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->getDeclName().isIdentifier())
          return llvm::is_contained({"malloc", "calloc", "aligned_alloc",
                                     "strdup", "strndup"},
                                    F->getName());
    return false;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (V->isLocalVarDecl() && !V->isStaticLocal() &&
        V->getType()->isPointerType() && V->getInit()) {
      if (isAllocation(V->getInit()))
        Candidates.insert(V);
      else
        Bound.push_back(V);
    }
    return true;
  }

  /// Pointer locals initialised from something else and never assigned.
  std::vector<const VarDecl *> boundOnce() const {
    std::vector<const VarDecl *> R;
    for (const VarDecl *V : Bound)
      if (!Spoiled.count(V) && !AddressTaken.count(V))
        R.push_back(V);
    return R;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const VarDecl *V = var(BO->getLHS())) {
        Allowed.insert(BO->getLHS()->IgnoreParenImpCasts());
        if (BO->getOpcode() == BO_Assign && isAllocation(BO->getRHS()) &&
            V->isLocalVarDecl() && !V->isStaticLocal())
          Candidates.insert(V);
        else
          Spoiled.insert(V);
      }
    if (BO->isEqualityOp() || BO->isRelationalOp()) {
      allow(BO->getLHS());
      allow(BO->getRHS());
    }
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (ME->isArrow())
      allow(ME->getBase());
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *ASE) {
    allow(ASE->getBase());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_LNot)
      allow(UO->getSubExpr());
    if (UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp())
      if (const VarDecl *V = var(UO->getSubExpr()))
        AddressTaken.insert(V);
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *ICE) {
    if (ICE->getCastKind() == CK_PointerToBoolean)
      allow(ICE->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    // Filling or freeing the object does not publish it.
    if (const FunctionDecl *F = CE->getDirectCallee())
      if (F->getDeclName().isIdentifier() && CE->getNumArgs() > 0 &&
          llvm::is_contained({"free", "memset", "memcpy", "bzero",
                              "pthread_mutex_init", "pthread_cond_init",
                              "pthread_rwlock_init", "mtx_init", "cnd_init"},
                             F->getName()))
        allow(CE->getArg(0));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || Allowed.count(DRE))
      return true;
    auto &First = Escape[V];
    if (First.isInvalid())
      First = DRE->getExprLoc();
    return true;
  }

  /// Fresh locals with their first escape.
  llvm::DenseMap<const VarDecl *, SourceLocation> run() {
    TraverseStmt(FD->getBody());
    llvm::DenseMap<const VarDecl *, SourceLocation> Result;
    for (const VarDecl *V : Candidates)
      if (!Spoiled.count(V))
        Result[V] = Escape.lookup(V);
    return Result;
  }

private:
  static const VarDecl *var(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  }
  void allow(const Expr *E) {
    if (E)
      Allowed.insert(E->IgnoreParenImpCasts());
  }

  const FunctionDecl *FD;
  llvm::DenseSet<const VarDecl *> Candidates, Spoiled, AddressTaken;
  std::vector<const VarDecl *> Bound;
  llvm::DenseSet<const Stmt *> Allowed;
  llvm::DenseMap<const VarDecl *, SourceLocation> Escape;
};

class AccessCollector {
public:
  AccessCollector(const FunctionDecl *FD, const FunctionLocks &FL,
                  ASTContext &Ctx, std::vector<Access> &Out,
                  std::vector<std::pair<const CallExpr *, const FunctionDecl *>>
                      &CallsOut,
                  std::function<bool(const CallExpr *)> IsSpawn,
                  const LockRecognizer &R)
      : FD(FD), FL(FL), Ctx(Ctx), Out(Out), CallsOut(CallsOut),
        IsSpawn(std::move(IsSpawn)), R(R) {
    if (FD->getBody()) {
      FreshPointers FP(FD);
      Fresh = FP.run();
      for (const VarDecl *V : FP.boundOnce()) {
        auto L = R.lockOfPointer(V->getInit());
        if (L && !L->Key.empty())
          BoundOnce[V] = StringRef(L->Key).starts_with("*")
                             ? L->Key.substr(1) + "->"
                             : L->Key + ".";
      }
    }
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      if (isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD))
        OwnClass = MD->getParent();
      if (!MD->isStatic() && MD->getParent()->hasDefinition())
        for (const FieldDecl *F : MD->getParent()->fields())
          OwnFields.insert(F->getName());
    }
  }

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (isa<LambdaExpr>(S) || isa<UnaryExprOrTypeTraitExpr>(S) ||
        isa<CXXTypeidExpr>(S) || isa<CXXNoexceptExpr>(S) ||
        isa<BlockExpr>(S))
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp()) {
        size_t Begin = Out.size();
        lvalue(BO->getLHS(), BO->getOpcode() == BO_Assign
                                 ? AccessKind::Write
                                 : AccessKind::ReadModifyWrite);
        size_t Mid = Out.size();
        visit(BO->getRHS());
        // `x = x + 1` reads and writes x in two steps: a read-modify-write.
        if (BO->getOpcode() == BO_Assign)
          for (size_t W = Begin; W < Mid; ++W)
            for (size_t R = Mid; R < Out.size(); ++R)
              if (Out[R].Storage == Out[W].Storage &&
                  Out[R].How == AccessKind::Read) {
                Out[W].How = AccessKind::ReadModifyWrite;
                Out[W].SplitRMW = true;
              }
        markStale(Begin, Mid, BO->getRHS(), /*Value=*/true);
        if (const VarDecl *V = localVar(BO->getLHS()))
          setOrigin(V, Mid, BO->getRHS(), BO->getOpcode() == BO_Assign);
        return;
      }
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D)) {
          size_t Begin = Out.size();
          visit(V->getInit());
          if (localVar(V) && V->getInit())
            setOrigin(V, Begin, V->getInit(), true);
        }
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      visit(If->getInit());
      visit(If->getConditionVariableDeclStmt());
      size_t C0 = Out.size();
      visit(If->getCond());
      size_t C1 = Out.size();
      visit(If->getThen());
      size_t T1 = Out.size();
      visit(If->getElse());
      // A write in the branch decided by a read of the same storage.
      for (size_t W = C1; W < T1; ++W) {
        if (!isWrite(Out[W].How) || Out[W].OuterCheckAt.isValid())
          continue;
        for (size_t R = C0; R < C1; ++R)
          if (Out[R].Storage == Out[W].Storage &&
              Out[R].How == AccessKind::Read) {
            Access &A = Out[W];
            if (A.CheckedAt.isInvalid() || A.Stale) {
              // A fresh check replaces a stale value: re-validating under
              // the lock is the correct pattern.
              A.CheckedAt = Out[R].Loc;
              A.CheckLocks = Out[R].Locks;
              A.Stale = false;
              A.StaleValue = false;
            } else if (Out[R].Locks.empty() && !A.Locks.empty() &&
                       !A.CheckLocks.empty()) {
              // `if (!p) { lock; if (!p) p = ...; }`
              A.OuterCheckAt = Out[R].Loc;
            }
            break;
          }
      }
      // A branch decided by a local that holds an earlier read.
      markStale(C1, T1, If->getCond(), /*Value=*/false);
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        return lvalue(UO->getSubExpr(), AccessKind::ReadModifyWrite);
      if (UO->getOpcode() == UO_AddrOf)
        return visitSubexprsOnly(UO->getSubExpr());
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S))
      if (ICE->getCastKind() == CK_LValueToRValue)
        return lvalue(ICE->getSubExpr(), AccessKind::Read);
    if (const auto *FR = dyn_cast<CXXForRangeStmt>(S)) {
      // `for (x : c)` reads c through begin()/end().
      visit(FR->getInit());
      lvalue(FR->getRangeInit(), AccessKind::Read);
      visit(FR->getBody());
      return;
    }
    if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
      if (CC->getConstructor()->isCopyConstructor() && CC->getNumArgs() >= 1 &&
          CC->getArg(0)->isGLValue()) {
        lvalue(CC->getArg(0), AccessKind::Read); // copying reads the source
        for (unsigned I = 1; I < CC->getNumArgs(); ++I)
          visit(CC->getArg(I));
        return;
      }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      return memberCall(MC, AccessKind::Read);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      return operatorCall(OC, AccessKind::Read);
    // Copying an object reads it (`return name_;`, `auto c = cfg_;`);
    // moving from it changes it.
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(S))
      if (const CXXConstructorDecl *Ctor = CCE->getConstructor())
        if ((Ctor->isCopyConstructor() || Ctor->isMoveConstructor()) &&
            CCE->getNumArgs() >= 1 && CCE->getArg(0)->isGLValue())
          return lvalue(CCE->getArg(0), Ctor->isMoveConstructor()
                                            ? AccessKind::Write
                                            : AccessKind::Read);
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      noteCall(CE);
      noteLambdaArgs(CE);
    }
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      return visitSubexprsOnly(ME);
    for (const Stmt *C : S->children())
      visit(C);
  }

private:
  /// Where a local's value was read from: shared storage read under a lock.
  struct Origin {
    std::string Storage;
    SourceLocation Loc;
    std::vector<std::string> Locks;
  };
  llvm::DenseMap<const VarDecl *, Origin> Origins;

  static const VarDecl *localVar(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        return localVar(V);
    return nullptr;
  }
  static const VarDecl *localVar(const VarDecl *V) {
    return V->hasLocalStorage() && !V->getType()->isReferenceType() &&
                   !V->getType()->isPointerType()
               ? V
               : nullptr;
  }

  /// The local V now holds Src's value, computed by the accesses from
  /// Begin on (Replace: a plain assignment or an initialisation).
  void setOrigin(const VarDecl *V, size_t Begin, const Expr *Src,
                 bool Replace) {
    for (size_t R = Begin; R < Out.size(); ++R)
      if (Out[R].How == AccessKind::Read && Out[R].Kind != StorageKind::Local &&
          !Out[R].Locks.empty()) {
        Origins[V] = {Out[R].Storage, Out[R].Loc, Out[R].Locks};
        return;
      }
    // `long New = Old + N;` carries Old's origin.
    std::vector<const Origin *> Found;
    originsIn(Src, Found);
    if (!Found.empty()) {
      Origin O = *Found.front();
      Origins[V] = std::move(O);
    } else if (Replace) {
      Origins.erase(V);
    }
  }

  /// The locals with a known origin that E reads.
  void originsIn(const Stmt *E, std::vector<const Origin *> &Found) const {
    if (!E || isa<LambdaExpr>(E))
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = Origins.find(V);
        if (It != Origins.end())
          Found.push_back(&It->second);
      }
    for (const Stmt *C : E->children())
      originsIn(C, Found);
  }

  /// Writes in [W0, W1) whose value or branch comes from Src, which reads a
  /// local holding an earlier read of the same storage.
  void markStale(size_t W0, size_t W1, const Expr *Src, bool Value) {
    if (Origins.empty() || W0 == W1)
      return;
    std::vector<const Origin *> Found;
    originsIn(Src, Found);
    for (size_t W = W0; W < W1; ++W) {
      Access &A = Out[W];
      if (!isWrite(A.How) || A.CheckedAt.isValid() ||
          A.Kind == StorageKind::Local)
        continue;
      for (const Origin *O : Found)
        if (O->Storage == A.Storage) {
          A.CheckedAt = O->Loc;
          A.CheckLocks = O->Locks;
          A.Stale = true;
          A.StaleValue = Value;
          break;
        }
    }
  }

  // Visits what an lvalue evaluates on the way (indices, pointers) without
  // counting an access to the storage it names.
  void visitSubexprsOnly(const Expr *E) {
    E = E->IgnoreParens();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        visit(ME->getBase());
      else
        visitSubexprsOnly(ME->getBase());
      return;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      visitSubexprsOnly(ASE->getBase()->IgnoreImpCasts());
      visit(ASE->getIdx());
      return;
    }
    if (isa<DeclRefExpr>(E))
      return;
    visit(E);
  }

  void noteCall(const CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return;
    // A virtual call through another object may reach an override we
    // cannot see; one on `this` (a template method calling its hook, as
    // spdlog's set_formatter() calls set_formatter_()) is taken to run the
    // class's own definition, so the hook is not an entry point of its own.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
      if (MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
          !MD->getParent()->hasAttr<FinalAttr>()) {
        const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
        const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
        if (!Obj || !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
          return;
      }
    if (const FunctionDecl *Def = Callee->getDefinition())
      CallsOut.push_back({CE, Def});
  }

  /// A lambda handed to a callee that is not a thread entry (an algorithm,
  /// a condition-variable predicate) runs during the call, under the
  /// caller's locks.
  void noteLambdaArgs(const CallExpr *CE) {
    if (IsSpawn(CE))
      return;
    // std::call_once's callable is initialisation ordered before every
    // caller that passes the flag: not an access of the caller.
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      if (Callee->getDeclName().isIdentifier() &&
          ((Callee->getName() == "call_once" && Callee->isInStdNamespace()) ||
           Callee->getName() == "pthread_once"))
        return;
    for (const Expr *A : CE->arguments()) {
      const Expr *E = stripLockExpr(A);
      if (const auto *C = dyn_cast<CXXConstructExpr>(E))
        if (C->getNumArgs() == 1)
          E = stripLockExpr(C->getArg(0));
      if (const auto *LE = dyn_cast<LambdaExpr>(E))
        CallsOut.push_back({CE, LE->getCallOperator()});
    }
  }

  void memberCall(const CXXMemberCallExpr *MC, AccessKind Ctx) {
    noteCall(MC);
    noteLambdaArgs(MC);
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (MD && Obj) {
      QualType OT = Obj->getType();
      if (OT->isPointerType())
        OT = OT->getPointeeType();
      bool Arrow = false;
      if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
        Arrow = ME->isArrow();
      // The expression's type is const inside const methods; only the
      // declared type of the storage says whether it is immutable.
      if (isSyncType(OT) || isAtomicType(OT) || ownsLock(OT) ||
          isa<CXXThisExpr>(Obj->IgnoreParenImpCasts())) {
        visit(Obj);
      } else if (Arrow) {
        visit(Obj);
      } else {
        AccessKind K =
            isReadOnlyMethod(MD, OT->getAsCXXRecordDecl()) ? AccessKind::Read
                                                           : AccessKind::Write;
        if (Ctx != AccessKind::Read && K == AccessKind::Read &&
            !MD->isConst())
          K = AccessKind::Write; // `v.back() = x`
        lvalue(Obj, K);
      }
    }
    for (const Expr *A : MC->arguments())
      visit(A);
  }

  void operatorCall(const CXXOperatorCallExpr *OC, AccessKind Ctx) {
    noteCall(OC);
    noteLambdaArgs(OC);
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (!MD || OC->getNumArgs() == 0) {
      // `p != nullptr`, `a == b` on class types: the operands are read.
      for (const Expr *A : OC->arguments()) {
        QualType AT = A->getType();
        if (!MD && A->isGLValue() && AT->isRecordType() &&
            !OC->isAssignmentOp() && !isSyncType(AT) && !isAtomicType(AT) &&
            !ownsLock(AT))
          lvalue(A, AccessKind::Read);
        else
          visit(A);
      }
      return;
    }
    const Expr *Obj = OC->getArg(0);
    QualType OT = Obj->getType();
    AccessKind K;
    OverloadedOperatorKind Op = OC->getOperator();
    if (Op == OO_Equal)
      K = AccessKind::Write;
    else if (OC->isAssignmentOp() || Op == OO_PlusPlus || Op == OO_MinusMinus)
      K = AccessKind::ReadModifyWrite;
    else if (isReadOnlyMethod(MD, OT->getAsCXXRecordDecl()))
      K = Ctx == AccessKind::Read || MD->isConst() ? AccessKind::Read
                                                   : AccessKind::Write;
    else
      K = AccessKind::Write;
    size_t Begin = Out.size();
    if (isSyncType(OT) || isAtomicType(OT) || ownsLock(OT))
      visit(Obj);
    else
      lvalue(Obj, K);
    if (Op == OO_Subscript && OC->getNumArgs() == 2 &&
        isReadOnlyMethod(MD, OT->getAsCXXRecordDecl()))
      markPerInstance(Begin, OC->getArg(1));
    for (unsigned I = 1; I < OC->getNumArgs(); ++I)
      visit(OC->getArg(I));
  }

  /// Whether E names a value each instance of this function has its own
  /// copy of: a by-value parameter or lambda capture, or a local
  /// initialised from one (`int id = *(int *)arg;`).
  bool perInstanceValue(const Expr *E, unsigned Depth = 0) const {
    if (!E || Depth > 3)
      return false;
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || V->getType()->isReferenceType())
        return false;
      if (isa<ParmVarDecl>(V) && V->getDeclContext() == FD)
        return true;
      if (V->isInitCapture())
        return true;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
        if (MD->getParent()->isLambda())
          for (const LambdaCapture &C : MD->getParent()->captures())
            if (C.capturesVariable() && C.getCapturedVar() == V)
              return C.getCaptureKind() == LCK_ByCopy;
      if (V->isLocalVarDecl() && !V->isStaticLocal() &&
          V->getDeclContext() == FD && V->getInit())
        return perInstanceValue(V->getInit(), Depth + 1);
      return false;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      return perInstanceValue(UO->getSubExpr(), Depth + 1);
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return perInstanceValue(ME->getBase(), Depth + 1);
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      return perInstanceValue(BO->getLHS(), Depth + 1) ||
             perInstanceValue(BO->getRHS(), Depth + 1);
    return false;
  }

  /// `slots[id] = v` where `id` is per-instance: instances of one thread
  /// entry touch different elements.
  void markPerInstance(size_t Begin, const Expr *Index) {
    if (!perInstanceValue(Index))
      return;
    for (size_t I = Begin; I < Out.size(); ++I)
      Out[I].PerInstanceElement = true;
  }

  bool locksAt(const Stmt *S, std::vector<std::string> &Locks,
               std::vector<std::string> &Shared) const {
    auto It = FL.MustAt.find(S);
    if (It == FL.MustAt.end())
      return false;
    Locks = It->second;
    auto SIt = FL.SharedAt.find(S);
    if (SIt != FL.SharedAt.end())
      Shared = SIt->second;
    return true;
  }

  void record(const Expr *At, std::string Key, std::string Display,
              StorageKind Kind, AccessKind How, const RecordDecl *Class,
              const VarDecl *Var, StringRef BasePrefix = {},
              StringRef AliasPrefix = {}) {
    Access A;
    if (!locksAt(At, A.Locks, A.SharedLocks))
      return; // not evaluated on any reachable path
    // `from.balance_` under `from.mu_` is guarded the way `balance_` under
    // `mu_` is inside the class: name the lock relative to the object, so
    // fields reached through different names line up with their locks.
    if (!BasePrefix.empty())
      for (auto *Keys : {&A.Locks, &A.SharedLocks})
        for (std::string &L : *Keys) {
          if (StringRef(L).starts_with(BasePrefix))
            L = L.substr(BasePrefix.size());
          else if (!AliasPrefix.empty() &&
                   StringRef(L).starts_with(AliasPrefix))
            L = L.substr(AliasPrefix.size());
          else if (OwnFields.count(L))
            L = "this->" + L; // this object's lock, not the other one's
        }
    if (OwnClass && Class == OwnClass && Kind == StorageKind::Field)
      return; // the object is under construction or destruction
    A.Storage = std::move(Key);
    A.Display = std::move(Display);
    A.Kind = Kind;
    A.How = How;
    A.Loc = At->getExprLoc();
    A.Function = FD;
    A.Class = Class;
    A.Var = Var;
    QualType DeclTy;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(At))
      DeclTy = DRE->getDecl()->getType();
    else if (const auto *ME = dyn_cast<MemberExpr>(At))
      DeclTy = ME->getMemberDecl()->getType();
    A.Volatile = !DeclTy.isNull() && DeclTy.isVolatileQualified();
    Out.push_back(std::move(A));
  }

  /// An access of kind K to the storage the lvalue E names.
  void lvalue(const Expr *E, AccessKind K) {
    E = E->IgnoreParens();
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
      if (ICE->getCastKind() != CK_LValueToRValue)
        return lvalue(ICE->getSubExpr(), K);
    // std::move(x) names x.
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (CE->getNumArgs() == 1 && F->isInStdNamespace() &&
            F->getDeclName().isIdentifier() &&
            (F->getName() == "move" || F->getName() == "forward"))
          return lvalue(CE->getArg(0), K);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || isUnracyType(V->getType()) || V->getType()->isReferenceType())
        return;
      if (V->getTLSKind() != VarDecl::TLS_None)
        return;
      if (V->hasGlobalStorage()) {
        std::string Key = V->getQualifiedNameAsString();
        if (V->isStaticLocal())
          if (const auto *Owner = dyn_cast<FunctionDecl>(V->getDeclContext()))
            Key = Owner->getQualifiedNameAsString() + "::" + V->getNameAsString();
        record(DRE, Key, V->getNameAsString(), StorageKind::Global, K, nullptr,
               V);
      } else {
        record(DRE, V->getNameAsString(), V->getNameAsString(),
               StorageKind::Local, K, nullptr, V);
      }
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return member(ME, K);
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      visit(ASE->getIdx());
      // An array is one storage; elements through pointers are unknown.
      if (Base->getType()->isArrayType()) {
        size_t Begin = Out.size();
        lvalue(Base, K);
        markPerInstance(Begin, ASE->getIdx());
        return;
      }
      return visit(ASE->getBase());
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return memberCall(MC, K);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
      return operatorCall(OC, K);
    visit(E);
  }

  void member(const MemberExpr *ME, AccessKind K) {
    const ValueDecl *D = ME->getMemberDecl();
    if (const auto *V = dyn_cast<VarDecl>(D)) {
      // A static data member is a global.
      if (isUnracyType(V->getType()) || V->getTLSKind() != VarDecl::TLS_None)
        return;
      return record(ME, V->getQualifiedNameAsString(), V->getNameAsString(),
                    StorageKind::Global, K, nullptr, V);
    }
    const auto *F = dyn_cast<FieldDecl>(D);
    if (!F || isUnracyType(F->getType()) || F->getType()->isReferenceType())
      return visitSubexprsOnly(ME);
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    const RecordDecl *RD = F->getParent();
    std::string RecName = RD->getNameAsString();
    if (isa<CXXThisExpr>(Base)) {
      const RecordDecl *Cls = RD;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
        if (!MD->getParent()->isLambda())
          Cls = MD->getParent();
      return record(ME, RecName + "::" + F->getNameAsString(),
                    F->getNameAsString(), StorageKind::Field, K, Cls, nullptr);
    }
    if (!ME->isArrow()) {
      // `obj.f` is an access to the object `obj` (globals: `obj.f`).
      if (const auto *BD = dyn_cast<DeclRefExpr>(Base))
        if (const auto *V = dyn_cast<VarDecl>(BD->getDecl())) {
          if (V->getType()->isReferenceType() && !V->hasGlobalStorage()) {
            return record(ME, RecName + "::" + F->getNameAsString(),
                          V->getNameAsString() + "." + F->getNameAsString(),
                          StorageKind::FieldByType, K, RD, nullptr,
                          V->getNameAsString() + ".");
          }
          if (isUnracyType(V->getType()) ||
              V->getTLSKind() != VarDecl::TLS_None)
            return;
          if (V->hasGlobalStorage())
            return record(ME, V->getQualifiedNameAsString() + "." +
                                  F->getNameAsString(),
                          V->getNameAsString() + "." + F->getNameAsString(),
                          StorageKind::Global, K, nullptr, V);
          return record(ME, V->getNameAsString(), V->getNameAsString(),
                        StorageKind::Local, K, nullptr, V);
        }
      if (isa<MemberExpr>(Base) || isa<ArraySubscriptExpr>(Base))
        return lvalue(Base, K == AccessKind::Read ? AccessKind::Read : K);
      return visit(Base);
    }
    if (const auto *BD = dyn_cast<DeclRefExpr>(Base))
      if (const auto *V = dyn_cast<VarDecl>(BD->getDecl())) {
        auto It = Fresh.find(V);
        if (It != Fresh.end() &&
            (It->second.isInvalid() ||
             Ctx.getSourceManager().isBeforeInTranslationUnit(
                 ME->getExprLoc(), It->second)))
          return; // the object is still this function's alone
      }
    // Through a pointer: named by type and field. The lock of the same
    // object (`me->e->mu` for `me->e->f`) is named relative to it.
    visit(ME->getBase());
    std::string Shown, Prefix;
    if (auto P = R.accessPath(Base); P && !P->empty()) {
      Prefix = *P + "->";
      Shown = Prefix + F->getNameAsString();
    } else {
      Shown = F->getNameAsString();
    }
    // The lockset names `e->mu` by what `e` was bound to (`me->e->mu`
    // after `store_engine *e = me->e;`): so does the access.
    std::string AliasPrefix;
    if (const auto *BD = dyn_cast<DeclRefExpr>(Base))
      if (const auto *V = dyn_cast<VarDecl>(BD->getDecl()))
        AliasPrefix = BoundOnce.lookup(V);
    size_t Before = Out.size();
    record(ME, RecName + "::" + F->getNameAsString(), Shown,
           StorageKind::FieldByType, K, RD, nullptr, Prefix, AliasPrefix);
    if (Out.size() > Before)
      if (const auto *BD = dyn_cast<DeclRefExpr>(Base))
        if (const auto *PVD = dyn_cast<ParmVarDecl>(BD->getDecl()))
          if (PVD->getDeclContext() == FD)
            Out.back().BaseParam = PVD->getFunctionScopeIndex();
  }

  const FunctionDecl *FD;
  const FunctionLocks &FL;
  ASTContext &Ctx;
  std::vector<Access> &Out;
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> &CallsOut;
  std::function<bool(const CallExpr *)> IsSpawn;
  const LockRecognizer &R;
  llvm::DenseMap<const VarDecl *, SourceLocation> Fresh;
  llvm::DenseMap<const VarDecl *, std::string> BoundOnce;
  const CXXRecordDecl *OwnClass = nullptr;
  llvm::StringSet<> OwnFields; // lock names that mean this->field
};

/// A container specialised on std::thread or std::jthread.
bool holdsThreads(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Elem =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Elem && isStdRecord(Elem) &&
         (Elem->getName() == "thread" || Elem->getName() == "jthread");
}

const FunctionDecl *callableFunction(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripLockExpr(E);
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return LE->getCallOperator();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return callableFunction(UO->getSubExpr());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return F->getDefinition() ? F->getDefinition() : F;
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->getInit() && !V->getType()->isPointerType())
        return callableFunction(V->getInit());
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() == 1)
      return callableFunction(CE->getArg(0));
  return nullptr;
}

bool inLoop(ASTContext &Ctx, const Stmt *S, const FunctionDecl *FD) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  for (unsigned Depth = 0; Depth < 64 && !Parents.empty(); ++Depth) {
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return false;
    if (isa<ForStmt>(P) || isa<WhileStmt>(P) || isa<DoStmt>(P) ||
        isa<CXXForRangeStmt>(P))
      return true;
    Parents = Ctx.getParents(*P);
  }
  return false;
}

} // namespace

//===----------------------------------------------------------------------===//
// The model
//===----------------------------------------------------------------------===//

RaceModel::RaceModel(TUModel &TU, const RaceConfig &Config)
    : TU(TU), Config(Config) {
  collectFunctions();
  findThreadEntries();
  computeContexts();
  const SourceManager &SM = TU.context().getSourceManager();
  for (const FunctionDecl *FD : Functions) {
    if (!isReportedRoot(FD))
      continue;
    const std::vector<unsigned> &Ctxs = Contexts[FD];
    for (const Access &A : effective(FD)) {
      // A public callee is a root itself: the same access with the same
      // locks is already there, once.
      if (A.ReportedBelow)
        continue;
      bool Shared = false;
      switch (A.Kind) {
      case StorageKind::Global:
        Shared = true;
        break;
      case StorageKind::Field:
      case StorageKind::FieldByType:
        Shared = isConcurrentClass(A.Class);
        break;
      case StorageKind::Local:
        Shared = false;
        break;
      }
      if (!Shared || inHappensBeforeRegion(FD, A.reportLoc()))
        continue;
      // Calls on a global object of a concurrent class are that class's
      // business: its own methods are analysed with their locks.
      if (A.Var && isConcurrentClass(A.Var->getType()->getAsCXXRecordDecl()))
        continue;
      ByStorage[A.Storage].push_back({A, FD, Ctxs});
    }
  }
  for (auto &[K, V] : ByStorage)
    std::stable_sort(V.begin(), V.end(),
                     [&](const RootAccess &X, const RootAccess &Y) {
                       return SM.isBeforeInTranslationUnit(X.A.reportLoc(),
                                                           Y.A.reportLoc());
                     });
}

void RaceModel::collectFunctions() {
  ASTContext &Ctx = TU.context();
  Functions = TU.definitions();
  for (const FunctionDecl *FD : Functions) {
    const FunctionLocks &FL = TU.locks(FD);
    if (!FL.Analyzed)
      continue;
    std::vector<std::pair<const CallExpr *, const FunctionDecl *>> RawCalls;
    auto IsSpawn = [this](const CallExpr *CE) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || !Callee->getDeclName().isIdentifier())
        return false;
      StringRef N = Callee->getName();
      return N == "pthread_create" || N == "thrd_create" ||
             (N == "async" && Callee->isInStdNamespace()) ||
             TU.recognizer().matchesName(Callee, Config.ThreadEntryFunctions);
    };
    AccessCollector(FD, FL, Ctx, Own[FD], RawCalls, IsSpawn, TU.recognizer())
        .visit(FD->getBody());
    for (const auto &[CE, Callee] : RawCalls) {
      auto It = FL.MustAt.find(CE);
      if (It == FL.MustAt.end() || Callee == FD)
        continue;
      auto SIt = FL.SharedAt.find(CE);
      Calls[FD].push_back(
          {Callee, CE, CE->getExprLoc(), It->second,
           SIt == FL.SharedAt.end() ? std::vector<std::string>()
                                    : SIt->second});
      ++CallerCount[Callee];
    }
    // A class whose methods take one of its own locks is concurrent.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (!MD->getParent()->isLambda())
        for (const LockEvent &E : FL.Events)
          if (E.Kind == LockEvent::Acquire || E.Kind == LockEvent::GuardAcquire ||
              E.Kind == LockEvent::TryAcquire) {
            StringRef Key = E.Lock;
            if (!Key.contains('.') && !Key.contains("->") &&
                !Key.starts_with("*") && !Key.contains("::"))
              for (const FieldDecl *F : MD->getParent()->fields())
                if (F->getName() == Key)
                  Concurrent.insert(MD->getParent());
          }
  }
}

void RaceModel::findThreadEntries() {
  ASTContext &Ctx = TU.context();
  const LockRecognizer &R = TU.recognizer();
  for (const FunctionDecl *FD : Functions) {
    struct Finder : RecursiveASTVisitor<Finder> {
      std::vector<std::pair<const Stmt *, const FunctionDecl *>> Spawns;
      std::vector<SourceLocation> Joins;
      std::vector<const FunctionDecl *> Once;
      const LockRecognizer &R;
      const RaceConfig &Config;
      explicit Finder(const LockRecognizer &R, const RaceConfig &C)
          : R(R), Config(C) {}
      std::vector<const CompoundStmt *> Scopes;
      bool TraverseLambdaExpr(LambdaExpr *) { return true; }
      bool TraverseCompoundStmt(CompoundStmt *CS) {
        Scopes.push_back(CS);
        bool R = RecursiveASTVisitor::TraverseCompoundStmt(CS);
        Scopes.pop_back();
        return R;
      }
      // A local std::jthread (or a container of them) joins when its scope
      // ends.
      bool VisitVarDecl(VarDecl *VD) {
        if (Scopes.empty() || !VD->isLocalVarDecl() || VD->isStaticLocal())
          return true;
        const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
        if (!RD)
          return true;
        bool JThread = isStdRecord(RD) && RD->getName() == "jthread";
        if (!JThread)
          if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
            if (Spec->getTemplateArgs().size() > 0 &&
                Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
              if (const CXXRecordDecl *E = Spec->getTemplateArgs()[0]
                                               .getAsType()
                                               ->getAsCXXRecordDecl())
                JThread = isStdRecord(E) && E->getName() == "jthread";
        if (JThread)
          Joins.push_back(Scopes.back()->getRBracLoc());
        return true;
      }
      bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
        const CXXRecordDecl *RD = CE->getType()->getAsCXXRecordDecl();
        if (RD && isStdRecord(RD) &&
            (RD->getName() == "thread" || RD->getName() == "jthread") &&
            CE->getNumArgs() >= 1 && !CE->getConstructor()->isCopyOrMoveConstructor())
          if (const FunctionDecl *F = callableFunction(CE->getArg(0)))
            Spawns.push_back({CE, F});
        return true;
      }
      bool VisitCallExpr(CallExpr *CE) {
        const FunctionDecl *Callee = CE->getDirectCallee();
        if (!Callee || !Callee->getDeclName().isIdentifier())
          return true;
        StringRef N = Callee->getName();
        auto Add = [&](unsigned I) {
          if (I < CE->getNumArgs())
            if (const FunctionDecl *F = callableFunction(CE->getArg(I)))
              Spawns.push_back({CE, F});
        };
        if ((N == "call_once" && Callee->isInStdNamespace() &&
             CE->getNumArgs() >= 2) ||
            (N == "pthread_once" && CE->getNumArgs() == 2)) {
          if (const FunctionDecl *F = callableFunction(CE->getArg(1)))
            Once.push_back(F);
        } else if (N == "pthread_create" && CE->getNumArgs() == 4)
          Add(2);
        else if (N == "thrd_create" && CE->getNumArgs() == 3)
          Add(1);
        else if (N == "async" && Callee->isInStdNamespace()) {
          for (unsigned I = 0; I < CE->getNumArgs(); ++I)
            if (callableFunction(CE->getArg(I))) {
              Add(I);
              break;
            }
        } else if (R.matchesName(Callee, Config.ThreadEntryFunctions)) {
          for (unsigned I = 0; I < CE->getNumArgs(); ++I)
            Add(I);
        } else if (N == "pthread_join" || N == "thrd_join") {
          Joins.push_back(CE->getBeginLoc());
        } else if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee)) {
          StringRef Cls = MD->getParent()->getName();
          // `threads.emplace_back(fn)` constructs a std::thread in place.
          if ((N == "emplace_back" || N == "emplace" || N == "push_back") &&
              holdsThreads(MD->getParent())) {
            Add(0);
            return true;
          }
          if ((N == "join" && (Cls == "thread" || Cls == "jthread")) ||
              ((N == "get" || N == "wait") && Cls.contains("future")))
            Joins.push_back(CE->getBeginLoc());
        }
        return true;
      }
    } F(R, Config);
    F.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
    OnceInit.insert(F.Once.begin(), F.Once.end());
    if (F.Spawns.empty())
      continue;
    const SourceManager &SM = Ctx.getSourceManager();
    SpawnRegion &Region = Regions[FD];
    for (const auto &[S, Entry] : F.Spawns) {
      ThreadEntry TE;
      TE.Entry = Entry;
      TE.Spawner = FD;
      TE.SpawnLoc = S->getBeginLoc();
      TE.MultiInstance = inLoop(Ctx, S, FD);
      for (ThreadEntry &Other : Entries)
        if (Other.Entry == Entry)
          Other.MultiInstance = TE.MultiInstance = true;
      Entries.push_back(TE);
      if (Region.FirstSpawn.isInvalid() ||
          SM.isBeforeInTranslationUnit(TE.SpawnLoc, Region.FirstSpawn))
        Region.FirstSpawn = TE.SpawnLoc;
      // Spawning on `this` makes the class concurrent.
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Entry)) {
        const CXXRecordDecl *Cls = MD->getParent();
        if (Cls->isLambda()) {
          if (const auto *Spawner = dyn_cast<CXXMethodDecl>(FD))
            for (const LambdaCapture &C : Cls->captures())
              if (C.capturesThis())
                Concurrent.insert(Spawner->getParent());
        } else {
          Concurrent.insert(Cls);
        }
      }
    }
    // Locals the threads share with the spawner.
    for (const auto &[S, Entry] : F.Spawns) {
      SourceLocation SpawnEnd = S->getEndLoc();
      SourceLocation Join;
      for (SourceLocation J : F.Joins)
        if (SM.isBeforeInTranslationUnit(SpawnEnd, J) &&
            (Join.isInvalid() || SM.isBeforeInTranslationUnit(J, Join)))
          Join = J;
      bool Multi = inLoop(Ctx, S, FD);
      auto AddLocal = [&](const VarDecl *V, bool FromLambda) {
        if (!V || !V->isLocalVarDeclOrParm() || V->isStaticLocal() ||
            isUnracyType(V->getType()))
          return;
        // An object of a concurrent class synchronises its own methods,
        // unless the class is concurrent only because a thread runs one of
        // its methods (`std::thread(&Worker::run, &w)`).
        const CXXRecordDecl *VRD = V->getType()->getAsCXXRecordDecl();
        if (isConcurrentClass(VRD) &&
            (ownsLock(V->getType()) ||
             !llvm::any_of(Entries, [&](const ThreadEntry &TE) {
               const auto *MD = dyn_cast<CXXMethodDecl>(TE.Entry);
               return MD && MD->getParent() == VRD;
             })))
          return;
        SharedLocal L;
        L.Var = V;
        L.Spawner = FD;
        L.SpawnLoc = SpawnEnd;
        L.JoinLoc = Join;
        L.MultiInstance = Multi;
        if (FromLambda)
          for (const Access &A : Own.lookup(Entry))
            if (A.Kind == StorageKind::Local && A.Var == V)
              L.InThread.push_back(A);
        Locals.push_back(std::move(L));
      };
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Entry))
        if (MD->getParent()->isLambda())
          for (const LambdaCapture &C : MD->getParent()->captures())
            if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
              AddLocal(dyn_cast<VarDecl>(C.getCapturedVar()), true);
      // std::ref(x) and &x handed to the thread: the entry's accesses go
      // through a parameter, so only the spawner's side is visible.
      llvm::SmallVector<const Expr *, 4> ArgStore;
      if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
        ArgStore.append(CE->arg_begin(), CE->arg_end());
      else if (const auto *CE = dyn_cast<CallExpr>(S))
        ArgStore.append(CE->arg_begin(), CE->arg_end());
      for (const Expr *A : ArgStore) {
        const Expr *E = stripLockExpr(A);
        if (const auto *C = dyn_cast<CallExpr>(E))
          if (const FunctionDecl *Callee = C->getDirectCallee())
            if (Callee->isInStdNamespace() && Callee->getDeclName().isIdentifier() &&
                (Callee->getName() == "ref" || Callee->getName() == "cref") &&
                C->getNumArgs() == 1)
              E = stripLockExpr(C->getArg(0));
        if (const auto *UO = dyn_cast<UnaryOperator>(E))
          if (UO->getOpcode() == UO_AddrOf)
            E = stripLockExpr(UO->getSubExpr());
        if (E == stripLockExpr(A) && !isa<DeclRefExpr>(E))
          continue;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
          // A local array passed as is decays to a pointer to its elements.
          const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          if (E != stripLockExpr(A) || (V && V->getType()->isArrayType()))
            AddLocal(V, false);
        }
      }
    }
    for (SourceLocation J : F.Joins)
      if (Region.LastJoin.isInvalid() ||
          SM.isBeforeInTranslationUnit(Region.LastJoin, J))
        Region.LastJoin = J;
    // A join that is not after every spawn bounds nothing.
    for (const auto &[S, Entry] : F.Spawns)
      if (Region.LastJoin.isValid() &&
          SM.isBeforeInTranslationUnit(Region.LastJoin, S->getBeginLoc()))
        Region.LastJoin = SourceLocation();
  }
}

bool RaceModel::isReportedRoot(const FunctionDecl *FD) const {
  return isRoot(FD) && !isa<CXXConstructorDecl>(FD) &&
         !isa<CXXDestructorDecl>(FD) && !OnceInit.count(FD) &&
         !isInitFunction(FD);
}

bool RaceModel::isInitFunction(const FunctionDecl *FD) const {
  // Like a constructor, an init function runs before the state it sets up
  // is published to other threads.
  if (Config.InitFunctions.empty() ||
      llvm::any_of(Entries,
                   [&](const ThreadEntry &E) { return E.Entry == FD; }))
    return false;
  return TU.recognizer().matchesName(FD, Config.InitFunctions);
}

bool RaceModel::isRoot(const FunctionDecl *FD) const {
  for (const ThreadEntry &E : Entries)
    if (E.Entry == FD)
      return true;
  if (!CallerCount.lookup(FD))
    return true;
  // Public methods can be called from outside the TU too.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    return !MD->getParent()->isLambda() && MD->getAccess() == AS_public;
  return false;
}

void RaceModel::computeContexts() {
  auto Reach = [&](const FunctionDecl *Start, unsigned Ctx) {
    std::deque<const FunctionDecl *> Work{Start};
    llvm::DenseSet<const FunctionDecl *> Seen{Start};
    while (!Work.empty()) {
      const FunctionDecl *F = Work.front();
      Work.pop_front();
      auto &V = Contexts[F];
      if (!llvm::is_contained(V, Ctx))
        V.push_back(Ctx);
      for (const CallSite &C : Calls.lookup(F))
        if (Seen.insert(C.Callee).second)
          Work.push_back(C.Callee);
    }
  };
  for (unsigned I = 0; I < Entries.size(); ++I)
    Reach(Entries[I].Entry, I);
  for (const FunctionDecl *FD : Functions) {
    bool IsEntry = llvm::any_of(
        Entries, [&](const ThreadEntry &E) { return E.Entry == FD; });
    if (!IsEntry && isRoot(FD))
      Reach(FD, MainContext);
  }
}

const std::vector<Access> &RaceModel::effective(const FunctionDecl *FD) {
  auto It = Effective.find(FD);
  if (It != Effective.end())
    return It->second;
  static const std::vector<Access> Empty;
  if (!InProgress.insert(FD).second)
    return Empty; // recursion: the cycle adds nothing new
  std::vector<Access> Result = Own.lookup(FD);
  constexpr size_t Cap = 4000; // bounds cost on huge call trees
  for (const CallSite &C : Calls.lookup(FD)) {
    if (isa<CXXConstructorDecl>(C.Callee) ||
        isa<CXXDestructorDecl>(C.Callee) || isInitFunction(C.Callee))
      continue;
    for (const Access &CA : effective(C.Callee)) {
      if (Result.size() >= Cap)
        break;
      Access A = CA;
      A.CallLoc = C.Loc;
      A.Callee = CA.Callee ? CA.Callee : C.Callee;
      if (!CA.Callee)
        A.Callee = C.Callee;
      // `helper(p)` under `p->mu` guards the helper's `q->f` the way `mu`
      // guards `f`: name the caller's lock relative to the argument.
      std::string ArgPrefix;
      A.BaseParam = -1;
      if (CA.BaseParam >= 0 && C.Call &&
          unsigned(CA.BaseParam) < C.Call->getNumArgs()) {
        const Expr *Arg = C.Call->getArg(CA.BaseParam)->IgnoreParenImpCasts();
        if (auto P = TU.recognizer().accessPath(Arg); P && !P->empty())
          ArgPrefix = StringRef(*P).starts_with("&") ? P->substr(1) + "."
                                                     : *P + "->";
        if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
          if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl()))
            if (PVD->getDeclContext() == FD)
              A.BaseParam = PVD->getFunctionScopeIndex();
      }
      // `impl->Method()` under `impl->mutex_`: the method's `this->f` is
      // guarded by its own `mutex_`.
      if (ArgPrefix.empty() && A.Kind == StorageKind::Field && C.Call)
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C.Call))
          if (const Expr *Obj = MC->getImplicitObjectArgument())
            if (!isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
              if (auto P = TU.recognizer().accessPath(Obj); P && !P->empty())
                ArgPrefix = Obj->getType()->isPointerType() ? *P + "->"
                                                            : *P + ".";
      // Locks the callee requires on entry are what its callers hold: drop
      // the assumption and take the caller's lockset instead.
      for (const auto &[Ref, Mode] : TU.recognizer().locksHeldOnEntry(C.Callee)) {
        llvm::erase(A.Locks, Ref.Key);
        llvm::erase(A.SharedLocks, Ref.Key);
      }
      // A lock the callee takes itself keeps the callee's mode.
      bool AddsLocks = false;
      for (const std::string &Orig : C.Locks) {
        std::string L = Orig;
        if (!ArgPrefix.empty() && StringRef(L).starts_with(ArgPrefix)) {
          L = L.substr(ArgPrefix.size());
        } else if (A.Kind == StorageKind::FieldByType && A.Class) {
          // `a->mu` held around a helper that reaches the object some other
          // way: a lock field of the class names the object's own lock.
          size_t Dot = L.rfind('.'), Arrow = L.rfind("->");
          size_t Cut = Arrow != std::string::npos &&
                               (Dot == std::string::npos || Arrow > Dot)
                           ? Arrow + 2
                           : (Dot != std::string::npos ? Dot + 1
                                                       : std::string::npos);
          if (Cut != std::string::npos)
            for (const FieldDecl *F : A.Class->fields())
              if (F->getName() == StringRef(L).substr(Cut) &&
                  isLockType(F->getType())) {
                L = L.substr(Cut);
                break;
              }
        }
        // The caller's locks are held for the callee's check as well.
        if (A.CheckedAt.isValid() && !llvm::is_contained(A.CheckLocks, L))
          A.CheckLocks.push_back(L);
        if (!llvm::is_contained(A.Locks, L)) {
          A.Locks.push_back(L);
          AddsLocks = true;
          if (llvm::is_contained(C.SharedLocks, Orig))
            A.SharedLocks.push_back(L);
        }
      }
      A.ReportedBelow =
          !AddsLocks && (CA.ReportedBelow || isReportedRoot(C.Callee));
      if (A.Kind == StorageKind::Local)
        continue; // the callee's locals are its own
      Result.push_back(std::move(A));
    }
  }
  InProgress.erase(FD);
  return Effective[FD] = std::move(Result);
}

bool RaceModel::inHappensBeforeRegion(const FunctionDecl *Root,
                                      SourceLocation Loc) const {
  auto It = Regions.find(Root);
  if (It == Regions.end())
    return false;
  const SourceManager &SM = TU.context().getSourceManager();
  if (SM.isBeforeInTranslationUnit(Loc, It->second.FirstSpawn))
    return true;
  return It->second.LastJoin.isValid() &&
         SM.isBeforeInTranslationUnit(It->second.LastJoin, Loc);
}

const std::vector<Access> &
RaceModel::ownAccesses(const FunctionDecl *FD) const {
  static const std::vector<Access> Empty;
  auto It = Own.find(FD);
  return It == Own.end() ? Empty : It->second;
}

bool RaceModel::isConcurrentClass(const RecordDecl *RD) const {
  if (!RD)
    return false;
  RD = RD->getDefinition() ? RD->getDefinition() : RD;
  if (Concurrent.count(RD))
    return true;
  if (RD->hasAttr<CapabilityAttr>())
    return false;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    if (CRD->isLambda())
      return false;
  if (TU.recognizer().matchesName(RD, Config.ConcurrentClasses))
    return true;
  if (!RD->getDefinition())
    return false;
  // A struct or class that carries its own lock (C structs included).
  for (const FieldDecl *F : RD->fields())
    if (isLockType(F->getType()) || F->hasAttr<GuardedByAttr>() ||
        F->hasAttr<PtGuardedByAttr>())
      return true;
  return false;
}

RaceModel::Guard RaceModel::guardOf(const std::string &Storage) const {
  Guard G;
  auto It = ByStorage.find(Storage);
  if (It == ByStorage.end())
    return G;
  std::map<std::string, std::pair<unsigned, const RootAccess *>> Count;
  for (const RootAccess &RA : It->second) {
    ++G.Total;
    for (const std::string &L : RA.A.Locks) {
      auto &C = Count[L];
      ++C.first;
      if (!C.second && isWrite(RA.A.How))
        C.second = &RA;
    }
  }
  for (const auto &[L, C] : Count) {
    if (!C.second)
      continue; // a guard must protect at least one write
    if (C.first < Config.MinGuardedRatio * G.Total)
      continue;
    if (C.first > G.Held) {
      G.Lock = L;
      G.Held = C.first;
      G.Example = C.second;
    }
  }
  if (G.Lock.empty())
    G.Held = 0;
  return G;
}

bool RaceModel::mayRunConcurrently(const RootAccess &X,
                                   const RootAccess &Y) const {
  for (unsigned CX : X.Contexts)
    for (unsigned CY : Y.Contexts) {
      if (CX != CY)
        return true;
      if (CX != MainContext && Entries[CX].MultiInstance)
        return true;
    }
  return false;
}

} // namespace racelint
