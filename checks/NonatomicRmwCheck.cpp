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
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R),
                              Ctx.getSourceManager(), Ctx.getLangOpts());
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
  // C11 _Atomic: an lvalue-to-rvalue conversion is an atomic load.
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E->IgnoreParens()))
    (void)ICE;
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
        for (const Stmt *C : S->children())
          Collect(C);
      };
      Collect(Then);
      for (const Store &St : Stores) {
        auto P = Rec.lockOfObject(St.Target);
        if (!P || !loadsAtomic(If->getCond(), P->Key, Rec))
          continue;
        AtomicFinding F;
        F.Kind = AtomicFinding::CheckThenAct;
        F.Name = P->Key;
        F.Loc = St.S->getBeginLoc();
        F.Related = If->getCond()->getBeginLoc();
        exchangeFix(If, St.S, F);
        if (F.Fixes.empty())
          F.Suggestion = "test and set in one step with exchange() or "
                         "compare_exchange_strong()";
        Self.Atomics.push_back(std::move(F));
        break;
      }
      return true;
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

void NonatomicRmwCheck::report(RaceModel &M, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Plain storage: x++, x += n, x = x op n and check-then-act with no lock.
  for (const auto &[Key, Accesses] : M.storages()) {
    if (!M.guardOf(Key).Lock.empty())
      continue; // inconsistent-locking reports the unguarded ones
    std::set<std::pair<const FunctionDecl *, unsigned>> Reported;
    for (const RootAccess &A : Accesses) {
      bool CheckThenAct = A.A.CheckedAt.isValid() && isWrite(A.A.How);
      if ((A.A.How != AccessKind::ReadModifyWrite && !CheckThenAct) ||
          !A.A.Locks.empty())
        continue;
      bool IsField = A.A.Kind != StorageKind::Global;
      if (!IsField) {
        if (!M.startsThreads())
          continue;
        bool Conflict = false;
        for (const RootAccess &O : Accesses)
          if (M.mayRunConcurrently(A, O))
            Conflict = true;
        if (!Conflict)
          continue;
      }
      if (!Reported
               .insert({A.Root, SM.getExpansionLineNumber(A.A.reportLoc())})
               .second)
        continue;
      if (CheckThenAct && !A.A.CheckLocks.empty()) {
        diag(A.A.reportLoc(), "'%0' is written from a value checked under "
                              "'%1' after that lock was released")
            << A.A.Display << A.A.CheckLocks.front();
        diag(A.A.CheckedAt, "checked here while '%0' was held",
             DiagnosticIDs::Note)
            << A.A.CheckLocks.front();
      } else if (CheckThenAct) {
        diag(A.A.reportLoc(), "check-then-act on '%0' without a lock; "
                              "another thread can change it between the "
                              "check and the write%select{|, and volatile "
                              "does not make it atomic}1")
            << A.A.Display << A.A.Volatile;
        diag(A.A.CheckedAt, "checked here", DiagnosticIDs::Note);
      } else {
        diag(A.A.reportLoc(), "non-atomic read-modify-write of shared '%0' "
                              "with no lock held%select{|; volatile does not "
                              "make it atomic}1")
            << A.A.Display << A.A.Volatile;
      }
      noteLifted(A.A);
      // Suggest the lock that guards the neighbours, else std::atomic.
      std::string Neighbour, NeighbourLock;
      if (A.A.Class)
        for (const auto &[OtherKey, Others] : M.storages()) {
          if (OtherKey == Key || Others.empty() ||
              Others.front().A.Class != A.A.Class)
            continue;
          RaceModel::Guard G = M.guardOf(OtherKey);
          if (!G.Lock.empty()) {
            Neighbour = Others.front().A.Display;
            NeighbourLock = G.Lock;
            break;
          }
        }
      SourceLocation DeclLoc;
      if (A.A.Var)
        DeclLoc = A.A.Var->getLocation();
      if (!NeighbourLock.empty())
        diag(A.A.Loc, "hold '%0', which guards '%1' in the same class, or "
                      "make '%2' std::atomic",
             DiagnosticIDs::Note)
            << NeighbourLock << Neighbour << A.A.Display;
      else if (DeclLoc.isValid())
        diag(DeclLoc, "declare '%0' %select{std::atomic|_Atomic}1 or guard it "
                      "with a lock",
             DiagnosticIDs::Note)
            << A.A.Display << !Ctx.getLangOpts().CPlusPlus;
    }
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
