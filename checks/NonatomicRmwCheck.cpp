//===--- NonatomicRmwCheck.cpp - racelint-nonatomic-rmw -------------------===//

#include "NonatomicRmwCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace racelint {

namespace {

/// std::atomic<T> or one of libstdc++'s bases that declare its members.
bool isStdAtomic(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getDeclName().isIdentifier() &&
         (RD->getName() == "atomic" || RD->getName().starts_with("__atomic"));
}

/// The atomic object a member call or operator works on, casts stripped.
const Expr *objectOf(const Expr *E) { return E ? E->IgnoreParenImpCasts() : E; }

/// The atomic's value type (int for std::atomic<int>, or _Atomic(int)).
QualType atomicValueType(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *AT = T->getAs<AtomicType>())
    return AT->getValueType();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    if (Spec->getTemplateArgs().size() == 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return Spec->getTemplateArgs()[0].getAsType();
  return QualType();
}

StringRef textOf(SourceRange R, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // An argument of a macro such as atomic_store(&a, v): its own spelling.
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID()) {
    SourceLocation B = SM.getSpellingLoc(R.getBegin());
    SourceLocation E = SM.getSpellingLoc(R.getEnd());
    SourceLocation MB, ME;
    if (SM.getFileID(B) == SM.getFileID(E) && !SM.isInSystemHeader(B) &&
        SM.isBeforeInTranslationUnit(B, E.getLocWithOffset(1)))
      R = SourceRange(B, E);
    // A whole macro such as `true` from <stdbool.h>: its name as written.
    else if (Lexer::isAtStartOfMacroExpansion(R.getBegin(), SM,
                                              Ctx.getLangOpts(), &MB) &&
             Lexer::isAtEndOfMacroExpansion(R.getEnd(), SM, Ctx.getLangOpts(),
                                            &ME) &&
             MB.isFileID() && ME.isFileID())
      R = SourceRange(MB, ME);
    else
      return "";
  }
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM,
                              Ctx.getLangOpts());
}

/// `a` for `&a` (the object argument of C11's atomic_* functions).
const Expr *pointee(const Expr *Ptr) {
  Ptr = Ptr->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Ptr))
    if (UO->getOpcode() == UO_AddrOf)
      return UO->getSubExpr()->IgnoreParens();
  return nullptr;
}

/// `atomic_store(&a, v)` / `atomic_store_explicit(&a, v, order)`.
const AtomicExpr *c11Store(const Stmt *S) {
  const auto *AE = dyn_cast<AtomicExpr>(S);
  return AE && AE->getOp() == AtomicExpr::AO__c11_atomic_store &&
                 pointee(AE->getPtr())
             ? AE
             : nullptr;
}

/// A load of an atomic: `a` converted to its value, or `a.load(...)`.
/// Returns the atomic object expression.
const Expr *loadedAtomic(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = objectOf(MC->getImplicitObjectArgument());
    if (MD && Obj && isStdAtomic(Obj->getType()) &&
        (isa<CXXConversionDecl>(MD) ||
         (MD->getDeclName().isIdentifier() && MD->getName() == "load")))
      return Obj;
  }
  // C11 atomic_load(&a) / atomic_load_explicit(&a, order).
  if (const auto *AE = dyn_cast<AtomicExpr>(E))
    if (AE->getOp() == AtomicExpr::AO__c11_atomic_load)
      return pointee(AE->getPtr());
  return nullptr;
}

/// Whether S contains a load of the atomic named Key.
bool loadsAtomic(const Stmt *S, const std::string &Key,
                 const LockRecognizer &R) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const Expr *Obj = loadedAtomic(E))
      if (auto P = R.lockOfObject(Obj))
        if (P->Key == Key)
          return true;
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S))
    if (ICE->getCastKind() == CK_LValueToRValue &&
        ICE->getSubExpr()->getType()->isAtomicType())
      if (auto P = R.lockOfObject(ICE->getSubExpr()))
        if (P->Key == Key)
          return true;
  for (const Stmt *C : S->children())
    if (loadsAtomic(C, Key, R))
      return true;
  return false;
}

/// Whether the memory order argument is explicitly memory_order_relaxed.
bool explicitlyRelaxed(const Expr *Order, const ASTContext &Ctx) {
  if (!Order)
    return false;
  Order = Order->IgnoreParenImpCasts();
  // The implicit order of atomic_load(&a) is a default argument: seq_cst.
  if (isa<CXXDefaultArgExpr>(Order))
    return false;
  if (Order->isValueDependent())
    return false;
  std::optional<llvm::APSInt> V = Order->getIntegerConstantExpr(Ctx);
  return V && *V == 0; // memory_order_relaxed
}

/// Whether every load of the atomic Key in S names memory_order_relaxed
/// explicitly (and there is at least one).
bool loadsOnlyRelaxed(const Stmt *S, const std::string &Key,
                      const LockRecognizer &R, const ASTContext &Ctx,
                      bool &Seen) {
  if (!S)
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const Expr *Obj = loadedAtomic(E))
      if (auto P = R.lockOfObject(Obj); P && P->Key == Key) {
        Seen = true;
        const Expr *Inner = E->IgnoreParenImpCasts();
        if (const auto *AE = dyn_cast<AtomicExpr>(Inner))
          return AE->getNumSubExprs() > 1 &&
                 explicitlyRelaxed(AE->getOrder(), Ctx);
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Inner))
          return MC->getNumArgs() >= 1 &&
                 explicitlyRelaxed(MC->getArg(0), Ctx);
        return false;
      }
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S))
    if (ICE->getCastKind() == CK_LValueToRValue &&
        ICE->getSubExpr()->getType()->isAtomicType())
      if (auto P = R.lockOfObject(ICE->getSubExpr()); P && P->Key == Key)
        return false; // a plain read of an _Atomic: sequentially consistent
  for (const Stmt *C : S->children())
    if (!loadsOnlyRelaxed(C, Key, R, Ctx, Seen))
      return false;
  return true;
}

/// A flag set to a constant with an explicitly relaxed store after an
/// explicitly relaxed check (`if (!load(&f, relaxed)) ... store(&f, 1,
/// relaxed)`): every racer stores the same value and the author asked for
/// no ordering, so it is a hint, not a once-only step (once-only code must
/// publish what it did, and relaxed does not).
bool relaxedConstantStore(const Stmt *St, const ASTContext &Ctx) {
  const Expr *Val = nullptr, *Order = nullptr;
  if (const auto *AE = dyn_cast<AtomicExpr>(St)) {
    if (AE->getNumSubExprs() > 2) {
      Val = AE->getVal1();
      Order = AE->getOrder();
    }
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St)) {
    if (MC->getNumArgs() >= 2) {
      Val = MC->getArg(0);
      Order = MC->getArg(1);
    }
  }
  if (!Val || !explicitlyRelaxed(Order, Ctx))
    return false;
  return (!Val->isValueDependent() &&
          Val->IgnoreParenImpCasts()->isIntegerConstantExpr(Ctx)) ||
         isa<CXXBoolLiteralExpr>(Val->IgnoreParenImpCasts());
}

const char *opSpelling(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_Add: return "+";
  case BO_Sub: return "-";
  case BO_And: return "&";
  case BO_Or:  return "|";
  case BO_Xor: return "^";
  default:     return nullptr;
  }
}

const char *fetchName(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_Add: return "fetch_add";
  case BO_Sub: return "fetch_sub";
  case BO_And: return "fetch_and";
  case BO_Or:  return "fetch_or";
  case BO_Xor: return "fetch_xor";
  default:     return nullptr;
  }
}

/// `load(a) op N` (or `N op load(a)` for commutative ops): returns N.
const Expr *operandBesideLoad(const Expr *RHS, const std::string &Key,
                              const LockRecognizer &R,
                              BinaryOperatorKind &Op) {
  const auto *BO = dyn_cast<BinaryOperator>(RHS->IgnoreParenImpCasts());
  if (!BO || !opSpelling(BO->getOpcode()))
    return nullptr;
  Op = BO->getOpcode();
  auto IsLoad = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    const Expr *Obj = loadedAtomic(E);
    if (!Obj) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (DRE->getType()->isAtomicType())
          Obj = DRE;
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        if (ME->getType()->isAtomicType())
          Obj = ME;
    }
    if (!Obj)
      return false;
    auto P = R.lockOfObject(Obj);
    return P && P->Key == Key;
  };
  const Expr *N = nullptr;
  if (IsLoad(BO->getLHS()))
    N = BO->getRHS();
  else if (Op != BO_Sub && IsLoad(BO->getRHS()))
    N = BO->getLHS();
  if (!N || loadsAtomic(N, Key, R))
    return nullptr;
  return N;
}

} // namespace

void NonatomicRmwCheck::registerMatchers(MatchFinder *Finder) {
  TUWideRaceCheck::registerMatchers(Finder);
  Finder->addMatcher(functionDecl(isDefinition(), isMain()).bind("main"),
                     this);
}

void NonatomicRmwCheck::onStartOfTranslationUnit() {
  TUWideRaceCheck::onStartOfTranslationUnit();
  Atomics.clear();
  HasMain = false;
}

void NonatomicRmwCheck::check(const MatchFinder::MatchResult &R) {
  TUWideRaceCheck::check(R);
  if (R.Nodes.getNodeAs<FunctionDecl>("main"))
    HasMain = true;
  if (const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("fn"))
    if (shouldAnalyze(FD, *R.Context))
      findAtomicPatterns(FD, *R.Context);
}

void NonatomicRmwCheck::findAtomicPatterns(const FunctionDecl *FD,
                                           ASTContext &Ctx) {
  const LockRecognizer &Rec = model(Ctx).recognizer();
  struct Finder : RecursiveASTVisitor<Finder> {
    NonatomicRmwCheck &Self;
    ASTContext &Ctx;
    const LockRecognizer &Rec;
    Finder(NonatomicRmwCheck &S, ASTContext &C, const LockRecognizer &R)
        : Self(S), Ctx(C), Rec(R) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }

    // a = a op n (std::atomic or _Atomic)
    void splitUpdate(const Expr *Whole, const Expr *Target, const Expr *RHS) {
      auto P = Rec.lockOfObject(Target);
      if (!P || !loadsAtomic(RHS, P->Key, Rec))
        return;
      AtomicFinding F;
      F.Kind = AtomicFinding::SplitUpdate;
      F.Name = P->Key;
      F.Loc = Whole->getBeginLoc();
      BinaryOperatorKind Op;
      QualType VT = atomicValueType(Target->getType());
      if (const Expr *N = operandBesideLoad(RHS, P->Key, Rec, Op))
        if (!VT.isNull() && VT->isIntegerType() && !VT->isBooleanType()) {
          std::string Fix = textOf(Target->getSourceRange(), Ctx).str() +
                            " " + opSpelling(Op) + "= " +
                            textOf(N->getSourceRange(), Ctx).str();
          F.Fixes.push_back(
              FixItHint::CreateReplacement(Whole->getSourceRange(), Fix));
        }
      if (F.Fixes.empty())
        F.Suggestion = "use one atomic operation such as compare_exchange_weak "
                       "in a loop";
      Self.Atomics.push_back(std::move(F));
    }

    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          isStdAtomic(objectOf(OC->getArg(0))->getType()))
        splitUpdate(OC, objectOf(OC->getArg(0)), OC->getArg(1));
      return true;
    }

    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() == BO_Assign && BO->getLHS()->getType()->isAtomicType())
        splitUpdate(BO, BO->getLHS(), BO->getRHS());
      return true;
    }

    // a.store(a.load() op n [, order])
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      const Expr *Obj = objectOf(MC->getImplicitObjectArgument());
      if (!MD || !Obj || !isStdAtomic(Obj->getType()) ||
          !MD->getDeclName().isIdentifier() || MD->getName() != "store" ||
          MC->getNumArgs() < 1)
        return true;
      auto P = Rec.lockOfObject(Obj);
      if (!P || !loadsAtomic(MC->getArg(0), P->Key, Rec))
        return true;
      AtomicFinding F;
      F.Kind = AtomicFinding::SplitStore;
      F.Name = P->Key;
      F.Loc = MC->getBeginLoc();
      BinaryOperatorKind Op;
      QualType VT = atomicValueType(Obj->getType());
      const Expr *N = operandBesideLoad(MC->getArg(0), P->Key, Rec, Op);
      // Keep the store's explicit memory order; refuse when the load names
      // a different one than the store.
      std::string Order;
      if (MC->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(MC->getArg(1)))
        Order = textOf(MC->getArg(1)->getSourceRange(), Ctx).str();
      bool OrdersAgree = true;
      if (N) {
        const auto *BO = cast<BinaryOperator>(MC->getArg(0)->IgnoreParenImpCasts());
        for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
          if (const auto *L = dyn_cast<CXXMemberCallExpr>(Side->IgnoreParenImpCasts()))
            if (L->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(L->getArg(0)) &&
                textOf(L->getArg(0)->getSourceRange(), Ctx) != Order)
              OrdersAgree = false;
      }
      if (N && OrdersAgree && !VT.isNull() && VT->isIntegerType() &&
          !VT->isBooleanType()) {
        std::string Fix = textOf(Obj->getSourceRange(), Ctx).str() + "." +
                          fetchName(Op) + "(" +
                          textOf(N->getSourceRange(), Ctx).str() +
                          (Order.empty() ? "" : ", " + Order) + ")";
        F.Fixes.push_back(
            FixItHint::CreateReplacement(MC->getSourceRange(), Fix));
      } else {
        F.Suggestion = "use one atomic operation (fetch_add, exchange or "
                       "compare_exchange_weak in a loop)";
      }
      Self.Atomics.push_back(std::move(F));
      return true;
    }

    // C11: atomic_store(&a, atomic_load(&a) op n)
    bool VisitAtomicExpr(AtomicExpr *AE) {
      const AtomicExpr *St = c11Store(AE);
      if (!St)
        return true;
      const Expr *Obj = pointee(St->getPtr());
      auto P = Rec.lockOfObject(Obj);
      if (!P || !loadsAtomic(St->getVal1(), P->Key, Rec))
        return true;
      const SourceManager &SM = Ctx.getSourceManager();
      AtomicFinding F;
      F.Kind = AtomicFinding::SplitStore;
      F.Name = P->Key;
      F.Loc = SM.getExpansionLoc(St->getBeginLoc());
      BinaryOperatorKind Op;
      QualType VT = atomicValueType(Obj->getType());
      const Expr *N = operandBesideLoad(St->getVal1(), P->Key, Rec, Op);
      std::string Obj0 = textOf(Obj->getSourceRange(), Ctx).str();
      std::string NText = N ? textOf(N->getSourceRange(), Ctx).str() : "";
      if (N && !VT.isNull() && VT->isIntegerType() && !VT->isBooleanType() &&
          !Obj0.empty() && !NText.empty())
        F.Suggestion = std::string("update in one step: 'atomic_") +
                       fetchName(Op) + "(&" + Obj0 + ", " + NText + ")'";
      else
        F.Suggestion = "use one atomic operation (atomic_fetch_add, "
                       "atomic_exchange or atomic_compare_exchange_weak in "
                       "a loop)";
      Self.Atomics.push_back(std::move(F));
      return true;
    }

    // if (a == v) a = w;  /  if (!flag) { flag = true; ... }
    bool VisitIfStmt(IfStmt *If) {
      const Stmt *Then = If->getThen();
      struct Store {
        const Expr *Target = nullptr;
        const Stmt *S = nullptr;
      };
      std::vector<Store> Stores;
      std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
        if (!S || isa<LambdaExpr>(S))
          return;
        if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
          if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
              isStdAtomic(objectOf(OC->getArg(0))->getType()))
            Stores.push_back({objectOf(OC->getArg(0)), OC});
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
          if (const CXXMethodDecl *MD = MC->getMethodDecl())
            if (MD->getDeclName().isIdentifier() && MD->getName() == "store" &&
                isStdAtomic(objectOf(MC->getImplicitObjectArgument())->getType()))
              Stores.push_back({objectOf(MC->getImplicitObjectArgument()), MC});
        if (const auto *BO = dyn_cast<BinaryOperator>(S))
          if (BO->getOpcode() == BO_Assign &&
              BO->getLHS()->getType()->isAtomicType())
            Stores.push_back({BO->getLHS(), BO});
        if (const AtomicExpr *AE = c11Store(S))
          Stores.push_back({pointee(AE->getPtr()), AE});
        for (const Stmt *C : S->children())
          Collect(C);
      };
      Collect(Then);
      for (const Store &St : Stores) {
        auto P = Rec.lockOfObject(St.Target);
        if (!P || !loadsAtomic(If->getCond(), P->Key, Rec))
          continue;
        bool Seen = false;
        if (relaxedConstantStore(St.S, Ctx) &&
            loadsOnlyRelaxed(If->getCond(), P->Key, Rec, Ctx, Seen) && Seen)
          continue;
        AtomicFinding F;
        F.Kind = AtomicFinding::CheckThenAct;
        F.Name = P->Key;
        const SourceManager &SM = Ctx.getSourceManager();
        F.Loc = SM.getExpansionLoc(St.S->getBeginLoc());
        F.Related = SM.getExpansionLoc(If->getCond()->getBeginLoc());
        exchangeFix(If, St.S, F);
        if (F.Fixes.empty())
          F.Suggestion = oneStepForm(If->getCond(), St.Target, St.S, P->Key);
        if (F.Fixes.empty() && F.Suggestion.empty())
          F.Suggestion = Ctx.getLangOpts().CPlusPlus
                             ? "test and set in one step with exchange() or "
                               "compare_exchange_strong()"
                             : "test and set in one step with "
                               "atomic_exchange() or "
                               "atomic_compare_exchange_strong()";
        Self.Atomics.push_back(std::move(F));
        break;
      }
      return true;
    }

    /// The value a store in the branch writes.
    static const Expr *storedValue(const Stmt *StoreS) {
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(StoreS))
        return OC->getArg(1);
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(StoreS))
        return MC->getNumArgs() ? MC->getArg(0) : nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(StoreS))
        return BO->getRHS();
      if (const AtomicExpr *AE = c11Store(StoreS))
        return AE->getVal1();
      return nullptr;
    }

    bool isLoadOf(const Expr *E, const std::string &Key) const {
      E = E->IgnoreParenImpCasts();
      const Expr *Obj = loadedAtomic(E);
      if (!Obj && E->getType()->isAtomicType())
        Obj = E; // C11 _Atomic lvalue
      if (!Obj)
        return false;
      auto P = Rec.lockOfObject(Obj);
      return P && P->Key == Key;
    }

    /// The one-step form of `if (a == v) a = w;` shown in a note:
    /// exchange() for boolean flags, compare_exchange_strong() otherwise.
    std::string oneStepForm(const Expr *Cond, const Expr *Target,
                            const Stmt *StoreS, const std::string &Key) {
      const Expr *W = storedValue(StoreS);
      QualType VT = atomicValueType(Target->getType());
      if (!W || VT.isNull())
        return "";
      bool IsBool = VT->isBooleanType();
      std::string Expected;
      Cond = Cond->IgnoreParenImpCasts();
      if (const auto *Not = dyn_cast<UnaryOperator>(Cond)) {
        if (Not->getOpcode() != UO_LNot || !isLoadOf(Not->getSubExpr(), Key))
          return "";
        Expected = IsBool ? (Ctx.getLangOpts().CPlusPlus ? "false" : "0")
                          : "0";
      } else if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
        if (BO->getOpcode() != BO_EQ)
          return "";
        const Expr *V = nullptr;
        if (isLoadOf(BO->getLHS(), Key))
          V = BO->getRHS();
        else if (isLoadOf(BO->getRHS(), Key))
          V = BO->getLHS();
        if (!V || loadsAtomic(V, Key, Rec))
          return "";
        Expected = textOf(V->getSourceRange(), Ctx).str();
      } else if (isLoadOf(Cond, Key) && IsBool) {
        Expected = Ctx.getLangOpts().CPlusPlus ? "true" : "1";
      } else {
        return "";
      }
      std::string Obj = textOf(Target->getSourceRange(), Ctx).str();
      std::string Val = textOf(W->getSourceRange(), Ctx).str();
      if (Obj.empty() || Val.empty() || Expected.empty())
        return "";
      bool CPlusPlus = Ctx.getLangOpts().CPlusPlus;
      if (IsBool) {
        // Storing the opposite of what was tested: exchange.
        Expr::EvalResult WV;
        bool StoresTrue;
        if (const auto *Lit =
                dyn_cast<CXXBoolLiteralExpr>(W->IgnoreParenImpCasts()))
          StoresTrue = Lit->getValue();
        else if (!W->isValueDependent() && W->EvaluateAsInt(WV, Ctx))
          StoresTrue = WV.Val.getInt().getBoolValue();
        else
          return "";
        bool TestsTrue = Expected == "true" || Expected == "1";
        bool TestsFalse = Expected == "false" || Expected == "0";
        if ((TestsTrue || TestsFalse) && StoresTrue == TestsFalse)
          return "test and set in one step: 'if (" +
                 std::string(StoresTrue ? "!" : "") +
                 (CPlusPlus ? Obj + ".exchange(" + Val + ")"
                            : "atomic_exchange(&" + Obj + ", " + Val + ")") +
                 ")'";
      }
      if (!CPlusPlus)
        return "test and store in one step: '" +
               VT.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()) +
               " expected = " + Expected +
               "; if (atomic_compare_exchange_strong(&" + Obj +
               ", &expected, " + Val + "))'";
      return "test and store in one step: '" +
             VT.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()) +
             " Expected = " + Expected + "; if (" + Obj +
             ".compare_exchange_strong(Expected, " + Val + "))'";
    }

    // The one shape with a provably equivalent rewrite:
    //   if (!f) { f = true; ... }  ->  if (!f.exchange(true)) { ... }
    void exchangeFix(const IfStmt *If, const Stmt *StoreS, AtomicFinding &F) {
      const auto *Not = dyn_cast<UnaryOperator>(If->getCond()->IgnoreParenImpCasts());
      const auto *Body = dyn_cast<CompoundStmt>(If->getThen());
      const auto *Assign = dyn_cast<CXXOperatorCallExpr>(StoreS);
      if (!Not || Not->getOpcode() != UO_LNot || !Body || Body->body_empty() ||
          Body->body_front() != StoreS || !Assign || If->getElse() ||
          If->getInit() || If->getConditionVariable())
        return;
      const Expr *Obj = loadedAtomic(Not->getSubExpr());
      if (!Obj || !isa<CXXConversionDecl>(
                      cast<CXXMemberCallExpr>(
                          Not->getSubExpr()->IgnoreParenImpCasts())
                          ->getMethodDecl()))
        return;
      const auto *True =
          dyn_cast<CXXBoolLiteralExpr>(Assign->getArg(1)->IgnoreParenImpCasts());
      QualType VT = atomicValueType(objectOf(Assign->getArg(0))->getType());
      if (!True || !True->getValue() || VT.isNull() || !VT->isBooleanType())
        return;
      const SourceManager &SM = Ctx.getSourceManager();
      SourceLocation AfterSemi = Lexer::findLocationAfterToken(
          Assign->getEndLoc(), tok::semi, SM, Ctx.getLangOpts(),
          /*SkipTrailingWhitespaceAndNewLine=*/true);
      if (AfterSemi.isInvalid() || Assign->getBeginLoc().isMacroID() ||
          Not->getBeginLoc().isMacroID())
        return;
      F.Fixes.push_back(FixItHint::CreateReplacement(
          Not->getSourceRange(),
          "!" + textOf(Obj->getSourceRange(), Ctx).str() + ".exchange(true)"));
      F.Fixes.push_back(FixItHint::CreateRemoval(
          CharSourceRange::getCharRange(Assign->getBeginLoc(), AfterSemi)));
    }
  } V(*this, Ctx, Rec);
  V.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
}

/// Where Lock is released between two points of FD and taken again before
/// the second, if it is. A release with no acquire after it before To is
/// on a path that leaves (`if (!x) { unlock(m); return; } x = 0;`): the
/// write that To is still holds the lock taken before From.
static SourceLocation releasedBetween(TUModel &TU, const FunctionDecl *FD,
                                      const std::string &Lock,
                                      SourceLocation From, SourceLocation To) {
  const SourceManager &SM = TU.context().getSourceManager();
  auto Between = [&](SourceLocation A, SourceLocation L, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, L) &&
           SM.isBeforeInTranslationUnit(L, B);
  };
  const std::vector<LockEvent> &Events = TU.locks(FD).Events;
  for (const LockEvent &E : Events)
    if ((E.Kind == LockEvent::Release || E.Kind == LockEvent::GuardRelease) &&
        E.Lock == Lock && Between(From, E.Loc, To) &&
        llvm::any_of(Events, [&](const LockEvent &A) {
          return (A.Kind == LockEvent::Acquire ||
                  A.Kind == LockEvent::TryAcquire ||
                  A.Kind == LockEvent::GuardAcquire) &&
                 A.Lock == Lock && Between(E.Loc, A.Loc, To);
        }))
      return E.Loc;
  return SourceLocation();
}

void NonatomicRmwCheck::report(RaceModel &M, ASTContext &Ctx) {
  TUModel &TU = model(Ctx);
  std::set<unsigned> ReportedAt, CheckSites;

  // Patterns around a lock, reported in the function that has them, when
  // another thread can touch the storage meanwhile.
  for (const auto &[Key, Accesses] : M.storages()) {
    for (const RootAccess &A : Accesses) {
      bool CheckThenAct = A.A.CheckedAt.isValid() && isWrite(A.A.How);
      if (!CheckThenAct || A.A.Locks.empty())
        continue;
      // The check goes stale only if another thread can write the storage
      // meanwhile (this write made by another thread counts); readers
      // cannot.
      bool Conflict = false;
      for (const RootAccess &O : Accesses)
        if (isWrite(O.A.How) && O.A.Loc.mayOverlap(A.A.Loc) &&
            M.mayRunConcurrently(A, O))
          Conflict = true;
      if (!Conflict)
        continue;
      std::string First = A.A.Locks.front().Name;
      SourceLocation At;
      if (A.A.OuterCheckAt.isValid()) {
        At = A.A.OuterCheckAt;
        if (!ReportedAt.insert(At.getRawEncoding()).second)
          continue;
        diag(At, "double-checked initialization of '%0' reads it without "
                 "a lock while another thread can be writing it under "
                 "'%1'")
            << A.A.Display << First;
        diag(A.A.At, "written here with '%0' held", DiagnosticIDs::Note)
            << First;
        diag(At, "%select{declare '%1' std::atomic and use "
                 "memory_order_acquire for the unlocked check and "
                 "memory_order_release for the write, or initialize it "
                 "with std::call_once or a function-local static|declare "
                 "'%1' _Atomic, or initialize it with call_once or "
                 "pthread_once}0",
             DiagnosticIDs::Note)
            << !Ctx.getLangOpts().CPlusPlus << A.A.Display;
        continue;
      }
      if (A.A.CheckLocks.empty()) {
        // if (!p) { lock_guard g(mu); p = new T; }
        At = A.A.At;
        if (!ReportedAt.insert(At.getRawEncoding()).second)
          continue;
        diag(At, "check-then-act on '%0': the check is made without "
                 "'%1', which is held only for the write")
            << A.A.Display << First;
        diag(A.A.CheckedAt, "checked here with no lock held",
             DiagnosticIDs::Note);
        diag(At, "make the check under '%0' as well, or check again "
                 "after acquiring it",
             DiagnosticIDs::Note)
            << First;
        continue;
      }
      // Read under a lock, the lock released, and the write made after
      // re-acquiring it from what was read before.
      for (const std::string &L : A.A.CheckLocks) {
        if (!A.A.holds(L))
          continue;
        SourceLocation Rel = releasedBetween(TU, A.A.Function, L,
                                             A.A.CheckedAt, A.A.At);
        if (Rel.isInvalid())
          continue;
        At = A.A.At;
        if (!ReportedAt.insert(At.getRawEncoding()).second)
          break;
        diag(At, "'%0' is written %select{after a check made|from a "
                 "value read}1 under '%2', which was released in between; "
                 "another thread can change it meanwhile")
            << A.A.Display << A.A.StaleValue << L;
        diag(A.A.CheckedAt, "%select{checked|read}0 here with '%1' held",
             DiagnosticIDs::Note)
            << A.A.Stale << L;
        diag(Rel, "'%0' released here", DiagnosticIDs::Note) << L;
        diag(At, "keep '%0' held from the read to the write, or read "
                 "'%1' again after re-acquiring it",
             DiagnosticIDs::Note)
            << L << A.A.Display;
        break;
      }
    }
  }

  // Races with no lock on either side whose access is a read-modify-write.
  for (const Race &R : M.races()) {
    const RootAccess &A = *R.Access;
    if (R.Kind != Race::Symmetric || R.CapturedLocal || A.holdsAny() ||
        R.Partner->holdsAny() || !isReadModifyWrite(A.A))
      continue;
    if (!ReportedAt.insert(R.ReportAt.getRawEncoding()).second)
      continue;
    bool CheckThenAct = A.A.CheckedAt.isValid() && isWrite(A.A.How);
    // One check, one warning: at its first write.
    if (CheckThenAct &&
        !CheckSites.insert(A.A.CheckedAt.getRawEncoding()).second)
      continue;
    bool SharedLocal = A.A.Loc.Root == AbsLoc::Local;
    if (CheckThenAct && !A.A.CheckLocks.empty()) {
      diag(R.ReportAt, "'%0' is written from a value checked under '%1' "
                       "after that lock was released")
          << A.A.Display << A.A.CheckLocks.front();
      diag(A.A.CheckedAt, "checked here while '%0' was held",
           DiagnosticIDs::Note)
          << A.A.CheckLocks.front();
    } else if (CheckThenAct && SharedLocal) {
      diag(R.ReportAt, "check-then-act on '%0', shared by reference between "
                       "threads, without a lock")
          << A.A.Display;
      diag(A.A.CheckedAt, "checked here", DiagnosticIDs::Note);
    } else if (CheckThenAct) {
      diag(R.ReportAt, "check-then-act on '%0' without a lock; another "
                       "thread can change it between the check and the "
                       "write%select{|, and volatile does not make it "
                       "atomic}1")
          << A.A.Display << A.A.Volatile;
      diag(A.A.CheckedAt, "checked here", DiagnosticIDs::Note);
    } else if (SharedLocal) {
      diag(R.ReportAt, "non-atomic read-modify-write of '%0', shared by "
                       "reference between threads, with no lock held")
          << A.A.Display;
    } else {
      diag(R.ReportAt, "non-atomic read-modify-write of shared '%0' with no "
                       "lock held%select{|; volatile does not make it "
                       "atomic}1")
          << A.A.Display << A.A.Volatile;
    }
    noteWhere(R);
    // The lock that guards a neighbour in the same object, if any.
    std::string Neighbour, NeighbourLock;
    if (const RecordDecl *RD = A.A.Loc.lastRecord())
      for (const auto &[Key, Others] : M.storages()) {
        for (const RootAccess &O : Others) {
          if (O.A.Loc.lastRecord() != RD || O.A.Loc.key() == A.A.Loc.key())
            continue;
          std::string G = M.guardName(O.A.Loc.key());
          if (G.empty())
            continue;
          Neighbour = O.A.Display;
          NeighbourLock = G;
          break;
        }
        if (!NeighbourLock.empty())
          break;
      }
    if (!NeighbourLock.empty()) {
      diag(A.A.At, "hold '%0', which guards '%1' in the same class, or make "
                   "'%2' std::atomic",
           DiagnosticIDs::Note)
          << NeighbourLock << Neighbour << A.A.Display;
      continue;
    }
    // Where to fix it: the declaration.
    SourceLocation DeclLoc;
    if ((A.A.Loc.Root == AbsLoc::Global || A.A.Loc.Root == AbsLoc::Local) &&
        A.A.Loc.Var && A.A.Loc.Path.empty())
      DeclLoc = A.A.Loc.Var->getLocation();
    else if (!A.A.Loc.Path.empty() &&
             A.A.Loc.Path.back().Kind == PathStep::Field &&
             A.A.Loc.Path.back().FieldD)
      DeclLoc = A.A.Loc.Path.back().FieldD->getLocation();
    if (DeclLoc.isValid())
      diag(DeclLoc, "declare '%0' %select{std::atomic|_Atomic}1 or guard it "
                    "with a lock",
           DiagnosticIDs::Note)
          << A.A.Display << !Ctx.getLangOpts().CPlusPlus;
  }

  // Atomics: silent in a program whose main() starts no thread.
  if (HasMain && !M.startsThreads())
    return;
  for (const AtomicFinding &F : Atomics) {
    switch (F.Kind) {
    case AtomicFinding::SplitUpdate:
      diag(F.Loc, "'%0' is updated by an atomic load and a separate atomic "
                  "store; another thread's update in between is lost")
          << F.Name << F.Fixes;
      break;
    case AtomicFinding::SplitStore:
      diag(F.Loc, "'%0' is stored from its own earlier load; another "
                  "thread's update in between is lost")
          << F.Name << F.Fixes;
      break;
    case AtomicFinding::CheckThenAct:
      diag(F.Loc, "check-then-act on atomic '%0': another thread can act "
                  "between the check and the store")
          << F.Name << F.Fixes;
      diag(F.Related, "checked here", DiagnosticIDs::Note);
      break;
    }
    if (!F.Suggestion.empty())
      diag(F.Loc, "%0", DiagnosticIDs::Note) << F.Suggestion;
  }
}

} // namespace racelint
