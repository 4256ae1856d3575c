//===--- TUModel.cpp - The per-translation-unit analysis cache ------------===//

#include "TUModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <functional>
#include <map>
#include <mutex>

using namespace clang;

namespace racelint {

namespace {
// clangd analyses several files at once, so the registry is locked. Entries
// die with their ASTContext (ASTContext::AddDeallocation).
struct Registry {
  std::mutex Mu;
  std::map<const ASTContext *, std::map<std::string, std::unique_ptr<TUModel>>>
      Models;
};
Registry &registry() {
  static Registry R;
  return R;
}
void forget(void *Ctx) {
  Registry &R = registry();
  std::lock_guard<std::mutex> G(R.Mu);
  R.Models.erase(static_cast<const ASTContext *>(Ctx));
}
std::string fingerprint(const LockConfig &C) {
  std::string S;
  for (const auto *List : {&C.LockFunctions, &C.UnlockFunctions, &C.ScopedLockTypes}) {
    for (const std::string &N : *List)
      S += N + ";";
    S += "|";
  }
  return S;
}
} // namespace

TUModel &TUModel::get(ASTContext &Ctx, const LockConfig &Config) {
  Registry &R = registry();
  std::lock_guard<std::mutex> G(R.Mu);
  auto [CtxIt, New] = R.Models.try_emplace(&Ctx);
  if (New)
    Ctx.AddDeallocation(forget, &Ctx);
  std::unique_ptr<TUModel> &M = CtxIt->second[fingerprint(Config)];
  if (!M)
    M = std::make_unique<TUModel>(Ctx, Config);
  return *M;
}

TUModel::TUModel(ASTContext &Ctx, const LockConfig &Config)
    : Ctx(Ctx), Config(Config), Recognizer(Ctx, this->Config) {}

const CFG *TUModel::cfg(const FunctionDecl *FD) {
  auto [It, New] = CFGs.try_emplace(FD);
  // After an error clang's error recovery leaves ASTs the CFG builder
  // crashes on (a fuzzed input did); clang itself builds no CFG for its
  // flow-sensitive warnings then, and neither does racelint.
  if (New && FD->hasBody() &&
      !Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
    CFG::BuildOptions Opts = racelintCFGOptions();
    It->second = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  }
  return It->second.get();
}

std::unique_ptr<FunctionLocks> TUModel::analyze(const FunctionDecl *FD) {
  auto Result = std::make_unique<FunctionLocks>();
  if (const CFG *C = cfg(FD)) {
    auto E = Entry.find(FD);
    llvm::ArrayRef<std::pair<LockRef, LockMode>> In;
    if (E != Entry.end())
      In = E->second;
    *Result = LocksetAnalysis(FD, *C, Recognizer, Ctx, &Wrappers, In,
                              &NoReturn)
                  .run();
  }
  return Result;
}

const FunctionLocks &TUModel::locks(const FunctionDecl *FD) {
  if (!Inferred && !Inferring)
    inferWrappers();
  auto It = Locks.find(FD);
  if (It != Locks.end())
    return *It->second;
  return *Locks.try_emplace(FD, analyze(FD)).first->second;
}

const InferredLocks &TUModel::inferred(const FunctionDecl *FD) {
  static const InferredLocks None;
  if (!Inferred && !Inferring)
    inferWrappers();
  auto It = Facts.find(FD);
  return It == Facts.end() ? None : It->second;
}

bool InferredLocks::leavesHeld(llvm::StringRef Key) const {
  for (const Fact &F : Facts)
    if (F.Lock.Key == Key && F.Kind != Releases && F.Kind != RequiresOnEntry)
      return true;
  return false;
}

namespace {
/// Function definitions racelint analyses, lambdas and instantiations
/// included.
class DefinitionFinder : public RecursiveASTVisitor<DefinitionFinder> {
public:
  DefinitionFinder(ASTContext &Ctx, std::vector<const FunctionDecl *> &Out)
      : Ctx(Ctx), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D)) {
      const SourceManager &SM = Ctx.getSourceManager();
      SourceLocation L = SM.getExpansionLoc(D->getLocation());
      if (L.isValid() && SM.isInSystemHeader(L))
        return true;
    }
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (shouldAnalyze(FD, Ctx))
      Out.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (CXXMethodDecl *Op = LE->getCallOperator())
      if (shouldAnalyze(Op, Ctx))
        Out.push_back(Op);
    return true;
  }

private:
  ASTContext &Ctx;
  std::vector<const FunctionDecl *> &Out;
};

/// Direct callees of a body (lambdas excluded: they are functions of their
/// own).
void collectCallees(const Stmt *S, std::set<const FunctionDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Out.insert(Callee->getCanonicalDecl());
  for (const Stmt *C : S->children())
    collectCallees(C, Out);
}

bool sameFacts(const InferredLocks &A, const InferredLocks &B) {
  if (A.Facts.size() != B.Facts.size())
    return false;
  for (size_t I = 0; I < A.Facts.size(); ++I)
    if (A.Facts[I].Kind != B.Facts[I].Kind ||
        A.Facts[I].Lock.Key != B.Facts[I].Lock.Key ||
        A.Facts[I].Mode != B.Facts[I].Mode ||
        A.Facts[I].SuccessIsZero != B.Facts[I].SuccessIsZero)
      return false;
  return true;
}
} // namespace

namespace {
/// Whether the function does anything while holding Key besides lock
/// operations and returning: touching a global or a field, or calling a
/// function. A wrapper takes the lock and returns; a function that works
/// under a lock it never releases forgot the unlock.
bool worksHolding(const FunctionLocks &FL, const std::string &Key,
                  const LockRecognizer &R, const WrapperTable &Wrappers) {
  auto IsLockCall = [&](const CallExpr *C) {
    if (R.classifyCall(C))
      return true;
    const FunctionDecl *Callee = C->getDirectCallee();
    return Callee && Wrappers.count(Callee->getCanonicalDecl());
  };
  // Sub-expressions of lock calls name the locks; they are not work.
  llvm::DenseSet<const Stmt *> InLockCall;
  std::function<void(const Stmt *)> Mark = [&](const Stmt *S) {
    if (!S || !InLockCall.insert(S).second)
      return;
    for (const Stmt *C : S->children())
      Mark(C);
  };
  for (const auto &[S, Held] : FL.MustAt)
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (IsLockCall(C))
        Mark(C);
  for (const auto &[S, Held] : FL.MustAt) {
    if (InLockCall.count(S) || !llvm::is_contained(Held, Key))
      continue;
    if (isa<MemberExpr>(S) || isa<CallExpr>(S))
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasGlobalStorage())
          return true;
  }
  return false;
}
} // namespace

InferredLocks TUModel::derive(const FunctionDecl *FD, const FunctionLocks &FL,
                              const std::set<std::string> &Evidence) const {
  InferredLocks Out;
  // Annotated and option-named functions say what they do.
  if (!FL.Analyzed || Recognizer.isAcquireFunction(FD) ||
      Recognizer.isReleaseFunction(FD))
    return Out;
  auto Add = [&](InferredLocks::FactKind K, const LockRef &L, LockMode M,
                 bool Zero = false) {
    Out.Facts.push_back({K, L, M, Zero});
  };
  using Exit = FunctionLocks::ExitPoint;

  // Released before any acquire on every path that touches it: the caller
  // holds it on entry (the function is analysed again under that
  // assumption). What is left at the exits says whether it releases it.
  for (const auto &[Key, RM] : FL.FirstReleased) {
    const auto &[L, Mode] = RM;
    // Only a lock the caller can name can be the caller's.
    if (!Recognizer.nameableByCaller(FD, Key))
      continue;
    // Released while the function keeps a lock it took itself: the unlock
    // was meant for that one (reported), not for a lock of the caller.
    if (llvm::any_of(FL.Anomalies, [&](const LockAnomaly &A) {
          return A.Kind == LockAnomaly::UnlockMismatch && A.Lock == Key;
        }))
      continue;
    if (FL.FirstAcquired.count(Key)) {
      // A lock/unlock switch driven by an argument (pause/resume): no path
      // operates on the lock twice. Otherwise some path takes and releases
      // it, and the other paths are ordinary mistakes.
      if (!FL.Retouched.count(Key))
        Add(InferredLocks::LockOrUnlock, L, Mode);
      continue;
    }
    Add(InferredLocks::RequiresOnEntry, L, Mode);
    unsigned Holding = 0;
    for (const Exit &X : FL.Exits) {
      auto H = X.Held.find(Key);
      if (H != X.Held.end() && H->second.Must && !H->second.CondVar)
        ++Holding;
      else if (H != X.Held.end())
        Holding += FL.Exits.size() + 1; // may-held: neither
    }
    if (FL.Exits.empty())
      continue;
    if (Holding == 0)
      Add(InferredLocks::Releases, L, Mode);
    else if (Holding != FL.Exits.size())
      Add(InferredLocks::MayRelease, L, Mode);
  }

  // Taken, never released first: a lock the function returns holding.
  QualType RT = FD->getReturnType();
  for (const auto &[Key, AM] : FL.FirstAcquired) {
    const auto &[L, Mode] = AM;
    if (FL.FirstReleased.count(Key) || FL.Exits.empty())
      continue;
    // The function returns the lock itself (`return lock;` of a local
    // pointer to it): the caller gets it and releases it.
    LockRecognizer::KeyRoot Root = Recognizer.rootOf(FD, Key);
    bool Escapes = false, Guarded = false;
    unsigned HeldExits = 0, FreeExits = 0, MayExits = 0;
    LockMode HeldMode = Mode;
    for (const Exit &X : FL.Exits) {
      auto H = X.Held.find(Key);
      if (H == X.Held.end()) {
        ++FreeExits;
        continue;
      }
      if (H->second.Guard)
        Guarded = true;
      if (Root.Kind == LockRecognizer::RootKind::Local &&
          X.RetVar == Root.Var &&
          (Key == "*" + Root.Var->getName().str() ||
           llvm::StringRef(Key).starts_with(Root.Var->getName().str() + "->")))
        Escapes = true;
      if (H->second.Must && !H->second.CondVar && !H->second.FromEntry &&
          !H->second.Guard) {
        ++HeldExits;
        HeldMode = H->second.Mode;
      } else {
        ++MayExits;
      }
    }
    if (Guarded || HeldExits + MayExits == 0)
      continue;
    if (Escapes) {
      Add(InferredLocks::HandsOff, L, HeldMode);
      continue;
    }
    // Pairing evidence: some function of the TU releases this lock without
    // taking it. Without it, a function that returns holding a lock is a
    // forgotten unlock.
    if (!Evidence.count(Recognizer.crossFunctionKey(FD, Key)) || MayExits)
      continue;
    std::optional<InferredLocks::FactKind> Kind;
    bool SuccessIsZero = false;
    if (FreeExits == 0) {
      if (!worksHolding(FL, Key, Recognizer, Wrappers))
        Kind = InferredLocks::Acquires;
    } else {
      // Held exactly on the exits whose result says success: a try-lock
      // wrapper. Pointers and bools succeed when non-null/true; integers
      // when zero (the C convention) or exactly 1.
      bool PtrLike = RT->isPointerType() || RT->isBooleanType();
      bool Int = !PtrLike && RT->isIntegerType();
      auto All = [&](bool Held, auto Pred) {
        return llvm::all_of(FL.Exits, [&](const Exit &X) {
          return X.Held.count(Key) != Held || Pred(X);
        });
      };
      auto IsZero = [](const Exit &X) { return X.Ret == Exit::Zero; };
      auto NotZero = [](const Exit &X) {
        return X.Ret == Exit::NonZero || X.Ret == Exit::Other;
      };
      auto IsNonZeroConst = [](const Exit &X) {
        return X.Ret == Exit::NonZero;
      };
      if (PtrLike && All(false, IsZero) && All(true, NotZero)) {
        Kind = InferredLocks::TryAcquires;
      } else if (Int && All(true, IsZero) && All(false, IsNonZeroConst)) {
        Kind = InferredLocks::TryAcquires;
        SuccessIsZero = true;
      }
    }
    if (!Kind)
      continue;
    bool Virtual = false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      Virtual = MD->isVirtual();
    if (Recognizer.nameableByCaller(FD, Key) && !Virtual)
      Add(*Kind, L, HeldMode, SuccessIsZero);
    else
      Add(InferredLocks::HandsOff, L, HeldMode);
  }
  return Out;
}

const std::vector<const FunctionDecl *> &TUModel::definitions() {
  if (!Definitions) {
    std::vector<const FunctionDecl *> Fns;
    DefinitionFinder(Ctx, Fns).TraverseDecl(Ctx.getTranslationUnitDecl());
    // Lambdas can be reached twice; keep the first.
    llvm::DenseSet<const FunctionDecl *> Seen;
    Definitions.emplace();
    for (const FunctionDecl *FD : Fns)
      if (Seen.insert(FD).second)
        Definitions->push_back(FD);
  }
  return *Definitions;
}

void TUModel::inferWrappers() {
  Inferring = true;
  std::map<const FunctionDecl *, std::unique_ptr<FunctionLocks>> Res;
  std::map<const FunctionDecl *, std::set<const FunctionDecl *>> Callees;
  const std::vector<const FunctionDecl *> &Unique = definitions();
  for (const FunctionDecl *FD : Unique)
    Res[FD] = analyze(FD);
  std::set<std::string> Evidence;
  for (unsigned Round = 0; Round < InferenceRounds; ++Round) {
    for (const FunctionDecl *FD : Unique)
      for (const auto &[Key, RM] : Res[FD]->FirstReleased)
        Evidence.insert(Recognizer.crossFunctionKey(FD, Key));
    std::map<const FunctionDecl *, InferredLocks> NewFacts;
    WrapperTable NewWrappers;
    std::map<const FunctionDecl *, std::vector<std::pair<LockRef, LockMode>>>
        NewEntry;
    for (const FunctionDecl *FD : Unique) {
      InferredLocks IL = derive(FD, *Res[FD], Evidence);
      if (IL.Facts.empty())
        continue;
      std::vector<WrapperEffect> Effects;
      for (const InferredLocks::Fact &F : IL.Facts) {
        WrapperEffect E;
        E.Lock = F.Lock;
        E.Mode = F.Mode;
        E.SuccessIsZero = F.SuccessIsZero;
        switch (F.Kind) {
        case InferredLocks::Acquires:
          E.Kind = WrapperEffect::Acquire;
          break;
        case InferredLocks::TryAcquires:
          E.Kind = WrapperEffect::TryAcquire;
          break;
        case InferredLocks::Releases:
          E.Kind = WrapperEffect::Release;
          break;
        case InferredLocks::MayRelease:
        case InferredLocks::LockOrUnlock:
          E.Kind = WrapperEffect::Unknown;
          break;
        case InferredLocks::RequiresOnEntry:
          NewEntry[FD].push_back({F.Lock, F.Mode});
          continue;
        case InferredLocks::HandsOff:
          continue;
        }
        if (Recognizer.nameableByCaller(FD, F.Lock.Key))
          Effects.push_back(E);
      }
      if (!Effects.empty())
        NewWrappers[FD->getCanonicalDecl()] = std::move(Effects);
      NewFacts[FD] = std::move(IL);
    }
    // Functions to analyse again: their entry assumption changed, or they
    // call a function whose effect changed.
    std::set<const FunctionDecl *> Changed;
    // A function none of whose paths returns (it aborts, exits, or loops
    // forever) ends its callers' paths too. A virtual one may be
    // overridden by one that returns.
    llvm::DenseSet<const FunctionDecl *> NewNoReturn;
    for (const FunctionDecl *FD : Unique) {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      if (Res[FD]->Analyzed && Res[FD]->Exits.empty() &&
          !(MD && MD->isVirtual()) && !FD->isMain())
        NewNoReturn.insert(FD->getCanonicalDecl());
    }
    for (const FunctionDecl *F : NewNoReturn)
      if (!NoReturn.count(F))
        Changed.insert(F);
    for (const FunctionDecl *F : NoReturn)
      if (!NewNoReturn.count(F))
        Changed.insert(F);
    for (const auto *Table : {&Wrappers, &NewWrappers})
      for (const auto &[Callee, Effects] : *Table) {
        auto A = Wrappers.find(Callee), B = NewWrappers.find(Callee);
        bool Same = A != Wrappers.end() && B != NewWrappers.end() &&
                    A->second.size() == B->second.size() &&
                    std::equal(A->second.begin(), A->second.end(),
                               B->second.begin(),
                               [](const WrapperEffect &X,
                                  const WrapperEffect &Y) {
                                 return X.Kind == Y.Kind &&
                                        X.Lock.Key == Y.Lock.Key &&
                                        X.Mode == Y.Mode &&
                                        X.SuccessIsZero == Y.SuccessIsZero;
                               });
        if (!Same)
          Changed.insert(Callee);
      }
    std::vector<const FunctionDecl *> Dirty;
    for (const FunctionDecl *FD : Unique) {
      auto A = Entry.find(FD), B = NewEntry.find(FD);
      bool EntryChanged = (A == Entry.end()) != (B == NewEntry.end());
      if (!EntryChanged && A != Entry.end())
        EntryChanged = !std::equal(
            A->second.begin(), A->second.end(), B->second.begin(),
            B->second.end(), [](const auto &X, const auto &Y) {
              return X.first.Key == Y.first.Key && X.second == Y.second;
            });
      bool CallsChanged = false;
      if (!Changed.empty()) {
        auto [It, New] = Callees.try_emplace(FD);
        if (New)
          collectCallees(FD->getBody(), It->second);
        CallsChanged = llvm::any_of(It->second, [&](const FunctionDecl *C) {
          return Changed.count(C);
        });
      }
      if (EntryChanged || CallsChanged)
        Dirty.push_back(FD);
    }
    Facts = std::move(NewFacts);
    if (Dirty.empty()) {
      NoReturn = std::move(NewNoReturn);
      break;
    }
    Wrappers = std::move(NewWrappers);
    Entry = std::move(NewEntry);
    NoReturn = std::move(NewNoReturn);
    for (const FunctionDecl *FD : Dirty)
      Res[FD] = analyze(FD);
  }
  // Leaks that are the function's purpose are not reported.
  for (auto &[FD, FL] : Res) {
    auto F = Facts.find(FD);
    if (F != Facts.end())
      llvm::erase_if(FL->Anomalies, [&](const LockAnomaly &A) {
        return A.Kind == LockAnomaly::NotReleased &&
               F->second.leavesHeld(A.Lock);
      });
    Locks[FD] = std::move(FL);
  }
  Inferring = false;
  Inferred = true;
}

RaceModel &TUModel::races(const RaceConfig &RC) {
  std::unique_ptr<RaceModel> &M = Races[RC.fingerprint()];
  if (!M)
    M = std::make_unique<RaceModel>(*this, RC);
  return *M;
}

bool shouldAnalyze(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isInvalidDecl())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(FD->getLocation());
  return Loc.isValid() && !SM.isInSystemHeader(Loc);
}

std::string describeFunction(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "the lambda";
  return "'" + FD->getQualifiedNameAsString() + "'";
}

std::string describeRecord(const RecordDecl *RD) {
  if (!RD->getName().empty())
    return RD->getNameAsString();
  // `typedef struct { ... } cache_t;` is known by its typedef.
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getNameAsString();
  return "(anonymous)";
}

} // namespace racelint
