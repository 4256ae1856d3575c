//===--- RaceModel.cpp - Races and guards ---------------------------------===//

#include "RaceModel.h"
#include "Project.h"
#include "SummaryBuilder.h"
#include "Threads.h"
#include "TUModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <set>
#include <unordered_set>

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

/// Effective accesses are capped per function: a huge call tree degrades
/// to fewer reports, never to a blow-up.
static constexpr size_t MaxEffective = 4000;
/// How deep threads started by threads are followed.
static constexpr unsigned MaxThreadDepth = 4;

RaceModel::RaceModel(TUModel &TU, const RaceConfig &Config)
    : TU(TU), Config(Config),
      Builder(std::make_unique<SummaryBuilder>(TU, Config.ThreadEntryFunctions)) {
  Functions = TU.definitions();
  findRoots();
  buildContexts();
  collect();
  findRaces();
}

RaceModel::~RaceModel() = default;

const Summary &RaceModel::summaryOf(const FunctionDecl *FD) {
  return Builder->summaryOf(FD);
}

bool RaceModel::isInitFunction(const FunctionDecl *FD) const {
  // Like a constructor, an init function runs before the state it sets up
  // is published to other threads.
  return !Config.InitFunctions.empty() && !Entries.count(FD) &&
         !OnceRoutines.count(FD) &&
         TU.recognizer().matchesName(FD, Config.InitFunctions);
}

//===----------------------------------------------------------------------===//
// Roots and thread contexts
//===----------------------------------------------------------------------===//

namespace {
/// Lambdas bound to a local that is only ever named in unevaluated
/// operands (sizeof, decltype): their body never runs.
class UnusedLambdas : public RecursiveASTVisitor<UnusedLambdas> {
public:
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitVarDecl(VarDecl *V) {
    if (V->isLocalVarDecl() && V->getInit())
      if (const auto *LE = dyn_cast<LambdaExpr>(stripLockExpr(V->getInit())))
        Bound[V] = LE->getCallOperator();
    return true;
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc, bool = true) { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      Used.insert(V);
    return true;
  }
  llvm::DenseMap<const VarDecl *, const CXXMethodDecl *> Bound;
  llvm::DenseSet<const VarDecl *> Used;
};
} // namespace

/// A whole-object transfer: a copy or move constructor or assignment, or a
/// member `swap` with another object of the class. Its owner runs it on
/// objects it has to itself; the locks it takes around every field, or the
/// atomics it exchanges, guard the transfer, not any one field.
static bool isTransfer(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!MD)
    return false;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(MD))
    return CD->isCopyOrMoveConstructor();
  if (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())
    return true;
  if (MD->getDeclName().isIdentifier() && MD->getName() == "swap" &&
      MD->getNumParams() == 1)
    if (const auto *RD = MD->getParamDecl(0)
                             ->getType()
                             .getNonReferenceType()
                             ->getAsCXXRecordDecl())
      return RD->getCanonicalDecl() == MD->getParent()->getCanonicalDecl();
  return false;
}

bool RaceModel::inTransfer(const RootAccess &A) {
  if (isTransfer(A.Root) || isTransfer(A.A.Function))
    return true;
  for (const CallSite *C : A.Chain)
    for (const FunctionDecl *F : C->Callees)
      if (isTransfer(F))
        return true;
  return false;
}

/// Whether a class (or one of its bases) has a lock or an atomic member,
/// or a member pointing or referring to a lock: it synchronises its own
/// state, so its public methods may be called from any thread.
static bool synchronisesItself(const CXXRecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return true; // nothing known: keep the conservative answer
  auto Own = [](const CXXRecordDecl *R) {
    if (ownsLock(R->getASTContext().getCanonicalTagType(R)))
      return true;
    // (ownsLock does not count a member pointing to a lock or an atomic.)
    return llvm::any_of(R->fields(), [](const FieldDecl *F) {
      const auto *PT = F->getType()->getAs<PointerType>();
      return PT && (isLockType(PT->getPointeeType()) ||
                    isAtomicType(PT->getPointeeType()));
    });
  };
  if (Own(RD))
    return true;
  bool Base = false;
  RD->forallBases([&](const CXXRecordDecl *B) {
    Base |= !B->hasDefinition() || Own(B->getDefinition());
    return true;
  });
  return Base;
}

void RaceModel::findRoots() {
  for (const FunctionDecl *FD : Functions) {
    const Summary &S = summaryOf(FD);
    for (const CallSite &C : S.Calls)
      for (const FunctionDecl *Callee : C.Callees) {
        if (Callee != FD)
          ++Callers[Callee];
        // A once routine's ordering comes from its once object, whatever
        // its name says.
        if (C.Once)
          OnceRoutines.insert(Callee);
      }
    for (const SpawnSite &Sp : S.Spawns) {
      if (!Sp.Chain.empty())
        continue; // counted where the create is
      for (const FunctionDecl *E : Sp.Entries)
        Entries.insert(E);
      StartsThreads = true;
    }
    // A lambda that is never invoked does not run.
    if (FD == enclosingFunction(FD)) {
      UnusedLambdas U;
      U.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
      for (const auto &[V, Op] : U.Bound)
        if (!U.Used.count(V))
          NeverRun.insert(Op);
    }
  }
  // A TU with main() is a program: a method it calls is analysed where it
  // is called, not again as an entry point of its own.
  bool Program = llvm::any_of(
      Functions, [](const FunctionDecl *FD) { return FD->isMain(); });
  for (const FunctionDecl *FD : Functions) {
    if (Entries.count(FD) || NeverRun.count(FD))
      continue;
    // An init function runs before the state it sets up is shared, like
    // main() before its first spawn; the threads it starts run from there.
    // Called only by main() (in another TU) before any thread starts:
    // like an init function, it runs alone.
    if (const ProjectIndex *P = ProjectIndex::active();
        P && !Callers.lookup(FD) && summaryOf(FD).Spawns.empty() &&
        P->startupOnly(TU.usr(FD)))
      continue;
    if (isInitFunction(FD)) {
      if (!Callers.lookup(FD) && !summaryOf(FD).Spawns.empty()) {
        Roots.push_back(FD);
        InitRoots.insert(FD);
      }
      continue;
    }
    if (isa<CXXDestructorDecl>(FD))
      continue; // runs when the object dies: no other thread has it
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    bool Lambda = MD && MD->getParent()->isLambda();
    bool Root = !Callers.lookup(FD);
    // A callback handed to code racelint cannot see (an event loop's
    // registration) is also called from there, without the locks its
    // direct callers hold. Not a once routine: its once object orders it.
    if (!Root && !Lambda && !OnceRoutines.count(FD) && TU.addressTaken(FD))
      Root = true;
    // Public methods can be called from outside the TU too; but not those
    // of a class with no lock or atomic of its own that the TU calls: such
    // a class is synchronised by its users (leveldb's VersionSet, whose
    // accessors DBImpl calls holding its own mutex), and its accesses are
    // judged where they are made, with the callers' locks.
    if (!Root && MD && !Lambda && MD->getAccess() == AS_public &&
        !isa<CXXConstructorDecl>(FD) && !Program &&
        synchronisesItself(MD->getParent()))
      Root = true;
    if (Root)
      Roots.push_back(FD);
  }
}

void RaceModel::addContext(ThreadContext C) {
  unsigned Index = Contexts.size();
  Contexts.push_back(C);
  const Summary &S = summaryOf(C.Root);
  if (C.Depth >= MaxThreadDepth)
    return;
  for (unsigned K = 0; K < S.Spawns.size(); ++K) {
    const SpawnSite &Sp = S.Spawns[K];
    for (const FunctionDecl *E : Sp.Entries) {
      // A thread that starts itself again (recursion through spawns).
      bool Cycle = false;
      for (int P = Index; P >= 0; P = Contexts[P].Parent)
        if (Contexts[P].Root == E && Contexts[P].Kind == ThreadContext::Spawned)
          Cycle = true;
      if (Cycle)
        continue;
      ThreadContext Child;
      Child.Kind = ThreadContext::Spawned;
      Child.Root = E;
      Child.Parent = Index;
      Child.Spawn = K;
      Child.Multi = Sp.Multi || Contexts[Index].Multi;
      Child.Depth = C.Depth + 1;
      // A lock taken before anything else and never released: held for the
      // thread's whole life.
      const FunctionLocks &FL = TU.locks(E);
      std::set<std::string> Released;
      for (const LockEvent &Ev : FL.Events)
        if (Ev.Kind == LockEvent::Release || Ev.Kind == LockEvent::GuardRelease)
          Released.insert(Ev.Lock);
      for (const LockEvent &Ev : FL.Events)
        if ((Ev.Kind == LockEvent::Acquire ||
             Ev.Kind == LockEvent::GuardAcquire) &&
            !Released.count(Ev.Lock))
          for (const AbsLoc &L : Builder->lockLocs(E, Ev.Lock).Objs)
            Child.WholeLife.push_back({L, Ev.Lock, false});
      addContext(Child);
    }
  }
}

void RaceModel::buildContexts() {
  const ProjectIndex *P = ProjectIndex::active();
  for (const FunctionDecl *R : Roots) {
    ThreadContext C;
    C.Kind = R->isMain() || InitRoots.count(R) ? ThreadContext::Main
                                                : ThreadContext::External;
    C.Root = R;
    if (P && C.Kind == ThreadContext::External) {
      ProjectIndex::ThreadUse Use = P->threadsRunning(TU.usr(R));
      C.ProjectThread = Use.Threads > 0;
      // Run by two threads, or by one started several times: it runs
      // alongside itself.
      C.Multi = Use.Multi || Use.Threads > 1;
      C.MainThread = !C.ProjectThread && P->mainThreadOnly(TU.usr(R));
    }
    addContext(C);
  }
  // Thread entries named in the options start somewhere racelint cannot
  // see, possibly many times.
  for (const FunctionDecl *FD : Functions)
    if (!Entries.count(FD) && !Config.ThreadEntryFunctions.empty() &&
        TU.recognizer().matchesName(FD, Config.ThreadEntryFunctions)) {
      ThreadContext C;
      C.Kind = ThreadContext::External;
      C.Root = FD;
      C.Multi = true;
      StartsThreads = true;
      addContext(C);
    }
}

//===----------------------------------------------------------------------===//
// Effective accesses
//===----------------------------------------------------------------------===//

/// Of the objects a callee's lock stands for at a call, the one reached
/// through the same argument object as the access at \p Acc: a callee
/// that locks `f->mu` around `f->q` locks, for each object `f` may be, that
/// object's `mu`. (Without it, a pointer that may be two objects named no
/// lock at all, and `q` looked unguarded.) Empty when none corresponds.
static PtsSet sameBinding(const PtsSet &Sub, const AbsLoc &CalleeAcc,
                          const AbsLoc &CalleeLock, const AbsLoc &Acc) {
  PtsSet Out;
  if (!CalleeAcc.sameRoot(CalleeLock) ||
      Acc.Path.size() < CalleeAcc.Path.size())
    return Out;
  size_t Base = Acc.Path.size() - CalleeAcc.Path.size();
  for (const AbsLoc &O : Sub.Objs) {
    if (!O.sameRoot(Acc) || O.Path.size() != Base + CalleeLock.Path.size() ||
        !std::equal(O.Path.begin(), O.Path.begin() + Base, Acc.Path.begin()))
      continue;
    if (!Out.Objs.empty())
      return PtsSet();
    Out.add(O);
  }
  return Out;
}

/// A location's identity, structurally: the same as comparing the
/// locations with ==, at a fraction of the cost of spelling their keys.
static llvm::hash_code hashLoc(const AbsLoc &L) {
  llvm::hash_code H =
      llvm::hash_combine(L.Root, L.Var, L.Site, L.Fn, L.Index, L.Type, L.Name);
  for (const PathStep &P : L.Path)
    H = llvm::hash_combine(H, P.Kind, P.FieldD, P.Index.Kind, P.Index.Value,
                           P.Index.Var, P.Index.Index);
  return H;
}

const std::vector<RootAccess> &RaceModel::effective(const FunctionDecl *FD) {
  auto It = EffectiveCache.find(FD);
  if (It != EffectiveCache.end())
    return It->second;
  static const std::vector<RootAccess> Empty;
  if (!InProgress.insert(FD).second)
    return Empty; // recursion: the cycle adds nothing new
  const Summary &S = summaryOf(FD);
  std::vector<RootAccess> Result;
  // Once only contexts that are not threads remain (collect), a list
  // leaves out the private locals those contexts drop: copied up every
  // call chain they were most of a large header's lists.
  for (const Access &A : S.Accesses) {
    if (privateLocal(A.Loc, FD, A.Function, {}))
      continue;
    RootAccess RA;
    RA.A = A;
    Result.push_back(std::move(RA));
  }
  const LockRecognizer &R = TU.recognizer();
  bool OwnObject = isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD);
  llvm::DenseSet<std::pair<unsigned, size_t>> Lifted;
  for (const CallSite &C : S.Calls) {
    for (size_t CI = 0; CI < C.Callees.size(); ++CI) {
      const FunctionDecl *Callee = C.Callees[CI];
      if (isInitFunction(Callee))
        continue;
      // Locks the callee is analysed as holding on entry stand for the
      // caller's: the callee's lockset already says where it drops them.
      std::vector<std::string> EntryLocks;
      for (const auto &[Ref, Mode] : R.locksHeldOnEntry(Callee))
        EntryLocks.push_back(Ref.Key);
      for (const InferredLocks::Fact &F : TU.inferred(Callee).Facts)
        if (F.Kind == InferredLocks::RequiresOnEntry ||
            F.Kind == InferredLocks::Releases ||
            F.Kind == InferredLocks::MayRelease)
          EntryLocks.push_back(F.Lock.Key);
      LockList EntryLocs;
      for (const std::string &K : EntryLocks)
        for (const AbsLoc &L : Builder->lockLocs(Callee, K).Objs)
          for (const AbsLoc &Sub : substitute(L, Callee, C).Objs)
            EntryLocs.push_back({Sub, K, false});
      const std::vector<unsigned> *Map =
          CI < C.SpawnMap.size() ? &C.SpawnMap[CI] : nullptr;
      for (const RootAccess &CA : effective(Callee)) {
        if (Result.size() >= MaxEffective)
          break;
        // The callee's locals are its own; its `this` is the object the
        // call names (nothing, for an object still private to the caller).
        PtsSet Locs = substitute(CA.A.Loc, Callee, C);
        for (const AbsLoc &L : Locs.Objs) {
          // What a constructor's or destructor's helpers do to the object
          // under construction is as private as what the body does.
          if (OwnObject && L.Root == AbsLoc::This && L.Fn == FD)
            continue;
          if (privateLocal(L, FD, CA.A.Function, CA.Chain, &C))
            continue;
          RootAccess RA = CA;
          RA.A.Loc = L;
          LockList Locks;
          for (const LockLoc &H : CA.A.Locks) {
            PtsSet Sub = substitute(H.Loc, Callee, C);
            if (Sub.Objs.size() > 1)
              Sub = sameBinding(Sub, CA.A.Loc, H.Loc, L);
            if (Sub.Objs.size() != 1 || Sub.Unknown)
              continue;
            // A lock the callee assumes held on entry is held here only if
            // this caller does hold it.
            if (holdsLock(EntryLocs, Sub.Objs.front()) &&
                !holdsLock(C.Locks, Sub.Objs.front()))
              continue;
            Locks.push_back({Sub.Objs.front(), H.Name, H.Shared});
          }
          for (const LockLoc &H : C.Locks) {
            if (holdsLock(EntryLocs, H.Loc) || holdsLock(Locks, H.Loc))
              continue;
            Locks.push_back(H);
            if (RA.A.CheckedAt.isValid() &&
                !llvm::is_contained(RA.A.CheckLocks, H.Name))
              RA.A.CheckLocks.push_back(H.Name);
          }
          RA.A.Locks = std::move(Locks);
          // Threads: the callee's spawns renamed, plus the caller's.
          ThreadPoint TP = C.Threads;
          for (unsigned Id : CA.A.Threads.Alive)
            if (Map && Id < Map->size() && (*Map)[Id] != ~0u &&
                !llvm::is_contained(TP.Alive, (*Map)[Id]))
              TP.Alive.push_back((*Map)[Id]);
          for (const AbsLoc &O : CA.A.Threads.OncePassed)
            for (const AbsLoc &Sub : substitute(O, Callee, C).Objs)
              TP.OncePassed.push_back(Sub);
          for (const auto &[B, N] : CA.A.Threads.Phases)
            for (const AbsLoc &Sub : substitute(B, Callee, C).Objs) {
              bool Found = false;
              for (auto &[CB, CN] : TP.Phases)
                if (CB == Sub) {
                  CN += N;
                  Found = true;
                }
              if (!Found)
                TP.Phases.push_back({Sub, N});
            }
          for (const AbsLoc &Acq : CA.A.Threads.Acquired)
            for (const AbsLoc &Sub : substitute(Acq, Callee, C).Objs)
              TP.Acquired.push_back(Sub);
          RA.A.Threads = std::move(TP);
          RA.Chain.insert(RA.Chain.begin(), &C);
          if (C.Once && !RA.InOnce)
            if (PtsSet O = substitute(*C.Once, Callee, C); O.Objs.size() == 1)
              RA.InOnce = O.Objs.front();
          // The same statement reached again by another chain that pairs
          // alike adds nothing but memory.
          // (Each call site in FD stays: guards are counted per call.)
          if (!Lifted.insert({C.Loc.getRawEncoding(), pairingSignature(RA, FD)})
                   .second)
            continue;
          Result.push_back(std::move(RA));
        }
      }
    }
  }
  InProgress.erase(FD);
  // A callee's list is kept until its last caller has lifted it.
  llvm::SmallPtrSet<const FunctionDecl *, 8> Done;
  for (const CallSite &C : S.Calls)
    for (const FunctionDecl *Callee : C.Callees)
      if (!isInitFunction(Callee) && Done.insert(Callee).second)
        release(Callee);
  // Kept until the callers are done: no slack from the vector's growth.
  if (Result.capacity() > Result.size() + Result.size() / 8)
    Result.shrink_to_fit();
  return EffectiveCache[FD] = std::move(Result);
}

void RaceModel::release(const FunctionDecl *FD) {
  auto It = Pending.find(FD);
  if (It != Pending.end() && It->second > 0 && --It->second == 0)
    EffectiveCache.erase(FD);
}

void RaceModel::countPending() {
  // Every function effective() will reach from a context's root, and how
  // many of them (and contexts) will ask for its list.
  llvm::DenseSet<const FunctionDecl *> Seen;
  std::vector<const FunctionDecl *> Work;
  for (const ThreadContext &C : Contexts) {
    ++Pending[C.Root];
    if (Seen.insert(C.Root).second)
      Work.push_back(C.Root);
  }
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.back();
    Work.pop_back();
    llvm::SmallPtrSet<const FunctionDecl *, 8> Callees;
    for (const CallSite &C : summaryOf(FD).Calls)
      for (const FunctionDecl *Callee : C.Callees)
        if (!isInitFunction(Callee) && Callees.insert(Callee).second) {
          ++Pending[Callee];
          if (Seen.insert(Callee).second)
            Work.push_back(Callee);
        }
  }
}

PtsSet RaceModel::bindLoc(const AbsLoc &L, unsigned Ctx) const {
  PtsSet Out;
  const ThreadContext &C = Contexts[Ctx];
  // The entry's parameters are what the spawner passed; a lambda entry's
  // `this` is the object its enclosing method ran on.
  bool Own = L.isParamRooted() && L.Fn == C.Root;
  bool LambdaThis = L.Root == AbsLoc::This && L.Fn != C.Root &&
                    isa<CXXMethodDecl>(C.Root) &&
                    cast<CXXMethodDecl>(C.Root)->getParent()->isLambda() &&
                    enclosingFunction(C.Root) == L.Fn;
  if ((Own || LambdaThis) && C.Kind == ThreadContext::Spawned) {
    const ThreadContext &P = Contexts[C.Parent];
    const Summary &PS = const_cast<RaceModel *>(this)->summaryOf(P.Root);
    if (C.Spawn < PS.Spawns.size()) {
      const SpawnSite &Sp = PS.Spawns[C.Spawn];
      CallSite Bind;
      Bind.Args = Sp.Args;
      Bind.Self = Sp.Self;
      for (const AbsLoc &Sub : substitute(L, L.Fn, Bind).Objs)
        Out.merge(bindLoc(Sub, C.Parent));
      return Out;
    }
  }
  Out.add(L);
  return Out;
}

AbsLoc RaceModel::typeOnly(const AbsLoc &L) {
  if (!L.isParamRooted())
    return L;
  // A caller racelint does not see: the object is known by its type.
  AbsLoc T = L;
  if (T.Root == AbsLoc::This)
    if (const auto *MD = dyn_cast<CXXMethodDecl>(T.Fn))
      T.Type = canonicalRecord(MD->getParent());
  if (T.Root == AbsLoc::Param)
    T.Type = T.Index < T.Fn->getNumParams()
                 ? recordOfType(T.Fn->getParamDecl(T.Index)->getType())
                 : nullptr;
  // A member names the class it belongs to better than the declared type:
  // `this` of a base-class method reaching a derived class's member (the
  // base's `Put` calling the virtual `Write` that locks `mutex_`), or a
  // `void *` parameter cast to the class, is an object of the member's
  // class. Naming it by the method's class or the parameter's type made one
  // lock two ("under 'mutex_' instead of 'mutex_'"); byType() names
  // objects the same way.
  if (!T.Path.empty() && T.Path.front().Kind == PathStep::Field &&
      T.Path.front().FieldD)
    T.Type = canonicalRecord(T.Path.front().FieldD->getParent());
  T.Root = AbsLoc::Unknown;
  T.Fn = nullptr;
  T.Index = 0;
  return T;
}

namespace {
std::string indexKey(const ElemIndex &I) {
  switch (I.Kind) {
  case ElemIndex::Const:
    return std::to_string(I.Value);
  case ElemIndex::Sym:
    // Identity by address; the variable's name (if any) only for display.
    return "@" + (I.Var ? I.Var->getNameAsString() : std::string()) + "#" +
           std::to_string(reinterpret_cast<uintptr_t>(I.Var)) + "/" +
           std::to_string(reinterpret_cast<uintptr_t>(I.Index));
  case ElemIndex::Any:
    return "*";
  }
  return "*";
}

/// The exact key of a location, element indices included.
std::string exactKey(const AbsLoc &L) {
  std::string S = L.rootKey();
  for (const PathStep &P : L.Path) {
    if (P.Kind == PathStep::Field)
      S += "." + (P.FieldD ? P.FieldD->getNameAsString() : std::string("?"));
    else if (P.Kind == PathStep::Deref)
      S += ".*";
    else
      S += "[" + indexKey(P.Index) + "]";
  }
  return S;
}

/// Where the object an access is grouped by begins in its path: after the
/// last dereference (and the element steps right after it) for objects
/// known only by type; the root for objects with a name.
size_t objectStart(const AbsLoc &Acc) {
  if (!(Acc.Root == AbsLoc::Unknown || Acc.isParamRooted()))
    return 0;
  size_t Cut = 0;
  for (size_t I = 0; I < Acc.Path.size(); ++I)
    if (Acc.Path[I].Kind == PathStep::Deref)
      Cut = I + 1;
  while (Cut < Acc.Path.size() && Acc.Path[Cut].Kind == PathStep::Elem)
    ++Cut;
  return Cut;
}

/// Whether two element indices that are not the same expression pick the
/// same element all the same (RaceModel::indexSource decides).
using IndexTie =
    llvm::function_ref<bool(const ElemIndex &Acc, const ElemIndex &Lock)>;

/// How many leading steps the paths of two locations with the same root
/// share; elements are the same step when their indices must (or, with
/// MayEqual, may) be equal.
size_t sharedSteps(const AbsLoc &A, const AbsLoc &B, bool MayEqual) {
  size_t P = 0;
  while (P < A.Path.size() && P < B.Path.size()) {
    const PathStep &X = A.Path[P], &Y = B.Path[P];
    if (X.Kind != Y.Kind || X.FieldD != Y.FieldD)
      break;
    if (X.Kind == PathStep::Elem &&
        !(MayEqual ? X.Index.mayEqual(Y.Index) : X.Index.mustEqual(Y.Index)))
      break;
    ++P;
  }
  return P;
}

/// A lock named relative to the access it protects (below), or absolutely
/// when it belongs to no object of the access.
std::string relativeLock(const AbsLoc &Acc, const AbsLoc &Lock,
                         bool Always = false, IndexTie Tie = nullptr) {
  // A lock of the same object as the access (the same root): named by where
  // its path leaves the access's path, "P:suffix", so that every access
  // that reaches such an object names its lock alike, however deep it goes
  // into the object (`plugins_` and `plugins_[k].second` under `mu_` are
  // both "0:.mu_"), and an element's own lock is the same for every element
  // (`slots[i].n` under `slots[i].mu`: "2:.mu").
  // Two objects known by their types only: `Topology._taskflow.*._mutex`
  // is some Taskflow's `_mutex`, like the Taskflow the access is in.
  if (Acc.Root == AbsLoc::Unknown && Lock.Root == AbsLoc::Unknown &&
      !Acc.sameRoot(Lock)) {
    AbsLoc A = Acc.byType(), L = Lock.byType();
    // A lock declared in a base class is a member of the derived object
    // too: by type, `Mu` of the `SinkBase` part of some `CountingSink` is
    // that sink's (`this->Mu` inside the class says "0:.Mu" already).
    const auto *AT = dyn_cast_or_null<CXXRecordDecl>(A.Type);
    const auto *LT = dyn_cast_or_null<CXXRecordDecl>(L.Type);
    if (AT && LT && AT != LT && AT->hasDefinition() && LT->hasDefinition() &&
        AT->isDerivedFrom(LT) && L.Path.size() == 1)
      L.Type = A.Type;
    if (A.Type && A.sameRoot(L) && !(A == Acc && L == Lock))
      return relativeLock(A, L);
  }
  if (Acc.sameRoot(Lock)) {
    // Naming a guard for an access (Always): an element the access may be
    // is the element whose lock it lacks (`b->files` of some bucket against
    // the lock of bucket `i`).
    size_t P = sharedSteps(Acc, Lock, /*MayEqual=*/Always);
    // Counted from where the grouped object starts, so `me->e->n` and
    // `e->n` under their engine's lock agree.
    std::string S =
        std::to_string(static_cast<long>(P) -
                       static_cast<long>(objectStart(Acc))) +
        ":";
    for (size_t I = P; I < Lock.Path.size(); ++I) {
      const PathStep &St = Lock.Path[I];
      if (St.Kind == PathStep::Field)
        S += "." +
             (St.FieldD ? St.FieldD->getNameAsString() : std::string("?"));
      else if (St.Kind == PathStep::Deref)
        S += ".*";
      else
        S += "[" + indexKey(St.Index) + "]";
    }
    return S;
  }
  // `locks[h]` guarding `tab[h]`, or `a[h].mu` guarding `a[h].n`: the same
  // index picks both.
  for (const PathStep &LS : Lock.Path)
    if (LS.Kind == PathStep::Elem && LS.Index.Kind != ElemIndex::Any)
      for (const PathStep &AS : Acc.Path)
        if (AS.Kind == PathStep::Elem &&
            (AS.Index.mustEqual(LS.Index) ||
             (Tie && AS.Index.Kind == ElemIndex::Sym &&
              LS.Index.Kind == ElemIndex::Sym && Tie(AS.Index, LS.Index)))) {
          AbsLoc Copy = Lock;
          for (PathStep &S : Copy.Path)
            if (S.Kind == PathStep::Elem && S.Index == LS.Index)
              S.Index = ElemIndex();
          return exactKey(Copy) + "[=]";
        }
  return exactKey(Lock.isParamRooted() ? RaceModel::typeOnly(Lock) : Lock);
}

/// Whether Lock is reached by dereferencing the storage Acc: its path is
/// Acc's, then a dereference (`c->cur->mu` from `c->cur`).
bool reachedThrough(const AbsLoc &Acc, const AbsLoc &Lock) {
  return Acc.sameRoot(Lock) && Lock.Path.size() > Acc.Path.size() &&
         Lock.Path[Acc.Path.size()].Kind == PathStep::Deref &&
         sharedSteps(Acc, Lock, /*MayEqual=*/true) == Acc.Path.size();
}
} // namespace

void RaceModel::resolve(RootAccess &RA) {
  // RA.A.Loc is bound to the root already; locks are named relative to it
  // before both lose the parameter they hang off.
  unsigned Ctx = RA.Context;
  const AbsLoc Acc = RA.A.Loc;
  LockList Locks;
  for (const LockLoc &L : RA.A.Locks) {
    PtsSet R = bindLoc(L.Loc, Ctx);
    if (R.Objs.size() == 1)
      Locks.push_back({R.Objs.front(), L.Name, L.Shared});
  }
  // A lock the spawner holds from the create to the join covers the
  // thread.
  for (int P = Ctx; P >= 0 && Contexts[P].Kind == ThreadContext::Spawned;
       P = Contexts[P].Parent) {
    const Summary &PS = summaryOf(Contexts[Contexts[P].Parent].Root);
    if (Contexts[P].Spawn < PS.Spawns.size())
      for (const LockLoc &L : PS.Spawns[Contexts[P].Spawn].LocksHeldToJoin)
        for (const AbsLoc &R : bindLoc(L.Loc, Contexts[P].Parent).Objs)
          if (!holdsLock(Locks, R))
            Locks.push_back({R, L.Name, L.Shared});
  }
  RA.RelLocks.clear();
  RA.RelShared.clear();
  RA.LockRel.clear();
  RA.ThroughLocks.clear();
  // `heads[it->cls]` in a helper under the `lru_locks[it->cls]` its caller
  // took: two expressions, one value, when both read the same storage as
  // seen from the root.
  std::vector<const FunctionDecl *> Fns;
  bool FnsKnown = false;
  auto Tie = [&](const ElemIndex &AI, const ElemIndex &LI) {
    if (!FnsKnown) {
      Fns = chainFunctions(RA);
      FnsKnown = true;
    }
    std::string A = indexSource(AI, RA, Fns);
    return !A.empty() && A == indexSource(LI, RA, Fns);
  };
  for (const LockLoc &L : Locks) {
    std::string K = relativeLock(Acc, L.Loc, false, Tie);
    RA.LockRel.push_back(K);
    if (reachedThrough(Acc, L.Loc) && !llvm::is_contained(RA.ThroughLocks, K))
      RA.ThroughLocks.push_back(K);
    if (llvm::is_contained(RA.RelLocks, K))
      continue;
    RA.RelLocks.push_back(K);
    RA.RelShared.push_back(L.Shared);
    if (Acc.Root == AbsLoc::Param && L.Loc.Root == AbsLoc::This)
      RA.ForeignLocks.push_back(K);
  }
  for (LockLoc &L : Locks)
    L.Loc = typeOnly(L.Loc);
  RA.A.Locks = std::move(Locks);
  auto Bind1 = [&](AbsLoc &L) {
    PtsSet R = bindLoc(L, Ctx);
    if (R.Objs.size() == 1)
      L = typeOnly(R.Objs.front());
  };
  if (RA.InOnce)
    Bind1(*RA.InOnce);
  for (AbsLoc &O : RA.A.Threads.OncePassed)
    Bind1(O);
  for (auto &[B, N] : RA.A.Threads.Phases)
    Bind1(B);
  for (AbsLoc &A : RA.A.Threads.Acquired)
    Bind1(A);
  RA.Untracked = Acc.Root == AbsLoc::Unknown;
  RA.A.Loc = typeOnly(Acc);
}

std::vector<const FunctionDecl *>
RaceModel::chainFunctions(const RootAccess &RA) {
  std::vector<const FunctionDecl *> Fns{RA.Root};
  for (size_t J = 0; J < RA.Chain.size(); ++J) {
    // The callee that the next call (or the access) is in.
    const FunctionDecl *Next = nullptr;
    for (const FunctionDecl *C : RA.Chain[J]->Callees) {
      bool Holds =
          J + 1 < RA.Chain.size()
              ? llvm::any_of(summaryOf(C).Calls,
                             [&](const CallSite &S) {
                               return &S == RA.Chain[J + 1];
                             })
              : C == RA.A.Function;
      if (Holds) {
        Next = C;
        break;
      }
    }
    if (!Next)
      return {};
    Fns.push_back(Next);
  }
  return Fns;
}

std::string
RaceModel::indexSource(const ElemIndex &I, const RootAccess &RA,
                       const std::vector<const FunctionDecl *> &Fns) {
  // Only an index read from storage (a field through a pointer): a local
  // variable is the same element only as itself (ElemIndex::mustEqual).
  if (I.Kind != ElemIndex::Sym || !I.Index || Fns.empty() ||
      !isa<MemberExpr>(I.Index->IgnoreParenImpCasts()))
    return std::string();
  const SourceManager &SM = TU.context().getSourceManager();
  SourceLocation At = SM.getExpansionLoc(I.Index->getBeginLoc());
  // The innermost function of the chain whose body holds the expression.
  for (size_t K = Fns.size(); K-- > 0;) {
    const Stmt *Body = Fns[K]->getBody();
    if (!Body ||
        !SM.isPointWithin(At, SM.getExpansionLoc(Body->getBeginLoc()),
                          SM.getExpansionLoc(Body->getEndLoc())))
      continue;
    PtsSet P = Builder->memory().of(Fns[K]).locOf(I.Index);
    if (P.Unknown || P.Objs.size() != 1)
      return std::string();
    AbsLoc L = P.Objs.front();
    for (size_t J = K; J-- > 0;) {
      PtsSet S = substitute(L, Fns[J + 1], *RA.Chain[J]);
      if (S.Unknown || S.Objs.size() != 1)
        return std::string();
      L = S.Objs.front();
    }
    return exactKey(L);
  }
  return std::string();
}

void RaceModel::collect() {
  const SourceManager &SM = TU.context().getSourceManager();
  // Each function's list is freed as soon as nothing needs it any more:
  // kept for the whole run they held most of the model's memory.
  countPending();
  // A local is shared only with a thread its function starts (findRaces),
  // and two accesses inside activations of its function never meet
  // (concurrentBeforeEvidence). The threads' contexts go first; then the
  // other contexts' accesses to a local that no thread reaches from
  // outside its function's activation, most of a header-heavy TU's
  // accesses, are dropped (privateLocal) before they are copied.
  std::vector<unsigned> Order;
  for (unsigned CI = 0; CI < Contexts.size(); ++CI)
    if (Contexts[CI].Kind == ThreadContext::Spawned)
      Order.push_back(CI);
  for (unsigned CI = 0; CI < Contexts.size(); ++CI)
    if (Contexts[CI].Kind != ThreadContext::Spawned)
      Order.push_back(CI);
  for (unsigned CI : Order) {
    const ThreadContext C = Contexts[CI];
    if (C.Kind != ThreadContext::Spawned && !PruneLocals) {
      PruneLocals = true;
      for (const auto &[K, V] : ByKey)
        if (!V.empty() && V.front().A.Loc.Root == AbsLoc::Local &&
            llvm::any_of(V, [&](const RootAccess &A) {
              return !inOwnerActivation(A.A.Loc.Var, A.Root, A.A.Function,
                                        A.Chain);
            }))
          ReachedFromOutside.insert(K);
    }
    effective(C.Root);
    std::vector<RootAccess> &Effective = EffectiveCache[C.Root];
    // What the root synchronises on.
    std::set<std::string> &Sync = SyncObjects[C.Root];
    std::set<std::string> &Atomics = SyncAtomics[C.Root];
    // Most accesses hold the same few locks: spell each once.
    llvm::DenseSet<size_t> LocksSeen;
    for (const RootAccess &E : Effective) {
      if (inTransfer(E) ||
          (C.Kind != ThreadContext::Spawned &&
           privateLocal(E.A.Loc, C.Root, E.A.Function, E.Chain)))
        continue;
      // An ordering atomic (explicit acquire/release/seq_cst, an exchange)
      // publishes or consumes the object around it: the object is shared.
      // A relaxed or implicit one is a statistic: only that storage is.
      if (E.A.Atomic)
        for (const AbsLoc &B : bindLoc(E.A.Loc, CI).Objs) {
          AbsLoc L = typeOnly(B);
          if (L.Root == AbsLoc::Unknown)
            L = L.byType();
          if (E.A.Ordering)
            Sync.insert(L.rootKey());
          else
            Atomics.insert(L.key());
        }
      for (const LockLoc &H : E.A.Locks) {
        if (!LocksSeen.insert(hashLoc(H.Loc)).second)
          continue;
        for (const AbsLoc &B : bindLoc(H.Loc, CI).Objs) {
          AbsLoc L = typeOnly(B);
          Sync.insert(L.Root == AbsLoc::Unknown ? L.byType().rootKey()
                                                : L.rootKey());
        }
      }
    }
    // The last context of this root takes the list's accesses over instead
    // of copying them.
    bool LastUse = Pending.lookup(C.Root) == 1;
    for (RootAccess &E : Effective) {
      // Code of main() that no thread can run beside is not shared: it
      // starts them or runs after they are joined.
      if (C.Kind == ThreadContext::Main && E.A.Threads.Alive.empty())
        continue;
      PtsSet Locs = bindLoc(E.A.Loc, CI);
      bool OwnParam = E.A.Loc.Root == AbsLoc::Param && E.A.Loc.Fn == C.Root;
      for (size_t LI = 0; LI < Locs.Objs.size(); ++LI) {
        if (C.Kind != ThreadContext::Spawned &&
            privateLocal(Locs.Objs[LI], C.Root, E.A.Function, E.Chain))
          continue;
        RootAccess RA = LastUse && LI + 1 == Locs.Objs.size()
                            ? std::move(E)
                            : RootAccess(E);
        RA.A.Loc = std::move(Locs.Objs[LI]);
        RA.Context = CI;
        RA.Root = C.Root;
        resolve(RA);
        // The locks acquired on the way to an access order it only after a
        // spawner's hand-off, which only a started thread's accesses can
        // receive (mayRunConcurrently): elsewhere the list is dead weight
        // in every copy, and would split accesses that pair alike.
        if (C.Kind != ThreadContext::Spawned) {
          RA.A.Threads.Acquired.clear();
          RA.A.Threads.Acquired.shrink_to_fit();
        }
        // An object known by type only, with no type, says nothing; nor
        // does one of a library type reached through an iterator or a
        // pointer racelint cannot follow (`it->second`).
        if (RA.A.Loc.Root == AbsLoc::Unknown && !RA.A.Loc.Name) {
          const RecordDecl *T = RA.A.Loc.byType().Type;
          if (!T)
            continue;
          SourceLocation TL = SM.getExpansionLoc(T->getLocation());
          if (TL.isValid() && SM.isInSystemHeader(TL))
            continue;
        }
        // A thread's argument owned by each instance.
        if (C.Kind == ThreadContext::Spawned && C.Multi) {
          const Summary &PS = summaryOf(Contexts[C.Parent].Root);
          if (C.Spawn < PS.Spawns.size() && PS.Spawns[C.Spawn].PerInstanceArg &&
              OwnParam)
            RA.PerInstance = true;
        }
        AbsLoc Grouped = RA.A.Loc.Root == AbsLoc::Unknown ? RA.A.Loc.byType()
                                                          : RA.A.Loc;
        if (RA.A.Loc.Root == AbsLoc::Unknown && RA.A.Loc.Name)
          Grouped = RA.A.Loc;
        RA.Key = Grouped.rootKey();
        if (Grouped.Path.size() < RA.A.Loc.Path.size()) {
          size_t Cut = RA.A.Loc.Path.size() - Grouped.Path.size();
          for (size_t I = 0; I < Cut; ++I)
            RA.CutPrefix.push_back(
                RA.A.Loc.Path[I].Kind == PathStep::Deref ? '*' : 'f');
        }
        RA.A.Loc = Grouped;
        RA.LocKey = RA.A.Loc.key();
        RA.Transfer = inTransfer(RA);
        ByKey[RA.Key].push_back(std::move(RA));
      }
    }
    release(C.Root);
  }
  EffectiveCache.clear();
  // Ties in context order, whatever order the contexts were visited in.
  for (auto &[K, V] : ByKey)
    std::stable_sort(V.begin(), V.end(),
                     [&](const RootAccess &X, const RootAccess &Y) {
                       if (X.A.At != Y.A.At)
                         return SM.isBeforeInTranslationUnit(X.A.At, Y.A.At);
                       return X.Context < Y.Context;
                     });
}

//===----------------------------------------------------------------------===//
// Concurrency
//===----------------------------------------------------------------------===//

/// Two element locks of one lock array whose indices racelint cannot
/// compare (`bio_mutex[worker]` in two functions, each with its own
/// `worker`).
static bool sameArrayUnknownIndex(const AbsLoc &A, const AbsLoc &B) {
  if (!A.sameRoot(B) || A.Path.size() != B.Path.size())
    return false;
  bool Elem = false;
  for (size_t I = 0; I < A.Path.size(); ++I) {
    const PathStep &X = A.Path[I], &Y = B.Path[I];
    if (X.Kind != Y.Kind || X.FieldD != Y.FieldD)
      return false;
    if (X.Kind == PathStep::Elem) {
      if (X.Index.Kind == ElemIndex::Const || Y.Index.Kind == ElemIndex::Const)
        return false;
      Elem = true;
    }
  }
  return Elem;
}

/// Whether the storage is an element picked by an index racelint cannot
/// evaluate.
static bool symbolicElement(const AbsLoc &L) {
  return llvm::any_of(L.Path, [](const PathStep &S) {
    return S.Kind == PathStep::Elem && S.Index.Kind != ElemIndex::Const;
  });
}

bool RaceModel::commonLock(const RootAccess &X, const RootAccess &Y) {
  for (size_t I = 0; I < X.RelLocks.size(); ++I)
    for (size_t J = 0; J < Y.RelLocks.size(); ++J)
      if (X.RelLocks[I] == Y.RelLocks[J] &&
          !(X.RelShared[I] && Y.RelShared[J]))
        return true;
  // One lock named two ways: relative to the object an access went
  // through (`e->mutex` around `e->free[b]->next`, "-4:.mutex"; around
  // `e->pages[i].next`, "-3:.mutex") and by type where another access
  // reached the object otherwise (`tmp->next` in a walk under `e->mutex`,
  // "type:store_engine.mutex"). Each is the lock of an object of that type
  // at the same path; the storage itself is known only by type.
  for (size_t I = 0; I < X.A.Locks.size() && I < X.LockRel.size(); ++I)
    for (size_t J = 0; J < Y.A.Locks.size() && J < Y.LockRel.size(); ++J)
      if ((X.LockRel[I].front() == '-' || Y.LockRel[J].front() == '-') &&
          X.A.Locks[I].Loc.Root == AbsLoc::Unknown &&
          X.A.Locks[I].Loc == Y.A.Locks[J].Loc &&
          !(X.A.Locks[I].Shared && Y.A.Locks[J].Shared))
        return true;
  // An element of a table touched under an element of a lock array on
  // both sides, each picked by its own index: code that maps a slot to its
  // stripe the same way everywhere. racelint cannot compare the indices,
  // and "no lock protects both" would be a guess. (A scalar touched under
  // two stripes is still reported: no mapping makes that safe.)
  if (symbolicElement(X.A.Loc) && symbolicElement(Y.A.Loc))
    for (const LockLoc &LX : X.A.Locks)
      for (const LockLoc &LY : Y.A.Locks)
        if (!(LX.Shared && LY.Shared) && sameArrayUnknownIndex(LX.Loc, LY.Loc))
          return true;
  return false;
}

bool RaceModel::joinedLater(const RootAccess &X, const RootAccess &Y) const {
  // X's code joins, after X, a thread that Y runs in: that thread was
  // running at X.
  const SourceManager &SM = TU.context().getSourceManager();
  llvm::SmallVector<PtsSet, 2> Handles;
  for (int P = Y.Context; P >= 0 && Contexts[P].Kind == ThreadContext::Spawned;
       P = Contexts[P].Parent) {
    const Summary &PS =
        const_cast<RaceModel *>(this)->summaryOf(Contexts[Contexts[P].Parent].Root);
    if (Contexts[P].Spawn < PS.Spawns.size()) {
      // Named as the root sees it: `this->Worker` of two methods is the
      // same member of the same (type-known) object.
      PtsSet H;
      for (const AbsLoc &L : PS.Spawns[Contexts[P].Spawn].Handle.Objs)
        for (const AbsLoc &B : bindLoc(L, Contexts[P].Parent).Objs)
          H.add(typeOnly(B));
      Handles.push_back(H);
    }
  }
  if (Handles.empty())
    return false;
  auto Check = [&](const FunctionDecl *F, SourceLocation After) {
    const Summary &S = const_cast<RaceModel *>(this)->summaryOf(F);
    for (const auto &[Loc, H] : S.JoinPoints) {
      if (!SM.isBeforeInTranslationUnit(After, Loc))
        continue;
      PtsSet J;
      for (const AbsLoc &L : H.Objs)
        J.add(typeOnly(L));
      for (const PtsSet &T : Handles)
        if (joinMatches(J, T) || joinMatches(J, T, /*WholeArray=*/true))
          return true;
    }
    return false;
  };
  if (Check(X.A.Function, X.A.At))
    return true;
  // The callers along the chain, after their call.
  const FunctionDecl *F = X.Root;
  for (const CallSite *C : X.Chain) {
    if (Check(F, C->Loc))
      return true;
    F = C->Callees.empty() ? nullptr : C->Callees.front();
    if (!F)
      break;
  }
  return false;
}

static bool keysOverlap(llvm::StringRef A, llvm::StringRef B);

/// Whether \p Lock belongs to the object \p Acc is in, or to one that
/// holds it (`q->mu` around `q->items[i]->n`), or is the lock a member of
/// it points to: not a lock inside another object that object points to.
/// A connection's thread's statistics lock around a field of a request
/// hanging off the connection says nothing about the request.
static bool sameObjectLock(const AbsLoc &Lock, const AbsLoc &Acc) {
  if (!Lock.sameRoot(Acc))
    return false;
  size_t P = 0;
  while (P < Acc.Path.size() && P < Lock.Path.size() &&
         Acc.Path[P].Kind == Lock.Path[P].Kind &&
         Acc.Path[P].FieldD == Lock.Path[P].FieldD)
    ++P;
  // A member that points to the lock (`mutex_t &mutex_`, shared by the
  // objects of a family) still makes it the object's lock: only a
  // dereference on the way to another object leaves it.
  auto Rest = llvm::drop_begin(Lock.Path, P);
  return llvm::none_of(Rest.empty() ? Rest : llvm::drop_end(Rest),
                       [](const PathStep &S) {
                         return S.Kind == PathStep::Deref;
                       });
}

bool RaceModel::evidence(const RootAccess &X, const RootAccess &Y) const {
  // A lock held on either side (not one a thread holds for its whole
  // life), an atomic operation on the storage, or two entry points that
  // both synchronise on the object: the code expects concurrency here.
  //
  // The lock must be about this storage: the guard inferred for it, a lock
  // of the same object, or a global lock around storage racelint can name.
  // A lock that merely happens to be held (a logger's mutex around a write
  // to some object known only by its type) says nothing about it.
  auto Counted = [&](const RootAccess &A) {
    if (A.Transfer)
      return false;
    const LockList &Whole = Contexts[A.Context].WholeLife;
    // (Not a lock of `this` held while filling an object the root's caller
    // hands in, `send(Response &res)`: it says nothing about other objects
    // of that type.)
    auto G = GuardLocks.find(A.LocKey);
    if (G != GuardLocks.end() && llvm::is_contained(A.RelLocks, G->second) &&
        !llvm::is_contained(A.ForeignLocks, G->second))
      return true;
    auto N = NotAbout.find(A.LocKey);
    for (size_t J = 0; J < A.A.Locks.size(); ++J) {
      const LockLoc &L = A.A.Locks[J];
      if (holdsLock(Whole, L.Loc))
        continue;
      if (N != NotAbout.end() && J < A.LockRel.size() &&
          N->second.count(A.LockRel[J]))
        continue;
      if (sameObjectLock(L.Loc, A.A.Loc) ||
          (L.Loc.Root == AbsLoc::Global && A.A.Loc.Root != AbsLoc::Unknown))
        return true;
    }
    return false;
  };
  if (Counted(X) || Counted(Y) || (X.A.Atomic && !X.Transfer) ||
      (Y.A.Atomic && !Y.Transfer))
    return true;
  // A thread the TU starts writes it: what the thread produces is read
  // while it runs (not a write made under a lock the thread holds for its
  // whole life: that is a protocol racelint cannot see).
  //
  // Not for an object known only by its type: that a thread writes some
  // `client` does not make every `client` the other side touches one it
  // shares (DESIGN.md: by-type storage needs a guard or a thread argument).
  auto ThreadWrite = [&](const RootAccess &A) {
    const ThreadContext &C = Contexts[A.Context];
    if ((C.Kind != ThreadContext::Spawned && !C.ProjectThread) ||
        !isWrite(A.A.How))
      return false;
    // A thread started in another file hands its entry's arguments to
    // code racelint sees only as an entry point here: what it writes
    // through its parameters is some object of the type, and only
    // storage it names (a global) is known to be the other side's.
    if (C.Kind != ThreadContext::Spawned && A.A.Loc.Root != AbsLoc::Global)
      return false;
    if (A.Untracked)
      return false;
    for (const LockLoc &L : A.A.Locks)
      if (holdsLock(Contexts[A.Context].WholeLife, L.Loc))
        return false;
    return true;
  };
  if (ThreadWrite(X) || ThreadWrite(Y))
    return true;
  // Both entry points lock the object (a class whose methods take its
  // mutex), or both use this very storage atomically. An atomic on one
  // field says nothing of the others: a global struct of counters with one
  // atomic statistic is not shared as a whole.
  auto SX = SyncObjects.find(X.Root), SY = SyncObjects.find(Y.Root);
  if (SX != SyncObjects.end() && SY != SyncObjects.end() &&
      SX->second.count(X.Key) && SY->second.count(Y.Key))
    return true;
  auto AX = SyncAtomics.find(X.Root), AY = SyncAtomics.find(Y.Root);
  if (AX != SyncAtomics.end() && AY != SyncAtomics.end()) {
    auto Uses = [](const std::set<std::string> &S, const std::string &K) {
      return llvm::any_of(
          S, [&](const std::string &A) { return keysOverlap(A, K); });
    };
    if (Uses(AX->second, X.LocKey) && Uses(AY->second, Y.LocKey))
      return true;
  }
  if (const RecordDecl *RD = X.A.Loc.lastRecord())
    if (TU.recognizer().matchesName(RD, Config.ConcurrentClasses))
      return true;
  for (const RootAccess *A : {&X, &Y})
    for (const PathStep &S : A->A.Loc.Path)
      if (S.Kind == PathStep::Field && S.FieldD &&
          (S.FieldD->hasAttr<GuardedByAttr>() ||
           S.FieldD->hasAttr<PtGuardedByAttr>()))
        return true;
  return false;
}

bool RaceModel::loopOwned(const RootAccess &X, const RootAccess &Y,
                          const Summary &PS, unsigned K) const {
  // Fork/join over an array: thread i is started with element i (handle
  // t[i], argument &a[i]) and joined as t[i]. The spawner's a[i] before
  // the create of iteration i, or after the join of t[i], is not what any
  // running thread owns.
  const SpawnSite &Sp = PS.Spawns[K];
  if (!Sp.Multi || !Sp.Chain.empty() || !X.Chain.empty() ||
      X.A.Function != PS.FD || Sp.Handle.Objs.size() != 1)
    return false;
  const AbsLoc &H = Sp.Handle.Objs.front();
  if (H.Path.empty() || H.Path.back().Kind != PathStep::Elem ||
      H.Path.back().Index.Kind != ElemIndex::Sym || !H.Path.back().Index.Var)
    return false;
  const ValueDecl *V = H.Path.back().Index.Var;
  const SourceManager &SM = TU.context().getSourceManager();
  const AbsLoc &XL = X.A.Loc, &YL = Y.A.Loc;
  if (!XL.sameRoot(YL))
    return false;
  for (size_t P = 0; P < XL.Path.size() && P < YL.Path.size(); ++P) {
    const PathStep &XS = XL.Path[P], &YS = YL.Path[P];
    if (XS.Kind != YS.Kind || XS.FieldD != YS.FieldD)
      return false;
    if (XS.Kind != PathStep::Elem)
      continue;
    if (YS.Index.Kind != ElemIndex::Sym || YS.Index.Var != V ||
        XS.Index.Kind != ElemIndex::Sym || !XS.Index.Var)
      return false;
    const Stmt *XLoop = TU.enclosingLoop(X.A.E);
    if (!XLoop)
      return false;
    // In the create loop, before the create.
    if (XS.Index.Var == V)
      return XLoop == TU.enclosingLoop(Sp.At) &&
             SM.isBeforeInTranslationUnit(X.A.At, Sp.Loc);
    // In a join loop, after joining the thread of this element.
    for (const auto &[J, JH] : PS.OwnJoins)
      for (const AbsLoc &JL : JH.Objs)
        if (JL.sameRoot(H) && !JL.Path.empty() &&
            JL.Path.back().Kind == PathStep::Elem &&
            JL.Path.back().Index.Var == XS.Index.Var &&
            TU.enclosingLoop(J) == XLoop &&
            SM.isBeforeInTranslationUnit(J->getBeginLoc(), X.A.At))
          return true;
    return false;
  }
  return false;
}

bool RaceModel::mayRunConcurrently(const RootAccess &X,
                                   const RootAccess &Y) const {
  // Two accesses to some object of a type, each reached through a pointer
  // racelint could not follow, need evidence that they can meet on one
  // object (DESIGN.md): threads that each work on their own objects of a
  // type (a request, a client handed from thread to thread) do not share
  // them just because the type is the same.
  if (X.Untracked && Y.Untracked)
    return concurrentBeforeEvidence(X, Y) && evidence(X, Y);
  return concurrentBeforeEvidence(X, Y);
}

bool RaceModel::inOwnerActivation(const VarDecl *Local,
                                  const FunctionDecl *Root,
                                  const FunctionDecl *Function,
                                  llvm::ArrayRef<const CallSite *> Chain,
                                  const CallSite *First) {
  const auto *Owner = dyn_cast<FunctionDecl>(Local->getDeclContext());
  if (!Owner)
    return false;
  if (Root == Owner || Function == Owner)
    return true;
  if (First && llvm::is_contained(First->Callees, Owner))
    return true;
  for (const CallSite *C : Chain)
    if (llvm::is_contained(C->Callees, Owner))
      return true;
  return false;
}

bool RaceModel::privateLocal(const AbsLoc &L, const FunctionDecl *Root,
                             const FunctionDecl *Function,
                             llvm::ArrayRef<const CallSite *> Chain,
                             const CallSite *First) const {
  if (!PruneLocals || L.Root != AbsLoc::Local)
    return false;
  std::string K = L.rootKey();
  if (!ByKey.count(K))
    return true;
  return !ReachedFromOutside.count(K) && L.Var &&
         inOwnerActivation(L.Var, Root, Function, Chain, First);
}

bool RaceModel::concurrentBeforeEvidence(const RootAccess &X,
                                         const RootAccess &Y) const {
  auto Ancestry = [&](unsigned C) {
    std::vector<unsigned> V;
    for (int P = C; P >= 0; P = Contexts[P].Parent)
      V.push_back(P);
    std::reverse(V.begin(), V.end());
    return V;
  };
  // A local lives in one activation of its function: two accesses that both
  // run inside an activation of that function (each in its own thread, or
  // both in one) never touch the same one concurrently. Only a thread given
  // the local by its owner shares it.
  if (X.A.Loc.Root == AbsLoc::Local && X.A.Loc.Var &&
      inOwnerActivation(X.A.Loc.Var, X.Root, X.A.Function, X.Chain) &&
      inOwnerActivation(X.A.Loc.Var, Y.Root, Y.A.Function, Y.Chain))
    return false;
  // Runs of one once routine for the same once object are one run; code
  // after a once call runs after the routine.
  if (X.InOnce && Y.InOnce && *X.InOnce == *Y.InOnce)
    return false;
  for (const auto &P : {std::make_pair(&X, &Y), std::make_pair(&Y, &X)})
    if (P.first->InOnce)
      for (const AbsLoc &O : P.second->A.Threads.OncePassed)
        if (O == *P.first->InOnce)
          return false;
  // Barrier phases: different phases of one barrier never overlap.
  for (const auto &[BX, NX] : X.A.Threads.Phases)
    for (const auto &[BY, NY] : Y.A.Threads.Phases)
      if (BX == BY && NX != NY)
        return false;
  for (const auto &[BX, NX] : X.A.Threads.Phases)
    if (NX > 0 && llvm::none_of(Y.A.Threads.Phases,
                                [&](const auto &P) { return P.first == BX; }))
      if (X.Context != Y.Context)
        return false;
  for (const auto &[BY, NY] : Y.A.Threads.Phases)
    if (NY > 0 && llvm::none_of(X.A.Threads.Phases,
                                [&](const auto &P) { return P.first == BY; }))
      if (X.Context != Y.Context)
        return false;

  if (X.Context == Y.Context) {
    const ThreadContext &C = Contexts[X.Context];
    // A function-local static is state every caller shares: in a program
    // that starts threads, an entry point that writes it races with
    // itself.
    if (C.Kind == ThreadContext::External && StartsThreads &&
        X.A.Loc.Root == AbsLoc::Global && X.A.Loc.Var->isStaticLocal())
      return true;
    // An entry point may be called from several threads at once; as for
    // two entry points, only evidence says it is. Each call has its own
    // locals and allocations.
    if (C.Kind == ThreadContext::External) {
      // The project's summaries say one thread, started once, runs it.
      if ((C.ProjectThread && !C.Multi) || C.MainThread)
        return false;
      return X.A.Loc.Root != AbsLoc::Local && X.A.Loc.Root != AbsLoc::Heap &&
             evidence(X, Y);
    }
    if (C.Multi)
      return !(X.PerInstance && Y.PerInstance) &&
             !(X.A.PerInstanceElement && Y.A.PerInstanceElement);
    return false;
  }
  std::vector<unsigned> AX = Ancestry(X.Context), AY = Ancestry(Y.Context);
  if (AX.front() == AY.front()) {
    // One tree: decided by who starts whom and when.
    size_t I = 0;
    while (I < AX.size() && I < AY.size() && AX[I] == AY[I])
      ++I;
    auto Descends = [&](const RootAccess &Anc, const std::vector<unsigned> &Own,
                        const std::vector<unsigned> &Other,
                        const RootAccess &Desc) {
      // Anc runs in Own.back() == Other[I-1]; Desc below child Other[I].
      unsigned Child = Contexts[Other[I]].Spawn;
      if (!llvm::is_contained(Anc.A.Threads.Alive, Child))
        return false;
      // Lock hand-off: the spawner held a lock since before the create
      // that the thread takes before Desc.
      const Summary &PS =
          const_cast<RaceModel *>(this)->summaryOf(Contexts[Own.back()].Root);
      if (Child < PS.Spawns.size() && I + 1 == Other.size() &&
          loopOwned(Anc, Desc, PS, Child))
        return false;
      if (Child < PS.Spawns.size())
        for (const LockLoc &L : PS.Spawns[Child].LocksAtCreate)
          if (holdsLock(Anc.A.Locks, L.Loc) &&
              llvm::any_of(Desc.A.Threads.Acquired, [&](const AbsLoc &A) {
                return A.mustEqual(L.Loc);
              }))
            return false;
      return true;
    };
    if (I == AX.size())
      return Descends(X, AX, AY, Y);
    if (I == AY.size())
      return Descends(Y, AY, AX, X);
    // Siblings under a common ancestor: did their lifetimes overlap?
    const Summary &PS =
        const_cast<RaceModel *>(this)->summaryOf(Contexts[AX[I - 1]].Root);
    unsigned KX = Contexts[AX[I]].Spawn, KY = Contexts[AY[I]].Spawn;
    if (KX == KY)
      return true; // one spawn site in a loop
    if (KX < PS.Spawns.size() && KY < PS.Spawns.size())
      return llvm::is_contained(PS.Spawns[KX].AliveAtCreate, KY) ||
             llvm::is_contained(PS.Spawns[KY].AliveAtCreate, KX);
    return true;
  }
  // Different trees: two entry points, or main() and an entry point.
  // Code that only main()'s thread runs does not run beside main's.
  auto InMain = [&](const ThreadContext &C) {
    return C.MainThread || C.Kind == ThreadContext::Main;
  };
  const ThreadContext &CX = Contexts[X.Context], &CY = Contexts[Y.Context];
  if ((CX.MainThread || CY.MainThread) && InMain(CX) && InMain(CY))
    return false;
  if (joinedLater(X, Y) || joinedLater(Y, X))
    return true;
  return evidence(X, Y);
}

//===----------------------------------------------------------------------===//
// Guards and races
//===----------------------------------------------------------------------===//

/// Whether two storage keys overlap: equal, or one the other's prefix at
/// a field or element boundary (a vector and its elements).
static bool keysOverlap(llvm::StringRef A, llvm::StringRef B) {
  if (A.size() > B.size())
    std::swap(A, B);
  if (!B.starts_with(A))
    return false;
  if (B.size() == A.size())
    return true;
  if (B[A.size()] != '.' && B[A.size()] != '[')
    return false;
  // A pointer and what it points to are different storage.
  return !B.drop_front(A.size()).contains(".*");
}

/// Whether a lock named relative to an access (relativeLock) is an element
/// of a lock array at an index unrelated to the access: `g:locks[*]`,
/// `g:locks[@i#...]`, `0:.locks[@i#...]`; not `g:locks[*][=]` (the same
/// index picks the storage) nor a constant element.
static bool isStripe(llvm::StringRef Rel) {
  if (Rel.ends_with("[=]"))
    return false;
  return Rel.contains("[*]") || Rel.contains("[@");
}

RaceModel::GuardInfo
RaceModel::guardOf(const std::vector<RootAccess> &Accesses,
                   const std::string &Key,
                   const std::vector<size_t> &Overlapping,
                   LockTallies &Tallies) const {
  GuardInfo G;
  // Evidence is counted per unit: a function, or a function as reached from
  // one entry point when its entry points disagree (a helper called with
  // the lock from two entry points and without it from a third counts
  // twice for the lock and once against it).
  struct UnitInfo {
    std::set<std::string> Holds; // held at every access of the unit
    bool First = true, Writes = false, Updates = false;
  };
  using Unit = std::pair<const FunctionDecl *, const FunctionDecl *>;
  std::map<Unit, UnitInfo> Units;
  std::map<std::string, unsigned> HeldAt, WritesHeld, TransferHeld;
  std::map<std::string, const RootAccess *> Example;
  std::set<std::string> Candidates;
  unsigned Writes = 0;
  for (size_t Idx : Overlapping) {
    const RootAccess &A = Accesses[Idx];
    ++G.Total;
    // Locks a thread holds for its whole life guard nothing in particular.
    std::vector<std::string> Counted;
    const LockList &Whole = Contexts[A.Context].WholeLife;
    for (size_t I = 0; I < A.RelLocks.size(); ++I) {
      bool IsWhole = false;
      for (size_t J = 0; J < A.A.Locks.size() && J < A.LockRel.size(); ++J)
        if (holdsLock(Whole, A.A.Locks[J].Loc) &&
            A.LockRel[J] == A.RelLocks[I])
          IsWhole = true;
      if (!IsWhole)
        Counted.push_back(A.RelLocks[I]);
    }
    // The locks a transfer takes cover every field it copies: they vote for
    // none of them (the access counts as made without them), though the
    // evidence shown still says the access holds them.
    if (A.Transfer) {
      for (const std::string &L : Counted)
        ++TransferHeld[L];
      Counted.clear();
    }
    bool W = isWrite(A.A.How);
    for (const std::string &L : Counted) {
      // One stripe of a lock array, picked by an index racelint cannot tie
      // to the storage (`item_lock(hv)` around an item's fields): some
      // stripe is held, not a lock that guards this storage every time.
      // It still makes two accesses exclusive (commonLock); it is not a
      // guard whose absence elsewhere is a deviation.
      if (isStripe(L))
        continue;
      // `lock(&c->cur->mu); c->cur = next;`: the pointer is what selects
      // the lock; the lock guards the object it points to, not the pointer.
      if (llvm::is_contained(A.ThroughLocks, L))
        continue;
      ++HeldAt[L];
      Candidates.insert(L);
      if (W) {
        ++WritesHeld[L];
        if (!Example.count(L))
          Example[L] = &A;
      }
    }
    Writes += W;
    UnitInfo &U = Units[{A.Root, A.A.Function}];
    if (U.First) {
      U.Holds.insert(Counted.begin(), Counted.end());
      U.First = false;
    } else {
      std::set<std::string> Keep;
      for (const std::string &L : Counted)
        if (U.Holds.count(L))
          Keep.insert(L);
      U.Holds = std::move(Keep);
    }
    U.Writes |= W;
    U.Updates |= A.A.How == AccessKind::ReadModifyWrite;
  }
  size_t BestStatements = 0;
  unsigned BestHeld = 0;
  // What the object's other fields (not this one) say of a lock L: how
  // many of the statements touching them hold it, of how many, and whether
  // one of those writes under it; and whether every bare access to this
  // field is a lapse, made in a function that holds L at another of its
  // accesses (`flushes_++` after flush()'s early unlock), not in one that
  // never takes it (a setter of a tuning knob racing with a locked reader:
  // neither side is the odd one out).
  struct ObjectEvidence {
    unsigned Held = 0, Total = 0;
    bool Write = false, Lapses = false;
    /// The lock is the object's: held at most of its other statements,
    /// a write among them.
    bool objectLock() const { return Write && 2 * Held > Total; }
  };
  auto ObjectOf = [&](const std::string &L) {
    auto [It, New] = Tallies.try_emplace(L);
    LockTally &T = It->second;
    if (New) {
      for (const RootAccess &A : Accesses) {
        bool H = llvm::is_contained(A.RelLocks, L);
        if (H)
          T.Holding.insert(A.A.Function);
        auto &[NH, NB] = T.HeldBare[A.A.E];
        ++(H ? NH : NB);
        T.HeldWrites += H && isWrite(A.A.How);
      }
      for (const auto &[E, C] : T.HeldBare) {
        T.HeldOnly += C.first && !C.second;
        T.WithBare += C.second != 0;
      }
    }
    // The tally without the accesses to this storage.
    ObjectEvidence O;
    unsigned HeldOnly = T.HeldOnly, WithBare = T.WithBare,
             HeldWrites = T.HeldWrites;
    llvm::DenseMap<const Expr *, std::pair<unsigned, unsigned>> Mine;
    bool AnyBare = false;
    O.Lapses = true;
    for (size_t Idx : Overlapping) {
      const RootAccess &A = Accesses[Idx];
      bool H = llvm::is_contained(A.RelLocks, L);
      auto &[NH, NB] = Mine[A.A.E];
      ++(H ? NH : NB);
      HeldWrites -= H && isWrite(A.A.How);
      if (!H) {
        AnyBare = true;
        O.Lapses &= T.Holding.contains(A.A.Function);
      }
    }
    for (const auto &[E, C] : Mine) {
      auto [NH, NB] = T.HeldBare.lookup(E);
      HeldOnly -= NH && !NB;
      WithBare -= NB != 0;
      NH -= C.first;
      NB -= C.second;
      HeldOnly += NH && !NB;
      WithBare += NB != 0;
    }
    O.Lapses &= AnyBare;
    O.Write = HeldWrites > 0;
    O.Held = HeldOnly;
    O.Total = HeldOnly + WithBare;
    return O;
  };
  for (const auto &[L, Held] : HeldAt) {
    // A guard must protect at least one write: of this field, or of the
    // object's other fields when it is the object's lock and the field's
    // bare accesses are lapses (below).
    bool NoWrite = !WritesHeld.count(L);
    ObjectEvidence Obj = ObjectOf(L);
    if (NoWrite &&
        !(Config.MinGuardedRatio <= 0.5 && Obj.objectLock() && Obj.Lapses))
      continue;
    // Units, merged per function when a function's entry points agree.
    struct Tally {
      unsigned Held = 0, Bare = 0, WritesHeld = 0, WritesBare = 0,
               UpdatesHeld = 0, UpdatesBare = 0;
    };
    std::map<const FunctionDecl *, std::vector<const UnitInfo *>> PerFn;
    for (const auto &[U, Info] : Units)
      PerFn[U.second].push_back(&Info);
    Tally T;
    for (const auto &[F, Infos] : PerFn) {
      bool Agree = llvm::all_of(Infos, [&](const UnitInfo *I) {
        return I->Holds.count(L) == Infos.front()->Holds.count(L);
      });
      auto Count = [&](const UnitInfo &I) {
        bool H = I.Holds.count(L);
        ++(H ? T.Held : T.Bare);
        if (I.Writes)
          ++(H ? T.WritesHeld : T.WritesBare);
        if (I.Updates)
          ++(H ? T.UpdatesHeld : T.UpdatesBare);
      };
      if (Agree) {
        UnitInfo Merged = *Infos.front();
        for (const UnitInfo *I : Infos) {
          Merged.Writes |= I->Writes;
          Merged.Updates |= I->Updates;
        }
        Count(Merged);
      } else {
        for (const UnitInfo *I : Infos)
          Count(*I);
      }
    }
    // At the default ratio, a lock held at every write guards the storage
    // even when more functions read it bare; a stricter ratio asks for the
    // ratio itself.
    bool Default = Config.MinGuardedRatio <= 0.5;
    bool AllWrites = WritesHeld[L] == Writes && Default;
    bool Majority = T.Held > Config.MinGuardedRatio * (T.Held + T.Bare);
    // The only lock ever taken around the storage, held at more of the
    // statements that write it, or that touch it, than not: the code that
    // maintains the state takes it, and the bare accesses are the ones that
    // forgot it. (One locked write against one bare one tips nothing: both
    // are reported.)
    std::set<const Expr *> WH, WB, SH, SB;
    for (size_t Idx : Overlapping) {
      const RootAccess &A = Accesses[Idx];
      bool H = !A.Transfer && llvm::is_contained(A.RelLocks, L);
      (H ? SH : SB).insert(A.A.E);
      if (isWrite(A.A.How))
        (H ? WH : WB).insert(A.A.E);
    }
    // A statement reached both with and without the lock counts as bare.
    for (const Expr *E : WB)
      WH.erase(E);
    for (const Expr *E : SB)
      SH.erase(E);
    bool Only = Candidates.size() == 1 && Default &&
                (WH.size() > WB.size() || SH.size() > SB.size());
    // A tie on this field (one locked update, one bare) is decided by the
    // object the field belongs to: the lock held at most of the statements
    // that touch the object's storage is the object's lock, and the field
    // is part of the state it maintains (`stats.dropped++` under
    // stats_lock beside `stats.rx_packets++`, bare in on_drop_burst).
    // Only the other fields of the object count: the field itself is tied
    // (`flushes_++` after the unlock against one locked read of it, in a
    // class whose mutex keeps its queue).
    bool ObjectGuard = Default && !SH.empty() && SH.size() == SB.size() &&
                       Obj.objectLock() && (!NoWrite || Obj.Lapses);
    if (NoWrite && !ObjectGuard)
      continue;
    if (!AllWrites && !Majority && !Only && !ObjectGuard)
      continue;
    bool ByObject = !(AllWrites || Majority || Only) || NoWrite;
    // Of several guards, the one held at the most statements: a helper
    // reached through many call chains is one statement, and counting its
    // instances let a lock held around whole requests outvote the lock
    // the code takes around the storage itself.
    if (SH.size() > BestStatements ||
        (SH.size() == BestStatements && Held > BestHeld)) {
      BestStatements = SH.size();
      BestHeld = Held;
      G.Lock = L;
      G.Held = Held + TransferHeld[L];
      G.Example = Example[L];
      G.ObjHeld = ByObject ? Obj.Held : 0;
      G.ObjTotal = ByObject ? Obj.Total : 0;
    }
  }
  if (G.Example)
    for (size_t J = 0; J < G.Example->A.Locks.size() &&
                       J < G.Example->LockRel.size();
         ++J)
      if (G.Example->LockRel[J] == G.Lock) {
        G.Name = G.Example->A.Locks[J].Name;
        G.LockLoc = G.Example->A.Locks[J].Loc;
      }
  return G;
}

void RaceModel::settingsLocks(
    const std::vector<RootAccess> &Accesses,
    const std::map<std::string, std::vector<size_t>> &Candidates) {
  // A class configured before use: its setters write bare, and the code
  // that uses the settings reads them inside critical sections kept for
  // other state (`send()` holds the request mutex around the socket and
  // reads the timeouts there). Such a lock says nothing about the
  // settings. The object's fields vote: when more of the fields read under
  // a lock are written only without it than are written under it, bare
  // writes are the class's convention, not a lapse (one bare setter among
  // locked ones, or a lock held around nothing else, still is evidence).
  std::map<std::string, std::set<std::string>> WriteLocks;
  std::map<std::string, bool> BareWrite;
  for (const auto &[K, Idx] : Candidates)
    for (size_t I : Idx) {
      const RootAccess &A = Accesses[I];
      if (!isWrite(A.A.How) || A.Transfer)
        continue;
      WriteLocks[K].insert(A.RelLocks.begin(), A.RelLocks.end());
      BareWrite[K] |= A.RelLocks.empty();
    }
  std::map<std::string, std::set<std::string>> Maintained, Settings;
  for (const RootAccess &A : Accesses) {
    if (A.Transfer)
      continue;
    const std::set<std::string> &W = WriteLocks[A.LocKey];
    for (const std::string &L : A.RelLocks) {
      if (W.count(L))
        Maintained[L].insert(A.LocKey);
      else if (BareWrite[A.LocKey])
        Settings[L].insert(A.LocKey);
    }
  }
  for (const auto &[L, Keys] : Settings) {
    size_t Kept = Maintained[L].size();
    if (Kept == 0 || Keys.size() <= Kept)
      continue;
    for (const std::string &K : Keys)
      NotAbout[K].insert(L);
  }
}

size_t RaceModel::pairingSignature(const RootAccess &A,
                                   const FunctionDecl *ChainStart) {
  // Everything pairing reads: the storage, the kind of access, locks,
  // thread state, and of the call chain only whether there is one and the
  // calls after which a function on it joins threads (joinedLater). A
  // hash, not a string: it is computed for every access lifted into every
  // caller.
  llvm::hash_code H = llvm::hash_combine(
      A.Context, A.A.E, A.A.Function, A.A.At.getRawEncoding(),
      static_cast<int>(A.A.How), A.A.Atomic, A.A.Ordering, A.A.Shallow,
      A.PerInstance, A.A.PerInstanceElement, A.Untracked, A.Transfer,
      A.Chain.empty(),
      hashLoc(A.A.Loc));
  for (size_t I = 0; I < A.RelLocks.size(); ++I)
    H = llvm::hash_combine(H, 1, A.RelLocks[I], bool(A.RelShared[I]));
  for (const std::string &L : A.ForeignLocks)
    H = llvm::hash_combine(H, 2, L);
  for (const LockLoc &L : A.A.Locks)
    H = llvm::hash_combine(H, 3, hashLoc(L.Loc), L.Shared);
  for (unsigned T : A.A.Threads.Alive)
    H = llvm::hash_combine(H, 4, T);
  for (const AbsLoc &O : A.A.Threads.OncePassed)
    H = llvm::hash_combine(H, 5, hashLoc(O));
  for (const auto &[B, N] : A.A.Threads.Phases)
    H = llvm::hash_combine(H, 6, hashLoc(B), N);
  for (const AbsLoc &Q : A.A.Threads.Acquired)
    H = llvm::hash_combine(H, 7, hashLoc(Q));
  if (A.InOnce)
    H = llvm::hash_combine(H, 8, hashLoc(*A.InOnce));
  for (const std::string &L : A.A.CheckLocks)
    H = llvm::hash_combine(H, 9, L);
  const FunctionDecl *F = ChainStart;
  for (const CallSite *C : A.Chain) {
    if (F && !summaryOf(F).JoinPoints.empty())
      H = llvm::hash_combine(H, 10, C->Loc.getRawEncoding());
    F = C->Callees.empty() ? nullptr : C->Callees.front();
  }
  return H;
}

void RaceModel::findRaces() {
  const SourceManager &SM = TU.context().getSourceManager();
  for (auto &[RootKey, Accesses] : ByKey) {
    // A local is shared only with a thread its function starts: with no
    // access from a thread, each call has a frame of its own.
    if (!Accesses.empty() && Accesses.front().A.Loc.Root == AbsLoc::Local &&
        llvm::none_of(Accesses, [&](const RootAccess &A) {
          return Contexts[A.Context].Kind == ThreadContext::Spawned;
        }))
      continue;
    // Only accesses whose storage keys overlap can overlap: candidates per
    // distinct key, in access order, so that a class with thousands of
    // accesses to hundreds of fields is not paired all against all.
    std::map<std::string, std::vector<size_t>> ByStorage;
    for (size_t I = 0; I < Accesses.size(); ++I)
      ByStorage[Accesses[I].LocKey].push_back(I);
    std::map<std::string, std::vector<size_t>> Candidates;
    for (const auto &[K, _] : ByStorage) {
      std::vector<size_t> &C = Candidates[K];
      for (const auto &[O, Idx] : ByStorage)
        if (keysOverlap(K, O))
          C.insert(C.end(), Idx.begin(), Idx.end());
      llvm::sort(C);
    }
    settingsLocks(Accesses, Candidates);
    // Guards per storage (field) within the root.
    std::map<std::string, GuardInfo> Guards;
    LockTallies Tallies;
    for (const RootAccess &A : Accesses) {
      std::string K = A.LocKey;
      if (!Guards.count(K)) {
        Guards[K] = guardOf(Accesses, K, Candidates[K], Tallies);
        GuardLocks[K] = Guards[K].Lock;
        if (!Guards[K].Lock.empty() && Guards[K].Example)
          GuardNames[K] = nameFor(*Guards[K].Example, Guards[K].Lock,
                                  Guards[K].Name);
      }
      if (A.A.OuterCheckAt.isValid())
        DoubleCheckReads.insert(A.A.OuterCheckAt.getRawEncoding());
    }
    // One statement reached through many call chains is many accesses
    // that pair alike: pairs are formed between the first instances of
    // each kind only, and the others take their first instance's partner.
    std::vector<size_t> Rep(Accesses.size());
    {
      std::unordered_map<size_t, size_t> First;
      for (size_t I = 0; I < Accesses.size(); ++I)
        Rep[I] = First.try_emplace(
                         pairingSignature(Accesses[I], Accesses[I].Root), I)
                     .first->second;
    }
    // Every access paired with the first access it races with.
    std::map<const RootAccess *, const RootAccess *> Partner;
    for (size_t I = 0; I < Accesses.size(); ++I) {
      const RootAccess &X = Accesses[I];
      // An atomic operation is never the racy side: the plain accesses it
      // meets are (`__sync_fetch_and_or(&w.pending, 1)` against a bare
      // `w.pending = 0`); it is their partner, not a report of its own.
      if (X.A.Atomic)
        continue;
      if (Rep[I] != I) {
        auto P = Partner.find(&Accesses[Rep[I]]);
        if (P != Partner.end())
          Partner[&X] = P->second;
        continue;
      }
      for (size_t J : Candidates[X.LocKey]) {
        if (Rep[J] != J)
          continue;
        if (I == J && !Contexts[X.Context].Multi &&
            Contexts[X.Context].Kind != ThreadContext::External)
          continue;
        const RootAccess &Y = Accesses[J];
        if (!isWrite(X.A.How) && !isWrite(Y.A.How))
          continue;
        if (X.A.Atomic && Y.A.Atomic)
          continue;
        if (!X.A.Loc.mayOverlap(Y.A.Loc))
          continue;
        // `v.size()` against a write of one element of v: apart.
        if ((X.A.Shallow && Y.A.Loc.Path.size() > X.A.Loc.Path.size()) ||
            (Y.A.Shallow && X.A.Loc.Path.size() > Y.A.Loc.Path.size()))
          continue;
        if (commonLock(X, Y) || !mayRunConcurrently(X, Y))
          continue;
        // Prefer another statement as the partner: the note is more useful.
        auto [It, New] = Partner.try_emplace(&X, &Y);
        if (!New && It->second->A.E == X.A.E)
          It->second = &Y;
        if (Y.A.E != X.A.E)
          break;
      }
    }
    // The same statement reached with and without a lock: the paths
    // without it are the deviant ones; the locked ones are not reported.
    for (auto It = Partner.begin(); It != Partner.end();) {
      const RootAccess &X = *It->first, &Y = *It->second;
      if (Y.A.E == X.A.E && X.holdsAny() && !Y.holdsAny())
        It = Partner.erase(It);
      else
        ++It;
    }
    // Statement instances: where to report (the access, or the calls that
    // made it racy when other instances of the same statement are fine).
    std::map<const Expr *, std::vector<const RootAccess *>> Instances;
    for (const RootAccess &A : Accesses)
      Instances[A.A.E].push_back(&A);
    std::map<const RootAccess *, Race> Reported;
    for (const RootAccess &X : Accesses) {
      auto P = Partner.find(&X);
      if (P == Partner.end())
        continue;
      const RootAccess &Y = *P->second;
      Race R;
      R.Access = &X;
      R.Partner = &Y;
      // Locals of the spawner shared by reference with a thread: the
      // spawner's side is thread-capture's, the thread's side its note.
      auto InOwner = [](const RootAccess &A) {
        return A.A.Loc.Root == AbsLoc::Local && A.A.Loc.Var &&
               A.A.Function ==
                   dyn_cast<FunctionDecl>(A.A.Loc.Var->getDeclContext());
      };
      const GuardInfo &G = Guards[X.LocKey];
      // Only the local's own storage: a buffer it points to
      // (`free(rq.body)`) is memory like any other, and a local that
      // carries its own guarding lock (the threads write `jobs[i].result`
      // under `jobs[i].mu`) has a deviation from it, not a capture, when
      // read bare. (A separate mutex on one side is the capture's note.)
      bool OwnStorage = llvm::none_of(X.A.Loc.Path, [](const PathStep &S) {
        return S.Kind == PathStep::Deref;
      });
      bool OwnLock = !G.Lock.empty() && G.LockLoc.sameRoot(X.A.Loc);
      if (X.A.Loc.Root == AbsLoc::Local && OwnStorage && !OwnLock &&
          (InOwner(X) || InOwner(Y))) {
        R.CapturedLocal = true;
        R.SpawnerSide = InOwner(X);
      }
      bool Holds = llvm::is_contained(X.RelLocks, G.Lock);
      if (!G.Lock.empty()) {
        size_t Idx = std::find(X.RelLocks.begin(), X.RelLocks.end(), G.Lock) -
                     X.RelLocks.begin();
        bool SharedOnly = Holds && Idx < X.RelShared.size() && X.RelShared[Idx];
        if (Holds && !(SharedOnly && isWrite(X.A.How))) {
          // Guarded here: the other side is the deviant one.
          continue;
        }
        R.Kind = Race::Deviant;
        // Named as the deviant access would name it: `self->mu` for
        // `self->count`.
        std::string Rel = G.Lock;
        if (G.LockLoc.sameRoot(X.A.Loc))
          Rel = relativeLock(X.A.Loc, G.LockLoc, /*Always=*/true);
        R.Guard = nameFor(X, Rel, G.Name);
        R.Held = G.Held;
        R.ObjHeld = G.ObjHeld;
        R.ObjTotal = G.ObjTotal;
        R.Total = G.Total;
        R.Example = G.Example;
        R.SharedWrite = SharedOnly;
        // The note shows a guarded write, preferably another statement
        // made directly in its function.
        const RootAccess *Best = nullptr;
        for (const RootAccess &O : Accesses)
          if (isWrite(O.A.How) && O.A.E != X.A.E &&
              keysOverlap(O.LocKey, X.LocKey) &&
              llvm::is_contained(O.RelLocks, G.Lock) &&
              (!Best || (!Best->Chain.empty() && O.Chain.empty())))
            Best = &O;
        if (Best)
          R.Example = Best;
        // A write under a reader lock conflicts with the other readers: the
        // racing access is the note. Otherwise a guarded write is.
        if (R.Example && R.Example != &X && !SharedOnly)
          R.Partner = R.Example;
      } else {
        R.Kind = Race::Symmetric;
      }
      Reported[&X] = R;
    }
    for (auto &[XP, R] : Reported) {
      const RootAccess &X = *XP;
      // Where: at the access, unless other instances of the statement are
      // fine and differ in their locks; then at the deepest call on this
      // path below which every instance agrees.
      R.ReportAt = X.A.At;
      const auto &Inst = Instances[X.A.E];
      auto Agree = [&](size_t FromCall) {
        // Instances that share X's calls from FromCall down.
        size_t Tail = X.Chain.size() - FromCall;
        for (const RootAccess *I : Inst) {
          if (I->Chain.size() < Tail ||
              !std::equal(X.Chain.begin() + FromCall, X.Chain.end(),
                          I->Chain.end() - Tail))
            continue;
          if (!Reported.count(I) && (I->RelLocks != X.RelLocks ||
                                     I->RelShared != X.RelShared))
            return false;
        }
        return true;
      };
      if (Agree(X.Chain.size()))
        goto Done;
      for (size_t K = X.Chain.size(); K-- > 0;)
        if (Agree(K)) {
          R.ReportAt = X.Chain[K]->Loc;
          goto Done;
        }
      if (!X.Chain.empty())
        R.ReportAt = X.Chain.front()->Loc;
    Done:
      Races.push_back(R);
    }
  }
  std::stable_sort(Races.begin(), Races.end(), [&](const Race &A, const Race &B) {
    return SM.isBeforeInTranslationUnit(A.ReportAt, B.ReportAt);
  });
  // One warning per statement and storage: `x = x + 1` is one race.
  std::vector<Race> Unique;
  std::set<std::pair<std::string, std::string>> Seen;
  for (Race &R : Races) {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(R.ReportAt));
    std::string Line = P.isValid() ? std::string(P.getFilename()) + ":" +
                                         std::to_string(P.getLine())
                                   : std::string();
    // Instantiations of one template report the statement once.
    if (Seen.insert({Line, R.Access->A.Display}).second)
      Unique.push_back(std::move(R));
  }
  Races = std::move(Unique);
  if (getenv("RACELINT_DUMP_MODEL")) {
    for (unsigned I = 0; I < Contexts.size(); ++I)
      llvm::errs() << "ctx " << I << " kind=" << Contexts[I].Kind
                   << " root=" << Contexts[I].Root->getNameAsString()
                   << " parent=" << Contexts[I].Parent
                   << " spawn=" << Contexts[I].Spawn
                   << " multi=" << Contexts[I].Multi << "\n";
    for (const auto &[K, V] : ByKey)
      for (const RootAccess &A : V) {
        llvm::errs() << K << " " << A.A.Loc.key() << " "
                     << A.A.At.printToString(SM) << " how=" << int(A.A.How)
                     << " ctx=" << A.Context << " alive=";
        for (unsigned X : A.A.Threads.Alive)
          llvm::errs() << X << ",";
        llvm::errs() << " locks=";
        for (const std::string &L : A.RelLocks)
          llvm::errs() << L << ";";
        if (A.InOnce)
          llvm::errs() << " once=" << A.InOnce->key();
        llvm::errs() << "\n";
      }
  }
}

SourceLocation RaceModel::spawnLoc(unsigned Ctx, bool &Joined) {
  Joined = false;
  if (Ctx >= Contexts.size() || Contexts[Ctx].Kind != ThreadContext::Spawned)
    return SourceLocation();
  const Summary &PS = summaryOf(Contexts[Contexts[Ctx].Parent].Root);
  if (Contexts[Ctx].Spawn >= PS.Spawns.size())
    return SourceLocation();
  const SpawnSite &Sp = PS.Spawns[Contexts[Ctx].Spawn];
  Joined = !Sp.AliveAtExit;
  for (const PtsSet &J : PS.Joins)
    if (joinMatches(J, Sp.Handle) || joinMatches(J, Sp.Handle, true))
      Joined = true;
  return Sp.CreateLoc;
}

std::string RaceModel::guardName(const std::string &Key) const {
  auto It = GuardNames.find(Key);
  return It == GuardNames.end() ? std::string() : It->second;
}

/// A relative lock key ("-2:.mutex_") as a user can read it ("mutex_"):
/// the internal form never reaches a message.
/// A lock's key path as C spells it: `page_buckets.*[@i#..].*.mutex` is
/// `page_buckets[i]->mutex`. (Keys carry addresses for identity; they must
/// never reach a message.)
static std::string spellPath(llvm::StringRef K) {
  std::string Out;
  while (!K.empty()) {
    if (K.consume_front(".*")) {
      if (K.starts_with("."))
        K = K.drop_front(), Out += "->";
      else if (!K.starts_with("["))
        Out.insert(0, "*");
      continue;
    }
    if (K.starts_with("[@")) {
      size_t Hash = K.find('#'), End = K.find(']');
      if (End == llvm::StringRef::npos)
        break;
      llvm::StringRef Name =
          Hash < End ? K.slice(2, Hash) : llvm::StringRef();
      Out += "[" + (Name.empty() ? std::string("...") : Name.str()) + "]";
      K = K.drop_front(End + 1);
      continue;
    }
    Out += K.front();
    K = K.drop_front();
  }
  return Out;
}

static std::string plainLockName(llvm::StringRef Rel) {
  size_t Colon = Rel.find(':');
  long Pos = 0;
  if (Colon == llvm::StringRef::npos ||
      Rel.take_front(Colon).getAsInteger(10, Pos))
    return Rel.str();
  llvm::StringRef S = Rel.drop_front(Colon + 1).ltrim('.');
  return S.empty() ? Rel.str() : spellPath(S);
}

std::string RaceModel::nameFor(const RootAccess &A, const std::string &Rel,
                               const std::string &Fallback) {
  // "P:suffix": the first P steps of the access, then the lock's own path.
  // Written from the access as the code names it: the guard of
  // `self->count` is `self->mu`.
  llvm::StringRef R = Rel;
  // The element lock picked by the access's own index (`lru_locks[id]` for
  // `sizes[id]`), spelled with that index when both are one subscript.
  if (R.ends_with("[=]")) {
    llvm::StringRef D = A.A.Display, F = Fallback;
    if (D.count('[') == 1 && D.ends_with("]") && F.count('[') == 1 &&
        F.ends_with("]")) {
      llvm::StringRef Idx = D.slice(D.find('[') + 1, D.size() - 1);
      return (F.take_front(F.find('[') + 1) + Idx + "]").str();
    }
  }
  size_t Colon = R.find(':');
  long Pos = 0;
  if (Colon == llvm::StringRef::npos ||
      R.take_front(Colon).getAsInteger(10, Pos))
    return Fallback.empty() ? plainLockName(Rel) : Fallback;
  R = R.drop_front(Colon + 1);
  Pos += static_cast<long>(objectStart(A.A.Loc));
  // A lock further up than the object the storage is grouped by (`q->lock`
  // around `q->head->state`, grouped as some job's `state`): climb the
  // steps the grouping cut off, as the code spelled them.
  size_t Above = 0;
  if (Pos < 0 && static_cast<size_t>(-Pos) <= A.CutPrefix.size())
    for (size_t I = A.CutPrefix.size() - static_cast<size_t>(-Pos);
         I < A.CutPrefix.size(); ++I)
      Above += A.CutPrefix[I] != '*';
  else if (Pos < 0)
    return Fallback.empty() ? plainLockName(Rel) : Fallback;
  size_t P = Pos < 0 ? 0 : static_cast<size_t>(Pos);
  size_t Climb = A.A.Loc.Path.size() >= P ? A.A.Loc.Path.size() - P : 0;
  // Element and dereference steps have no component of their own in most
  // displays (`p->f` is two steps, one component): count components only
  // for fields, and give up when the display is not a plain path.
  size_t Fields = Above;
  for (size_t I = P; I < A.A.Loc.Path.size(); ++I)
    if (A.A.Loc.Path[I].Kind != PathStep::Deref)
      ++Fields;
  (void)Climb;
  std::string Base = A.A.Display;
  std::string Sep = ".";
  for (size_t I = 0; I < Fields; ++I) {
    size_t Arrow = Base.rfind("->"), Dot = Base.rfind('.'),
           Br = Base.rfind('[');
    size_t Cut = std::string::npos;
    for (size_t C : {Arrow, Dot, Br})
      if (C != std::string::npos && (Cut == std::string::npos || C > Cut))
        Cut = C;
    if (Cut == std::string::npos) {
      if (I + 1 != Fields || Base.empty() || Base.front() == '*')
        return Fallback.empty() ? plainLockName(Rel) : Fallback;
      Base.clear();
      break;
    }
    Sep = Cut == Arrow ? "->" : ".";
    Base.erase(Cut);
  }
  std::string Out = Base;
  bool Deref = false;
  while (!R.empty()) {
    if (R.consume_front(".*")) {
      Deref = true;
      continue;
    }
    if (R.consume_front(".")) {
      size_t E = R.find_first_of(".[");
      llvm::StringRef F = R.take_front(E);
      R = R.drop_front(F.size());
      if (Out.empty())
        Out = F.str();
      else
        Out += (Deref ? "->" : Sep) + F.str();
      Deref = false;
      Sep = ".";
      continue;
    }
    return Fallback.empty() ? plainLockName(Rel) : Fallback;
  }
  return Out.empty() ? (Fallback.empty() ? Rel : Fallback) : Out;
}

std::string RaceModel::describeChain(const RootAccess &A) const {
  std::string S;
  const FunctionDecl *F = A.Root;
  for (const CallSite *C : A.Chain) {
    if (!S.empty())
      S += " -> ";
    S += describeFunction(F);
    F = C->Callees.empty() ? nullptr : C->Callees.front();
    if (!F)
      break;
  }
  return S;
}

} // namespace racelint
