//===--- LockOrder.cpp - Lock acquisition orders of a TU ------------------===//
//
// The edges of the lock graph (DESIGN.md, racelint-lock-order): lock B
// acquired while lock A is certainly held, in one function or through the
// functions it calls (TUModel::takenInside gives what a callee takes, named
// in the caller's terms). Locks are named across functions by
// crossFunctionKey, so that an order established in one function and
// inverted in another meet in one graph.
//
//===----------------------------------------------------------------------===//

#include "TUModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace racelint {

/// A lock named by the object it lives in, as "the object after the last
/// dereference", by type: `book_->mu_` in an Order method and `mu_` in a
/// Book method are both "{Book}.mu_"; a global is its name. Nothing when
/// the expression is not a plain path (a call result, a local).
static std::optional<std::string> typeKey(const Expr *Obj, bool ViaPointer) {
  if (!Obj)
    return std::nullopt;
  const Expr *E = Obj->IgnoreParenImpCasts();
  if (ViaPointer) {
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return std::nullopt;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  auto RecordName = [](QualType T) -> std::optional<std::string> {
    if (const auto *RD = T->getAsRecordDecl())
      return "{" + RD->getQualifiedNameAsString() + "}";
    return std::nullopt;
  };
  std::string Rest;
  while (true) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      Rest = "." + ME->getMemberDecl()->getNameAsString() + Rest;
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (ME->isArrow()) {
        if (isa<CXXThisExpr>(Base))
          if (auto N = RecordName(Base->getType()->getPointeeType()))
            return *N + Rest;
        if (auto N = RecordName(Base->getType()->getPointeeType()))
          return *N + Rest;
        return std::nullopt;
      }
      E = Base;
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2) {
      // A container of locks (`std::vector<Bucket> b; b[i].mu`): one node,
      // like an array.
      Rest = "[*]" + Rest;
      E = OC->getArg(0)->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      // Every element of a lock array is one node: orders within the array
      // are not orders between two locks.
      Rest = "[*]" + Rest;
      E = AS->getBase()->IgnoreParenImpCasts();
      if (E->getType()->isPointerType()) {
        if (auto N = RecordName(E->getType()->getPointeeType()))
          return *N + Rest;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
              VD && VD->hasGlobalStorage())
            return VD->getQualifiedNameAsString() + Rest;
        return std::nullopt;
      }
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref) {
      if (auto N = RecordName(UO->getSubExpr()->getType()->getPointeeType()))
        return *N + Rest;
      return std::nullopt;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return std::nullopt;
      if (VD->hasGlobalStorage())
        return VD->getQualifiedNameAsString() + Rest;
      // A reference parameter or local: the object it refers to, by type.
      if (VD->getType()->isReferenceType())
        if (auto N = RecordName(VD->getType().getNonReferenceType()))
          return *N + Rest;
      return std::nullopt;
    }
    return std::nullopt;
  }
}

/// The variable an element lock's index names (`&a[to]`, `b[j].mu`).
static const ValueDecl *indexVar(const Expr *Obj) {
  if (!Obj)
    return nullptr;
  const Expr *E = Obj->IgnoreParenImpCasts();
  while (true) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase()->IgnoreParenImpCasts();
      continue;
    }
    break;
  }
  const Expr *Idx = nullptr;
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    Idx = AS->getIdx();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
           OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
    Idx = OC->getArg(1);
  if (!Idx)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Idx->IgnoreParenImpCasts()))
    return DRE->getDecl();
  return nullptr;
}

static bool isRelational(const Expr *E) {
  const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  return BO && BO->isRelationalOp();
}

/// Whether the expression mentions the variable.
static bool mentions(const Stmt *S, const ValueDecl *V) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == V;
  for (const Stmt *C : S->children())
    if (mentions(C, V))
      return true;
  return false;
}

/// Whether two element locks of one array are taken in an order the code
/// derives from their indices: the indices were computed by a comparison
/// (`lo = a < b ? a : b`, std::min/std::max), or the acquisitions sit under
/// a comparison of the indices (`if (i < j)`).
static bool indicesOrdered(TUModel &TU, const Expr *Inner,
                           const ValueDecl *I, const ValueDecl *J) {
  auto Computed = [](const ValueDecl *V) {
    const auto *VD = dyn_cast<VarDecl>(V);
    const Expr *Init = VD ? VD->getInit() : nullptr;
    if (!Init)
      return false;
    Init = Init->IgnoreParenImpCasts();
    if (const auto *CO = dyn_cast<ConditionalOperator>(Init))
      return isRelational(CO->getCond());
    if (const auto *CE = dyn_cast<CallExpr>(Init))
      if (const FunctionDecl *F = CE->getDirectCallee())
        return F->getName() == "min" || F->getName() == "max";
    return false;
  };
  if (Computed(I) && Computed(J))
    return true;
  const Stmt *P = TU.parentOf(Inner);
  for (unsigned Depth = 0; P && Depth < 32; ++Depth) {
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Cond = If->getCond();
    else if (const auto *CO = dyn_cast<ConditionalOperator>(P))
      Cond = CO->getCond();
    if (Cond && isRelational(Cond) && mentions(Cond, I) && mentions(Cond, J))
      return true;
    P = TU.parentOf(P);
  }
  return false;
}

const std::vector<TUModel::LockOrderEdge> &TUModel::lockOrder() {
  if (Orders)
    return *Orders;
  Orders.emplace();
  std::vector<LockOrderEdge> &Out = *Orders;
  // A lock local to one call (a function's own mutex) orders nothing
  // another thread takes; two functions' locals of one type are not one
  // lock either.
  // (A lock reached through a local pointer is the pointee's: typeKey
  // names it.)
  auto Shareable = [&](const FunctionDecl *FD, const LockRef &L) {
    return typeKey(L.Obj, L.ViaPointer) ||
           Recognizer.rootOf(FD, L.Key).Kind !=
               LockRecognizer::RootKind::Local;
  };
  for (const FunctionDecl *FD : definitions()) {
    const FunctionLocks &FL = locks(FD);
    if (!FL.Analyzed)
      continue;
    auto Cross = [&](const LockRef &L) { return lockKey(FD, L); };
    auto CrossKey = [&](StringRef Key) { return orderKey(FD, Key); };
    // Locks held on entry by the project's contract: every caller holds
    // them, and each caller records the order through its call (the
    // callee's takes, imported when it lives in another file).
    std::set<std::string> ByContract;
    if (auto C = Contracts.find(FD); C != Contracts.end())
      for (const auto &[L, M] : C->second)
        ByContract.insert(L.Key);
    // Where the function itself takes each lock (for the notes).
    std::map<std::string, SourceLocation> TakenAt;
    for (const FunctionLocks::Acquisition &A : FL.Acquisitions)
      TakenAt.try_emplace(A.Lock.Key, A.Loc);

    for (const FunctionLocks::Acquisition &A : FL.Acquisitions) {
      if (!Shareable(FD, A.Lock))
        continue;
      for (const FunctionLocks::Acquisition::Held &H : A.HeldBefore) {
        if (!Shareable(FD, H.Lock) ||
            (H.FromEntry && ByContract.count(H.Lock.Key)))
          continue;
        LockOrderEdge E;
        E.From = Cross(H.Lock);
        E.To = Cross(A.Lock);
        if (E.From == E.To) {
          // Two elements of one lock array, by different indices: an order
          // within the array unless the indices order it.
          const ValueDecl *I = indexVar(H.Lock.Obj), *J = indexVar(A.Lock.Obj);
          if (!I || !J || I == J || !StringRef(E.To).contains("[*]") ||
              indicesOrdered(*this, A.Lock.Obj, I, J))
            continue;
          E.Elements = true;
        }
        E.FromName = H.Lock.Key;
        E.ToName = A.Lock.Key;
        E.Fn = FD;
        E.HeldAt = H.FromEntry ? SourceLocation() : H.Loc;
        E.At = E.AcquiredAt = A.Loc;
        E.FromShared = H.Mode == LockMode::Shared;
        E.ToShared = A.Mode == LockMode::Shared;
        for (const FunctionLocks::Acquisition::Held &G : A.HeldBefore)
          if (G.Lock.Key != H.Lock.Key)
            E.Gates.push_back(Cross(G.Lock));
        Out.push_back(std::move(E));
      }
    }

    // Locks taken inside the functions it calls while it holds some.
    for (const auto &[St, Held] : FL.MustAt) {
      const FunctionDecl *Def = plainCallee(St, FD);
      if (Held.empty() || !Def)
        continue;
      const auto *Call = cast<CallExpr>(St);
      auto Shared = FL.SharedAt.find(St);
      for (const TakenLock &T : takenInside(Def)) {
        std::optional<LockRef> L =
            Recognizer.substituteAtCall(T.Lock, Def, Call);
        // A lock the caller cannot spell (`stop(it->second)` locking
        // `p->mu_`) is still named by the class it lives in.
        std::optional<std::string> ByType =
            typeKey(T.Lock.Obj, T.Lock.ViaPointer);
        if (!L && !ByType)
          continue;
        std::string To = L ? Cross(*L) : *ByType;
        // Relocking a lock the caller holds is lock-discipline's.
        if (L && (llvm::is_contained(Held, L->Key) || !Shareable(FD, *L)))
          continue;
        if (llvm::any_of(Held, [&](const std::string &H) {
              return CrossKey(H) == To;
            }))
          continue;
        for (const std::string &H : Held) {
          if (ByContract.count(H) && !TakenAt.count(H))
            continue;
          auto HR = FL.KeyRefs.find(H);
          if (HR != FL.KeyRefs.end() ? !Shareable(FD, HR->second)
                                     : Recognizer.rootOf(FD, H).Kind ==
                                           LockRecognizer::RootKind::Local)
            continue;
          LockOrderEdge E;
          E.From = CrossKey(H);
          E.To = To;
          if (E.From == E.To)
            continue;
          E.FromName = H;
          E.ToName = L ? L->Key : T.Lock.Key;
          E.Fn = FD;
          auto TA = TakenAt.find(H);
          E.HeldAt = TA != TakenAt.end() ? TA->second : SourceLocation();
          E.At = Call->getExprLoc();
          E.AcquiredAt = T.Loc;
          E.Chain.push_back({Call->getExprLoc(), describeFunction(Def)});
          E.Chain.insert(E.Chain.end(), T.Chain.begin(), T.Chain.end());
          E.FromShared = Shared != FL.SharedAt.end() &&
                         llvm::is_contained(Shared->second, H);
          E.ToShared = T.Mode == LockMode::Shared;
          for (const std::string &G : Held)
            if (G != H)
              E.Gates.push_back(CrossKey(G));
          Out.push_back(std::move(E));
        }
      }
    }
  }
  const SourceManager &SM = Ctx.getSourceManager();
  std::stable_sort(Out.begin(), Out.end(),
                   [&](const LockOrderEdge &A, const LockOrderEdge &B) {
                     return SM.isBeforeInTranslationUnit(A.At, B.At);
                   });
  return Out;
}

std::optional<std::string> TUModel::objectKey(const Expr *E, bool ViaPointer) {
  return typeKey(E, ViaPointer);
}

std::string TUModel::lockKey(const FunctionDecl *FD, const LockRef &L) const {
  if (std::optional<std::string> K = typeKey(L.Obj, L.ViaPointer))
    return *K;
  return Recognizer.crossFunctionKey(FD, L.Key);
}

std::string TUModel::orderKey(const FunctionDecl *FD, StringRef Key) {
  const FunctionLocks &FL = locks(FD);
  auto R = FL.KeyRefs.find(Key.str());
  if (R != FL.KeyRefs.end())
    return lockKey(FD, R->second);
  return Recognizer.crossFunctionKey(FD, Key);
}

std::vector<TUModel::TakenByFunction>
TUModel::locksTakenBy(const FunctionDecl *FD) {
  std::vector<TakenByFunction> Out;
  const FunctionLocks &FL = locks(FD);
  if (!FL.Analyzed)
    return Out;
  auto Add = [&](const LockRef &L, SourceLocation Loc) {
    std::string Key = lockKey(FD, L);
    if (llvm::none_of(Out, [&](const TakenByFunction &T) { return T.Key == Key; }))
      Out.push_back({Key, L.Key, Loc});
  };
  for (const FunctionLocks::Acquisition &A : FL.Acquisitions)
    Add(A.Lock, A.Loc);
  for (const auto &[St, Held] : FL.MustAt)
    if (const FunctionDecl *Def = plainCallee(St, FD))
      for (const TakenLock &T : takenInside(Def))
        Add(T.Lock, T.Loc);
  return Out;
}

} // namespace racelint
