//===--- LockOps.cpp - Recognise lock operations in the AST ---------------===//

#include "LockOps.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/GlobPattern.h"
#include <algorithm>

using namespace clang;

namespace racelint {

const Expr *stripLockExpr(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      // std::move(x) and std::forward<T>(x) name x.
      if (C->getNumArgs() == 1 && C->isCallToStdMove()) {
        E = C->getArg(0);
        continue;
      }
    }
    if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    break;
  }
  return E;
}

static bool isInStd(const Decl *D) {
  const DeclContext *DC = D->getDeclContext();
  while (DC && !DC->isTranslationUnit()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isStdNamespace())
        return true;
      if (!NS->isInline())
        return false;
    }
    DC = DC->getParent();
  }
  return false;
}

static bool isStdMutexName(StringRef N) {
  return N == "mutex" || N == "timed_mutex" || N == "recursive_mutex" ||
         N == "recursive_timed_mutex" || N == "shared_mutex" ||
         N == "shared_timed_mutex";
}

LockRecognizer::LockRecognizer(ASTContext &Ctx, const LockConfig &Config)
    : Ctx(Ctx), Config(Config) {}

namespace {
// Looks for the recursive pthread mutex kinds in user code only: the
// headers themselves reference them (PTHREAD_MUTEX_RECURSIVE is defined as
// PTHREAD_MUTEX_RECURSIVE_NP), so Decl::isReferenced() says nothing.
struct RecursiveKindFinder : RecursiveASTVisitor<RecursiveKindFinder> {
  const SourceManager &SM;
  bool Found = false;
  explicit RecursiveKindFinder(const SourceManager &SM) : SM(SM) {}
  bool TraverseDecl(Decl *D) {
    if (!D || Found)
      return !Found;
    if (!isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *EC = dyn_cast<EnumConstantDecl>(E->getDecl()))
      if (EC->getName() == "PTHREAD_MUTEX_RECURSIVE" ||
          EC->getName() == "PTHREAD_MUTEX_RECURSIVE_NP")
        Found = true;
    return !Found;
  }
};
} // namespace

bool LockRecognizer::pthreadRecursiveInTU() const {
  // A pthread mutex can be made recursive at run time; when the TU ever
  // names the recursive kind, double locks of pthread mutexes are not
  // provable, so they are not reported.
  if (!PthreadRecursiveInTU) {
    RecursiveKindFinder F(Ctx.getSourceManager());
    F.TraverseDecl(Ctx.getTranslationUnitDecl());
    PthreadRecursiveInTU = F.Found;
  }
  return *PthreadRecursiveInTU;
}

bool LockRecognizer::matchesName(const NamedDecl *D,
                                 const std::vector<std::string> &Names) const {
  if (!D || Names.empty() || !D->getDeclName().isIdentifier())
    return false;
  std::string Qual = D->getQualifiedNameAsString();
  StringRef Simple = D->getName();
  for (const std::string &N : Names) {
    StringRef Want = StringRef(N).trim();
    Want.consume_front("::");
    if (Want == Qual || Want == Simple)
      return true;
    // `*_init`: a glob, matched against the simple and qualified names.
    if (Want.contains('*')) {
      auto Pat = llvm::GlobPattern::create(Want);
      if (Pat && (Pat->match(Simple) || Pat->match(Qual)))
        return true;
      if (!Pat)
        llvm::consumeError(Pat.takeError());
    }
  }
  return false;
}

bool LockRecognizer::isNullMutexType(QualType T) const {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || isInStd(RD) ||
      RD->hasAttr<CapabilityAttr>())
    return false;
  // A mutex whose lock() does nothing is how generic code opts out of
  // locking; its users are single-threaded by design.
  bool SawLock = false;
  for (const CXXMethodDecl *M : RD->methods()) {
    if (!M->getDeclName().isIdentifier() || M->getName() != "lock")
      continue;
    const FunctionDecl *Def = nullptr;
    if (!M->hasBody(Def))
      return false;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
    if (!Body || !Body->body_empty())
      return false;
    SawLock = true;
  }
  return SawLock;
}

bool LockRecognizer::isRecursiveType(QualType T, const Expr *E) const {
  T = T.getNonReferenceType().getUnqualifiedType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (RD->hasAttr<ReentrantCapabilityAttr>())
      return true;
    if (isInStd(RD))
      return RD->getName() == "recursive_mutex" ||
             RD->getName() == "recursive_timed_mutex";
    return false;
  }
  std::string Name = T.getAsString();
  if (StringRef(Name).contains("pthread_mutex_t"))
    return pthreadRecursiveInTU();
  return false;
}

bool LockRecognizer::isSharedReentrantType(QualType T) const {
  T = T.getNonReferenceType().getUnqualifiedType();
  return StringRef(T.getAsString()).contains("pthread_rwlock_t");
}

std::optional<std::string>
LockRecognizer::indexText(const Expr *E, const Subst *S, unsigned Depth) const {
  if (!E || Depth > MaxPathDepth)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  Expr::EvalResult R;
  if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
    return llvm::toString(R.Val.getInt(), 10);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return std::nullopt;
    // A parameter of a callee is what the caller passed, rendered alike.
    if (S && S->Callee)
      if (const auto *PVD = dyn_cast<ParmVarDecl>(V))
        if (PVD->getDeclContext() == S->Callee &&
            PVD->getFunctionScopeIndex() < S->Args.size())
          return indexText(S->Args[PVD->getFunctionScopeIndex()], nullptr,
                           Depth + 1);
    return V->isLocalVarDeclOrParm() ? V->getNameAsString()
                                     : V->getQualifiedNameAsString();
  }
  if (isa<MemberExpr>(E)) {
    // A field read through a local or parameter (`it->slabs_clsid`).
    auto P = path(E, S, Depth + 1);
    if (!P || P->empty() || StringRef(*P).starts_with("&") ||
        StringRef(*P).contains('['))
      return std::nullopt;
    return P;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (!BO->isAdditiveOp() && !BO->isMultiplicativeOp() &&
        !BO->isBitwiseOp() && !BO->isShiftOp())
      return std::nullopt;
    auto L = indexText(BO->getLHS(), S, Depth + 1);
    auto Rt = L ? indexText(BO->getRHS(), S, Depth + 1) : std::nullopt;
    if (!Rt)
      return std::nullopt;
    return "(" + *L + " " + BO->getOpcodeStr().str() + " " + *Rt + ")";
  }
  return std::nullopt;
}

std::optional<std::string> LockRecognizer::path(const Expr *E, const Subst *S,
                                                unsigned Depth) const {
  E = stripLockExpr(E);
  // A lock is named by a short path; `*&*&...mu` thousands deep is not
  // worth a stack frame per level.
  if (!E || Depth > MaxPathDepth)
    return std::nullopt;
  if (isa<CXXThisExpr>(E)) {
    if (S && S->Self)
      return path(S->Self, nullptr, Depth + 1);
    return std::string(); // `this` is the empty base
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *VD = DRE->getDecl();
    if (S && S->Callee)
      if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
        unsigned Idx = PVD->getFunctionScopeIndex();
        if (PVD->getDeclContext() == S->Callee && Idx < S->Args.size())
          return path(S->Args[Idx], nullptr, Depth + 1);
      }
    if (const auto *V = dyn_cast<VarDecl>(VD))
      if (!V->isLocalVarDeclOrParm())
        return V->getQualifiedNameAsString();
    return VD->getNameAsString();
  }
  // `this` stands for the call's object: `p->f()` (a pointer) or `o.f()`.
  auto SelfIsObject = [&](const Expr *Base) {
    return S && S->Self && isa<CXXThisExpr>(stripLockExpr(Base)) &&
           !S->Self->getType()->isPointerType();
  };
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD) {
      // A static data member: a global.
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return VD->getQualifiedNameAsString();
      return std::nullopt;
    }
    auto Base = path(ME->getBase(), S, Depth + 1);
    if (!Base)
      return std::nullopt;
    if (Base->empty())
      return FD->getNameAsString();
    bool Arrow = ME->isArrow() && !SelfIsObject(ME->getBase());
    // `(*p).f` and `p->f` name the same storage.
    if (!Arrow && StringRef(*Base).starts_with("*")) {
      Arrow = true;
      Base->erase(0, 1);
    }
    return *Base + (Arrow ? "->" : ".") + FD->getNameAsString();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref) {
      if (SelfIsObject(UO->getSubExpr()))
        return path(S->Self, nullptr, Depth + 1);
      auto Sub = path(UO->getSubExpr(), S, Depth + 1);
      if (!Sub)
        return std::nullopt;
      if (Sub->empty())
        return std::string(); // *this
      if (StringRef(*Sub).starts_with("&"))
        return Sub->substr(1);
      return "*" + *Sub;
    }
    if (UO->getOpcode() == UO_AddrOf) {
      auto Sub = path(UO->getSubExpr(), S, Depth + 1);
      if (!Sub)
        return std::nullopt;
      if (StringRef(*Sub).starts_with("*"))
        return Sub->substr(1);
      return "&" + *Sub;
    }
    return std::nullopt;
  }
  // a[i], and v[i] on a standard sequence container.
  const Expr *SubBase = nullptr, *SubIdx = nullptr;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    SubBase = ASE->getBase();
    SubIdx = ASE->getIdx();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      if (const auto *RD =
              OC->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl())
        if (isInStd(RD) && RD->getDeclName().isIdentifier() &&
            (RD->getName() == "vector" || RD->getName() == "array" ||
             RD->getName() == "deque")) {
          SubBase = OC->getArg(0);
          SubIdx = OC->getArg(1);
        }
  }
  if (SubBase) {
    // A constant index names one element; so does a local or parameter
    // (`locks[i]`), for as long as it keeps its value: lock and unlock
    // through the same variable name the same lock.
    Expr::EvalResult R;
    std::string Index;
    if (!SubIdx->isValueDependent() && SubIdx->EvaluateAsInt(R, Ctx)) {
      Index = llvm::toString(R.Val.getInt(), 10);
    } else if (const auto *IDRE =
                   dyn_cast<DeclRefExpr>(SubIdx->IgnoreParenImpCasts())) {
      const auto *IV = dyn_cast<VarDecl>(IDRE->getDecl());
      if (!IV || !IV->hasLocalStorage())
        return std::nullopt;
      auto I = path(IDRE, S, Depth + 1); // a callee's parameter: the argument
      if (!I || I->empty() || !llvm::all_of(*I, [](char C) {
            return llvm::isAlnum(C) || C == '_';
          }))
        return std::nullopt;
      Index = *I;
    } else if (auto I = indexText(SubIdx, S, Depth + 1)) {
      // A stripe picked by a field of an object (`lru_locks[it->clsid]`)
      // or by arithmetic (`item_locks[hv & mask]`): lock and unlock
      // spelled alike name the same stripe, as a variable index does while
      // it keeps its value.
      Index = *I;
      // The outermost parentheses of `(hv & mask)` say nothing.
      if (StringRef(Index).starts_with("(") && StringRef(Index).ends_with(")"))
        Index = Index.substr(1, Index.size() - 2);
    } else {
      return std::nullopt;
    }
    auto Base = path(SubBase, S, Depth + 1);
    if (!Base)
      return std::nullopt;
    return *Base + "[" + Index + "]";
  }
  return std::nullopt;
}

std::optional<LockRef>
LockRecognizer::makeRef(const Expr *LockExpr,
                        std::optional<std::string> Key) const {
  if (!Key || Key->empty())
    return std::nullopt;
  LockRef R;
  R.Key = std::move(*Key);
  R.Obj = LockExpr;
  QualType T = stripLockExpr(LockExpr)->getType();
  R.Recursive = isRecursiveType(T, LockExpr);
  R.SharedReentrant = isSharedReentrantType(T);
  return R;
}

std::optional<LockRef> LockRecognizer::lockOfObject(const Expr *E) const {
  return makeRef(E, path(E, nullptr));
}

std::optional<LockRef> LockRecognizer::lockOfPointer(const Expr *E) const {
  const Expr *S = stripLockExpr(E);
  auto P = path(S, nullptr);
  if (!P || P->empty())
    return std::nullopt;
  LockRef R;
  if (StringRef(*P).starts_with("&"))
    R.Key = P->substr(1);
  else
    R.Key = "*" + *P;
  R.Obj = S;
  R.ViaPointer = true;
  QualType T = S->getType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  R.Recursive = isRecursiveType(T, S);
  R.SharedReentrant = isSharedReentrantType(T);
  return R;
}

std::optional<LockRef> LockRecognizer::lockOfCallObject(const Expr *E) const {
  if (!E)
    return std::nullopt;
  if (stripLockExpr(E)->getType()->isPointerType())
    return lockOfPointer(E);
  return lockOfObject(E);
}

llvm::SmallVector<LockRef, 2>
LockRecognizer::attrLocks(llvm::iterator_range<Expr **> AttrArgs,
                          const CallExpr *Call, const FunctionDecl *FD) const {
  llvm::SmallVector<LockRef, 2> Out;
  Subst S;
  S.Callee = FD;
  llvm::SmallVector<const Expr *, 4> Args;
  if (Call) {
    unsigned First = 0;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      S.Self = MC->getImplicitObjectArgument();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (isa<CXXMethodDecl>(FD)) {
        S.Self = OC->getArg(0);
        First = 1;
      }
    }
    for (unsigned I = First; I < Call->getNumArgs(); ++I)
      Args.push_back(Call->getArg(I));
    S.Args = Args;
  }
  const Subst *SP = Call ? &S : nullptr;
  if (AttrArgs.empty()) {
    // No argument: the capability is the object itself.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      (void)MD;
      if (Call && S.Self) {
        if (auto R = lockOfCallObject(S.Self))
          Out.push_back(*R);
      } else if (!Call) {
        LockRef R;
        R.Key = "*this";
        Out.push_back(R);
      }
    }
    return Out;
  }
  for (const Expr *A : AttrArgs) {
    auto P = path(A, SP);
    if (!P)
      continue;
    if (P->empty())
      P = "*this";
    QualType T = stripLockExpr(A)->getType();
    if (const auto *PT = T->getAs<PointerType>()) {
      // A pointer argument names its pointee.
      T = PT->getPointeeType();
      if (StringRef(*P).starts_with("&"))
        P = P->substr(1);
      else
        P = "*" + *P;
    }
    LockRef R;
    R.Key = *P;
    R.Recursive = isRecursiveType(T, A);
    R.SharedReentrant = isSharedReentrantType(T);
    Out.push_back(R);
  }
  return Out;
}

std::optional<LockOp>
LockRecognizer::classifyAttributed(const CallExpr *Call,
                                   const FunctionDecl *FD) const {
  for (const Attr *A : FD->attrs()) {
    LockOp Op;
    if (const auto *AA = dyn_cast<AcquireCapabilityAttr>(A)) {
      Op.Kind = LockOp::Acquire;
      Op.Mode = AA->isShared() ? LockMode::Shared : LockMode::Exclusive;
      Op.Locks = attrLocks(AA->args(), Call, FD);
    } else if (const auto *RA = dyn_cast<ReleaseCapabilityAttr>(A)) {
      Op.Kind = LockOp::Release;
      Op.Mode = RA->isShared() ? LockMode::Shared : LockMode::Exclusive;
      Op.AnyMode = RA->isGeneric();
      Op.Locks = attrLocks(RA->args(), Call, FD);
    } else if (const auto *TA = dyn_cast<TryAcquireCapabilityAttr>(A)) {
      Op.Kind = LockOp::TryAcquire;
      Op.Mode = TA->isShared() ? LockMode::Shared : LockMode::Exclusive;
      Op.Locks = attrLocks(TA->args(), Call, FD);
      Expr::EvalResult R;
      if (TA->getSuccessValue() &&
          TA->getSuccessValue()->EvaluateAsInt(R, Ctx))
        Op.SuccessIsZero = R.Val.getInt().isZero();
    } else {
      continue;
    }
    if (Op.Locks.empty())
      return std::nullopt;
    return Op;
  }
  return std::nullopt;
}

namespace {
/// Lower-case words of an identifier, for lock-like names.
std::string lowered(StringRef N) { return N.lower(); }

bool lockLikeName(StringRef N) {
  std::string L = lowered(N);
  StringRef S(L);
  if (S.contains("unlock") || S.contains("release"))
    return false;
  return S.contains("lock") || S.contains("acquire") || S == "enter" ||
         S.ends_with("_enter");
}

bool unlockLikeName(StringRef N) {
  std::string L = lowered(N);
  StringRef S(L);
  return S.contains("unlock") || S.contains("release") || S == "leave" ||
         S.ends_with("_leave") || S == "exit" || S.ends_with("_exit");
}

/// The field or variable of function-pointer type a call goes through.
const ValueDecl *pointerCallee(const CallExpr *Call) {
  if (Call->getDirectCallee())
    return nullptr;
  const Expr *E = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = DRE->getDecl();
  if (!D || !D->getDeclName().isIdentifier())
    return nullptr;
  QualType T = D->getType();
  if (!T->isFunctionPointerType() && !T->isFunctionReferenceType())
    return nullptr;
  return D;
}

/// Calls through function pointers in user code, per function, in source
/// order, with the access path of their first argument.
struct PointerCallFinder : RecursiveASTVisitor<PointerCallFinder> {
  const SourceManager &SM;
  const LockRecognizer &R;
  struct Site {
    const ValueDecl *D;
    std::string Arg;
  };
  std::vector<std::vector<Site>> ByFunction;
  PointerCallFinder(const SourceManager &SM, const LockRecognizer &R)
      : SM(SM), R(R) {}
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    if (const auto *FD = dyn_cast<FunctionDecl>(D);
        FD && FD->doesThisDeclarationHaveABody())
      ByFunction.emplace_back();
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitCallExpr(CallExpr *C) {
    if (ByFunction.empty() || C->getNumArgs() == 0)
      return true;
    if (const ValueDecl *D = pointerCallee(C))
      if (auto P = R.accessPath(C->getArg(0)->IgnoreParenImpCasts()))
        ByFunction.back().push_back({D, *P});
    return true;
  }
};
} // namespace

const llvm::DenseMap<const ValueDecl *, bool> &
LockRecognizer::lockPointers() const {
  if (LockPointers)
    return *LockPointers;
  LockPointers.emplace();
  PointerCallFinder F(Ctx.getSourceManager(), *this);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const auto &Sites : F.ByFunction)
    for (size_t I = 0; I < Sites.size(); ++I) {
      if (!lockLikeName(Sites[I].D->getName()))
        continue;
      for (size_t J = I + 1; J < Sites.size(); ++J)
        if (Sites[J].Arg == Sites[I].Arg &&
            unlockLikeName(Sites[J].D->getName()) &&
            Sites[J].D->getDeclContext() == Sites[I].D->getDeclContext()) {
          (*LockPointers)[Sites[I].D] = true;
          (*LockPointers)[Sites[J].D] = false;
        }
    }
  return *LockPointers;
}

std::optional<LockOp>
LockRecognizer::classifyPointerCall(const CallExpr *Call,
                                    const ValueDecl *D) const {
  bool Acquire;
  if (matchesName(D, Config.LockFunctions))
    Acquire = true;
  else if (matchesName(D, Config.UnlockFunctions))
    Acquire = false;
  else {
    auto It = lockPointers().find(D);
    if (It == lockPointers().end())
      return std::nullopt;
    Acquire = It->second;
  }
  if (Call->getNumArgs() == 0)
    return std::nullopt;
  const Expr *A = Call->getArg(0);
  std::optional<LockRef> L =
      A->IgnoreParenImpCasts()->getType()->isPointerType() ? lockOfPointer(A)
                                                           : lockOfObject(A);
  if (!L)
    return std::nullopt;
  LockOp Op;
  Op.Kind = Acquire ? LockOp::Acquire : LockOp::Release;
  Op.Locks.push_back(*L);
  return Op;
}

std::string LockRecognizer::zeroArgKey(const FunctionDecl *FD,
                                       bool Acquire) const {
  auto Stem = [](StringRef N) {
    std::string L = N.lower();
    for (StringRef W : {"unlock", "release", "lock", "acquire"}) {
      size_t P = L.find(W.str());
      if (P != std::string::npos) {
        L.erase(P, W.size());
        break;
      }
    }
    return L;
  };
  std::string Name = FD->getNameAsString();
  if (Acquire)
    return Name + "()";
  // The unlock function shares the key of the lock function with its stem.
  std::string Mine = Stem(Name);
  for (const std::string &N : Config.LockFunctions) {
    StringRef Simple = StringRef(N).trim();
    Simple = Simple.substr(Simple.rfind(':') == StringRef::npos
                               ? 0
                               : Simple.rfind(':') + 1);
    if (!Simple.contains('*') && Stem(Simple) == Mine)
      return Simple.str() + "()";
  }
  return Name + "()";
}

/// The operation a std::mutex-family member function performs, by name
/// (`lock`, `unlock_shared`, `try_lock_for`...), with its mode.
static std::optional<LockOp> mutexMemberOp(StringRef N) {
  LockOp Op;
  if (N == "lock" || N == "lock_shared")
    Op.Kind = LockOp::Acquire;
  else if (N == "unlock" || N == "unlock_shared")
    Op.Kind = LockOp::Release;
  else if (N.starts_with("try_lock"))
    Op.Kind = LockOp::TryAcquire;
  else
    return std::nullopt;
  Op.Mode = N.contains("shared") ? LockMode::Shared : LockMode::Exclusive;
  return Op;
}

std::optional<LockOp> LockRecognizer::classifyCall(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  // `Mu.lock()` where Mu's type is a template parameter, in a template
  // analysed uninstantiated: the std::mutex names are the lock's interface.
  if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(
          Call->getCallee() ? Call->getCallee()->IgnoreParens() : nullptr);
      DM && !DM->isImplicitAccess() && DM->getMember().isIdentifier() &&
      Call->getNumArgs() == 0) {
    QualType BT = DM->getBase()->getType();
    if (DM->isArrow())
      if (const auto *PT = BT->getAs<PointerType>())
        BT = PT->getPointeeType();
    auto Op = mutexMemberOp(DM->getMember().getAsIdentifierInfo()->getName());
    if (!Op || !BT->getAs<TemplateTypeParmType>())
      return std::nullopt;
    auto L = lockOfCallObject(DM->getBase());
    if (!L)
      return std::nullopt;
    Op->Locks.push_back(*L);
    return Op;
  }
  if (!FD) {
    if (const ValueDecl *D = pointerCallee(Call))
      return classifyPointerCall(Call, D);
    return std::nullopt;
  }

  if (auto Op = classifyAttributed(Call, FD))
    return Op;

  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Object = MC->getImplicitObjectArgument();

  // std::mutex family.
  if (MD && Object && FD->getDeclName().isIdentifier()) {
    const CXXRecordDecl *RD = MD->getParent();
    if (RD && isInStd(RD) && isStdMutexName(RD->getName())) {
      auto Op = mutexMemberOp(FD->getName());
      auto L = Op ? lockOfCallObject(Object) : std::nullopt;
      if (!L)
        return std::nullopt;
      Op->Locks.push_back(*L);
      return Op;
    }
  }

  // User wrappers named in options: the lock is the object of a member call,
  // otherwise the first argument.
  bool UserLock = matchesName(FD, Config.LockFunctions);
  bool UserUnlock = !UserLock && matchesName(FD, Config.UnlockFunctions);
  if (UserLock || UserUnlock) {
    LockOp Op;
    Op.Kind = UserLock ? LockOp::Acquire : LockOp::Release;
    std::optional<LockRef> L;
    if (Object)
      L = lockOfCallObject(Object);
    else if (Call->getNumArgs() > 0) {
      const Expr *A = Call->getArg(0);
      L = A->getType()->isPointerType() ? lockOfPointer(A) : lockOfObject(A);
    } else {
      // `STATS_LOCK()`: the function is the only name the lock has.
      L.emplace();
      L->Key = zeroArgKey(FD, UserLock);
    }
    if (!L)
      return std::nullopt;
    Op.Locks.push_back(*L);
    return Op;
  }

  // std::lock(a, b, ...).
  if (!MD && FD->getDeclName().isIdentifier() && isInStd(FD) &&
      FD->getName() == "lock" && Call->getNumArgs() >= 2) {
    LockOp Op;
    for (const Expr *A : Call->arguments()) {
      auto L = lockOfObject(A);
      if (!L)
        return std::nullopt;
      Op.Locks.push_back(*L);
    }
    return Op;
  }

  // POSIX and C11 primitives take a pointer to the lock.
  if (!MD && FD->getDeclName().isIdentifier() && Call->getNumArgs() >= 1 &&
      FD->isExternC()) {
    StringRef N = FD->getName();
    LockOp Op;
    Op.SuccessIsZero = true;
    bool Known = true;
    if (N == "pthread_mutex_lock" || N == "pthread_spin_lock" ||
        N == "mtx_lock" || N == "pthread_rwlock_wrlock")
      Op.Kind = LockOp::Acquire;
    else if (N == "pthread_rwlock_rdlock") {
      Op.Kind = LockOp::Acquire;
      Op.Mode = LockMode::Shared;
    } else if (N == "pthread_mutex_trylock" || N == "pthread_spin_trylock" ||
               N == "mtx_trylock" || N == "mtx_timedlock" ||
               N == "pthread_mutex_timedlock" ||
               N == "pthread_rwlock_trywrlock" ||
               N == "pthread_rwlock_timedwrlock")
      Op.Kind = LockOp::TryAcquire;
    else if (N == "pthread_rwlock_tryrdlock" ||
             N == "pthread_rwlock_timedrdlock") {
      Op.Kind = LockOp::TryAcquire;
      Op.Mode = LockMode::Shared;
    } else if (N == "pthread_mutex_unlock" || N == "pthread_spin_unlock" ||
               N == "mtx_unlock")
      Op.Kind = LockOp::Release;
    else if (N == "pthread_rwlock_unlock") {
      Op.Kind = LockOp::Release;
      Op.AnyMode = true;
    } else
      Known = false;
    if (Known) {
      auto L = lockOfPointer(Call->getArg(0));
      if (!L)
        return std::nullopt;
      Op.Locks.push_back(*L);
      return Op;
    }
  }
  return std::nullopt;
}

GuardKind LockRecognizer::guardKind(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  // `std::lock_guard<Lock>` in a template: the template names the guard.
  if (!RD)
    if (const auto *TST = T.getNonReferenceType()
                              ->getAs<TemplateSpecializationType>())
      if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
        RD = dyn_cast_or_null<CXXRecordDecl>(TD->getTemplatedDecl());
  if (!RD)
    return GuardKind::None;
  if (RD->hasAttr<ScopedLockableAttr>())
    return GuardKind::Annotated;
  if (isInStd(RD) && RD->getDeclName().isIdentifier()) {
    GuardKind K = llvm::StringSwitch<GuardKind>(RD->getName())
                      .Case("lock_guard", GuardKind::LockGuard)
                      .Case("unique_lock", GuardKind::UniqueLock)
                      .Case("shared_lock", GuardKind::SharedLock)
                      .Case("scoped_lock", GuardKind::ScopedLock)
                      .Default(GuardKind::None);
    if (K != GuardKind::None)
      return K;
  }
  if (matchesName(RD, Config.ScopedLockTypes))
    return GuardKind::Annotated;
  return GuardKind::None;
}

static std::optional<LockRecognizer::GuardInit::TagKind>
tagOf(const Expr *E) {
  const CXXRecordDecl *RD = stripLockExpr(E)->getType()->getAsCXXRecordDecl();
  if (!RD || !isInStd(RD) || !RD->getDeclName().isIdentifier())
    return std::nullopt;
  StringRef N = RD->getName();
  if (N == "defer_lock_t")
    return LockRecognizer::GuardInit::Defer;
  if (N == "try_to_lock_t")
    return LockRecognizer::GuardInit::TryTo;
  if (N == "adopt_lock_t")
    return LockRecognizer::GuardInit::Adopt;
  return std::nullopt;
}

std::optional<LockRecognizer::GuardInit>
LockRecognizer::classifyGuardConstruct(const CXXConstructExpr *CE) const {
  GuardKind K = guardKind(CE->getType());
  if (K == GuardKind::None)
    return std::nullopt;
  GuardInit G;
  G.Mode = K == GuardKind::SharedLock ? LockMode::Shared : LockMode::Exclusive;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (Ctor && (Ctor->isMoveConstructor() || Ctor->isCopyConstructor())) {
    if (CE->getNumArgs() == 1)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(stripLockExpr(CE->getArg(0))))
        G.MovedFrom = dyn_cast<VarDecl>(DRE->getDecl());
    G.Tag = GuardInit::Adopt;
    return G;
  }
  if (K == GuardKind::Annotated && Ctor) {
    // Annotated guards say what they take; unannotated option-listed ones
    // lock their first argument.
    for (const Attr *A : Ctor->attrs()) {
      if (const auto *AA = dyn_cast<AcquireCapabilityAttr>(A)) {
        G.Mode = AA->isShared() ? LockMode::Shared : LockMode::Exclusive;
        Subst S;
        S.Callee = Ctor;
        llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
        S.Args = Args;
        for (const Expr *Arg : AA->args()) {
          auto P = path(Arg, &S);
          if (!P || P->empty())
            continue;
          QualType T = stripLockExpr(Arg)->getType();
          LockRef R;
          if (const auto *PT = T->getAs<PointerType>()) {
            T = PT->getPointeeType();
            R.Key = StringRef(*P).starts_with("&") ? P->substr(1) : "*" + *P;
          } else {
            R.Key = *P;
          }
          R.Recursive = isRecursiveType(T, Arg);
          G.Locks.push_back(R);
        }
        return G;
      }
      if (isa<RequiresCapabilityAttr>(A) || isa<ReleaseCapabilityAttr>(A)) {
        // Adopting constructor: REQUIRES(mu) means the lock is held already.
        G.Tag = GuardInit::Adopt;
      }
    }
  }
  for (const Expr *Arg : CE->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    if (auto T = tagOf(Arg)) {
      G.Tag = *T;
      continue;
    }
    QualType AT = stripLockExpr(Arg)->getType();
    if (AT->isPointerType()) {
      if (auto L = lockOfPointer(Arg))
        G.Locks.push_back(*L);
      continue;
    }
    const CXXRecordDecl *RD = AT->getAsCXXRecordDecl();
    // Durations and time points of try_lock_for/until constructors are not
    // locks; anything else of class type that is not a guard tag is.
    if (RD && isInStd(RD) && RD->getDeclName().isIdentifier() &&
        (RD->getName() == "duration" || RD->getName() == "time_point")) {
      G.Tag = GuardInit::TryTo;
      continue;
    }
    if (isNullMutexType(AT))
      continue; // spdlog's null_mutex & co: single-threaded by choice
    if (auto L = lockOfObject(Arg))
      G.Locks.push_back(*L);
    if (K == GuardKind::Annotated)
      break;
  }
  if (G.Locks.empty() && !G.MovedFrom &&
      Ctor && Ctor->isDefaultConstructor())
    G.Tag = GuardInit::Defer;
  return G;
}

std::optional<LockRecognizer::GuardInit>
LockRecognizer::classifyDependentGuard(const VarDecl *VD) const {
  GuardKind K = guardKind(VD->getType());
  if (K == GuardKind::None || K == GuardKind::Annotated || !VD->getInit() ||
      !VD->getType()->isDependentType())
    return std::nullopt;
  const Expr *Init = VD->getInit()->IgnoreParens();
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *PL = dyn_cast<ParenListExpr>(VD->getInit()))
    for (unsigned I = 0; I < PL->getNumExprs(); ++I)
      Args.push_back(PL->getExpr(I));
  else if (const auto *UC = dyn_cast<CXXUnresolvedConstructExpr>(Init))
    Args.append(UC->arg_begin(), UC->arg_end());
  else if (const auto *IL = dyn_cast<InitListExpr>(Init))
    Args.append(IL->inits().begin(), IL->inits().end());
  else
    Args.push_back(Init);
  GuardInit G;
  G.Mode = K == GuardKind::SharedLock ? LockMode::Shared : LockMode::Exclusive;
  for (const Expr *Arg : Args) {
    if (auto T = tagOf(Arg))
      G.Tag = *T;
    else if (auto L = lockOfCallObject(Arg))
      G.Locks.push_back(*L);
  }
  if (G.Locks.empty())
    return std::nullopt;
  return G;
}

namespace {
/// A lock key split as `[*]root rest`, rest starting with ".", "->" or "[".
struct SplitKey {
  bool Star = false;
  StringRef Root, Rest;
};
SplitKey splitKey(StringRef K) {
  SplitKey Out;
  Out.Star = K.consume_front("*");
  size_t End = K.size();
  for (StringRef Sep : {".", "->", "["})
    End = std::min(End, K.find(Sep));
  Out.Root = K.take_front(End);
  Out.Rest = K.drop_front(End);
  return Out;
}

/// The locals declared in \p Body by name, the first in source order when
/// a name is declared twice; lambdas' locals are their own. Iterative: a
/// function body can be nested deeper than the stack allows.
void collectLocals(const Stmt *Body, llvm::StringMap<const VarDecl *> &Out) {
  llvm::SmallVector<const Stmt *, 32> Work;
  Work.push_back(Body);
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getDeclName().isIdentifier())
            Out.try_emplace(VD->getName(), VD);
    // Children in reverse, so that they are visited in source order.
    size_t Mark = Work.size();
    for (const Stmt *C : S->children())
      Work.push_back(C);
    std::reverse(Work.begin() + Mark, Work.end());
  }
}

bool hasField(const CXXRecordDecl *RD, StringRef Name, unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return false;
  for (const FieldDecl *F : RD->fields())
    if (F->getDeclName().isIdentifier() && F->getName() == Name)
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (hasField(B.getType()->getAsCXXRecordDecl(), Name, Depth + 1))
      return true;
  return false;
}

std::string typeName(QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const auto *RD = T->getAsRecordDecl())
    return RD->getQualifiedNameAsString();
  return T.getAsString();
}

/// `obj` + "." + field, written as path() would write it.
std::string member(StringRef Obj, StringRef Field) {
  if (Obj.empty())
    return Field.str();
  if (Obj.starts_with("*"))
    return Obj.drop_front().str() + "->" + Field.str();
  return Obj.str() + "." + Field.str();
}
} // namespace

LockRecognizer::KeyRoot LockRecognizer::rootOf(const FunctionDecl *FD,
                                               StringRef Key) const {
  KeyRoot Out;
  StringRef Root = splitKey(Key).Root;
  for (const ParmVarDecl *P : FD->parameters())
    if (P->getDeclName().isIdentifier() && P->getName() == Root) {
      Out.Kind = RootKind::Param;
      Out.Var = P;
      return Out;
    }
  auto [It, New] = Locals.try_emplace(FD);
  if (New)
    collectLocals(FD->getBody(), It->second);
  if (const VarDecl *VD = It->second.lookup(Root)) {
    Out.Kind = RootKind::Local;
    Out.Var = VD;
    return Out;
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isInstance() && hasField(MD->getParent(), Root)) {
      Out.Kind = RootKind::ThisField;
      return Out;
    }
  return Out;
}

bool LockRecognizer::nameableByCaller(const FunctionDecl *FD,
                                      StringRef Key) const {
  KeyRoot R = rootOf(FD, Key);
  switch (R.Kind) {
  case RootKind::Global:
  case RootKind::ThisField:
    return true;
  case RootKind::Local:
    return false;
  case RootKind::Param: {
    // A by-value parameter is the callee's own copy.
    QualType T = R.Var->getType();
    return T->isPointerType() || T->isReferenceType();
  }
  }
  return false;
}

std::string LockRecognizer::crossFunctionKey(const FunctionDecl *FD,
                                             StringRef Key) const {
  SplitKey K = splitKey(Key);
  KeyRoot R = rootOf(FD, Key);
  std::string Star = K.Star ? "*" : "";
  switch (R.Kind) {
  case RootKind::Global:
    return Key.str();
  case RootKind::ThisField:
    return Star + "{" +
           cast<CXXMethodDecl>(FD)->getParent()->getQualifiedNameAsString() +
           "}." + K.Root.str() + K.Rest.str();
  case RootKind::Param:
  case RootKind::Local:
    break;
  }
  // Named by the type of the object: `p->mu`, `(*p).mu` and `r.mu` of the
  // same class are one lock here, like the field-based view of accesses.
  QualType T = R.Var->getType().getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>()) {
    std::string Obj = "{" + typeName(PT->getPointeeType()) + "}";
    if (K.Rest.consume_front("->"))
      return Star + Obj + "." + K.Rest.str();
    if (K.Star && K.Rest.empty())
      return Obj;
  }
  return Star + "{" + typeName(T) + "}" + K.Rest.str();
}

llvm::SmallVector<StringRef, 1> computedIndices(StringRef Key) {
  llvm::SmallVector<StringRef, 1> Out;
  for (size_t Open = Key.find('['); Open != StringRef::npos;
       Open = Key.find('[', Open + 1)) {
    size_t Close = Key.find(']', Open);
    if (Close == StringRef::npos)
      break;
    StringRef Idx = Key.slice(Open + 1, Close);
    if (!llvm::all_of(Idx, [](char C) { return llvm::isAlnum(C) || C == '_'; }))
      Out.push_back(Idx);
  }
  return Out;
}

/// Whether a computed subscript of the key mentions a parameter of FD.
static bool computedIndexUses(StringRef Key, const FunctionDecl *FD) {
  for (StringRef Idx : computedIndices(Key))
    for (size_t I = 0; I < Idx.size();) {
      if (!llvm::isAlpha(Idx[I]) && Idx[I] != '_') {
        ++I;
        continue;
      }
      size_t J = I;
      while (J < Idx.size() && (llvm::isAlnum(Idx[J]) || Idx[J] == '_'))
        ++J;
      StringRef Tok = Idx.slice(I, J);
      for (const ParmVarDecl *P : FD->parameters())
        if (P->getDeclName().isIdentifier() && P->getName() == Tok)
          return true;
      I = J;
    }
  return false;
}

std::optional<LockRef>
LockRecognizer::substituteAtCall(const LockRef &L, const FunctionDecl *Callee,
                                 const CallExpr *Call) const {
  SplitKey K = splitKey(L.Key);
  KeyRoot R = rootOf(Callee, L.Key);
  std::string Star = K.Star ? "*" : "";
  std::optional<std::string> Key;
  if (isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  switch (R.Kind) {
  case RootKind::Global: {
    // A stripe the callee picks with its parameters (`item_locks[hv &
    // mask]` in item_lock(hv)) is, at this call, the stripe the arguments
    // pick: spelled with them, so that two calls with different arguments
    // are two stripes. Without the callee's expression (a wrapper known
    // from another file's summary) the stripe cannot be told.
    if (!computedIndexUses(L.Key, Callee))
      return L;
    if (!L.Obj)
      return std::nullopt;
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    Subst Sub;
    Sub.Callee = Callee;
    Sub.Args = Args;
    auto P = path(stripLockExpr(L.Obj), &Sub);
    if (!P || P->empty())
      return std::nullopt;
    LockRef Out = L;
    if (L.ViaPointer)
      Out.Key = StringRef(*P).starts_with("&") ? P->substr(1) : "*" + *P;
    else
      Out.Key = *P;
    // The key names the caller's stripe; the callee's expression no
    // longer places it.
    Out.Obj = nullptr;
    return Out;
  }
  case RootKind::Local:
    return std::nullopt;
  case RootKind::ThisField: {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
    const Expr *Self = MC ? MC->getImplicitObjectArgument() : nullptr;
    if (!Self)
      return std::nullopt;
    if (isa<CXXThisExpr>(stripLockExpr(Self)))
      return L; // the caller's own object
    auto Obj = path(Self, nullptr);
    if (!Obj)
      return std::nullopt;
    std::string Object = *Obj;
    if (Self->getType()->isPointerType())
      Object = StringRef(Object).starts_with("&") ? Object.substr(1)
               : Object.empty()                   ? Object
                                                  : "*" + Object;
    Key = Star + member(Object, K.Root) + K.Rest.str();
    break;
  }
  case RootKind::Param: {
    const auto *PVD = cast<ParmVarDecl>(R.Var);
    unsigned Idx = PVD->getFunctionScopeIndex();
    if (Idx >= Call->getNumArgs() || isa<CXXDefaultArgExpr>(Call->getArg(Idx)))
      return std::nullopt;
    auto Arg = path(Call->getArg(Idx), nullptr);
    if (!Arg)
      return std::nullopt;
    QualType PT = PVD->getType();
    // The object the parameter designates, in the caller's terms ("" is
    // the caller's `*this`).
    std::string Obj;
    if (PT->isPointerType())
      Obj = StringRef(*Arg).starts_with("&") ? Arg->substr(1)
            : Arg->empty()                   ? std::string()
                                             : "*" + *Arg;
    else if (PT->isReferenceType())
      Obj = *Arg;
    else
      return std::nullopt;
    StringRef Rest = K.Rest;
    if (PT->isPointerType()) {
      if (Rest.consume_front("->"))
        Key = Star + member(Obj, Rest);
      else if (K.Star && Rest.empty())
        Key = Obj;
      else
        return std::nullopt;
    } else {
      if (Rest.empty())
        Key = Star + Obj;
      else if (Rest.consume_front("."))
        Key = Star + member(Obj, Rest);
      else if (!Obj.empty())
        Key = Star + Obj + Rest.str();
    }
    break;
  }
  }
  if (!Key || Key->empty() || *Key == "*")
    return std::nullopt;
  LockRef Out = L;
  Out.Key = *Key;
  return Out;
}

bool LockRecognizer::isAcquireFunction(const FunctionDecl *FD) const {
  // A guard's constructor returns holding what it locked; that is its job.
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
    if (guardKind(Ctx.getCanonicalTagType(CD->getParent())) != GuardKind::None)
      return true;
  return FD->hasAttr<AcquireCapabilityAttr>() ||
         FD->hasAttr<TryAcquireCapabilityAttr>() ||
         matchesName(FD, Config.LockFunctions);
}

bool LockRecognizer::isReleaseFunction(const FunctionDecl *FD) const {
  if (const auto *DD = dyn_cast<CXXDestructorDecl>(FD))
    if (guardKind(Ctx.getCanonicalTagType(DD->getParent())) != GuardKind::None)
      return true;
  return FD->hasAttr<ReleaseCapabilityAttr>() ||
         matchesName(FD, Config.UnlockFunctions);
}

llvm::SmallVector<std::pair<LockRef, LockMode>, 2>
LockRecognizer::locksHeldOnEntry(const FunctionDecl *FD) const {
  llvm::SmallVector<std::pair<LockRef, LockMode>, 2> Out;
  for (const Attr *A : FD->attrs()) {
    if (const auto *RA = dyn_cast<RequiresCapabilityAttr>(A)) {
      for (const LockRef &L : attrLocks(RA->args(), nullptr, FD))
        Out.push_back({L, RA->isShared() ? LockMode::Shared
                                         : LockMode::Exclusive});
    } else if (const auto *RL = dyn_cast<ReleaseCapabilityAttr>(A)) {
      for (const LockRef &L : attrLocks(RL->args(), nullptr, FD))
        Out.push_back({L, RL->isShared() ? LockMode::Shared
                                         : LockMode::Exclusive});
    }
  }
  return Out;
}

llvm::SmallVector<LockRef, 2>
LockRecognizer::locksAcquiredByAttr(const FunctionDecl *FD) const {
  llvm::SmallVector<LockRef, 2> Out;
  for (const auto *AA : FD->specific_attrs<AcquireCapabilityAttr>())
    for (const LockRef &L : attrLocks(AA->args(), nullptr, FD))
      Out.push_back(L);
  return Out;
}

} // namespace racelint
