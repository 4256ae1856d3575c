//===--- TUModel.cpp - The per-translation-unit analysis cache ------------===//

#include "TUModel.h"
#include "Project.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
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
  /// Functions handed to code racelint cannot see (passed to a function
  /// with no body here: an event loop's registration, a C library call),
  /// by canonical declaration. A pointer stored in the file's own tables
  /// and called here is followed by the summaries instead.
  llvm::DenseSet<const FunctionDecl *> Referenced;
  /// Functions called directly that the TU does not define (another
  /// file's, or a library's), by canonical declaration.
  llvm::DenseSet<const FunctionDecl *> Undefined;
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && !Callee->getDefinition())
      Undefined.insert(Callee->getCanonicalDecl());
    if (Callee && Callee->hasBody())
      return true;
    for (const Expr *A : CE->arguments()) {
      A = A->IgnoreParenCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(A);
          UO && UO->getOpcode() == UO_AddrOf)
        A = UO->getSubExpr()->IgnoreParenCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
        if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
          Referenced.insert(FD->getCanonicalDecl());
    }
    return true;
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
    DefinitionFinder Finder(Ctx, Fns);
    Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
    AddressTaken = std::move(Finder.Referenced);
    CalledUndefined = std::move(Finder.Undefined);
    // Lambdas can be reached twice; keep the first.
    llvm::DenseSet<const FunctionDecl *> Seen;
    Definitions.emplace();
    for (const FunctionDecl *FD : Fns)
      if (Seen.insert(FD).second)
        Definitions->push_back(FD);
  }
  return *Definitions;
}

const Stmt *TUModel::parentOf(const Stmt *S) {
  if (!ParentsBuilt) {
    ParentsBuilt = true;
    // Stmt::children() rather than a RecursiveASTVisitor: it also goes
    // into a DeclStmt's initialisers (`std::thread t(f)` in a loop is in
    // the loop) and never leaves the statement tree.
    std::vector<const Stmt *> Work;
    for (const FunctionDecl *FD : definitions())
      if (const Stmt *Body = FD->getBody()) {
        BodyRoots.insert(Body);
        Work.push_back(Body);
      }
    while (!Work.empty()) {
      const Stmt *P = Work.back();
      Work.pop_back();
      for (const Stmt *C : P->children())
        // A subexpression shared by two parents (an OpaqueValueExpr's
        // source) keeps the first.
        if (C && Parents.try_emplace(C, P).second)
          Work.push_back(C);
    }
  }
  auto It = Parents.find(S);
  if (It != Parents.end())
    return It->second;
  if (BodyRoots.count(S))
    return nullptr;
  // A statement of a function racelint does not analyse (a default
  // argument's expression): ask clang.
  DynTypedNodeList Up = Ctx.getParents(*S);
  return Up.empty() ? nullptr : Up[0].get<Stmt>();
}

const Stmt *TUModel::enclosingLoop(const Stmt *S) {
  const Stmt *P = parentOf(S);
  for (unsigned Depth = 0; Depth < 64 && P; ++Depth) {
    if (isa<LambdaExpr>(P))
      return nullptr;
    if (isa<ForStmt>(P) || isa<WhileStmt>(P) || isa<DoStmt>(P) ||
        isa<CXXForRangeStmt>(P))
      return P;
    P = parentOf(P);
  }
  return nullptr;
}

void TUModel::importProjectFacts() {
  const ProjectIndex *P = ProjectIndex::active();
  if (!P)
    return;
  auto Global = [](const std::string &Key) {
    LockRef L;
    L.Key = Key;
    return L;
  };
  // Wrappers defined in other TUs: their effects apply at the calls here.
  definitions();
  for (const FunctionDecl *C : CalledUndefined) {
    const std::vector<ProjectEffect> *Effects = P->effects(usr(C));
    if (!Effects)
      continue;
    std::vector<WrapperEffect> &Out = Imported[C->getCanonicalDecl()];
    for (const ProjectEffect &E : *Effects) {
      WrapperEffect W;
      W.Lock = Global(E.Lock);
      W.Mode = E.Shared ? LockMode::Shared : LockMode::Exclusive;
      W.SuccessIsZero = E.SuccessIsZero;
      switch (E.Kind) {
      case ProjectEffect::Acquire:
        W.Kind = WrapperEffect::Acquire;
        break;
      case ProjectEffect::TryAcquire:
        W.Kind = WrapperEffect::TryAcquire;
        break;
      case ProjectEffect::Release:
        W.Kind = WrapperEffect::Release;
        break;
      case ProjectEffect::Unknown:
        W.Kind = WrapperEffect::Unknown;
        break;
      }
      Out.push_back(std::move(W));
    }
  }
  // Functions every caller in the project calls holding a lock: the
  // callers (in other TUs) hold it on entry. Only a lock this file can
  // name: one private to the caller's file (a once-init lock around
  // setters) is the caller's protocol, not a guard of this file's state.
  for (const FunctionDecl *FD : definitions())
    for (const std::string &K : P->callersHold(usr(FD))) {
      StringRef Root = StringRef(K).take_until(
          [](char C) { return C == '.' || C == '-' || C == '['; });
      if (globalNamed(Ctx, Root))
        Contracts[FD].push_back({Global(K), LockMode::Exclusive});
    }
}

void TUModel::inferWrappers() {
  Inferring = true;
  importProjectFacts();
  Wrappers.insert(Imported.begin(), Imported.end());
  Entry.insert(Contracts.begin(), Contracts.end());
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
    // A lock a function takes through its parameter (`spin_acquire(&mu)`)
    // and a caller that releases what it passed without taking it: the
    // same pairing, seen at the call.
    for (const FunctionDecl *Caller : Unique)
      for (const auto &[St, Held] : Res[Caller]->MustAt) {
        const FunctionDecl *Def = plainCallee(St, Caller);
        if (!Def || !Res.count(Def))
          continue;
        for (const auto &[Key, AM] : Res[Def]->FirstAcquired) {
          std::optional<LockRef> L = Recognizer.substituteAtCall(
              AM.first, Def, cast<CallExpr>(St));
          if (L && Res[Caller]->FirstReleased.count(L->Key))
            Evidence.insert(Recognizer.crossFunctionKey(Def, Key));
        }
      }
    std::map<const FunctionDecl *, InferredLocks> NewFacts;
    WrapperTable NewWrappers = Imported;
    std::map<const FunctionDecl *, std::vector<std::pair<LockRef, LockMode>>>
        NewEntry = Contracts;
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
  reportUnheldReleases();
  reportCalleeRelocks();
  reportRereadLocks();
  Inferring = false;
  Inferred = true;
}

namespace {
/// Whether the function branches on an integer or boolean parameter
/// (`if (locked)`, `if (!have_lock)`): its caller then says by argument
/// whether it holds a lock, and an unlock on one path is by design.
bool branchesOnFlagParam(const FunctionDecl *FD) {
  bool Found = false;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || Found || isa<LambdaExpr>(S))
      return;
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(S))
      Cond = If->getCond();
    else if (const auto *CO = dyn_cast<ConditionalOperator>(S))
      Cond = CO->getCond();
    while (Cond) {
      Cond = Cond->IgnoreParenImpCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(Cond);
          U && U->getOpcode() == UO_LNot) {
        Cond = U->getSubExpr();
        continue;
      }
      if (const auto *B = dyn_cast<BinaryOperator>(Cond);
          B && (B->isEqualityOp() || B->isLogicalOp())) {
        // Either side may be the flag.
        for (const Expr *Side : {B->getLHS(), B->getRHS()})
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(Side->IgnoreParenImpCasts()))
            if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
              if (P->getType()->isIntegralOrEnumerationType())
                Found = true;
        break;
      }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Cond))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
          if (P->getType()->isIntegralOrEnumerationType())
            Found = true;
      break;
    }
    for (const Stmt *C : S->children())
      Walk(C);
  };
  Walk(FD->getBody());
  return Found;
}

SourceLocation firstEvent(const FunctionLocks &FL, llvm::StringRef Key,
                          bool Acquire) {
  for (const LockEvent &E : FL.Events) {
    if (E.Lock != Key)
      continue;
    bool IsAcquire = E.Kind == LockEvent::Acquire ||
                     E.Kind == LockEvent::GuardAcquire ||
                     E.Kind == LockEvent::TryAcquire;
    if (IsAcquire == Acquire)
      return E.Loc;
  }
  return {};
}
} // namespace

void TUModel::reportUnheldReleases() {
  // Callers that hold a lock when they call a function that releases it
  // on some paths: that function's unlock is a hand-off.
  std::set<std::pair<const FunctionDecl *, std::string>> HeldByCaller;
  for (const auto &[FD, FL] : Locks)
    for (const FunctionLocks::ReleasingCall &C : FL->ReleasingCalls)
      if (C.Held)
        HeldByCaller.insert({C.Callee, C.CalleeKey});

  for (auto &[FD, FL] : Locks) {
    if (!FL->Analyzed || Recognizer.isReleaseFunction(FD))
      continue;
    std::optional<bool> FlagParam;
    auto ByDesign = [&] {
      if (!FlagParam)
        FlagParam = branchesOnFlagParam(FD);
      return *FlagParam;
    };
    std::set<std::string> Done;
    // The function takes the lock itself on some paths and releases it on
    // a path that does not hold it: no caller hands it over, since on the
    // other paths the function locks it without being handed anything.
    for (const FunctionLocks::UnheldRelease &U : FL->UnheldReleases) {
      if (!FL->FirstAcquired.count(U.Key) || !FL->Retouched.count(U.Key) ||
          ByDesign() || !Done.insert(U.Key).second)
        continue;
      LockAnomaly An;
      An.Kind = LockAnomaly::UnlockNotHeld;
      An.Lock = U.Key;
      An.Loc = U.Loc;
      An.Related = firstEvent(*FL, U.Key, /*Acquire=*/true);
      if (U.Via)
        An.Other = describeFunction(U.Via);
      FL->Anomalies.push_back(std::move(An));
    }
    // It never takes the lock, releases it on some paths and returns
    // without releasing it on others, and no caller in the TU holds it when
    // calling: on the releasing path the lock is not held.
    auto F = Facts.find(FD);
    if (F == Facts.end())
      continue;
    for (const InferredLocks::Fact &Fa : F->second.Facts) {
      if (Fa.Kind != InferredLocks::MayRelease ||
          HeldByCaller.count({FD->getCanonicalDecl(), Fa.Lock.Key}) ||
          ByDesign() || !Done.insert(Fa.Lock.Key).second)
        continue;
      SourceLocation Loc = firstEvent(*FL, Fa.Lock.Key, /*Acquire=*/false);
      if (Loc.isInvalid())
        continue;
      LockAnomaly An;
      An.Kind = LockAnomaly::UnlockNotHeld;
      An.Lock = Fa.Lock.Key;
      An.Loc = Loc;
      An.Other = "nocaller";
      An.Related = FD->getLocation();
      FL->Anomalies.push_back(std::move(An));
    }
  }
}

const FunctionDecl *TUModel::plainCallee(const Stmt *St,
                                         const FunctionDecl *Caller) {
  const auto *Call = dyn_cast<CallExpr>(St);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Recognizer.classifyCall(Call))
    return nullptr;
  const FunctionDecl *Def = Callee->getDefinition();
  // A function of another TU stands for its definition when the project
  // summaries say which locks it takes.
  if (!Def && !importedTakes(Callee).empty())
    return Callee->getCanonicalDecl();
  return Def == Caller ? nullptr : Def;
}

const std::string &TUModel::usr(const FunctionDecl *FD) {
  auto [It, New] = USRs.try_emplace(FD->getCanonicalDecl());
  if (New)
    It->second = usrOf(FD);
  return It->second;
}

const std::vector<TUModel::TakenLock> &
TUModel::importedTakes(const FunctionDecl *FD) {
  static const std::vector<TakenLock> None;
  const ProjectIndex *P = ProjectIndex::active();
  if (!P || FD->hasBody() || Ctx.getSourceManager().isInSystemHeader(
                                 FD->getLocation()))
    return None;
  auto [It, New] = ImportedTakes.try_emplace(FD->getCanonicalDecl());
  if (!New)
    return It->second;
  if (const std::vector<ProjectTake> *Ts = P->takes(usr(FD)))
    for (const ProjectTake &T : *Ts) {
      // Only a global is the same lock under the same name here; a lock
      // named by its class ("{Book}.mu") is the callee's to substitute.
      if (T.Lock.empty() || T.Lock[0] == '{' || T.Lock[0] == '*')
        continue;
      TakenLock L;
      L.Lock.Key = T.Lock;
      L.Loc = locationIn(T.At.File, T.At.Line, T.At.Col);
      if (L.Loc.isValid())
        It->second.push_back(std::move(L));
    }
  return It->second;
}

SourceLocation TUModel::locationIn(StringRef File, unsigned Line,
                                   unsigned Col) {
  SourceManager &SM = Ctx.getSourceManager();
  if (File.empty() || !Line)
    return SourceLocation();
  OptionalFileEntryRef FE = SM.getFileManager().getOptionalFileRef(File);
  if (!FE)
    return SourceLocation();
  FileID FID = SM.translateFile(*FE);
  if (FID.isInvalid())
    FID = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(FID, Line, std::max(Col, 1u));
}

const std::vector<TUModel::TakenLock> &
TUModel::takenInside(const FunctionDecl *FD, unsigned Depth) {
  static const std::vector<TakenLock> None;
  auto Memo = Taken.find(FD);
  if (Memo != Taken.end())
    return Memo->second;
  if (!FD->hasBody())
    return importedTakes(FD);
  auto LIt = Locks.find(FD);
  if (LIt == Locks.end() || !LIt->second->Analyzed || Depth > 4)
    return None;
  // Placeholder first: recursion through a cycle sees no locks.
  Taken[FD];
  const FunctionLocks &FL = *LIt->second;
  std::vector<TakenLock> Out;
  std::set<std::string> Skip;
  // Locks a caller sees acquired or released at the call (wrapper effects)
  // or held on entry are the caller's business, not taken inside.
  auto W = Wrappers.find(FD->getCanonicalDecl());
  if (W != Wrappers.end())
    for (const WrapperEffect &E : W->second)
      Skip.insert(E.Lock.Key);
  auto En = Entry.find(FD);
  if (En != Entry.end())
    for (const auto &[L, M] : En->second)
      Skip.insert(L.Key);
  for (const auto &[K, LM] : FL.FirstAcquired) {
    if (Skip.count(K) || !Recognizer.nameableByCaller(FD, K))
      continue;
    // A try-lock does not block.
    SourceLocation Loc;
    for (const LockEvent &E : FL.Events)
      if (E.Lock == K && (E.Kind == LockEvent::Acquire ||
                          E.Kind == LockEvent::GuardAcquire)) {
        Loc = E.Loc;
        break;
      }
    if (Loc.isInvalid())
      continue;
    Out.push_back({LM.first, LM.second, Loc, {}});
  }
  // Locks taken by the functions it calls, where it does not hold them
  // already (holding them is its own relock, reported at its call).
  for (const auto &[St, Held] : FL.MustAt) {
    const FunctionDecl *Def = plainCallee(St, FD);
    if (!Def)
      continue;
    const auto *Call = cast<CallExpr>(St);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Call->getDirectCallee());
        MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>())
      continue;
    for (const TakenLock &T : takenInside(Def, Depth + 1)) {
      std::optional<LockRef> L = Recognizer.substituteAtCall(T.Lock, Def, Call);
      if (!L || llvm::is_contained(Held, L->Key) || Skip.count(L->Key) ||
          !Recognizer.nameableByCaller(FD, L->Key))
        continue;
      if (llvm::any_of(Out, [&](const TakenLock &O) {
            return O.Lock.Key == L->Key;
          }))
        continue;
      TakenLock New{*L, T.Mode, T.Loc, {}};
      New.Chain.push_back({Call->getExprLoc(), describeFunction(Def)});
      New.Chain.insert(New.Chain.end(), T.Chain.begin(), T.Chain.end());
      Out.push_back(std::move(New));
    }
  }
  return Taken[FD] = std::move(Out);
}

namespace {
/// Assignments to pointer fields through a parameter or `this` (an object
/// the function was handed, which other threads can see), outside
/// constructors and destructors, by field.
struct PointerFieldWrites : RecursiveASTVisitor<PointerFieldWrites> {
  std::map<const FieldDecl *, std::pair<SourceLocation, const FunctionDecl *>>
      Writes;
  const FunctionDecl *Fn = nullptr;
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F || !F->getType()->isPointerType())
      return true;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    bool Handed = isa<CXXThisExpr>(Base);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
      Handed = isa<ParmVarDecl>(DRE->getDecl());
    if (Handed)
      Writes.try_emplace(F->getCanonicalDecl(), BO->getExprLoc(), Fn);
    return true;
  }
};
} // namespace

void TUModel::reportRereadLocks() {
  PointerFieldWrites W;
  for (const FunctionDecl *FD : definitions()) {
    if (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD))
      continue;
    W.Fn = FD;
    W.TraverseStmt(FD->getBody());
  }
  if (W.Writes.empty())
    return;
  for (auto &[FD, FL] : Locks) {
    if (!FL->Analyzed)
      continue;
    std::set<std::string> Done;
    // Manual lock and unlock name the lock twice; a guard binds it once.
    for (const LockEvent &Rel : FL->Events) {
      if (Rel.Kind != LockEvent::Release || Done.count(Rel.Lock))
        continue;
      bool Locked = llvm::any_of(FL->Events, [&](const LockEvent &E) {
        return E.Kind == LockEvent::Acquire && E.Lock == Rel.Lock;
      });
      auto Ref = FL->KeyRefs.find(Rel.Lock);
      if (!Locked || Ref == FL->KeyRefs.end() || !Ref->second.Obj)
        continue;
      // The pointer fields the lock's path goes through (`t->owner` in
      // `t->owner->mu`), the root excluded.
      const Expr *E = stripLockExpr(Ref->second.Obj);
      if (const auto *U = dyn_cast<UnaryOperator>(E);
          U && U->getOpcode() == UO_AddrOf)
        E = U->getSubExpr()->IgnoreParenImpCasts();
      while (const auto *ME = dyn_cast<MemberExpr>(E)) {
        const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
        const auto *BM = dyn_cast<MemberExpr>(Base);
        const auto *F =
            BM ? dyn_cast<FieldDecl>(BM->getMemberDecl()) : nullptr;
        if (ME->isArrow() && F) {
          auto It = W.Writes.find(F->getCanonicalDecl());
          if (It != W.Writes.end()) {
            LockAnomaly An;
            An.Kind = LockAnomaly::RereadLock;
            An.Lock = Rel.Lock;
            An.Loc = Rel.Loc;
            An.Related = It->second.first;
            An.Other = Rel.Lock.substr(
                0, Rel.Lock.rfind("->", Rel.Lock.size()) == std::string::npos
                       ? 0
                       : Rel.Lock.rfind("->"));
            // Name the field as the path spells it up to the pointer.
            if (auto P = Recognizer.accessPath(BM))
              An.Other = *P;
            An.Chain.push_back({It->second.first,
                                describeFunction(It->second.second)});
            FL->Anomalies.push_back(std::move(An));
            Done.insert(Rel.Lock);
            break;
          }
        }
        E = Base;
      }
    }
  }
}

void TUModel::reportCalleeRelocks() {
  const SourceManager &SM = Ctx.getSourceManager();
  for (auto &[FD, FL] : Locks) {
    if (!FL->Analyzed)
      continue;
    std::vector<LockAnomaly> New;
    for (const auto &[St, Held] : FL->MustAt) {
      const auto *Call = dyn_cast<CallExpr>(St);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      if (!Callee || Held.empty() || Recognizer.classifyCall(Call))
        continue;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
          MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>())
        continue;
      const FunctionDecl *Def = Callee->getDefinition();
      if (!Def || Def == FD)
        continue;
      auto SIt = FL->SharedAt.find(St);
      for (const TakenLock &T : takenInside(Def)) {
        std::optional<LockRef> L =
            Recognizer.substituteAtCall(T.Lock, Def, Call);
        if (!L || L->Recursive || !llvm::is_contained(Held, L->Key))
          continue;
        bool HeldShared = SIt != FL->SharedAt.end() &&
                          llvm::is_contained(SIt->second, L->Key);
        // Two read locks do not block each other (unless a writer waits in
        // between: not provable here).
        if (HeldShared && T.Mode == LockMode::Shared)
          continue;
        LockAnomaly An;
        An.Kind = LockAnomaly::CalleeRelock;
        An.Lock = L->Key;
        An.Other = describeFunction(Def);
        An.Loc = Call->getExprLoc();
        An.Related = T.Loc;
        // Where the caller took it: its latest acquire before the call.
        for (const LockEvent &E : FL->Events)
          if (E.Lock == L->Key &&
              (E.Kind == LockEvent::Acquire ||
               E.Kind == LockEvent::GuardAcquire) &&
              SM.isBeforeInTranslationUnit(E.Loc, An.Loc))
            An.Chain.assign(1, {E.Loc, "acquire"});
        for (const auto &Hop : T.Chain)
          An.Chain.push_back(Hop);
        New.push_back(std::move(An));
      }
    }
    // MustAt is keyed by address: order the reports by position.
    llvm::sort(New, [&](const LockAnomaly &A, const LockAnomaly &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
    for (LockAnomaly &An : New)
      FL->Anomalies.push_back(std::move(An));
  }
}

RaceModel &TUModel::races(const RaceConfig &RC) {
  std::unique_ptr<RaceModel> &M = Races[RC.fingerprint()];
  if (!M)
    M = std::make_unique<RaceModel>(*this, RC);
  return *M;
}

/// A member function of a class template none of whose member functions
/// the file instantiates (a header that declares `using SharedMailbox =
/// Mailbox<std::mutex>;` and calls nothing): its pattern is analysed as
/// written, once, with what depends on the template's parameters unknown.
/// Once any member is instantiated, the instantiations are analysed
/// instead, so a defect is never reported once per instantiation.
static bool isUninstantiatedMember(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->getDescribedFunctionTemplate() ||
      MD->getTemplateSpecializationKind() != TSK_Undeclared)
    return false;
  const ClassTemplateDecl *CT = MD->getParent()->getDescribedClassTemplate();
  if (!CT)
    return false;
  for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
    for (const CXXMethodDecl *M : Spec->methods())
      if (M->doesThisDeclarationHaveABody() &&
          M->getTemplateInstantiationPattern())
        return false;
  return true;
}

bool shouldAnalyze(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
      (FD->isDependentContext() && !isUninstantiatedMember(FD)))
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
