//===--- Summary.cpp - Per-function summaries -----------------------------===//

#include "Summary.h"
#include "SummaryBuilder.h"
#include "Threads.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/SaveAndRestore.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <functional>

using namespace clang;

namespace racelint {

bool Access::holds(llvm::StringRef LockName) const {
  return llvm::any_of(Locks,
                      [&](const LockLoc &L) { return L.Name == LockName; });
}

bool Access::holdsShared(llvm::StringRef LockName) const {
  return llvm::any_of(Locks, [&](const LockLoc &L) {
    return L.Name == LockName && L.Shared;
  });
}

bool holdsLock(const LockList &Locks, const AbsLoc &L) {
  return llvm::any_of(Locks,
                      [&](const LockLoc &H) { return H.Loc.mustEqual(L); });
}

bool shareLock(const LockList &A, const LockList &B) {
  for (const LockLoc &X : A)
    for (const LockLoc &Y : B)
      if (X.Loc.mustEqual(Y.Loc) && !(X.Shared && Y.Shared))
        return true;
  return false;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

static bool typedefNamed(QualType T, std::initializer_list<StringRef> Names) {
  std::string S = T.getAsString();
  for (StringRef N : Names)
    if (StringRef(S).contains(N))
      return true;
  return false;
}

static QualType elementType(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getCanonicalType().getTypePtr()))
    T = AT->getElementType();
  return T;
}

bool isSyncType(QualType T) {
  T = elementType(T);
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (RD->hasAttr<CapabilityAttr>())
      return true;
    if (RD->isInStdNamespace() && RD->getDeclName().isIdentifier()) {
      StringRef N = RD->getName();
      return N.ends_with("mutex") || N.starts_with("condition_variable") ||
             N == "thread" || N == "jthread" || N == "once_flag" ||
             N == "counting_semaphore" || N == "binary_semaphore" ||
             N == "latch" || N == "barrier" || N == "stop_source" ||
             N == "stop_token" || N == "future" || N == "shared_future" ||
             N == "promise" || N == "lock_guard" || N == "unique_lock" ||
             N == "shared_lock" || N == "scoped_lock";
    }
  }
  return typedefNamed(T, {"pthread_mutex_t", "pthread_rwlock_t",
                          "pthread_spinlock_t", "pthread_cond_t", "mtx_t",
                          "cnd_t", "pthread_once_t", "once_flag",
                          "pthread_t", "thrd_t", "sem_t",
                          "pthread_barrier_t"});
}

bool isLockType(QualType T) {
  T = elementType(T);
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (RD->hasAttr<CapabilityAttr>())
      return true;
    return RD->isInStdNamespace() && RD->getDeclName().isIdentifier() &&
           RD->getName().ends_with("mutex");
  }
  return typedefNamed(T, {"pthread_mutex_t", "pthread_rwlock_t",
                          "pthread_spinlock_t", "mtx_t"});
}

bool isAtomicType(QualType T) {
  T = elementType(T);
  if (T->isAtomicType())
    return true;
  if (const auto *RD = T->getAsCXXRecordDecl())
    if (RD->isInStdNamespace() && RD->getDeclName().isIdentifier()) {
      StringRef N = RD->getName();
      return N == "atomic" || N == "atomic_flag" || N == "atomic_ref" ||
             N.starts_with("__atomic");
    }
  return typedefNamed(T, {"atomic_", "sig_atomic_t"});
}

bool ownsLock(QualType T) {
  const auto *RD = elementType(T)->getAsRecordDecl();
  if (!RD || !RD->getDefinition())
    return false;
  for (const FieldDecl *F : RD->getDefinition()->fields())
    if (isLockType(F->getType()) || isAtomicType(F->getType()))
      return true;
  return false;
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

namespace {

bool isStdNamed(const NamedDecl *D, std::initializer_list<StringRef> Names) {
  if (!D || !D->getDeclName().isIdentifier() || !D->isInStdNamespace())
    return false;
  return llvm::is_contained(Names, D->getName());
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// A container specialised on std::thread or std::jthread.
bool holdsThreads(const CXXRecordDecl *RD, bool JThreadOnly = false) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Elem =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  if (JThreadOnly)
    return isStdNamed(Elem, {"jthread"});
  return isStdNamed(Elem, {"thread", "jthread"});
}

/// A container specialised on std::future or std::shared_future.
bool holdsFutures(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  return isStdNamed(
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl(),
      {"future", "shared_future"});
}

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

/// The function a callable expression designates: a lambda, a function,
/// `&C::m`, or a local initialised with one of these.
const FunctionDecl *callableFunction(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > 8)
    return nullptr;
  E = stripLockExpr(E);
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return LE->getCallOperator();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return callableFunction(UO->getSubExpr(), Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return F->getDefinition() ? F->getDefinition() : F;
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->getInit() && !V->getType()->isPointerType() &&
          V->isLocalVarDecl())
        return callableFunction(V->getInit(), Depth + 1);
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() == 1)
      return callableFunction(CE->getArg(0), Depth + 1);
  return nullptr;
}

std::string sourceText(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceRange R = E->getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "";
  StringRef T = Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM,
                                     Ctx.getLangOpts());
  if (T.size() > 60 || T.contains('\n'))
    return "";
  return T.str();
}

/// The storage an lvalue names, written as the user writes it.
std::string display(const Expr *E, const ASTContext &Ctx, unsigned Depth = 0) {
  if (!E || Depth > 16)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getNameAsString();
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    std::string F = ME->getMemberDecl()->getNameAsString();
    if (isa<CXXThisExpr>(Base))
      return F;
    std::string B = display(Base, Ctx, Depth + 1);
    if (B.empty())
      return F;
    return B + (ME->isArrow() ? "->" : ".") + F;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    std::string B = display(ASE->getBase(), Ctx, Depth + 1);
    std::string I;
    Expr::EvalResult R;
    const Expr *Idx = ASE->getIdx();
    if (!Idx->isValueDependent() && Idx->EvaluateAsInt(R, Ctx))
      I = llvm::toString(R.Val.getInt(), 10);
    else if (const auto *IDRE =
                 dyn_cast<DeclRefExpr>(Idx->IgnoreParenImpCasts()))
      I = IDRE->getDecl()->getNameAsString();
    else
      I = sourceText(Idx, Ctx);
    if (I.empty())
      I = "...";
    return B + "[" + I + "]";
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref) {
      std::string S = display(UO->getSubExpr(), Ctx, Depth + 1);
      return S.empty() ? "" : "*" + S;
    }
    if (UO->getOpcode() == UO_AddrOf)
      return display(UO->getSubExpr(), Ctx, Depth + 1);
  }
  if (isa<CXXThisExpr>(E))
    return "*this";
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
        OC->getNumArgs() >= 1)
      return display(OC->getArg(0), Ctx, Depth + 1);
  return sourceText(E, Ctx);
}

/// Locals that point to memory the function allocated itself and has not
/// yet handed to anyone: no other thread can reach that object, so its
/// fields are not shared there (`c = calloc(..); c->name = ..;` in a C
/// create function). So is an object a pointer parameter designates when
/// the function initialises a lock inside it (`pthread_mutex_init(&j->mu)`
/// in `journal_open(j)`): no thread can use the object while its lock is
/// being set up, so the caller has not shared it yet. Maps each such
/// variable to the first place it escapes (invalid when it never does).
class FreshPointers : public RecursiveASTVisitor<FreshPointers> {
public:
  FreshPointers(const FunctionDecl *FD, const TUMemory &TU) : FD(FD), TU(TU) {}

  bool shouldVisitLambdaBody() const { return false; }

  bool VisitVarDecl(VarDecl *V) {
    // (A std::unique_ptr or std::shared_ptr holding the allocation is the
    // pointer too, until it is copied, moved or passed on.)
    if (V->isLocalVarDecl() && !V->isStaticLocal() &&
        isPointerLike(V->getType()) && !V->getType()->isArrayType() &&
        !V->getType()->isReferenceType() && V->getInit() &&
        TU.isAllocation(V->getInit()))
      Candidates.insert(V);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const VarDecl *V = var(BO->getLHS())) {
        Allowed.insert(BO->getLHS()->IgnoreParenImpCasts());
        if (BO->getOpcode() == BO_Assign && TU.isAllocation(BO->getRHS()) &&
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
    // `p->f`, and `if (sp)` on a smart pointer (its operator bool).
    if (ME->isArrow() || isa<CXXConversionDecl>(ME->getMemberDecl()))
      allow(ME->getBase());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    // `sp->f` and `*sp` on a smart pointer read the pointer it holds.
    if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
        OC->getNumArgs() == 1)
      allow(OC->getArg(0));
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
        Spoiled.insert(V);
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *ICE) {
    if (ICE->getCastKind() == CK_PointerToBoolean)
      allow(ICE->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F || !F->getDeclName().isIdentifier() || CE->getNumArgs() == 0)
      return true;
    StringRef N = F->getName();
    // A lock set up inside what a pointer parameter designates, or torn
    // down: no thread can use an object while its lock is being created or
    // destroyed.
    if (llvm::is_contained({"pthread_mutex_init", "pthread_rwlock_init",
                            "pthread_spin_init", "mtx_init",
                            "pthread_mutex_destroy", "pthread_rwlock_destroy",
                            "pthread_spin_destroy", "mtx_destroy"},
                           N))
      if (const auto *P = dyn_cast_or_null<ParmVarDecl>(ownerOf(CE->getArg(0))))
        if (P->getType()->isPointerType())
          Candidates.insert(P);
    // The object a pointer parameter designates, freed here on every path:
    // the C counterpart of a destructor (`cache_destroy(c)` ending in
    // `free(c)`); its caller no longer shares it. Not a conditional free
    // (`if (--m->refs == 0) free(m);`): until the last reference goes the
    // object is shared.
    if (N == "free" && atTopLevel(CE))
      if (const auto *P = dyn_cast_or_null<ParmVarDecl>(var(CE->getArg(0))))
        if (P->getType()->isPointerType())
          Candidates.insert(P);
    // Filling, initialising or freeing the object does not publish it.
    if (llvm::is_contained({"free", "memset", "memcpy", "bzero",
                            "pthread_mutex_init", "pthread_cond_init",
                            "pthread_mutex_destroy", "pthread_cond_destroy",
                            "pthread_rwlock_destroy", "mtx_destroy",
                            "cnd_destroy", "pthread_spin_destroy",
                            "pthread_rwlock_init", "mtx_init", "cnd_init",
                            "pthread_spin_init", "strcpy", "strncpy",
                            "snprintf", "sprintf"},
                           N))
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
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    // A lambda that captures the pointer can take it anywhere.
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar())) {
          auto &First = Escape[V];
          if (First.isInvalid())
            First = LE->getBeginLoc();
        }
    return true;
  }

  /// Fresh locals with their first escape.
  llvm::DenseMap<const VarDecl *, SourceLocation> run() {
    TraverseStmt(const_cast<Stmt *>(FD->getBody()));
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
  /// The pointer whose pointee E lies in: `p` for `&p->mu`, `&p->a.mu`.
  static const VarDecl *ownerOf(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return nullptr;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
    while (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return var(ME->getBase());
      E = ME->getBase()->IgnoreParenImpCasts();
    }
    return nullptr;
  }
  void allow(const Expr *E) {
    if (E)
      Allowed.insert(E->IgnoreParenImpCasts());
  }
  /// A statement of the function body itself, run on every path that
  /// reaches the end of the body.
  bool atTopLevel(const Expr *E) const {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
    if (!Body)
      return false;
    for (const Stmt *S : Body->body())
      if (const auto *SE = dyn_cast<Expr>(S); SE && SE->IgnoreImplicit() == E)
        return true;
    return false;
  }

  const FunctionDecl *FD;
  const TUMemory &TU;
  llvm::DenseSet<const VarDecl *> Candidates, Spoiled;
  llvm::DenseSet<const Stmt *> Allowed;
  llvm::DenseMap<const VarDecl *, SourceLocation> Escape;
};

} // namespace

//===----------------------------------------------------------------------===//
// The collector
//===----------------------------------------------------------------------===//

namespace {

class Collector {
public:
  Collector(const FunctionDecl *FD, const FunctionLocks &FL,
            const FunctionMemory &FM, SummaryBuilder &B, Summary &Out,
            ThreadEvents &Ev)
      : FD(FD), FL(FL), FM(FM), B(B), Ctx(FD->getASTContext()), Out(Out),
        Ev(Ev) {
    if (FD->getBody()) {
      FreshPointers FP(FD, FM.tu());
      Fresh = FP.run();
    }
    if (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD))
      OwnObject = true;
  }

  void run() {
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
      // Member initialisers run before the body, with nothing locked.
      InInitializers = true;
      for (const CXXCtorInitializer *I : Ctor->inits())
        if (I->isWritten() && I->getInit())
          visit(I->getInit());
      InInitializers = false;
    }
    visit(FD->getBody());
  }

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (++Depth > MaxDepth) {
      --Depth;
      return;
    }
    visitImpl(S);
    --Depth;
  }

private:
  static constexpr unsigned MaxDepth = 2000;

  void visitImpl(const Stmt *S) {
    if (isa<UnaryExprOrTypeTraitExpr>(S) || isa<CXXTypeidExpr>(S) ||
        isa<CXXNoexceptExpr>(S) || isa<BlockExpr>(S))
      return;
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      // The body is a function of its own; init-captures are evaluated here.
      for (const Expr *Init : LE->capture_inits())
        if (Init && !isa<DeclRefExpr>(Init->IgnoreParenImpCasts()))
          visit(Init);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        return assignment(BO);
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      return declStmt(DS);
    if (const auto *If = dyn_cast<IfStmt>(S))
      return ifStmt(If);
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      return compound(CS);
    if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
      returnStmt(RS);
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
    if (const auto *FR = dyn_cast<CXXForRangeStmt>(S))
      return forRange(FR);
    if (const auto *AE = dyn_cast<AtomicExpr>(S))
      return atomicExpr(AE);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      return memberCall(MC, AccessKind::Read);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      return operatorCall(OC, AccessKind::Read);
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(S))
      return construct(CCE, nullptr);
    if (const auto *CE = dyn_cast<CallExpr>(S))
      return call(CE);
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      return visitSubexprsOnly(ME);
    for (const Stmt *C : S->children())
      visit(C);
  }

  //--- Locks -------------------------------------------------------------

  /// The locks held at S; false when S is on no reachable path.
  bool locksAt(const Stmt *S, LockList &Locks) {
    if (InInitializers)
      return true;
    auto It = FL.MustAt.find(S);
    if (It == FL.MustAt.end())
      return false;
    auto SIt = FL.SharedAt.find(S);
    for (const std::string &K : It->second) {
      bool Shared = SIt != FL.SharedAt.end() &&
                    llvm::is_contained(SIt->second, K);
      for (const AbsLoc &L : B.lockLocs(FD, K).Objs)
        Locks.push_back({L, K, Shared});
    }
    return true;
  }

  //--- Accesses ----------------------------------------------------------

  /// A class of the standard library that holds elements (`std::vector`,
  /// `std::map`, `std::string`...): its own state is apart from theirs.
  static bool isStdContainer(QualType T) {
    T = T.getNonReferenceType();
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->isInStdNamespace() &&
           llvm::any_of(RD->methods(), [](const CXXMethodDecl *M) {
             return M->getDeclName().isIdentifier() && M->getName() == "size";
           });
  }

  /// The accesses recorded since Begin read the container's bookkeeping
  /// only.
  void markShallow(size_t Begin) {
    for (size_t I = Begin; I < Out.Accesses.size(); ++I)
      if (Out.Accesses[I].How == AccessKind::Read)
        Out.Accesses[I].Shallow = true;
  }

  /// Whether the object reached through E is still this function's alone:
  /// a fresh allocation not yet published at At.
  bool throughFresh(const Expr *E, SourceLocation At) const {
    bool Deref = false;
    for (unsigned Guard = 0; E && Guard < 16; ++Guard) {
      E = E->IgnoreParenImpCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        Deref |= ME->isArrow();
        E = ME->getBase();
      } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        Deref |= !ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType();
        E = ASE->getBase();
      } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
        // `(&p->head)->first`, as list macros spell `p->head.first`.
        if (UO->getOpcode() == UO_AddrOf) {
          E = UO->getSubExpr();
          continue;
        }
        if (UO->getOpcode() != UO_Deref)
          return false;
        Deref = true;
        E = UO->getSubExpr();
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
                 OC && OC->getNumArgs() == 1 &&
                 (OC->getOperator() == OO_Arrow ||
                  OC->getOperator() == OO_Star)) {
        Deref = true;
        E = OC->getArg(0);
      } else {
        break;
      }
    }
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
    if (!Deref || !DRE)
      return false;
    return freshAt(dyn_cast<VarDecl>(DRE->getDecl()), At);
  }

  /// Whether the pointer variable V still designates an object this
  /// function has to itself at At (freshly allocated, being set up or torn
  /// down, not yet published).
  bool freshAt(const VarDecl *V, SourceLocation At) const {
    auto It = Fresh.find(V);
    if (It == Fresh.end())
      return false;
    return It->second.isInvalid() ||
           Ctx.getSourceManager().isBeforeInTranslationUnit(At, It->second);
  }

  /// A memory-order operand the code spells out (not one a <stdatomic.h>
  /// macro supplies) that is stronger than relaxed. (An AtomicExpr's order
  /// operand is a plain int; elsewhere only an argument of type
  /// memory_order is one.)
  bool isExplicitOrder(const Expr *E, bool IntOrder = false) const {
    if (!E)
      return false;
    const SourceManager &SM = Ctx.getSourceManager();
    if (SM.isInSystemHeader(SM.getSpellingLoc(E->getBeginLoc())))
      return false;
    E = E->IgnoreParenImpCasts();
    QualType T = E->getType();
    bool OrderType = IntOrder && T->isIntegerType();
    if (const auto *ET = T->getAs<EnumType>())
      OrderType = ET->getDecl()->getName() == "memory_order";
    if (!OrderType)
      return false;
    Expr::EvalResult R;
    return !E->isValueDependent() && E->EvaluateAsRValue(R, Ctx) &&
           R.Val.isInt() && !R.Val.getInt().isZero();
  }

  /// Records accesses of kind How to the objects in Locs, at At.
  void recordLocs(const Expr *At, const PtsSet &Locs, QualType StorageT,
                  AccessKind How, std::string Shown, bool Atomic = false) {
    if (isSyncType(StorageT))
      return;
    Atomic |= isAtomicType(StorageT);
    if (!Atomic && StorageT.isConstQualified() &&
        !StorageT->isReferenceType())
      return;
    LockList Locks;
    if (!locksAt(At, Locks))
      return; // not evaluated on any reachable path
    if (throughFresh(At, At->getExprLoc()))
      return;
    for (const AbsLoc &L : Locs.Objs) {
      // The object under construction or destruction is not shared yet.
      if (OwnObject && L.Root == AbsLoc::This && L.Fn == FD)
        continue;
      Access A;
      A.Loc = L;
      A.Display = Shown;
      A.How = How;
      A.Atomic = Atomic;
      A.Ordering = Atomic && OrderingOp;
      A.Volatile = StorageT.isVolatileQualified();
      A.E = At;
      A.At = At->getExprLoc();
      A.Function = FD;
      A.Locks = Locks;
      Out.Accesses.push_back(std::move(A));
    }
  }

  void record(const Expr *E, AccessKind How) {
    PtsSet Locs = FM.locOf(E);
    if (Locs.Objs.empty())
      return;
    QualType T = E->getType();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      T = DRE->getDecl()->getType();
    else if (const auto *ME = dyn_cast<MemberExpr>(E))
      T = ME->getMemberDecl()->getType();
    recordLocs(E, Locs, T, How, display(E, Ctx));
  }

  /// Records an access to what the pointer expression Ptr points to.
  void recordPointee(const Expr *At, const Expr *Ptr, AccessKind How,
                     bool Atomic = false) {
    // `free(c)` at the end of `c`'s destructor, `memset(p, ...)` on what
    // the function just allocated.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Ptr->IgnoreParenImpCasts()))
      if (freshAt(dyn_cast<VarDecl>(DRE->getDecl()), At->getExprLoc()))
        return;
    QualType PT = Ptr->IgnoreParenImpCasts()->getType();
    QualType Pointee = PT->isPointerType() ? PT->getPointeeType() : PT;
    PtsSet Locs = FM.valueOf(Ptr);
    if (Locs.Unknown) {
      AbsLoc U;
      U.Root = AbsLoc::Unknown;
      U.Type = recordOfObject(Pointee);
      if (U.Type)
        Locs.add(U);
    }
    // Pointers to functions and unknown scalars say nothing.
    PtsSet Data;
    for (const AbsLoc &L : Locs.Objs)
      Data.add(L);
    if (Data.Objs.empty())
      return;
    std::string Shown = display(Ptr, Ctx);
    if (const auto *UO =
            dyn_cast<UnaryOperator>(Ptr->IgnoreParenImpCasts());
        !(UO && UO->getOpcode() == UO_AddrOf) && !Shown.empty())
      Shown = "*" + Shown;
    if (Shown.empty())
      Shown = "the object";
    recordLocs(At, Data, Pointee.isNull() ? QualType() : Pointee, How, Shown,
               Atomic);
  }

  //--- Statements --------------------------------------------------------

  void assignment(const BinaryOperator *BO) {
    // A thread object or future assigned a new thread.
    spawnInto(BO->getRHS(), BO->getLHS());
    size_t Begin = Out.Accesses.size();
    lvalue(BO->getLHS(), BO->getOpcode() == BO_Assign
                             ? AccessKind::Write
                             : AccessKind::ReadModifyWrite);
    size_t Mid = Out.Accesses.size();
    visit(BO->getRHS());
    // `x = x + 1` reads and writes x in two steps: a read-modify-write.
    if (BO->getOpcode() == BO_Assign)
      for (size_t W = Begin; W < Mid; ++W)
        for (size_t R = Mid; R < Out.Accesses.size(); ++R)
          if (Out.Accesses[R].Loc == Out.Accesses[W].Loc &&
              Out.Accesses[R].How == AccessKind::Read &&
              sameObjectExpr(BO->getLHS(), Out.Accesses[R].E)) {
            Out.Accesses[W].How = AccessKind::ReadModifyWrite;
            Out.Accesses[W].SplitRMW = true;
          }
    markStale(Begin, Mid, BO->getRHS(), /*Value=*/true);
    if (const VarDecl *V = localVar(BO->getLHS()))
      setOrigin(V, Mid, BO->getRHS(), BO->getOpcode() == BO_Assign);
  }

  /// `x_ = other.x_` copies from another object: not a read-modify-write
  /// of this one, even though both name the field by type.
  bool sameObjectExpr(const Expr *LHS, const Expr *Read) const {
    std::string A = display(LHS, Ctx), B = display(Read, Ctx);
    return A.empty() || B.empty() || A == B;
  }

  void declStmt(const DeclStmt *DS) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V)
        continue;
      // A variable-length array's bound is read here.
      for (QualType T = V->getType(); !T.isNull();) {
        const auto *VAT = Ctx.getAsVariableArrayType(T);
        if (!VAT)
          break;
        visit(VAT->getSizeExpr());
        T = VAT->getElementType();
      }
      if (!V->getInit())
        continue;
      size_t Begin = Out.Accesses.size();
      // A thread or future started into V: its handle is V.
      spawnInto(V->getInit(), nullptr, V);
      if (const auto *CE = dyn_cast<CXXConstructExpr>(
              stripLockExpr(V->getInit())))
        construct(CE, V);
      else
        visit(V->getInit());
      if (localVar(V))
        setOrigin(V, Begin, V->getInit(), true);
      // A local jthread, a container of them, or the future of std::async
      // joins when it goes out of scope.
      const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
      if (V->hasLocalStorage() &&
          (isStdNamed(RD, {"jthread"}) || holdsThreads(RD, true) ||
           (isStdNamed(RD, {"future"}) && isAsyncCall(V->getInit())))) {
        PtsSet H = handleOf(V);
        if (holdsThreads(RD, true))
          H = elementsOf(H);
        Ev.JoinAtScopeEnd[V] = H;
      }
    }
  }

  void ifStmt(const IfStmt *If) {
    visit(If->getInit());
    visit(If->getConditionVariableDeclStmt());
    size_t C0 = Out.Accesses.size();
    visit(If->getCond());
    size_t C1 = Out.Accesses.size();
    visit(If->getThen());
    size_t T1 = Out.Accesses.size();
    visit(If->getElse());
    markChecked(C0, C1, C1, T1);
    // `if (!w->pending) return; w->pending = 0;`: what follows in the
    // block runs only when the check failed (compound() marks it).
    EarlyExit.reset();
    if (!If->getElse() && leaves(If->getThen()))
      EarlyExit = {C0, C1};
    // A branch decided by a local that holds an earlier read.
    markStale(C1, T1, If->getCond(), /*Value=*/false);
    dropLastOwnerAccesses(If, C0, C1, T1);
  }

  /// Whether S always leaves the enclosing block: it is, or ends in, a
  /// return, break, continue, goto or a call that never returns.
  bool leaves(const Stmt *S) const {
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
      S = CS->body_empty() ? nullptr : CS->body_back();
    if (!S)
      return false;
    if (isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) ||
        isa<GotoStmt>(S))
      return true;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      return Ev.NoReturn.count(CE);
    return false;
  }

  void compound(const CompoundStmt *CS) {
    // Checks of early-exit ifs seen so far in this block, as ranges of
    // condition accesses, each with where the rest of the block begins.
    std::vector<std::tuple<size_t, size_t, size_t>> Checks;
    for (const Stmt *C : CS->body()) {
      EarlyExit.reset();
      visit(C);
      if (EarlyExit && isa<IfStmt>(C))
        Checks.emplace_back(EarlyExit->first, EarlyExit->second,
                            Out.Accesses.size());
    }
    size_t End = Out.Accesses.size();
    for (const auto &[C0, C1, W0] : Checks)
      markChecked(C0, C1, W0, End);
  }

  /// Whether write W, after a check made holding CheckLocks and in the
  /// accesses from W0 on, acts on another value than the check's: one it
  /// read again under a lock the check lacked (`if (!q.head) return; lock();
  /// n = q.head; q.head = n->next;`, or `count--` under the lock; the
  /// check's own read is then the race), or this function's own earlier
  /// write (`if (n) return; n++; ... n--;`: one check, one act).
  bool actsOnOtherValue(size_t W0, size_t W,
                        const std::vector<std::string> &CheckLocks) const {
    const Access &A = Out.Accesses[W];
    auto ReadsUnderNewLock = [&](const Access &O) {
      return O.How != AccessKind::Write && O.Loc == A.Loc &&
             llvm::any_of(names(O.Locks), [&](const std::string &L) {
               return !llvm::is_contained(CheckLocks, L);
             });
    };
    if (ReadsUnderNewLock(A))
      return true;
    for (size_t I = W0; I < W; ++I) {
      const Access &O = Out.Accesses[I];
      if (ReadsUnderNewLock(O) || (isWrite(O.How) && O.Loc == A.Loc))
        return true;
    }
    return false;
  }

  /// Writes among accesses [W0, W1) whose storage the condition accesses
  /// [C0, C1) read: the write acts on that check.
  void markChecked(size_t C0, size_t C1, size_t W0, size_t W1) {
    for (size_t W = W0; W < W1; ++W) {
      if (!isWrite(Out.Accesses[W].How) ||
          Out.Accesses[W].OuterCheckAt.isValid())
        continue;
      for (size_t R = C0; R < C1; ++R)
        if (Out.Accesses[R].Loc == Out.Accesses[W].Loc &&
            Out.Accesses[R].How == AccessKind::Read) {
          Access &A = Out.Accesses[W];
          std::vector<std::string> RLocks = names(Out.Accesses[R].Locks);
          if (A.CheckedAt.isInvalid() || A.Stale) {
            if (actsOnOtherValue(W0, W, RLocks))
              break;
            // A fresh check replaces a stale value: re-validating under
            // the lock is the correct pattern.
            A.CheckedAt = Out.Accesses[R].At;
            A.CheckLocks = RLocks;
            A.Stale = false;
            A.StaleValue = false;
          } else if (RLocks.empty() && !A.Locks.empty() &&
                     !A.CheckLocks.empty()) {
            // `if (!p) { lock; if (!p) p = ...; }`
            A.OuterCheckAt = Out.Accesses[R].At;
          }
          break;
        }
    }
  }

  /// `if (atomic_fetch_sub(&m->refs, 1) == 1) free(m);`: the thread whose
  /// atomic decrement brings the count to the tested value holds the last
  /// reference, so what the branch does to the counted object is private to
  /// it, like a destructor's work.
  void dropLastOwnerAccesses(const IfStmt *If, size_t C0, size_t C1,
                             size_t T1) {
    const auto *BO =
        dyn_cast_or_null<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
    if (!BO || BO->getOpcode() != BO_EQ || C0 == C1 || C1 == T1)
      return;
    Expr::EvalResult R;
    const Expr *K = BO->getRHS()->IgnoreParenImpCasts();
    if (K->isValueDependent() || !K->EvaluateAsInt(R, Ctx))
      return;
    // The counted object: the one holding the counter. A plain counter
    // (`if (--m->refs == 0) free(m);`) is the same protocol done wrong:
    // its decrement is the race (nonatomic-rmw reports it), and what the
    // branch does is still meant for the last owner alone.
    std::optional<AbsLoc> Obj;
    for (size_t I = C0; I < C1; ++I) {
      const Access &A = Out.Accesses[I];
      if (A.How == AccessKind::ReadModifyWrite &&
          !A.Loc.Path.empty() && A.Loc.Path.back().Kind == PathStep::Field) {
        Obj = A.Loc;
        Obj->Path.pop_back();
        break;
      }
    }
    if (!Obj)
      return;
    auto Owned = [&](const AbsLoc &L) {
      if (!L.sameRoot(*Obj) || L.Path.size() < Obj->Path.size())
        return false;
      for (size_t I = 0; I < Obj->Path.size(); ++I)
        if (!(L.Path[I] == Obj->Path[I]))
          return false;
      return true;
    };
    auto Begin = Out.Accesses.begin();
    Out.Accesses.erase(std::remove_if(Begin + C1, Begin + T1,
                                      [&](const Access &A) {
                                        return Owned(A.Loc);
                                      }),
                       Begin + T1);
  }

  static std::vector<std::string> names(const LockList &L) {
    std::vector<std::string> N;
    for (const LockLoc &X : L)
      if (!llvm::is_contained(N, X.Name))
        N.push_back(X.Name);
    return N;
  }

  void returnStmt(const ReturnStmt *RS) {
    const Expr *V = RS->getRetValue();
    if (!V)
      return;
    // A reference returned to shared storage is read by the caller after
    // this function has released whatever it locked.
    if (FD->getReturnType()->isReferenceType()) {
      const Expr *E = V->IgnoreParenImpCasts();
      PtsSet Locs = FM.locOf(E);
      QualType T = E->getType();
      if (!Locs.Objs.empty() && !isSyncType(T) && !isAtomicType(T) &&
          !ownsLock(T)) {
        size_t Before = Out.Accesses.size();
        PtsSet Keep;
        for (const AbsLoc &L : Locs.Objs)
          if (!L.Path.empty())
            Keep.add(L);
        recordLocs(E, Keep, T, AccessKind::Read, display(E, Ctx));
        for (size_t I = Before; I < Out.Accesses.size(); ++I) {
          Out.Accesses[I].Escape = true;
          Out.Accesses[I].Locks.clear();
        }
      }
    }
    visit(V);
  }

  void forRange(const CXXForRangeStmt *FR) {
    // `for (x : c)` reads c through begin()/end().
    visit(FR->getInit());
    size_t Begin = Out.Accesses.size();
    lvalue(FR->getRangeInit(), AccessKind::Read);
    // Through a reference the elements are read where the body uses the
    // loop variable (bound to them); the loop itself reads begin and end.
    if (const VarDecl *LV = FR->getLoopVariable())
      if (LV->getType()->isReferenceType() &&
          isStdContainer(FR->getRangeInit()->getType()))
        markShallow(Begin);
    // `for (auto &t : threads) t.join();` joins every thread in threads.
    if (const VarDecl *LV = FR->getLoopVariable())
      if (joinsVar(FR->getBody(), LV)) {
        PtsSet H = elementsOf(handleOfExpr(FR->getRangeInit()));
        Ev.LoopExitJoins[FR].push_back(H);
      }
    visit(FR->getBody());
  }

  //--- Calls -------------------------------------------------------------

  /// The functions a call may reach: its direct callee, or what the
  /// function pointer it calls through may hold.
  llvm::SmallVector<const FunctionDecl *, 2> callees(const CallExpr *CE) {
    llvm::SmallVector<const FunctionDecl *, 2> R;
    if (const FunctionDecl *Callee = CE->getDirectCallee()) {
      // A virtual call through another object may reach an override we
      // cannot see; one on `this` is taken to run the class's own
      // definition, so a hook is not an entry point of its own.
      const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      bool Virtual = MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
                     !MD->getParent()->hasAttr<FinalAttr>();
      if (Virtual) {
        const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
        const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
        if (!Obj || !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
          return R;
      }
      if (const FunctionDecl *Def = Callee->getDefinition())
        if (B.analyzes(Def))
          R.push_back(Def);
      // On `this`, any override the TU defines may run: a subclass's hook
      // runs under the lock the base class's caller holds.
      if (Virtual)
        for (const FunctionDecl *O : B.overridesOf(MD))
          if (O != FD && !llvm::is_contained(R, O))
            R.push_back(O);
      return R;
    }
    PtsSet Targets = FM.valueOf(CE->getCallee());
    for (const FunctionDecl *F : Targets.Funcs)
      if (const FunctionDecl *Def = F->getDefinition())
        if (B.analyzes(Def))
          R.push_back(Def);
    return R;
  }

  /// What each parameter of Callee is bound to by the arguments Args.
  std::vector<PtsSet> bindArgs(const FunctionDecl *Callee,
                               llvm::ArrayRef<const Expr *> Args) {
    std::vector<PtsSet> R;
    unsigned N = Callee ? Callee->getNumParams() : Args.size();
    for (unsigned I = 0; I < N && I < Args.size(); ++I) {
      QualType PT = Callee ? Callee->getParamDecl(I)->getType()
                           : Args[I]->getType();
      if (PT->isReferenceType())
        R.push_back(FM.locOf(Args[I]));
      else if (isPointerLike(PT))
        R.push_back(FM.valueOf(Args[I]));
      else
        R.push_back(PtsSet()); // a copy: the callee's own
    }
    return R;
  }

  CallSite &addCall(const Expr *Call, llvm::ArrayRef<const FunctionDecl *> Fns,
                    llvm::ArrayRef<const Expr *> Args, PtsSet Self) {
    CallSite C;
    C.Call = Call;
    C.Loc = Call->getExprLoc();
    C.Callees.append(Fns.begin(), Fns.end());
    C.Args = bindArgs(Fns.empty() ? nullptr : Fns.front(), Args);
    C.Self = std::move(Self);
    if (!locksAt(Call, C.Locks))
      C.Locks.clear();
    Out.Calls.push_back(std::move(C));
    return Out.Calls.back();
  }

  void noteCall(const CallExpr *CE) {
    auto Fns = callees(CE);
    const Expr *CalleeE = CE->getCallee()->IgnoreParenImpCasts();
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    PtsSet Self;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      if (const Expr *Obj = MC->getImplicitObjectArgument()) {
        const auto *ME = dyn_cast<MemberExpr>(CalleeE);
        Self = ME && ME->isArrow() ? FM.valueOf(Obj) : FM.locOf(Obj);
      }
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
      if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
          OC->getNumArgs() >= 1) {
        Self = FM.locOf(OC->getArg(0));
        Args.erase(Args.begin());
      }
    }
    if (!Fns.empty())
      addCall(CE, Fns, Args, Self);
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      if (Callee->isNoReturn() || B.neverReturns(Callee))
        Ev.NoReturn.insert(CE);
  }

  /// Lambdas handed to a callee that is not a thread start (an algorithm,
  /// a condition-variable predicate) run during the call, under the
  /// caller's locks.
  void noteLambdaArgs(const CallExpr *CE, llvm::ArrayRef<const Expr *> Args) {
    for (const Expr *A : Args) {
      const Expr *E = stripLockExpr(A->IgnoreImplicit());
      // A thread built from the lambda runs it on its own thread.
      if (Spawned.count(E))
        continue;
      if (const auto *C = dyn_cast<CXXConstructExpr>(E))
        if (C->getNumArgs() == 1)
          E = stripLockExpr(C->getArg(0));
      if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
        if (SpawnEntries.count(LE->getCallOperator()))
          continue;
        CallSite &C = addCall(CE, {LE->getCallOperator()}, {}, PtsSet());
        C.LambdaArgument = true;
      }
    }
  }

  void call(const CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    StringRef N;
    if (Callee && Callee->getDeclName().isIdentifier())
      N = Callee->getName();
    // std::move(x) and friends name x; visiting the argument is the access.
    if (threadCall(CE, N))
      return;
    if (libraryCall(CE, N)) {
      return;
    }
    noteCall(CE);
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    if (!(Callee && Callee->isInStdNamespace() && N == "call_once"))
      noteLambdaArgs(CE, Args);
    noteAcquire(CE);
    for (const Stmt *C : CE->children())
      visit(C);
  }

  void noteAcquire(const CallExpr *CE) {
    auto Op = B.recognizer().classifyCall(CE);
    if (!Op || Op->Kind != LockOp::Acquire)
      return;
    for (const LockRef &L : Op->Locks)
      for (const AbsLoc &Loc : B.lockLocs(FD, L.Key).Objs)
        Ev.Acquires[CE].push_back(Loc);
  }

  /// Library functions with known memory effects.
  bool libraryCall(const CallExpr *CE, StringRef N) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || Callee->isInStdNamespace() || N.empty() ||
        !B.isLibraryFunction(Callee))
      return false;
    unsigned NA = CE->getNumArgs();
    auto Arg = [&](unsigned I) { return CE->getArg(I); };
    auto Visit = [&] {
      for (const Expr *A : CE->arguments())
        visit(A);
    };
    // __sync builtins: atomic read-modify-writes of their pointee.
    if (N.starts_with("__sync_") && NA >= 1) {
      llvm::SaveAndRestore R(OrderingOp, N.contains("compare_and_swap") ||
                                             N.contains("lock_test_and_set"));
      recordPointee(CE, Arg(0), N.contains("lock_release")
                                    ? AccessKind::Write
                                    : AccessKind::ReadModifyWrite,
                    /*Atomic=*/true);
      for (unsigned I = 1; I < NA; ++I)
        visit(Arg(I));
      return true;
    }
    if ((N == "memset" || N == "bzero" || N == "explicit_bzero" ||
         N == "free" || N == "realloc") &&
        NA >= 1) {
      recordPointee(CE, Arg(0), AccessKind::Write);
      Visit();
      return true;
    }
    if ((N == "memcpy" || N == "memmove" || N == "strcpy" || N == "strncpy" ||
         N == "strcat" || N == "strncat" || N == "stpcpy") &&
        NA >= 2) {
      recordPointee(CE, Arg(0), N.contains("cat") ? AccessKind::ReadModifyWrite
                                                  : AccessKind::Write);
      recordPointee(CE, Arg(1), AccessKind::Read);
      Visit();
      return true;
    }
    if ((N == "sprintf" || N == "snprintf" || N == "vsprintf" ||
         N == "vsnprintf" || N == "fgets" || N == "gets") &&
        NA >= 1) {
      recordPointee(CE, Arg(0), AccessKind::Write);
      Visit();
      return true;
    }
    if ((N == "read" || N == "pread" || N == "recv" || N == "recvfrom") &&
        NA >= 2) {
      recordPointee(CE, Arg(1), AccessKind::Write);
      Visit();
      return true;
    }
    if (N == "fread" && NA >= 1) {
      recordPointee(CE, Arg(0), AccessKind::Write);
      Visit();
      return true;
    }
    unsigned ScanFirst = N == "scanf" || N == "vscanf"       ? 1
                         : N == "sscanf" || N == "fscanf" ||
                                 N == "vsscanf" || N == "vfscanf"
                             ? 2
                             : 0;
    if (ScanFirst) {
      for (unsigned I = ScanFirst; I < NA; ++I)
        if (Arg(I)->getType()->isPointerType())
          recordPointee(CE, Arg(I), AccessKind::Write);
      Visit();
      return true;
    }
    if ((N == "strlen" || N == "strcmp" || N == "strncmp" || N == "memcmp" ||
         N == "strdup" || N == "strndup") &&
        NA >= 1) {
      recordPointee(CE, Arg(0), AccessKind::Read);
      if (NA >= 2 && N != "strdup" && N != "strndup" &&
          Arg(1)->getType()->isPointerType())
        recordPointee(CE, Arg(1), AccessKind::Read);
      Visit();
      return true;
    }
    return false;
  }

  void atomicExpr(const AtomicExpr *AE) {
    AccessKind K = AccessKind::ReadModifyWrite;
    switch (AE->getOp()) {
    case AtomicExpr::AO__c11_atomic_load:
    case AtomicExpr::AO__atomic_load:
    case AtomicExpr::AO__atomic_load_n:
      K = AccessKind::Read;
      break;
    case AtomicExpr::AO__c11_atomic_store:
    case AtomicExpr::AO__atomic_store:
    case AtomicExpr::AO__atomic_store_n:
      K = AccessKind::Write;
      break;
    default:
      break;
    }
    bool Exchange = false;
    switch (AE->getOp()) {
    case AtomicExpr::AO__c11_atomic_exchange:
    case AtomicExpr::AO__c11_atomic_compare_exchange_strong:
    case AtomicExpr::AO__c11_atomic_compare_exchange_weak:
    case AtomicExpr::AO__atomic_exchange:
    case AtomicExpr::AO__atomic_exchange_n:
    case AtomicExpr::AO__atomic_compare_exchange:
    case AtomicExpr::AO__atomic_compare_exchange_n:
      Exchange = true;
      break;
    default:
      break;
    }
    {
      llvm::SaveAndRestore R(OrderingOp,
                             Exchange || isExplicitOrder(AE->getOrder(),
                                                         /*IntOrder=*/true));
      recordPointee(AE, AE->getPtr(), K, /*Atomic=*/true);
    }
    for (const Stmt *C : AE->children())
      if (C != AE->getPtr())
        visit(C);
    visitSubexprsOnly(AE->getPtr());
  }

  //--- Threads -----------------------------------------------------------

  static bool isAsyncCall(const Expr *E) {
    E = stripLockExpr(E);
    if (const auto *CE = dyn_cast_or_null<CallExpr>(E))
      return isStdNamed(CE->getDirectCallee(), {"async"});
    return false;
  }

  /// The location of a thread handle, also for locals that never escape.
  PtsSet handleOfExpr(const Expr *E) {
    E = stripLockExpr(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        return handleOf(V);
    return FM.locOf(E);
  }
  PtsSet handleOf(const VarDecl *V) {
    PtsSet P;
    if (V->getType()->isReferenceType())
      return FM.referentOf(V);
    AbsLoc L;
    L.Root = V->hasGlobalStorage() ? AbsLoc::Global : AbsLoc::Local;
    L.Var = V;
    P.add(L);
    return P;
  }
  static PtsSet elementsOf(const PtsSet &H) {
    PtsSet R;
    for (const AbsLoc &L : H.Objs)
      R.add(L.elem(ElemIndex()));
    R.Unknown = H.Unknown;
    return R;
  }

  /// Whether Body joins the thread (or waits for the future) V names.
  bool joinsVar(const Stmt *Body, const VarDecl *V) {
    if (!Body)
      return false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Body))
      if (const CXXMethodDecl *MD = MC->getMethodDecl())
        if (MD->getDeclName().isIdentifier() &&
            (MD->getName() == "join" || MD->getName() == "get" ||
             MD->getName() == "wait"))
          if (const auto *DRE = dyn_cast<DeclRefExpr>(
                  stripLockExpr(MC->getImplicitObjectArgument())))
            if (DRE->getDecl() == V)
              return true;
    if (const auto *CE = dyn_cast<CallExpr>(Body))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->getDeclName().isIdentifier() &&
            (F->getName() == "pthread_join" || F->getName() == "thrd_join") &&
            CE->getNumArgs() >= 1)
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(stripLockExpr(CE->getArg(0))))
            if (DRE->getDecl() == V)
              return true;
    for (const Stmt *C : Body->children())
      if (joinsVar(C, V))
        return true;
    return false;
  }

  /// Records a thread start. Entry holds the entry function (or a function
  /// pointer parameter); Args what the entry's parameters are bound to.
  void addSpawn(const Expr *At, PtsSet Entry, std::vector<PtsSet> Args,
                PtsSet Self, PtsSet Handle, bool Multi = false) {
    SpawnSite S;
    S.At = At;
    S.Loc = At->getBeginLoc();
    S.CreateLoc = S.Loc;
    for (const FunctionDecl *F : Entry.Funcs)
      if (B.analyzes(F))
        S.Entries.push_back(F);
      else if (!F->hasBody())
        Out.ForeignSpawns.push_back({F, S.Loc, Multi});
    for (const AbsLoc &L : Entry.Objs)
      if (L.Root == AbsLoc::Param && L.Path.empty())
        S.EntryParams.push_back(L.Index);
    if (S.Entries.empty() && S.EntryParams.empty())
      return;
    for (const FunctionDecl *E : S.Entries)
      SpawnEntries.insert(E);
    // A lambda that captures `this` runs on this function's object.
    for (const FunctionDecl *E : S.Entries)
      if (const auto *MD = dyn_cast<CXXMethodDecl>(E))
        if (MD->getParent()->isLambda() && MD->getParent()->captures_begin() !=
                                               MD->getParent()->captures_end())
          for (const LambdaCapture &C : MD->getParent()->captures())
            if (C.capturesThis()) {
              AbsLoc T;
              T.Root = AbsLoc::This;
              T.Fn = enclosingFunction(E);
              if (isa<CXXMethodDecl>(T.Fn))
                Self.add(T);
            }
    S.Args = std::move(Args);
    S.Self = std::move(Self);
    S.Handle = std::move(Handle);
    S.Multi = Multi || B.model().enclosingLoop(At);
    // A thread started in a loop on an object allocated in that loop (or
    // an element chosen by the loop variable) owns its argument.
    if (S.Multi)
      for (const PtsSet &A : S.Args)
        for (const AbsLoc &L : A.Objs)
          if ((L.Root == AbsLoc::Heap && L.Site && B.model().enclosingLoop(L.Site) &&
               B.model().enclosingLoop(L.Site) == B.model().enclosingLoop(At)) ||
              (!L.Path.empty() && L.Path.back().Kind == PathStep::Elem &&
               L.Path.back().Index.Kind == ElemIndex::Sym))
            S.PerInstanceArg = true;
    if (!locksAt(At, S.LocksAtCreate))
      S.LocksAtCreate.clear();
    unsigned Id = Out.Spawns.size();
    Out.Spawns.push_back(std::move(S));
    Ev.Starts[At].push_back(Id);
    Ev.SpawnHandles.resize(Out.Spawns.size());
    Ev.SpawnHandles[Id] = Out.Spawns[Id].Handle;
  }

  /// Binds the arguments of a std::thread-like start (`thread(f, a, b)`,
  /// `async(f, a)`): copies, except std::ref.
  std::vector<PtsSet> bindThreadArgs(const FunctionDecl *Entry,
                                     llvm::ArrayRef<const Expr *> Args) {
    std::vector<PtsSet> R;
    if (!Entry)
      return R;
    for (unsigned I = 0; I < Entry->getNumParams() && I < Args.size(); ++I) {
      QualType PT = Entry->getParamDecl(I)->getType();
      const Expr *A = stripLockExpr(Args[I]);
      if (const auto *C = dyn_cast<CallExpr>(A))
        if (isStdNamed(C->getDirectCallee(), {"ref", "cref"}) &&
            C->getNumArgs() == 1) {
          R.push_back(FM.locOf(C->getArg(0)));
          continue;
        }
      if (PT->isPointerType() || PT.getNonReferenceType()->isPointerType())
        R.push_back(FM.valueOf(A));
      else
        R.push_back(PtsSet());
    }
    return R;
  }

  /// `std::thread(f, args...)`-style arguments starting at First: binds a
  /// member-function entry's object too.
  void spawnCallable(const Expr *At, llvm::ArrayRef<const Expr *> CallArgs,
                     unsigned First, PtsSet Handle) {
    if (First >= CallArgs.size())
      return;
    const Expr *Fn = CallArgs[First];
    const FunctionDecl *Entry = callableFunction(Fn);
    PtsSet EntryV;
    if (Entry)
      EntryV.add(Entry);
    else
      EntryV = FM.valueOf(Fn);
    llvm::ArrayRef<const Expr *> Rest = CallArgs.drop_front(First + 1);
    PtsSet Self;
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Entry))
      if (!MD->isStatic() && !MD->getParent()->isLambda() && !Rest.empty()) {
        const Expr *Obj = stripLockExpr(Rest.front());
        Self = Obj->getType()->isPointerType() ? FM.valueOf(Obj)
                                               : FM.locOf(Obj);
        Rest = Rest.drop_front();
      }
    addSpawn(At, EntryV, bindThreadArgs(Entry, Rest), Self, Handle);
  }

  /// A std::thread / jthread / async start stored into Target (an
  /// assignment's left side) or the local V; true when Init starts one.
  bool spawnInto(const Expr *Init, const Expr *Target,
                 const VarDecl *V = nullptr) {
    if (!Init)
      return false;
    const Expr *E = stripLockExpr(Init->IgnoreImplicit());
    PtsSet Handle;
    if (V)
      Handle = handleOf(V);
    else if (Target)
      Handle = handleOfExpr(Target);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      const CXXRecordDecl *RD = CE->getType()->getAsCXXRecordDecl();
      if (isStdNamed(RD, {"thread", "jthread"}) && CE->getNumArgs() >= 1 &&
          !CE->getConstructor()->isCopyOrMoveConstructor()) {
        if (Spawned.insert(CE).second) {
          llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
          spawnCallable(CE, Args, 0, Handle);
        }
        return true;
      }
    }
    // A call named in ThreadEntryFunctions whose result is kept (a future).
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (B.isThreadEntryFunction(CE->getDirectCallee())) {
        if (Spawned.insert(CE).second)
          optionSpawn(CE, Handle);
        return true;
      }
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (isStdNamed(CE->getDirectCallee(), {"async"})) {
        if (Spawned.insert(CE).second) {
          llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
          // std::async(policy, f, args...) or std::async(f, args...).
          unsigned First = 0;
          if (!Args.empty() && !callableFunction(Args[0]) &&
              FM.valueOf(Args[0]).Funcs.empty())
            First = 1;
          spawnCallable(CE, Args, First, Handle);
        }
        return true;
      }
    return false;
  }

  /// Thread starts, joins, once, barriers; true when handled entirely.
  bool threadCall(const CallExpr *CE, StringRef N) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return false;
    unsigned NA = CE->getNumArgs();
    auto VisitArgs = [&] {
      for (const Expr *A : CE->arguments())
        visit(A);
    };
    if ((N == "pthread_create" && NA == 4) || (N == "thrd_create" && NA == 3)) {
      unsigned FnI = N == "pthread_create" ? 2 : 1;
      std::vector<PtsSet> Args{FM.valueOf(CE->getArg(FnI + 1))};
      size_t Before = Out.Spawns.size();
      addSpawn(CE, FM.valueOf(CE->getArg(FnI)), Args, PtsSet(),
               FM.valueOf(CE->getArg(0)));
      for (size_t I = Before; I < Out.Spawns.size(); ++I)
        Ev.CreateResults[CE].push_back(I);
      VisitArgs();
      return true;
    }
    if ((N == "pthread_join" || N == "thrd_join") && NA >= 1) {
      join(CE, handleOfExpr(CE->getArg(0)));
      VisitArgs();
      return true;
    }
    if (N == "pthread_once" && NA == 2) {
      PtsSet Once = FM.valueOf(CE->getArg(0));
      once(CE, Once, FM.valueOf(CE->getArg(1)));
      return true;
    }
    if (N == "call_once" && Callee->isInStdNamespace() && NA >= 2) {
      PtsSet Once = FM.locOf(CE->getArg(0));
      PtsSet Fn;
      if (const FunctionDecl *F = callableFunction(CE->getArg(1)))
        Fn.add(F);
      once(CE, Once, Fn);
      return true;
    }
    if (N == "pthread_barrier_wait" && NA == 1) {
      for (const AbsLoc &L : FM.valueOf(CE->getArg(0)).Objs)
        Ev.Barriers[CE].push_back(L);
      VisitArgs();
      return true;
    }
    if (N == "async" && Callee->isInStdNamespace()) {
      spawnInto(CE, nullptr);
      VisitArgs();
      return true;
    }
    if (B.isThreadEntryFunction(Callee)) {
      if (Spawned.insert(CE).second)
        optionSpawn(CE, PtsSet());
      VisitArgs();
      return true;
    }
    return false;
  }

  /// A call of a function named in ThreadEntryFunctions: each callable
  /// argument runs on another thread, once per call.
  void optionSpawn(const CallExpr *CE, const PtsSet &Handle) {
    for (const Expr *A : CE->arguments()) {
      PtsSet Fn;
      if (const FunctionDecl *F = callableFunction(A))
        Fn.add(F);
      else
        Fn = FM.valueOf(A);
      if (!Fn.Funcs.empty())
        addSpawn(CE, Fn, {}, PtsSet(), Handle);
    }
  }

  void join(const Expr *At, PtsSet Handle) {
    Ev.Joins[At].push_back(Handle);
    // A join of `t[i]` in a loop joins the whole array for the callers.
    PtsSet Exported = Handle;
    if (B.model().enclosingLoop(At))
      for (AbsLoc &L : Exported.Objs)
        for (PathStep &S : L.Path)
          if (S.Kind == PathStep::Elem)
            S.Index = ElemIndex();
    Out.Joins.push_back(Exported);
    Out.JoinPoints.push_back({At->getBeginLoc(), Handle});
    Out.OwnJoins.push_back({At, Handle});
    // A join of an element inside a loop joins the whole array once the
    // loop is done.
    if (const Stmt *Loop = B.model().enclosingLoop(At))
      for (const AbsLoc &L : Handle.Objs)
        if (!L.Path.empty() && L.Path.back().Kind == PathStep::Elem) {
          Ev.LoopExitJoins[Loop].push_back(Handle);
          break;
        }
  }

  void once(const CallExpr *CE, const PtsSet &Once, const PtsSet &Fn) {
    llvm::SmallVector<const FunctionDecl *, 2> Fns;
    for (const FunctionDecl *F : Fn.Funcs)
      if (const FunctionDecl *Def = F->getDefinition())
        if (B.analyzes(Def))
          Fns.push_back(Def);
    if (!Fns.empty()) {
      CallSite &C = addCall(CE, Fns, {}, PtsSet());
      if (Once.Objs.size() == 1)
        C.Once = Once.Objs.front();
    }
    if (Once.Objs.size() == 1)
      Ev.OnceDone[CE].push_back(Once.Objs.front());
  }

  //--- C++ calls and operators -------------------------------------------

  void construct(const CXXConstructExpr *CCE, const VarDecl *V) {
    const CXXConstructorDecl *Ctor = CCE->getConstructor();
    // A lock guard names its mutex; acquiring it is a lock event.
    if (auto G = B.recognizer().classifyGuardConstruct(CCE))
      if (G->Tag == LockRecognizer::GuardInit::Lock)
        for (const LockRef &L : G->Locks)
          for (const AbsLoc &Loc : B.lockLocs(FD, L.Key).Objs)
            Ev.Acquires[CCE].push_back(Loc);
    // std::atomic_ref<T> r(x): what is done through r is atomic on x.
    if (isStdNamed(CCE->getType()->getAsCXXRecordDecl(), {"atomic_ref"}) &&
        CCE->getNumArgs() >= 1) {
      PtsSet Locs = FM.locOf(CCE->getArg(0));
      recordLocs(CCE, Locs, CCE->getArg(0)->getType(),
                 AccessKind::ReadModifyWrite, display(CCE->getArg(0), Ctx),
                 /*Atomic=*/true);
      return;
    }
    // Copying an object reads it (`return name_;`, `auto c = cfg_;`);
    // moving from it changes it.
    if (Ctor && (Ctor->isCopyConstructor() || Ctor->isMoveConstructor()) &&
        CCE->getNumArgs() >= 1 && CCE->getArg(0)->isGLValue()) {
      // A copy constructor racelint analyses says itself what it reads
      // (and under which lock); otherwise the copy reads the whole source.
      const FunctionDecl *Def = Ctor->getDefinition();
      if (Def && B.analyzes(Def)) {
        llvm::SmallVector<const Expr *, 2> Args(CCE->arguments());
        addCall(CCE, {Def}, Args, PtsSet());
        visitSubexprsOnly(CCE->getArg(0));
      } else {
        lvalue(CCE->getArg(0), Ctor->isMoveConstructor() ? AccessKind::Write
                                                         : AccessKind::Read);
      }
      for (unsigned I = 1; I < CCE->getNumArgs(); ++I)
        visit(CCE->getArg(I));
      return;
    }
    if (Ctor)
      if (const FunctionDecl *Def = Ctor->getDefinition())
        if (B.analyzes(Def)) {
          llvm::SmallVector<const Expr *, 4> Args(CCE->arguments());
          addCall(CCE, {Def}, Args, PtsSet());
        }
    if (!V)
      spawnInto(CCE, nullptr);
    for (const Stmt *C : CCE->children())
      visit(C);
  }

  void memberCall(const CXXMemberCallExpr *MC, AccessKind Ctx0) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (MD && Obj && MD->getDeclName().isIdentifier()) {
      // The object's own type: a base class may declare the method.
      const CXXRecordDecl *RD = recordOf(stripLockExpr(Obj)->getType());
      StringRef N = MD->getName();
      // Threads and futures: joins; containers of threads: starts.
      if ((isStdNamed(RD, {"thread", "jthread"}) && N == "join") ||
          (isStdNamed(RD, {"future", "shared_future"}) &&
           (N == "get" || N == "wait"))) {
        join(MC, handleOfExpr(Obj));
        visitSubexprsOnly(Obj);
        return;
      }
      // A container of futures given `std::async(...)`: the futures join.
      if (holdsFutures(RD) &&
          (N == "emplace_back" || N == "emplace" || N == "push_back") &&
          MC->getNumArgs() >= 1 && isAsyncCall(MC->getArg(0))) {
        PtsSet H = elementsOf(handleOfExpr(Obj));
        const auto *CE = dyn_cast<CallExpr>(
            stripLockExpr(MC->getArg(0)->IgnoreImplicit()));
        if (CE && Spawned.insert(CE).second) {
          llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
          unsigned First = 0;
          if (!Args.empty() && !callableFunction(Args[0]) &&
              FM.valueOf(Args[0]).Funcs.empty())
            First = 1;
          spawnCallable(CE, Args, First, H);
        }
        visitSubexprsOnly(Obj);
        for (const Expr *A : MC->arguments())
          visit(A);
        return;
      }
      if (holdsThreads(RD) &&
          (N == "emplace_back" || N == "emplace" || N == "push_back") &&
          MC->getNumArgs() >= 1) {
        PtsSet H = elementsOf(handleOfExpr(Obj));
        const Expr *A0 = stripLockExpr(MC->getArg(0));
        if (const auto *CE = dyn_cast<CXXConstructExpr>(A0);
            CE && isStdNamed(CE->getType()->getAsCXXRecordDecl(),
                             {"thread", "jthread"})) {
          spawnInto(CE, nullptr);
          // The handle is the container's element.
          if (!Out.Spawns.empty() && Out.Spawns.back().At == CE) {
            Out.Spawns.back().Handle = H;
            Ev.SpawnHandles.back() = H;
          }
        } else {
          llvm::SmallVector<const Expr *, 4> Args(MC->arguments());
          spawnCallable(MC, Args, 0, H);
        }
        visitSubexprsOnly(Obj);
        return;
      }
      if (isStdNamed(RD, {"barrier", "latch"}) &&
          (N == "arrive_and_wait" || N == "wait" || N == "count_down" ||
           N == "arrive_and_drop")) {
        PtsSet Locs = FM.locOf(Obj);
        if (Obj->getType()->isPointerType())
          Locs = FM.valueOf(Obj);
        for (const AbsLoc &L : Locs.Objs)
          Ev.Barriers[MC].push_back(L);
        visitSubexprsOnly(Obj);
        return;
      }
    }
    if (MD && B.isThreadEntryFunction(MD)) {
      if (Spawned.insert(MC).second)
        optionSpawn(MC, PtsSet());
      if (Obj)
        visit(Obj);
      for (const Expr *A : MC->arguments())
        visit(A);
      return;
    }
    noteCall(MC);
    llvm::SmallVector<const Expr *, 4> Args(MC->arguments());
    noteLambdaArgs(MC, Args);
    noteAcquire(MC);
    llvm::SmallPtrSet<const Expr *, 2> WrittenArgs;
    if (MD && Obj) {
      QualType OT = Obj->getType();
      bool Arrow = false;
      if (const auto *ME =
              dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
        Arrow = ME->isArrow();
      if (Arrow && OT->isPointerType())
        OT = OT->getPointeeType();
      const FunctionDecl *Def = MD->getDefinition();
      bool Descends = Def && B.analyzes(Def) &&
                      !(MD->isVirtual() && !isa<CXXThisExpr>(
                                               Obj->IgnoreParenImpCasts()));
      if (isAtomicType(OT) && !Arrow) {
        // `a.load()`, `a.fetch_add(1)`: atomic operations on a.
        AccessKind K = AccessKind::ReadModifyWrite;
        if (MD->getDeclName().isIdentifier()) {
          StringRef N = MD->getName();
          if (N == "load" || N == "test" || N == "wait")
            K = AccessKind::Read;
          else if (N == "store" || N == "clear" || N == "notify_one" ||
                   N == "notify_all")
            K = N == "store" || N == "clear" ? AccessKind::Write
                                             : AccessKind::Read;
        } else if (isa<CXXConversionDecl>(MD)) {
          K = AccessKind::Read;
        }
        PtsSet Locs = FM.locOf(Obj);
        bool Exchange = MD->getDeclName().isIdentifier() &&
                        (MD->getName().starts_with("compare_exchange") ||
                         MD->getName() == "exchange");
        llvm::SaveAndRestore R(
            OrderingOp,
            Exchange || llvm::any_of(MC->arguments(), [&](const Expr *A) {
              return isExplicitOrder(A);
            }));
        recordLocs(MC, Locs, OT, K, display(Obj, Ctx), /*Atomic=*/true);
        visitSubexprsOnly(Obj);
      } else if (isSyncType(OT) || ownsLock(OT) ||
                 isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) || Descends) {
        // The callee's own accesses stand for the call (analysed through
        // the call edge), or the object synchronises itself.
        if (Arrow)
          visit(Obj);
        else
          visitSubexprsOnly(Obj);
      } else {
        // A method racelint cannot see into (the standard library, a
        // declaration only): the call reads or writes the whole object.
        AccessKind K =
            isReadOnlyMethod(MD, OT->getAsCXXRecordDecl()) ? AccessKind::Read
                                                           : AccessKind::Write;
        if (Ctx0 != AccessKind::Read && K == AccessKind::Read &&
            !MD->isConst())
          K = AccessKind::Write; // `v.back() = x`
        size_t Begin = Out.Accesses.size();
        if (Arrow) {
          recordPointee(MC, Obj, K);
          visit(Obj);
        } else {
          lvalue(Obj, K);
        }
        if (K == AccessKind::Read && isStdContainer(OT) &&
            MD->getDeclName().isIdentifier() &&
            llvm::is_contained({"size", "empty", "capacity", "max_size"},
                               MD->getName()))
          markShallow(Begin);
        // ... and an object it takes by non-const reference too
        // (`batch.swap(pending_)` empties pending_).
        for (unsigned I = 0; I < MC->getNumArgs() && I < MD->getNumParams();
             ++I) {
          QualType PT = MD->getParamDecl(I)->getType();
          const Expr *A = MC->getArg(I);
          if (PT->isLValueReferenceType() &&
              !PT.getNonReferenceType().isConstQualified() &&
              A->isGLValue() && A->getType()->isRecordType() &&
              !isSyncType(A->getType()) && !isAtomicType(A->getType()) &&
              !ownsLock(A->getType())) {
            lvalue(A, AccessKind::Write);
            WrittenArgs.insert(A);
          }
        }
      }
    }
    for (const Expr *A : MC->arguments())
      if (!WrittenArgs.count(A))
        visit(A);
  }

  void operatorCall(const CXXOperatorCallExpr *OC, AccessKind Ctx0) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      spawnInto(OC->getArg(1), OC->getArg(0));
    noteCall(OC);
    llvm::SmallVector<const Expr *, 4> Args(OC->arguments());
    noteLambdaArgs(OC, Args);
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
      K = Ctx0 == AccessKind::Read || MD->isConst() ? AccessKind::Read
                                                    : AccessKind::Write;
    else
      K = AccessKind::Write;
    size_t Begin = Out.Accesses.size();
    // Smart pointers: `p->f` designates the pointee; that is the access.
    bool SmartDeref = (Op == OO_Arrow || Op == OO_Star) &&
                      isStdNamed(OT->getAsCXXRecordDecl(),
                                 {"unique_ptr", "shared_ptr"});
    const FunctionDecl *OpDef = MD->getDefinition();
    bool Element = Op == OO_Subscript && OC->getNumArgs() == 2 &&
                   isSequenceContainer(OT);
    if (Element) {
      // v[i]: one element. (Finding the buffer reads v too, but only what
      // changes v itself, a push_back, conflicts with that, and such a
      // write overlaps the element anyway.)
      visitSubexprsOnly(Obj);
      AccessKind EK = Ctx0 == AccessKind::Read ? AccessKind::Read : Ctx0;
      // A const container gives const elements; the storage is not const.
      recordLocs(OC, FM.locOf(OC), OC->getType().getUnqualifiedType(), EK,
                 display(OC, Ctx));
    } else if (SmartDeref)
      lvalue(Obj, AccessKind::Read);
    else if (OpDef && B.analyzes(OpDef))
      // A user-defined operator says itself what it touches.
      visitSubexprsOnly(Obj);
    else if (isAtomicType(OT))
      recordLocs(OC, FM.locOf(Obj), OT,
                 Op == OO_Equal ? AccessKind::Write
                 : (OC->isAssignmentOp() || Op == OO_PlusPlus ||
                    Op == OO_MinusMinus)
                     ? AccessKind::ReadModifyWrite
                     : AccessKind::Read,
                 display(Obj, Ctx), /*Atomic=*/true);
    else if (isSyncType(OT) || ownsLock(OT))
      visit(Obj);
    else
      lvalue(Obj, K);
    if (Op == OO_Subscript && OC->getNumArgs() == 2 &&
        isReadOnlyMethod(MD, OT->getAsCXXRecordDecl()))
      markPerInstance(Begin, OC->getArg(1));
    for (unsigned I = 1; I < OC->getNumArgs(); ++I)
      visit(OC->getArg(I));
  }

  //--- Lvalues -----------------------------------------------------------

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
      if (ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        visitSubexprsOnly(ASE->getBase()->IgnoreParenImpCasts());
      else
        visit(ASE->getBase());
      visit(ASE->getIdx());
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref)
        return visit(UO->getSubExpr());
    // v[i] on a sequence container: the element's address, nothing read.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
          isSequenceContainer(OC->getArg(0)->getType())) {
        visitSubexprsOnly(OC->getArg(0));
        visit(OC->getArg(1));
        return;
      }
    if (isa<DeclRefExpr>(E))
      return;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
      if (ICE->getCastKind() != CK_LValueToRValue)
        return visitSubexprsOnly(ICE->getSubExpr());
    visit(E);
  }

  /// An access of kind K to the storage the lvalue E names.
  void lvalue(const Expr *E, AccessKind K) {
    E = E->IgnoreParens();
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
      if (ICE->getCastKind() != CK_LValueToRValue)
        return lvalue(ICE->getSubExpr(), K);
    // std::move(x) names x.
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (isStdNamed(CE->getDirectCallee(), {"move", "forward"}) &&
          CE->getNumArgs() == 1)
        return lvalue(CE->getArg(0), K);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || V->getTLSKind() != VarDecl::TLS_None)
        return;
      return record(DRE, K);
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      visitSubexprsOnly(ME);
      if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
        if (V->getTLSKind() != VarDecl::TLS_None)
          return;
      if (isa<FieldDecl>(ME->getMemberDecl()) ||
          isa<VarDecl>(ME->getMemberDecl()))
        record(ME, K);
      return;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      size_t Begin = Out.Accesses.size();
      visitSubexprsOnly(ASE);
      size_t Mid = Out.Accesses.size();
      record(ASE, K);
      markPerInstance(Mid, ASE->getIdx());
      (void)Begin;
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref) {
        visit(UO->getSubExpr());
        record(UO, K);
        return;
      }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return memberCall(MC, K);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Star) && OC->getNumArgs() == 1 &&
          isStdNamed(OC->getArg(0)->getType()->getAsCXXRecordDecl(),
                     {"unique_ptr", "shared_ptr"})) {
        lvalue(OC->getArg(0), AccessKind::Read);
        recordLocs(OC, FM.locOf(OC), OC->getType(), K, display(OC, Ctx));
        return;
      }
      return operatorCall(OC, K);
    }
    visit(E);
  }

  //--- Per-instance elements and stale values (nonatomic-rmw) -------------

  /// Whether E names a value each instance of this function has its own
  /// copy of: a by-value parameter or lambda capture, or a local
  /// initialised from one (`int id = *(int *)arg;`).
  bool perInstanceValue(const Expr *E, unsigned D = 0) const {
    if (!E || D > 3)
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
        return perInstanceValue(V->getInit(), D + 1);
      return false;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      return perInstanceValue(UO->getSubExpr(), D + 1);
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return perInstanceValue(ME->getBase(), D + 1);
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      return perInstanceValue(BO->getLHS(), D + 1) ||
             perInstanceValue(BO->getRHS(), D + 1);
    return false;
  }

  void markPerInstance(size_t Begin, const Expr *Index) {
    if (!perInstanceValue(Index))
      return;
    for (size_t I = Begin; I < Out.Accesses.size(); ++I)
      Out.Accesses[I].PerInstanceElement = true;
  }

  /// Where a local's value was read from: shared storage read under a lock.
  struct Origin {
    AbsLoc Storage;
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

  void setOrigin(const VarDecl *V, size_t Begin, const Expr *Src,
                 bool Replace) {
    for (size_t R = Begin; R < Out.Accesses.size(); ++R)
      if (Out.Accesses[R].How == AccessKind::Read &&
          Out.Accesses[R].Loc.Root != AbsLoc::Local &&
          !Out.Accesses[R].Locks.empty()) {
        Origins[V] = {Out.Accesses[R].Loc, Out.Accesses[R].At,
                      names(Out.Accesses[R].Locks)};
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

  void originsIn(const Stmt *E, std::vector<const Origin *> &Found,
                 unsigned D = 0) const {
    if (!E || isa<LambdaExpr>(E) || D > 64)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = Origins.find(V);
        if (It != Origins.end())
          Found.push_back(&It->second);
      }
    for (const Stmt *C : E->children())
      originsIn(C, Found, D + 1);
  }

  void markStale(size_t W0, size_t W1, const Expr *Src, bool Value) {
    if (Origins.empty() || W0 == W1)
      return;
    std::vector<const Origin *> Found;
    originsIn(Src, Found);
    for (size_t W = W0; W < W1; ++W) {
      Access &A = Out.Accesses[W];
      if (!isWrite(A.How) || A.CheckedAt.isValid() ||
          A.Loc.Root == AbsLoc::Local)
        continue;
      for (const Origin *O : Found)
        if (O->Storage == A.Loc) {
          A.CheckedAt = O->Loc;
          A.CheckLocks = O->Locks;
          A.Stale = true;
          A.StaleValue = Value;
          break;
        }
    }
  }

  const FunctionDecl *FD;
  const FunctionLocks &FL;
  const FunctionMemory &FM;
  SummaryBuilder &B;
  ASTContext &Ctx;
  Summary &Out;
  ThreadEvents &Ev;
  llvm::DenseMap<const VarDecl *, SourceLocation> Fresh;
  /// Set by ifStmt for an `if` without else whose branch leaves the block:
  /// its condition's accesses, for compound() to mark the rest of the block.
  std::optional<std::pair<size_t, size_t>> EarlyExit;
  llvm::DenseSet<const Expr *> Spawned;
  llvm::DenseSet<const FunctionDecl *> SpawnEntries;
  bool OwnObject = false;
  bool InInitializers = false;
  /// Inside an atomic operation that orders the memory around it.
  bool OrderingOp = false;
  unsigned Depth = 0;
};

} // namespace

//===----------------------------------------------------------------------===//
// Substitution
//===----------------------------------------------------------------------===//

PtsSet substitute(const AbsLoc &L, const FunctionDecl *Callee,
                  const CallSite &C) {
  PtsSet Out;
  const PtsSet *Actual = nullptr;
  if (L.Root == AbsLoc::Param && L.Fn == Callee && L.Index < C.Args.size())
    Actual = &C.Args[L.Index];
  else if (L.Root == AbsLoc::This && L.Fn == Callee)
    Actual = &C.Self;
  else if (L.Root == AbsLoc::Param && L.Fn == Callee) {
    // An argument the call does not pass (varargs, defaults): unknown.
    static const PtsSet UnknownArg = [] {
      PtsSet P;
      P.Unknown = true;
      return P;
    }();
    Actual = &UnknownArg;
  }
  if (!Actual) {
    Out.add(L);
    return Out;
  }
  for (const AbsLoc &A : Actual->Objs) {
    AbsLoc R = A;
    R.Path.append(L.Path.begin(), L.Path.end());
    if (R.Path.size() > 8)
      R = R.byType();
    Out.add(R);
  }
  if (Actual->Unknown || (Actual->Objs.empty() && Actual->Funcs.empty() &&
                          L.Root == AbsLoc::Param)) {
    if (Actual->Unknown) {
      AbsLoc U = L;
      U.Root = AbsLoc::Unknown;
      U.Fn = nullptr;
      U.Index = 0;
      // The parameter's own type names the object.
      U.Type = nullptr;
      if (L.Root == AbsLoc::Param && L.Index < Callee->getNumParams())
        U.Type = recordOfType(Callee->getParamDecl(L.Index)->getType());
      else if (L.Root == AbsLoc::This)
        if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
          U.Type = canonicalRecord(MD->getParent());
      Out.add(U.byType());
    }
  }
  for (const FunctionDecl *F : Actual->Funcs)
    if (L.Path.empty())
      Out.add(F);
  return Out;
}

PtsSet substitute(const PtsSet &P, const FunctionDecl *Callee,
                  const CallSite &C) {
  PtsSet Out;
  for (const AbsLoc &L : P.Objs)
    Out.merge(substitute(L, Callee, C));
  for (const FunctionDecl *F : P.Funcs)
    Out.add(F);
  Out.Unknown |= P.Unknown;
  return Out;
}

//===----------------------------------------------------------------------===//
// The builder
//===----------------------------------------------------------------------===//

SummaryBuilder::SummaryBuilder(TUModel &TU,
                               std::vector<std::string> ThreadEntryFunctions)
    : TU(TU), Ctx(TU.context()), Memory(TU.context()),
      ThreadEntries(std::move(ThreadEntryFunctions)) {
  Memory.scan(TU.definitions());
}

bool SummaryBuilder::analyzes(const FunctionDecl *FD) const {
  // Implicit special members (a defaulted copy) are not code the user
  // wrote: the copy is a whole-object access at the call instead.
  return FD && !FD->isImplicit() && !FD->isDefaulted() &&
         shouldAnalyze(FD, Ctx);
}

llvm::ArrayRef<const FunctionDecl *>
SummaryBuilder::overridesOf(const CXXMethodDecl *MD) {
  if (!Overrides) {
    Overrides.emplace();
    for (const FunctionDecl *FD : TU.definitions()) {
      const auto *Def = dyn_cast<CXXMethodDecl>(FD);
      if (!Def || !Def->isVirtual() || !analyzes(Def))
        continue;
      // Every method it overrides, however far up.
      llvm::SmallVector<const CXXMethodDecl *, 4> Work(
          Def->overridden_methods().begin(), Def->overridden_methods().end());
      llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
      while (!Work.empty()) {
        const CXXMethodDecl *Up = Work.pop_back_val()->getCanonicalDecl();
        if (!Seen.insert(Up).second)
          continue;
        (*Overrides)[Up].push_back(Def);
        Work.append(Up->overridden_methods().begin(),
                    Up->overridden_methods().end());
      }
    }
  }
  auto It = Overrides->find(MD->getCanonicalDecl());
  if (It == Overrides->end())
    return {};
  return It->second;
}

bool SummaryBuilder::isLibraryFunction(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  if (FD->getBuiltinID())
    return true;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def)
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation()));
}

bool SummaryBuilder::isThreadEntryFunction(const FunctionDecl *FD) const {
  return !ThreadEntries.empty() &&
         TU.recognizer().matchesName(FD, ThreadEntries);
}

void SummaryBuilder::prepareCallees(const FunctionDecl *Outer) {
  // Callees first, so that what they return (fresh memory) is known before
  // this function's points-to facts are built.
  if (!Prepared.insert(Outer).second)
    return;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = CE->getDirectCallee())
        if (const FunctionDecl *Def = Callee->getDefinition())
          if (Def != Outer && analyzes(Def))
            summaryOf(Def);
    if (const auto *LE = dyn_cast<LambdaExpr>(S))
      return Walk(LE->getBody());
    for (const Stmt *C : S->children())
      Walk(C);
  };
  Walk(Outer->getBody());
}

const Summary &SummaryBuilder::summaryOf(const FunctionDecl *FD) {
  static const Summary Empty;
  if (!FD)
    return Empty;
  if (const FunctionDecl *Def = FD->getDefinition())
    FD = Def;
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return It->second;
  if (!analyzes(FD) || !InProgress.insert(FD).second)
    return Empty;
  prepareCallees(enclosingFunction(FD));
  Summary S = build(FD, TU.locks(FD), TU.cfg(FD));
  if (S.ReturnsFresh)
    Memory.setReturnsFresh(FD);
  InProgress.erase(FD);
  return Summaries[FD] = std::move(S);
}

PtsSet SummaryBuilder::lockLocs(const FunctionDecl *FD, StringRef Key) {
  auto &Cache = LockCache[FD];
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  const FunctionMemory &FM = Memory.of(FD);
  PtsSet P;
  const FunctionLocks &FL = TU.locks(FD);
  auto Ref = FL.KeyRefs.find(Key.str());
  if (Ref != FL.KeyRefs.end() && Ref->second.Obj) {
    P = Ref->second.ViaPointer ? FM.valueOf(Ref->second.Obj)
                               : FM.locOf(Ref->second.Obj);
    if (P.Unknown || P.Objs.empty())
      P = PtsSet();
  }
  if (P.Objs.empty())
    P = FM.lockKeyLoc(FD, Key);
  if (P.Objs.empty()) {
    // A lock racelint cannot place: known by its name only.
    AbsLoc L;
    L.Root = AbsLoc::Unknown;
    L.Name = Memory.intern(Key);
    P.Objs.clear();
    P.Unknown = false;
    P.add(L);
  }
  P.Unknown = false;
  return Cache[Key] = P;
}

Summary SummaryBuilder::build(const FunctionDecl *FD, const FunctionLocks &FL,
                              const CFG *Cfg) {
  Summary S;
  S.FD = FD;
  if (!FL.Analyzed || !Cfg)
    return S;
  S.Analyzed = true;
  const FunctionMemory &FM = Memory.of(FD);
  ThreadEvents Ev;
  Ev.Ctx = &Ctx;
  Collector(FD, FL, FM, *this, S, Ev).run();

  // Threads started inside callees become this function's spawns.
  for (CallSite &C : S.Calls) {
    C.SpawnMap.resize(C.Callees.size());
    for (size_t CI = 0; CI < C.Callees.size(); ++CI) {
      const FunctionDecl *Callee = C.Callees[CI];
      const Summary &CS = summaryOf(Callee);
      for (size_t K = 0; K < CS.Spawns.size(); ++K) {
        const SpawnSite &From = CS.Spawns[K];
        SpawnSite T;
        T.At = C.Call;
        T.Loc = C.Loc;
        T.CreateLoc = From.CreateLoc;
        T.Chain.push_back(C.Loc);
        T.Chain.insert(T.Chain.end(), From.Chain.begin(), From.Chain.end());
        if (T.Chain.size() > 8)
          T.Chain.resize(8);
        T.Entries = From.Entries;
        // An entry passed in as a function pointer.
        for (unsigned P : From.EntryParams)
          if (P < C.Args.size()) {
            for (const FunctionDecl *F : C.Args[P].Funcs)
              if (analyzes(F) && !llvm::is_contained(T.Entries, F))
                T.Entries.push_back(F);
            for (const AbsLoc &L : C.Args[P].Objs)
              if (L.Root == AbsLoc::Param && L.Path.empty())
                T.EntryParams.push_back(L.Index);
          }
        if (T.Entries.empty() && T.EntryParams.empty()) {
          C.SpawnMap[CI].push_back(~0u);
          continue;
        }
        for (const PtsSet &A : From.Args)
          T.Args.push_back(substitute(A, Callee, C));
        T.Self = substitute(From.Self, Callee, C);
        T.Handle = substitute(From.Handle, Callee, C);
        T.Multi = From.Multi || TU.enclosingLoop(C.Call);
        T.PerInstanceArg = From.PerInstanceArg;
        T.LocksAtCreate = C.Locks;
        for (const LockLoc &L : From.LocksAtCreate)
          for (const AbsLoc &A : substitute(L.Loc, Callee, C).Objs)
            T.LocksAtCreate.push_back({A, L.Name, L.Shared});
        // A lock the callee holds from its create to its join covers the
        // thread wherever the callee is called from.
        for (const LockLoc &L : From.LocksHeldToJoin)
          for (const AbsLoc &A : substitute(L.Loc, Callee, C).Objs)
            T.LocksHeldToJoin.push_back({A, L.Name, L.Shared});
        T.AliveAtExit = From.AliveAtExit;
        unsigned Id = S.Spawns.size();
        C.SpawnMap[CI].push_back(Id);
        S.Spawns.push_back(std::move(T));
        Ev.SpawnHandles.resize(S.Spawns.size());
        Ev.SpawnHandles[Id] = S.Spawns[Id].Handle;
        if (S.Spawns[Id].AliveAtExit)
          Ev.Starts[C.Call].push_back(Id);
      }
      // Joins inside the callee end the caller's threads.
      for (const PtsSet &J : CS.Joins) {
        PtsSet H = substitute(J, Callee, C);
        Ev.Joins[C.Call].push_back(H);
        S.Joins.push_back(H);
        S.JoinPoints.push_back({C.Loc, H});
      }
      if (CS.NoReturn)
        Ev.NoReturn.insert(C.Call);
    }
  }

  for (const Access &A : S.Accesses)
    Ev.Wanted.insert(A.E);
  for (const CallSite &C : S.Calls)
    Ev.Wanted.insert(C.Call);
  for (const SpawnSite &Sp : S.Spawns)
    Ev.Wanted.insert(Sp.At);
  ThreadFlow Flow(*Cfg, Ev);
  Flow.run();
  const auto &Points = Flow.points();
  auto PointAt = [&](const Stmt *St) -> ThreadPoint {
    auto It = Points.find(St);
    return It == Points.end() ? ThreadPoint() : It->second;
  };
  for (Access &A : S.Accesses)
    A.Threads = PointAt(A.E);
  for (CallSite &C : S.Calls)
    C.Threads = PointAt(C.Call);
  for (size_t I = 0; I < S.Spawns.size(); ++I) {
    SpawnSite &Sp = S.Spawns[I];
    ThreadPoint P = PointAt(Sp.At);
    for (unsigned A : P.Alive)
      if (A != I)
        Sp.AliveAtCreate.push_back(A);
    Sp.AliveAtExit = llvm::is_contained(Flow.aliveAtExit(), unsigned(I));
  }
  // Siblings started by one call: the callee's own ordering.
  for (const CallSite &C : S.Calls)
    for (size_t CI = 0; CI < C.Callees.size() && CI < C.SpawnMap.size(); ++CI) {
      const Summary &CS = summaryOf(C.Callees[CI]);
      for (size_t K = 0; K < CS.Spawns.size() && K < C.SpawnMap[CI].size();
           ++K) {
        unsigned Id = C.SpawnMap[CI][K];
        if (Id == ~0u)
          continue;
        for (unsigned A : CS.Spawns[K].AliveAtCreate)
          if (A < C.SpawnMap[CI].size() && C.SpawnMap[CI][A] != ~0u)
            S.Spawns[Id].AliveAtCreate.push_back(C.SpawnMap[CI][A]);
      }
    }
  creationLocksets(S, FL);

  // Whether the function returns memory it allocated and did not publish.
  bool AnyReturn = false, AllFresh = true;
  std::function<void(const Stmt *)> Returns = [&](const Stmt *St) {
    if (!St || isa<LambdaExpr>(St))
      return;
    if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
      AnyReturn = true;
      const Expr *V = RS->getRetValue();
      PtsSet P = V ? FM.valueOf(V) : PtsSet();
      if (P.Unknown || P.Objs.empty() || !P.Funcs.empty())
        AllFresh = false;
      for (const AbsLoc &L : P.Objs)
        if (L.Root != AbsLoc::Heap || !L.Path.empty() ||
            enclosingFunction(L.Fn) != enclosingFunction(FD))
          AllFresh = false;
    }
    for (const Stmt *C : St->children())
      Returns(C);
  };
  // (A smart pointer too: `return std::unique_ptr<T>(new T(...))` in a
  // project's own make_unique hands out a fresh object like `new` does.)
  if (isPointerLike(FD->getReturnType())) {
    Returns(FD->getBody());
    S.ReturnsFresh = AnyReturn && AllFresh;
  }
  S.NoReturn = neverReturns(FD);
  return S;
}

void SummaryBuilder::creationLocksets(Summary &S, const FunctionLocks &FL) {
  // A lock held from a thread's create to its join, with no release in
  // between, orders everything the thread does with everyone else who
  // takes that lock.
  const SourceManager &SM = Ctx.getSourceManager();
  for (SpawnSite &Sp : S.Spawns) {
    if (Sp.LocksAtCreate.empty() || !Sp.Chain.empty())
      continue;
    SourceLocation JoinAt;
    for (const auto &[Loc, H] : S.JoinPoints)
      if (SM.isBeforeInTranslationUnit(Sp.Loc, Loc) &&
          joinMatches(H, Sp.Handle) &&
          (JoinAt.isInvalid() || SM.isBeforeInTranslationUnit(Loc, JoinAt)))
        JoinAt = Loc;
    if (JoinAt.isInvalid())
      continue;
    for (const LockLoc &L : Sp.LocksAtCreate) {
      bool Held = true;
      for (const auto &[St, Keys] : FL.MustAt) {
        SourceLocation At = St->getBeginLoc();
        if (SM.isBeforeInTranslationUnit(At, Sp.Loc) ||
            SM.isBeforeInTranslationUnit(JoinAt, At))
          continue;
        if (!llvm::is_contained(Keys, L.Name)) {
          Held = false;
          break;
        }
      }
      if (Held)
        Sp.LocksHeldToJoin.push_back(L);
    }
  }
}

} // namespace racelint
