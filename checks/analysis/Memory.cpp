//===--- Memory.cpp - Abstract locations and points-to --------------------===//

#include "Memory.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <functional>

using namespace clang;

namespace racelint {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static const CXXRecordDecl *patternOf(const CXXRecordDecl *RD) {
  for (unsigned Guard = 0; RD && Guard < 8; ++Guard) {
    if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      auto P = S->getSpecializedTemplateOrPartial();
      if (auto *CTD = P.dyn_cast<ClassTemplateDecl *>())
        RD = CTD->getTemplatedDecl();
      else if (auto *PS =
                   P.dyn_cast<ClassTemplatePartialSpecializationDecl *>())
        RD = PS;
      continue;
    }
    if (const CXXRecordDecl *M = RD->getInstantiatedFromMemberClass()) {
      RD = M;
      continue;
    }
    break;
  }
  return RD;
}

static const RecordDecl *recordAfter(QualType T, unsigned Pointers) {
  if (T.isNull())
    return nullptr;
  for (unsigned Guard = 0; Guard < 8; ++Guard) {
    T = T.getNonReferenceType();
    if (const auto *PT = T->getAs<PointerType>()) {
      // A pointer to a pointer designates a pointer slot, not an object of
      // the record type further down.
      if (Pointers == 0)
        return nullptr;
      --Pointers;
      T = PT->getPointeeType();
      continue;
    }
    if (const auto *AT = dyn_cast<ArrayType>(T.getCanonicalType().getTypePtr())) {
      T = AT->getElementType();
      continue;
    }
    break;
  }
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return nullptr;
  // Instantiations stay apart: objects of two specialisations never alias.
  if (const RecordDecl *Def = RD->getDefinition())
    RD = Def;
  return RD;
}

const RecordDecl *recordOfType(QualType T) { return recordAfter(T, 1); }

const RecordDecl *recordOfObject(QualType T) { return recordAfter(T, 0); }

const RecordDecl *canonicalRecord(const RecordDecl *RD) {
  if (!RD)
    return RD;
  if (const RecordDecl *Def = RD->getDefinition())
    RD = Def;
  return RD;
}

const FieldDecl *canonicalField(const FieldDecl *F) {
  if (!F)
    return F;
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  if (!RD)
    return F;
  const CXXRecordDecl *P = patternOf(RD);
  if (P == RD || !F->getDeclName().isIdentifier())
    return F;
  for (const FieldDecl *PF : P->fields())
    if (PF->getDeclName() == F->getDeclName())
      return PF;
  return F;
}

const FunctionDecl *enclosingFunction(const FunctionDecl *FD) {
  for (unsigned Guard = 0; FD && Guard < 16; ++Guard) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || !MD->getParent()->isLambda())
      return FD;
    const DeclContext *DC = MD->getParent()->getDeclContext();
    while (DC && !isa<FunctionDecl>(DC))
      DC = DC->getParent();
    if (!DC)
      return FD;
    FD = cast<FunctionDecl>(DC);
  }
  return FD;
}

/// The method whose `this` a CXXThisExpr in FD designates (the enclosing
/// method for lambdas).
static const FunctionDecl *thisOwner(const FunctionDecl *FD) {
  for (unsigned Guard = 0; FD && Guard < 16; ++Guard) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || !MD->getParent()->isLambda())
      return FD;
    const DeclContext *DC = MD->getParent()->getDeclContext();
    while (DC && !isa<FunctionDecl>(DC))
      DC = DC->getParent();
    if (!DC)
      return FD;
    FD = cast<FunctionDecl>(DC);
  }
  return FD;
}

bool isSequenceContainer(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getDeclName().isIdentifier())
    return false;
  StringRef N = RD->getName();
  return N == "vector" || N == "array" || N == "deque" || N == "span" ||
         N == "basic_string";
}

bool isPointerLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType())
    return true;
  // std::unique_ptr / std::shared_ptr behave as pointers for aliasing.
  if (const auto *RD = T->getAsCXXRecordDecl())
    if (RD->isInStdNamespace() && RD->getDeclName().isIdentifier())
      return RD->getName() == "unique_ptr" || RD->getName() == "shared_ptr";
  return false;
}

static bool isSmartPointer(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    if (RD->isInStdNamespace() && RD->getDeclName().isIdentifier())
      return RD->getName() == "unique_ptr" || RD->getName() == "shared_ptr";
  return false;
}

static bool isFunctionPointer(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType()->isFunctionType();
  return T->isFunctionType();
}

/// Longest path racelint tracks; longer ones (a list walked in a loop) are
/// cut to their type.
constexpr unsigned MaxPath = 6;

//===----------------------------------------------------------------------===//
// AbsLoc
//===----------------------------------------------------------------------===//

AbsLoc AbsLoc::field(const FieldDecl *F) const {
  AbsLoc L = *this;
  PathStep S;
  S.Kind = PathStep::Field;
  S.FieldD = F;
  L.Path.push_back(S);
  if (L.Path.size() > MaxPath)
    return L.byType();
  return L;
}

AbsLoc AbsLoc::deref() const {
  AbsLoc L = *this;
  PathStep S;
  S.Kind = PathStep::Deref;
  L.Path.push_back(S);
  return L;
}

AbsLoc AbsLoc::elem(ElemIndex I) const {
  AbsLoc L = *this;
  PathStep S;
  S.Kind = PathStep::Elem;
  S.Index = I;
  L.Path.push_back(S);
  return L;
}

AbsLoc AbsLoc::anyElement() const {
  AbsLoc L = *this;
  if (!L.Path.empty() && L.Path.back().Kind == PathStep::Elem)
    L.Path.back().Index = ElemIndex();
  return L;
}

bool AbsLoc::mayOverlap(const AbsLoc &O) const {
  if (!sameRoot(O))
    return false;
  size_t N = std::min(Path.size(), O.Path.size());
  for (size_t I = 0; I < N; ++I)
    if (!Path[I].mayOverlap(O.Path[I]))
      return false;
  // A struct overlaps its fields, but a pointer does not overlap what it
  // points to.
  const AbsLoc &Longer = Path.size() > O.Path.size() ? *this : O;
  for (size_t I = N; I < Longer.Path.size(); ++I)
    if (Longer.Path[I].Kind == PathStep::Deref)
      return false;
  return true;
}

bool AbsLoc::mustEqual(const AbsLoc &O) const {
  if (!sameRoot(O) || Path.size() != O.Path.size())
    return false;
  for (size_t I = 0; I < Path.size(); ++I) {
    const PathStep &A = Path[I], &B = O.Path[I];
    if (A.Kind != B.Kind || A.FieldD != B.FieldD)
      return false;
    if (A.Kind == PathStep::Elem && !A.Index.mustEqual(B.Index))
      return false;
  }
  return true;
}

const RecordDecl *AbsLoc::lastRecord() const {
  for (auto It = Path.rbegin(); It != Path.rend(); ++It)
    if (It->Kind == PathStep::Field && It->FieldD)
      return It->FieldD->getParent();
  return Type;
}

AbsLoc AbsLoc::byType() const {
  // The object after the last dereference is "some object of its type".
  size_t Cut = 0;
  for (size_t I = 0; I < Path.size(); ++I)
    if (Path[I].Kind == PathStep::Deref)
      Cut = I + 1;
  AbsLoc L;
  L.Root = Unknown;
  // Skip element steps right after the cut: an element of an array of T is
  // some T.
  size_t Start = Cut;
  while (Start < Path.size() && Path[Start].Kind == PathStep::Elem)
    ++Start;
  if (Start < Path.size() && Path[Start].Kind == PathStep::Field &&
      Path[Start].FieldD)
    L.Type = Path[Start].FieldD->getParent();
  else if (Start == Path.size() && Cut == 0 && Root == Unknown)
    L.Type = Type;
  else if (Start == Path.size() && Cut >= 2 &&
           Path[Cut - 2].Kind == PathStep::Field && Path[Cut - 2].FieldD)
    // The whole object a pointer member points to (`ledger_->post()` on an
    // opaque class): some object of the pointee's class.
    L.Type = recordOfType(Path[Cut - 2].FieldD->getType());
  else
    L.Type = nullptr;
  L.Path.append(Path.begin() + Start, Path.end());
  if (L.Type)
    if (const RecordDecl *Def = L.Type->getDefinition())
      L.Type = Def;
  return L;
}

static std::string locString(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "?";
  return llvm::sys::path::filename(P.getFilename()).str() + ":" +
         std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

std::string AbsLoc::rootKey() const {
  switch (Root) {
  case Global:
    if (Var->isStaticLocal())
      if (const auto *F = dyn_cast<FunctionDecl>(Var->getDeclContext()))
        return "g:" + F->getQualifiedNameAsString() + "::" +
               Var->getNameAsString();
    return "g:" + Var->getQualifiedNameAsString();
  case Heap:
    return "heap:" +
           locString(Site->getBeginLoc(), Fn->getASTContext().getSourceManager());
  case Param:
    return "param#" + std::to_string(Index) + ":" +
           Fn->getQualifiedNameAsString();
  case This:
    return "this:" + Fn->getQualifiedNameAsString();
  case Local:
    return "local:" + Var->getNameAsString() + "@" +
           std::to_string(reinterpret_cast<uintptr_t>(Var));
  case Unknown:
    if (Name)
      return std::string("lock:") + Name;
    if (!Type)
      return "type:?";
    if (!Type->getName().empty())
      return "type:" + Type->getQualifiedNameAsString();
    if (const TypedefNameDecl *TD = Type->getTypedefNameForAnonDecl())
      return "type:" + TD->getQualifiedNameAsString();
    return "type:(anonymous)";
  }
  return "?";
}

std::string AbsLoc::key() const {
  std::string S = rootKey();
  for (const PathStep &P : Path) {
    switch (P.Kind) {
    case PathStep::Field:
      S += "." + (P.FieldD ? P.FieldD->getNameAsString() : std::string("?"));
      break;
    case PathStep::Deref:
      S += ".*";
      break;
    case PathStep::Elem:
      S += "[*]";
      break;
    }
  }
  return S;
}

void PtsSet::add(const AbsLoc &L) {
  for (const AbsLoc &O : Objs)
    if (O == L)
      return;
  if (Objs.size() >= MaxPointsTo) {
    Unknown = true;
    return;
  }
  Objs.push_back(L);
}

void PtsSet::add(const FunctionDecl *F) {
  F = F->getDefinition() ? F->getDefinition() : F;
  if (!llvm::is_contained(Funcs, F))
    Funcs.push_back(F);
}

void PtsSet::merge(const PtsSet &O) {
  for (const AbsLoc &L : O.Objs)
    add(L);
  for (const FunctionDecl *F : O.Funcs)
    add(F);
  Unknown |= O.Unknown;
}

//===----------------------------------------------------------------------===//
// TUMemory
//===----------------------------------------------------------------------===//

namespace {
/// Finds, in one body or initialiser, stores into function-pointer
/// variables and fields and into global pointers.
class StoreScanner : public RecursiveASTVisitor<StoreScanner> {
public:
  StoreScanner(
      llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const FunctionDecl *, 2>>
          &FnStores,
      llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>>
          &GlobalStores,
      llvm::DenseSet<const VarDecl *> &GlobalUnknown,
      llvm::DenseMap<const VarDecl *, const FunctionDecl *> &StoreContext,
      const FunctionDecl *Context)
      : FnStores(FnStores), GlobalStores(GlobalStores),
        GlobalUnknown(GlobalUnknown), StoreContext(StoreContext),
        Context(Context) {}

  bool shouldVisitLambdaBody() const { return false; }

  static const FunctionDecl *functionValue(const Expr *E) {
    if (!E)
      return nullptr;
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    return nullptr;
  }

  void store(const ValueDecl *Target, const Expr *Value) {
    if (!Target || !Value)
      return;
    if (isFunctionPointer(Target->getType())) {
      if (const FunctionDecl *F = functionValue(Value)) {
        auto &V = FnStores[Target];
        const FunctionDecl *Def = F->getDefinition() ? F->getDefinition() : F;
        if (!llvm::is_contained(V, Def))
          V.push_back(Def);
      }
      return;
    }
    const auto *V = dyn_cast<VarDecl>(Target);
    if (V && V->hasGlobalStorage() && V->getType()->isPointerType()) {
      GlobalStores[V].push_back(Value);
      if (Context)
        StoreContext.try_emplace(V, Context);
      else
        StoreContext.try_emplace(V, nullptr);
    }
  }

  static const ValueDecl *target(const Expr *LHS) {
    LHS = LHS->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(LHS))
      return ME->getMemberDecl();
    return nullptr;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      store(target(BO->getLHS()), BO->getRHS());
    else if (BO->isCompoundAssignmentOp())
      if (const auto *V = dyn_cast_or_null<VarDecl>(target(BO->getLHS())))
        if (V->hasGlobalStorage() && V->getType()->isPointerType())
          GlobalUnknown.insert(V);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    // A global pointer whose address is taken can be written anywhere.
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *V = dyn_cast_or_null<VarDecl>(target(UO->getSubExpr())))
        if (V->hasGlobalStorage() && V->getType()->isPointerType())
          GlobalUnknown.insert(V);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->getInit() && V->hasGlobalStorage())
      store(V, V->getInit());
    if (V->getInit())
      initList(V->getType(), V->getInit());
    return true;
  }
  bool VisitCXXCtorInitializer(CXXCtorInitializer *I) {
    if (I->getMember() && I->getInit())
      store(I->getMember(), I->getInit());
    return true;
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *I) {
    VisitCXXCtorInitializer(I);
    return RecursiveASTVisitor::TraverseConstructorInitializer(I);
  }
  /// `struct ops o = { f, g };` and designated initialisers.
  void initList(QualType T, const Expr *Init) {
    const auto *IL = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts());
    if (!IL)
      return;
    if (IL->isSemanticForm() == false && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    const RecordDecl *RD = T->getAsRecordDecl();
    if (T->isArrayType()) {
      QualType E = cast<ArrayType>(T.getCanonicalType())->getElementType();
      for (const Expr *Sub : IL->inits())
        if (Sub)
          initList(E, Sub);
      return;
    }
    if (!RD || !RD->getDefinition())
      return;
    unsigned I = 0;
    for (const FieldDecl *F : RD->getDefinition()->fields()) {
      if (I >= IL->getNumInits())
        break;
      const Expr *Sub = IL->getInit(I++);
      if (!Sub)
        continue;
      store(F, Sub);
      initList(F->getType(), Sub);
    }
  }

private:
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const FunctionDecl *, 2>>
      &FnStores;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>>
      &GlobalStores;
  llvm::DenseSet<const VarDecl *> &GlobalUnknown;
  llvm::DenseMap<const VarDecl *, const FunctionDecl *> &StoreContext;
  const FunctionDecl *Context;
};

/// Global variables with initialisers in user code.
class GlobalInitFinder : public RecursiveASTVisitor<GlobalInitFinder> {
public:
  explicit GlobalInitFinder(const SourceManager &SM) : SM(SM) {}
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D)) {
      SourceLocation L = SM.getExpansionLoc(D->getLocation());
      if (L.isValid() && SM.isInSystemHeader(L))
        return true;
    }
    if (isa<FunctionDecl>(D))
      return true; // bodies are scanned as definitions
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->hasGlobalStorage() && !V->isStaticLocal() && V->getInit())
      Vars.push_back(V);
    return true;
  }
  std::vector<const VarDecl *> Vars;

private:
  const SourceManager &SM;
};
} // namespace

void TUMemory::scan(llvm::ArrayRef<const FunctionDecl *> Defs) {
  for (const FunctionDecl *FD : Defs) {
    StoreScanner S(FnStores, GlobalStores, GlobalUnknown, StoreContext, FD);
    S.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *I : Ctor->inits())
        S.VisitCXXCtorInitializer(const_cast<CXXCtorInitializer *>(I));
  }
  GlobalInitFinder G(Ctx.getSourceManager());
  G.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const VarDecl *V : G.Vars) {
    StoreScanner S(FnStores, GlobalStores, GlobalUnknown, StoreContext,
                   nullptr);
    S.VisitVarDecl(const_cast<VarDecl *>(V));
  }
}

const FunctionMemory &TUMemory::of(const FunctionDecl *FD) {
  const FunctionDecl *Outer = enclosingFunction(FD);
  std::unique_ptr<FunctionMemory> &M = Functions[Outer];
  if (!M)
    M = std::make_unique<FunctionMemory>(Outer, *this);
  return *M;
}

llvm::ArrayRef<const FunctionDecl *>
TUMemory::functionsStoredIn(const ValueDecl *D) const {
  auto It = FnStores.find(D);
  if (It == FnStores.end())
    return {};
  return It->second;
}

const PtsSet *TUMemory::globalTargets(const VarDecl *V) const {
  auto It = GlobalPts.find(V);
  if (It != GlobalPts.end())
    return It->second ? &*It->second : nullptr;
  if (GlobalUnknown.count(V) || !GlobalInProgress.insert(V).second)
    return nullptr;
  std::optional<PtsSet> Result;
  auto S = GlobalStores.find(V);
  // Only a global the TU owns: an extern one is stored to elsewhere too.
  bool Owned = V->hasInit() || V->getStorageClass() == SC_Static;
  if (S != GlobalStores.end() && Owned) {
    PtsSet P;
    bool Known = true;
    for (const Expr *E : S->second) {
      const FunctionDecl *Ctx = StoreContext.lookup(V);
      PtsSet One;
      const Expr *Stripped = E->IgnoreParenCasts();
      if (Stripped->isNullPointerConstant(
              this->Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      if (const auto *UO = dyn_cast<UnaryOperator>(Stripped);
          UO && UO->getOpcode() == UO_AddrOf) {
        if (const auto *DRE = dyn_cast<DeclRefExpr>(
                UO->getSubExpr()->IgnoreParenImpCasts()))
          if (const auto *G = dyn_cast<VarDecl>(DRE->getDecl()))
            if (G->hasGlobalStorage()) {
              AbsLoc L;
              L.Root = AbsLoc::Global;
              L.Var = G;
              One.add(L);
            }
      }
      (void)Ctx;
      if (One.Objs.empty()) {
        Known = false;
        break;
      }
      P.merge(One);
    }
    if (Known && !P.Objs.empty() && !P.Unknown)
      Result = std::move(P);
  }
  GlobalInProgress.erase(V);
  auto &Slot = GlobalPts[V];
  Slot = std::move(Result);
  return Slot ? &*Slot : nullptr;
}

bool TUMemory::returnsFresh(const FunctionDecl *FD) const {
  return FD && FreshReturning.count(FD->getCanonicalDecl());
}

bool TUMemory::isAllocation(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (const auto *NE = dyn_cast<CXXNewExpr>(E))
    return !NE->getNumPlacementArgs();
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F || !F->getDeclName().isIdentifier())
      return false;
    if (returnsFresh(F))
      return true;
    StringRef N = F->getName();
    if (F->isInStdNamespace())
      return N == "make_shared" || N == "make_unique" ||
             N == "allocate_shared";
    return N == "malloc" || N == "calloc" || N == "aligned_alloc" ||
           N == "strdup" || N == "strndup" || N == "realloc" ||
           N == "reallocarray" || N == "valloc" || N == "memalign";
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() == 1)
      return isAllocation(CE->getArg(0));
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return isAllocation(MTE->getSubExpr());
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return isAllocation(BTE->getSubExpr());
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return isAllocation(EWC->getSubExpr());
  return false;
}

//===----------------------------------------------------------------------===//
// FunctionMemory
//===----------------------------------------------------------------------===//

FunctionMemory::FunctionMemory(const FunctionDecl *FD, TUMemory &TU)
    : FD(FD), TU(TU) {
  for (const ParmVarDecl *P : FD->parameters())
    if (isPointerLike(P->getType()) || P->getType()->isReferenceType())
      Sources[P]; // seeded in solve()
  collect(FD->getBody());
  solve();
}

void FunctionMemory::collect(const Stmt *S) {
  if (!S)
    return;
  auto VarOf = [](const Expr *E) -> const VarDecl * {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  };
  auto Escape = [&](const Expr *E) {
    // &x, &x.f, &x[i]: the object x escapes.
    while (E) {
      E = E->IgnoreParenImpCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        if (ME->isArrow())
          return;
        E = ME->getBase();
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        if (!ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
          return;
        E = ASE->getBase();
        continue;
      }
      break;
    }
    if (const VarDecl *V = VarOf(E))
      if (V->hasLocalStorage())
        Escaped.insert(V);
  };
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D)) {
        QualType T = V->getType();
        if ((isPointerLike(T) || T->isReferenceType()) && V->getInit())
          Sources[V].push_back(V->getInit());
        if (T->isReferenceType() && V->getInit())
          Escape(V->getInit());
      }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      if (const VarDecl *V = VarOf(BO->getLHS())) {
        Reassigned.insert(V);
        if (isPointerLike(V->getType()))
          Sources[V].push_back(BO->getRHS());
      }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->getOpcode() == UO_AddrOf)
      Escape(UO->getSubExpr());
    if (UO->isIncrementDecrementOp())
      if (const VarDecl *V = VarOf(UO->getSubExpr()))
        Reassigned.insert(V);
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      if (const VarDecl *V = VarOf(OC->getArg(0))) {
        Reassigned.insert(V);
        if (isPointerLike(V->getType()))
          Sources[V].push_back(OC->getArg(1));
      }
  } else if (const auto *FR = dyn_cast<CXXForRangeStmt>(S)) {
    // `for (auto &x : c)`: x refers to the elements of c.
    if (const VarDecl *LV = FR->getLoopVariable())
      if (LV->getType()->isReferenceType() && FR->getRangeInit())
        RangeOf[LV] = FR->getRangeInit();
  } else if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    llvm::DenseSet<const VarDecl *> ByCopy;
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar())) {
          if (C.getCaptureKind() == LCK_ByRef)
            Escaped.insert(V);
          else
            ByCopy.insert(V);
        }
    // Inside the body, a variable captured by copy is the closure's own.
    if (!ByCopy.empty()) {
      std::function<void(const Stmt *)> Mark = [&](const Stmt *St) {
        if (!St)
          return;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(St))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
            if (ByCopy.count(V))
              CopiedRefs.insert(DRE);
        for (const Stmt *C : St->children())
          Mark(C);
      };
      Mark(LE->getBody());
    }
    // The body belongs to this function's points-to facts too; its
    // parameters point to what its callers pass.
    if (const CXXMethodDecl *Op = LE->getCallOperator())
      for (const ParmVarDecl *P : Op->parameters())
        if (isPointerLike(P->getType()) || P->getType()->isReferenceType())
          Sources[P];
    collect(LE->getBody());
    return;
  } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    // A method called on a local object gets its address as `this`: if the
    // method starts a thread on it, the thread shares the local.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const Expr *Obj = MC->getImplicitObjectArgument())
        if (!Obj->getType()->isPointerType() && Callee &&
            Callee->getDefinition())
          Escape(Obj);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
      if (isa_and_nonnull<CXXMethodDecl>(Callee) && OC->getNumArgs() >= 1 &&
          Callee->getDefinition())
        Escape(OC->getArg(0));
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *A = CE->getArg(I)->IgnoreParenImpCasts();
      // An array passed to a function decays to a pointer to it.
      if (A->getType()->isArrayType())
        Escape(A);
      if (Callee && I < Callee->getNumParams()) {
        QualType PT = Callee->getParamDecl(I)->getType();
        if (PT->isReferenceType() &&
            !PT.getNonReferenceType().isConstQualified())
          Escape(A);
      }
      // std::ref(x): x is shared with whoever gets the wrapper.
      if (Callee && Callee->isInStdNamespace() &&
          Callee->getDeclName().isIdentifier() &&
          (Callee->getName() == "ref" || Callee->getName() == "cref"))
        Escape(A);
    }
  } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
    if (const CXXConstructorDecl *Ctor = CCE->getConstructor())
      for (unsigned I = 0; I < CCE->getNumArgs() && I < Ctor->getNumParams();
           ++I) {
        QualType PT = Ctor->getParamDecl(I)->getType();
        const Expr *A = CCE->getArg(I)->IgnoreParenImpCasts();
        if (A->getType()->isArrayType() ||
            (PT->isReferenceType() &&
             !PT.getNonReferenceType().isConstQualified() &&
             !Ctor->isCopyOrMoveConstructor()))
          Escape(A);
      }
  }
  for (const Stmt *C : S->children())
    collect(C);
}

void FunctionMemory::solve() {
  // Seeds: parameters point to what the caller passes.
  for (auto &[V, Srcs] : Sources) {
    PtsSet &P = Pts[V];
    if (const auto *PV = dyn_cast<ParmVarDecl>(V)) {
      const auto *Owner = dyn_cast<FunctionDecl>(PV->getDeclContext());
      if (Owner) {
        AbsLoc L;
        L.Root = AbsLoc::Param;
        L.Fn = Owner;
        L.Index = PV->getFunctionScopeIndex();
        P.add(L);
      }
    }
  }
  for (auto &[V, Range] : RangeOf) {
    PtsSet P;
    PtsSet C = locOf(Range);
    for (const AbsLoc &L : C.Objs)
      P.add(L.elem(ElemIndex()));
    // An array walked by a pointer-valued range is reached through it.
    P.Unknown = C.Unknown || C.Objs.empty();
    Pts[V] = P;
  }
  // Flow-insensitive fixpoint; paths are capped and sets bounded, so it
  // converges, and the round limit only guards against surprises.
  for (unsigned Round = 0; Round < 8; ++Round) {
    bool Changed = false;
    for (auto &[V, Srcs] : Sources) {
      PtsSet New = Pts[V];
      // A reference designates the object it is bound to; a pointer what
      // its value points to.
      bool Ref = V->getType()->isReferenceType();
      for (const Expr *E : Srcs)
        New.merge(Ref ? locOfOrTemporary(E) : valueOf(E));
      PtsSet &Old = Pts[V];
      if (New.Objs.size() != Old.Objs.size() ||
          New.Funcs.size() != Old.Funcs.size() || New.Unknown != Old.Unknown) {
        Old = std::move(New);
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
}

ElemIndex FunctionMemory::indexOf(const Expr *Idx) const {
  ElemIndex I;
  if (!Idx)
    return I;
  Idx = Idx->IgnoreParenImpCasts();
  Expr::EvalResult R;
  if (!Idx->isValueDependent() &&
      Idx->EvaluateAsInt(R, TU.context()) && R.Val.getInt().getSignificantBits() <= 63) {
    I.Kind = ElemIndex::Const;
    I.Value = R.Val.getInt().getSExtValue();
    return I;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Idx))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasLocalStorage() && !Escaped.count(V)) {
        I.Kind = ElemIndex::Sym;
        I.Var = V;
        return I;
      }
  // Any other index: the value this one evaluation computes, so what is
  // reached through one `&a[h(x)]` (a lock and the fields beside it) is
  // one element.
  I.Kind = ElemIndex::Sym;
  I.Index = Idx;
  return I;
}

PtsSet FunctionMemory::pointeeOfVar(const VarDecl *V) const {
  auto It = Pts.find(V);
  if (It != Pts.end())
    return It->second;
  PtsSet P;
  P.Unknown = true;
  return P;
}

PtsSet FunctionMemory::derefAll(const PtsSet &P, const Expr *Through) const {
  // What the pointers stored in the objects of P point to: symbolic
  // locations `o.*`.
  PtsSet Out;
  for (const AbsLoc &O : P.Objs)
    Out.add(O.deref());
  Out.Unknown |= P.Unknown;
  return Out;
}

PtsSet FunctionMemory::valueOf(const Expr *E) const {
  PtsSet Out;
  if (!E || ++Depth > 64) {
    --Depth;
    Out.Unknown = true;
    return Out;
  }
  struct Leave {
    unsigned &D;
    ~Leave() { --D; }
  } L{Depth};
  ASTContext &Ctx = TU.context();
  E = E->IgnoreParens();
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    if (CE->getCastKind() == CK_ArrayToPointerDecay) {
      PtsSet Arr = locOf(CE->getSubExpr());
      for (const AbsLoc &A : Arr.Objs)
        Out.add(A.elem(ElemIndex()));
      Out.Unknown |= Arr.Unknown;
      return Out;
    }
    if (CE->getCastKind() == CK_FunctionToPointerDecay)
      return valueOf(CE->getSubExpr());
    if (CE->getCastKind() == CK_LValueToRValue ||
        CE->getCastKind() == CK_NoOp || CE->getCastKind() == CK_BitCast ||
        CE->getCastKind() == CK_DerivedToBase ||
        CE->getCastKind() == CK_UncheckedDerivedToBase ||
        CE->getCastKind() == CK_BaseToDerived ||
        CE->getCastKind() == CK_ConstructorConversion ||
        CE->getCastKind() == CK_UserDefinedConversion ||
        CE->getCastKind() == CK_Dynamic)
      return valueOf(CE->getSubExpr());
    if (CE->getCastKind() == CK_NullToPointer ||
        CE->getCastKind() == CK_IntegralToPointer)
      return Out;
    return valueOf(CE->getSubExpr());
  }
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return Out;
  if (TU.isAllocation(E)) {
    AbsLoc H;
    H.Root = AbsLoc::Heap;
    const Expr *Site = E->IgnoreParenCasts();
    while (true) {
      if (const auto *C = dyn_cast<CXXConstructExpr>(Site);
          C && C->getNumArgs() == 1) {
        Site = C->getArg(0)->IgnoreParenCasts();
        continue;
      }
      if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Site)) {
        Site = M->getSubExpr()->IgnoreParenCasts();
        continue;
      }
      if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Site)) {
        Site = B->getSubExpr()->IgnoreParenCasts();
        continue;
      }
      break;
    }
    H.Site = Site;
    H.Fn = FD;
    Out.add(H);
    return Out;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    switch (UO->getOpcode()) {
    case UO_AddrOf:
      return locOf(UO->getSubExpr());
    case UO_Deref:
      // `*pp` where pp is a pointer to a pointer: what that pointer holds.
      return derefAll(locOf(UO), UO);
    case UO_PreInc:
    case UO_PreDec:
    case UO_PostInc:
    case UO_PostDec: {
      PtsSet P = valueOf(UO->getSubExpr());
      for (AbsLoc &A : P.Objs)
        A = A.anyElement();
      return P;
    }
    default:
      Out.Unknown = true;
      return Out;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp() || BO->getOpcode() == BO_AddAssign ||
        BO->getOpcode() == BO_SubAssign) {
      const Expr *Ptr = BO->getLHS()->getType()->isPointerType()
                            ? BO->getLHS()
                            : BO->getRHS();
      PtsSet P = valueOf(Ptr);
      for (AbsLoc &A : P.Objs)
        A = A.anyElement();
      return P;
    }
    if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
      return valueOf(BO->getRHS());
    Out.Unknown = true;
    return Out;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Out = valueOf(CO->getTrueExpr());
    Out.merge(valueOf(CO->getFalseExpr()));
    return Out;
  }
  if (isa<CXXThisExpr>(E)) {
    AbsLoc T;
    T.Root = AbsLoc::This;
    // FD is the outermost function: a lambda's `this` is its enclosing
    // method's.
    T.Fn = thisOwner(FD);
    Out.add(T);
    return Out;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (const auto *F = dyn_cast<FunctionDecl>(D)) {
      Out.add(F);
      return Out;
    }
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V) {
      Out.Unknown = true;
      return Out;
    }
    if (V->getType()->isArrayType()) {
      PtsSet Arr = locOf(E);
      for (const AbsLoc &A : Arr.Objs)
        Out.add(A.elem(ElemIndex()));
      Out.Unknown |= Arr.Unknown;
      return Out;
    }
    if (V->hasGlobalStorage()) {
      if (isFunctionPointer(V->getType())) {
        for (const FunctionDecl *F : TU.functionsStoredIn(V))
          Out.add(F);
        return Out;
      }
      if (const PtsSet *G = TU.globalTargets(V))
        return *G;
      return derefAll(locOf(E), E);
    }
    // Locals and parameters (of this function or, for a lambda, captured
    // from the enclosing one).
    if (Pts.count(V))
      return pointeeOfVar(V);
    if (V->getType()->isReferenceType() || isPointerLike(V->getType())) {
      // A local not tracked (declared without initialiser and assigned in
      // ways we do not follow).
      Out.Unknown = true;
      return Out;
    }
    Out.Unknown = true;
    return Out;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
      if (isFunctionPointer(F->getType())) {
        for (const FunctionDecl *Fn : TU.functionsStoredIn(F))
          Out.add(Fn);
        return Out;
      }
      if (F->getType()->isArrayType()) {
        PtsSet Arr = locOf(E);
        for (const AbsLoc &A : Arr.Objs)
          Out.add(A.elem(ElemIndex()));
        Out.Unknown |= Arr.Unknown;
        return Out;
      }
      return derefAll(locOf(E), E);
    }
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
      if (isFunctionPointer(V->getType())) {
        for (const FunctionDecl *Fn : TU.functionsStoredIn(V))
          Out.add(Fn);
        return Out;
      }
    return derefAll(locOf(E), E);
  }
  if (isa<ArraySubscriptExpr>(E))
    return derefAll(locOf(E), E);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    // Smart pointers: `sp` as a value designates what it owns.
    if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
        OC->getNumArgs() >= 1 && isSmartPointer(OC->getArg(0)->getType())) {
      if (OC->getOperator() == OO_Arrow)
        return valueOf(OC->getArg(0));
      return derefAll(locOf(E), E);
    }
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      return valueOf(OC->getArg(1));
    Out.Unknown = true;
    return Out;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // sp.get() is what sp owns.
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "get" &&
        MC->getImplicitObjectArgument() &&
        isSmartPointer(MC->getImplicitObjectArgument()->getType()))
      return valueOf(MC->getImplicitObjectArgument());
    Out.Unknown = true;
    return Out;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *F = CE->getDirectCallee())
      if (F->isInStdNamespace() && F->getDeclName().isIdentifier() &&
          CE->getNumArgs() == 1) {
        StringRef N = F->getName();
        if (N == "move" || N == "forward")
          return valueOf(CE->getArg(0));
        if (N == "ref" || N == "cref" || N == "addressof")
          return locOf(CE->getArg(0));
      }
    Out.Unknown = true;
    return Out;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // A smart pointer or reference wrapper built from a pointer.
    if (CE->getNumArgs() >= 1 && isPointerLike(CE->getType()))
      return valueOf(CE->getArg(0));
    Out.Unknown = true;
    return Out;
  }
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return valueOf(M->getSubExpr());
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return valueOf(B->getSubExpr());
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return valueOf(EWC->getSubExpr());
  Out.Unknown = true;
  return Out;
}

PtsSet FunctionMemory::locOfOrTemporary(const Expr *E) const {
  // A reference bound to a temporary (or to what a call returns) refers to
  // nothing another thread can see, unless the call returns a reference.
  PtsSet P = locOf(E);
  if (P.empty() && !E->IgnoreParenImpCasts()->isGLValue())
    return P;
  if (P.empty())
    P.Unknown = true;
  return P;
}

PtsSet FunctionMemory::locOf(const Expr *E) const {
  PtsSet Out;
  if (!E || ++Depth > 64) {
    --Depth;
    Out.Unknown = true;
    return Out;
  }
  struct Leave {
    unsigned &D;
    ~Leave() { --D; }
  } L{Depth};
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
    if (ICE->getCastKind() == CK_NoOp || ICE->getCastKind() == CK_DerivedToBase ||
        ICE->getCastKind() == CK_UncheckedDerivedToBase ||
        ICE->getCastKind() == CK_LValueToRValue)
      return locOf(ICE->getSubExpr());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return Out;
    if (V->getType()->isReferenceType())
      return valueOf(E);
    if (V->hasGlobalStorage()) {
      AbsLoc G;
      G.Root = AbsLoc::Global;
      G.Var = V;
      Out.add(G);
      return Out;
    }
    if (V->getTLSKind() != VarDecl::TLS_None || CopiedRefs.count(DRE))
      return Out;
    // A local: shared only when its address escapes.
    if (Escaped.count(V)) {
      AbsLoc Lo;
      Lo.Root = AbsLoc::Local;
      Lo.Var = V;
      Out.add(Lo);
    }
    return Out;
  }
  auto Finish = [&](const PtsSet &Bases, QualType PointeeT,
                    llvm::function_ref<AbsLoc(const AbsLoc &)> Step) {
    PtsSet R;
    for (const AbsLoc &B : Bases.Objs)
      R.add(Step(B));
    if (Bases.Unknown || R.Unknown) {
      // Through an unknown pointer: some object of the pointee's type.
      AbsLoc U;
      U.Root = AbsLoc::Unknown;
      U.Type = recordOfObject(PointeeT);
      R.Unknown = false;
      if (R.Objs.size() < MaxPointsTo)
        R.add(Step(U));
      else {
        R.Objs.clear();
        R.add(Step(U).byType());
      }
    }
    return R;
  };
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl())) {
      AbsLoc G;
      G.Root = AbsLoc::Global;
      G.Var = V;
      Out.add(G);
      return Out;
    }
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return Out;
    const Expr *Base = ME->getBase();
    PtsSet Bases;
    QualType BaseT = Base->getType();
    if (ME->isArrow()) {
      Bases = valueOf(Base);
      BaseT = BaseT->getPointeeType();
    } else {
      Bases = locOf(Base);
      if (Bases.empty())
        return Out; // a field of a private local
    }
    PtsSet R = Finish(Bases, BaseT,
                      [&](const AbsLoc &B) { return B.field(F); });
    // A reference member designates what it refers to.
    if (F->getType()->isReferenceType())
      for (AbsLoc &A : R.Objs)
        A = A.deref();
    return R;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
    ElemIndex I = indexOf(ASE->getIdx());
    if (Base->getType()->isArrayType()) {
      PtsSet Bases = locOf(Base);
      if (Bases.empty())
        return Out;
      return Finish(Bases, Base->getType(),
                    [&](const AbsLoc &B) { return B.elem(I); });
    }
    PtsSet Bases = valueOf(ASE->getBase());
    return Finish(Bases, ASE->getType(), [&](const AbsLoc &B) {
      if (!B.Path.empty() && B.Path.back().Kind == PathStep::Elem) {
        AbsLoc C = B;
        if (C.Path.back().Index.Kind == ElemIndex::Any)
          C.Path.back().Index = I;
        else
          C.Path.back().Index = ElemIndex();
        return C;
      }
      return B.elem(I);
    });
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref) {
      PtsSet Bases = valueOf(UO->getSubExpr());
      return Finish(Bases, UO->getType(), [](const AbsLoc &B) { return B; });
    }
    return Out;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1 &&
        isSmartPointer(OC->getArg(0)->getType())) {
      PtsSet Bases = valueOf(OC->getArg(0));
      return Finish(Bases, OC->getType(), [](const AbsLoc &B) { return B; });
    }
    // v[i]: the element of v, not v as a whole.
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        isSequenceContainer(OC->getArg(0)->getType())) {
      ElemIndex I = indexOf(OC->getArg(1));
      PtsSet Bases = locOf(OC->getArg(0));
      PtsSet R;
      for (const AbsLoc &B : Bases.Objs)
        R.add(B.elem(I));
      R.Unknown = Bases.Unknown;
      return R;
    }
    return Out;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (MD && Obj && MD->getDeclName().isIdentifier() &&
        isSequenceContainer(Obj->getType()) &&
        (MD->getName() == "at" || MD->getName() == "front" ||
         MD->getName() == "back")) {
      ElemIndex I;
      if (MD->getName() == "at" && MC->getNumArgs() == 1)
        I = indexOf(MC->getArg(0));
      PtsSet Bases = locOf(Obj);
      PtsSet R;
      for (const AbsLoc &B : Bases.Objs)
        R.add(B.elem(I));
      R.Unknown = Bases.Unknown;
      return R;
    }
    return Out;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *F = CE->getDirectCallee())
      if (F->isInStdNamespace() && F->getDeclName().isIdentifier() &&
          CE->getNumArgs() == 1 &&
          (F->getName() == "move" || F->getName() == "forward"))
        return locOf(CE->getArg(0));
    return Out;
  }
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return locOf(M->getSubExpr());
  return Out;
}

//===----------------------------------------------------------------------===//
// Lock keys
//===----------------------------------------------------------------------===//

namespace {
const VarDecl *findVarNamed(const Stmt *S, StringRef Name, unsigned Depth = 0) {
  if (!S || Depth > 256)
    return nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getDeclName().isIdentifier() && VD->getName() == Name)
          return VD;
  if (const auto *LE = dyn_cast<LambdaExpr>(S))
    return findVarNamed(LE->getBody(), Name, Depth + 1);
  for (const Stmt *C : S->children())
    if (const VarDecl *VD = findVarNamed(C, Name, Depth + 1))
      return VD;
  return nullptr;
}

const FieldDecl *fieldNamed(const RecordDecl *RD, StringRef Name,
                            unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return nullptr;
  if (const RecordDecl *Def = RD->getDefinition())
    RD = Def;
  for (const FieldDecl *F : RD->fields())
    if (F->getDeclName().isIdentifier() && F->getName() == Name)
      return F;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    for (const CXXBaseSpecifier &B : CRD->bases())
      if (const FieldDecl *F =
              fieldNamed(B.getType()->getAsRecordDecl(), Name, Depth + 1))
        return F;
  return nullptr;
}

} // namespace

const VarDecl *globalNamed(ASTContext &Ctx, StringRef Qual) {
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<StringRef, 4> Parts;
  Qual.split(Parts, "::");
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (Parts[I].empty())
      continue;
    auto R = DC->lookup(&Ctx.Idents.get(Parts[I]));
    const Decl *Found = R.empty() ? nullptr : R.front();
    if (!Found)
      return nullptr;
    if (I + 1 == Parts.size())
      return dyn_cast<VarDecl>(Found);
    if (const auto *Sub = dyn_cast<DeclContext>(Found))
      DC = Sub;
    else
      return nullptr;
  }
  return nullptr;
}


PtsSet FunctionMemory::lockKeyLoc(const FunctionDecl *Fn, StringRef Key) const {
  PtsSet Out;
  ASTContext &Ctx = TU.context();
  bool Star = Key.consume_front("*");
  size_t End = Key.size();
  for (StringRef Sep : {".", "->", "["})
    End = std::min(End, Key.find(Sep));
  StringRef Root = Key.take_front(End), Rest = Key.drop_front(End);
  if (Root.empty())
    return Out;

  // The root: a parameter, a local (of Fn or, for a lambda, of the function
  // around it), a field of `this`, or a global.
  PtsSet Cur;
  QualType CurT;
  const VarDecl *RootVar = nullptr;
  for (const FunctionDecl *F = Fn; F && !RootVar;) {
    for (const ParmVarDecl *P : F->parameters())
      if (P->getDeclName().isIdentifier() && P->getName() == Root)
        RootVar = P;
    if (!RootVar)
      RootVar = findVarNamed(F->getBody(), Root);
    const FunctionDecl *Up = enclosingFunction(F);
    F = Up == F ? nullptr : Up;
  }
  if (!RootVar && !Root.contains("::"))
    if (const auto *MD = dyn_cast<CXXMethodDecl>(thisOwner(Fn)))
      if (const FieldDecl *F = fieldNamed(MD->getParent(), Root)) {
        AbsLoc T;
        T.Root = AbsLoc::This;
        T.Fn = MD;
        Cur.add(T.field(F));
        CurT = F->getType();
      }
  if (!RootVar && Cur.empty())
    RootVar = globalNamed(Ctx, Root);
  if (RootVar) {
    CurT = RootVar->getType();
    if (RootVar->hasGlobalStorage()) {
      AbsLoc G;
      G.Root = AbsLoc::Global;
      G.Var = RootVar;
      Cur.add(G);
    } else if (RootVar->getType()->isReferenceType()) {
      Cur = pointeeOfVar(RootVar);
    } else {
      AbsLoc Lo;
      Lo.Root = AbsLoc::Local;
      Lo.Var = RootVar;
      Cur.add(Lo);
    }
  }
  if (Cur.empty())
    return Out;

  // The value stored at Cur, when Cur holds pointers.
  auto Pointee = [&](const PtsSet &Locs, bool AtRoot) {
    if (AtRoot && RootVar && !RootVar->hasGlobalStorage() &&
        !RootVar->getType()->isReferenceType())
      return pointeeOfVar(RootVar);
    if (AtRoot && RootVar && RootVar->hasGlobalStorage())
      if (const PtsSet *G = TU.globalTargets(RootVar))
        return *G;
    return derefAll(Locs, nullptr);
  };
  bool AtRoot = true;
  while (!Rest.empty()) {
    bool Arrow = Rest.consume_front("->");
    if (Arrow || Rest.consume_front(".")) {
      size_t E = Rest.size();
      for (StringRef Sep : {".", "->", "["})
        E = std::min(E, Rest.find(Sep));
      StringRef Name = Rest.take_front(E);
      Rest = Rest.drop_front(E);
      QualType ObjT = CurT.getNonReferenceType();
      if (Arrow) {
        Cur = Pointee(Cur, AtRoot);
        if (const auto *PT = ObjT->getAs<PointerType>())
          ObjT = PT->getPointeeType();
      }
      const FieldDecl *F = fieldNamed(recordOfType(ObjT), Name);
      if (!F)
        return Out;
      PtsSet Next;
      for (const AbsLoc &L : Cur.Objs)
        Next.add(L.field(F));
      if (Cur.Unknown) {
        AbsLoc U;
        U.Root = AbsLoc::Unknown;
        U.Type = F->getParent();
        Next.add(U.field(F));
      }
      Cur = std::move(Next);
      CurT = F->getType();
      if (CurT->isReferenceType())
        for (AbsLoc &L : Cur.Objs)
          L = L.deref();
    } else if (Rest.consume_front("[")) {
      size_t Close = Rest.find(']');
      if (Close == StringRef::npos)
        return Out;
      StringRef Idx = Rest.take_front(Close);
      Rest = Rest.drop_front(Close + 1);
      ElemIndex I;
      long long N;
      if (!Idx.getAsInteger(10, N)) {
        I.Kind = ElemIndex::Const;
        I.Value = N;
      } else if (const VarDecl *IV = findVarNamed(enclosingFunction(Fn)->getBody(), Idx)) {
        I.Kind = ElemIndex::Sym;
        I.Var = IV;
      } else {
        for (const ParmVarDecl *P : Fn->parameters())
          if (P->getDeclName().isIdentifier() && P->getName() == Idx) {
            I.Kind = ElemIndex::Sym;
            I.Var = P;
          }
      }
      QualType ObjT = CurT.getNonReferenceType();
      if (const auto *AT = dyn_cast<ArrayType>(ObjT.getCanonicalType())) {
        for (AbsLoc &L : Cur.Objs)
          L = L.elem(I);
        CurT = AT->getElementType();
      } else if (const auto *PT = ObjT->getAs<PointerType>()) {
        Cur = Pointee(Cur, AtRoot);
        for (AbsLoc &L : Cur.Objs)
          L = L.elem(I);
        CurT = PT->getPointeeType();
      } else {
        return Out;
      }
    } else {
      return Out;
    }
    AtRoot = false;
  }
  if (Star) {
    Cur = Pointee(Cur, AtRoot);
    if (Cur.Unknown) {
      AbsLoc U;
      U.Root = AbsLoc::Unknown;
      U.Type = recordOfObject(CurT);
      Cur.Unknown = false;
      Cur.add(U);
    }
  }
  return Cur;
}

} // namespace racelint
