//===--- LockOrderCheck.cpp - racelint-lock-order -------------------------===//

#include "LockOrderCheck.h"
#include "analysis/Project.h"
#include "analysis/Threads.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace racelint {

std::vector<LockGraphEdge> *LockGraphCollector = nullptr;

/// "{ns::Book}.mu_" -> "ns::Book::mu_": how a user names a lock of a class.
static std::string graphName(StringRef Key) {
  if (Key.consume_front("{")) {
    size_t Close = Key.find('}');
    if (Close != StringRef::npos) {
      StringRef Rest = Key.drop_front(Close + 1);
      Rest.consume_front(".");
      return (Key.take_front(Close) + "::" + Rest).str();
    }
  }
  return Key.str();
}

void LockOrderCheck::collectGraph(
    const std::vector<Edge> &Edges,
    const std::set<std::pair<std::string, std::string>> &Cycles,
    const SourceManager &SM) {
  for (const Edge &E : Edges) {
    LockGraphEdge G;
    G.From = graphName(E.From);
    G.To = graphName(E.To);
    SourceLocation L = SM.getExpansionLoc(E.AcquiredAt);
    if (OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getFileID(L))) {
      StringRef Real = F->getFileEntry().tryGetRealPathName();
      G.File = Real.empty() ? F->getName().str() : Real.str();
    }
    G.Offset = SM.getFileOffset(L);
    G.InCycle = Cycles.count({E.From, E.To});
    LockGraphCollector->push_back(std::move(G));
  }
}

LockOrderCheck::LockOrderCheck(StringRef Name,
                               clang::tidy::ClangTidyContext *Context)
    : RaceCheck(Name, Context),
      ReadLockInversions(parseBool(Options.get("ReadLockInversions", "false"))
                             .value_or(false)) {
  // As clang-tidy does for its own options: say so, keep the default.
  StringRef V = Options.get("ReadLockInversions", "false");
  if (!parseBool(V))
    configurationDiag("invalid configuration value '%0' for option '%1': "
                      "expected 'true' or 'false'")
        << V << "ReadLockInversions";
}

std::optional<bool> LockOrderCheck::parseBool(StringRef V) {
  V = V.trim();
  if (V.equals_insensitive("true") || V == "1")
    return true;
  if (V.equals_insensitive("false") || V == "0")
    return false;
  return std::nullopt;
}

void LockOrderCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  RaceCheck::storeOptions(Opts);
  Options.store(Opts, "ReadLockInversions",
                ReadLockInversions ? "true" : "false");
}

void LockOrderCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition()).bind("fn"), this);
}

void LockOrderCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
}

void LockOrderCheck::ensureContexts(ASTContext &C) {
  if (ContextsReady)
    return;
  ContextsReady = true;
  FirstSpawnInMain = SourceLocation();
  computeContexts(races(C));
}

void LockOrderCheck::computeContexts(RaceModel &M) {
  Model = &M;
  RunsIn.clear();
  Sequential.clear();
  const std::vector<ThreadContext> &Ctxs = M.contexts();
  auto Reach = [&](const FunctionDecl *From, unsigned Ctx) {
    std::vector<const FunctionDecl *> Work{From};
    while (!Work.empty()) {
      const FunctionDecl *F = Work.back();
      Work.pop_back();
      if (!RunsIn[F].insert(Ctx).second)
        continue;
      for (const CallSite &C : M.summaryOf(F).Calls)
        llvm::append_range(Work, C.Callees);
    }
  };
  for (unsigned I = 0; I < Ctxs.size(); ++I) {
    const ThreadContext &C = Ctxs[I];
    if (C.Kind != ThreadContext::Main) {
      Reach(C.Root, I);
      continue;
    }
    // main() before its first thread (and after its last join) runs
    // alone: what it calls there is sequential unless reached otherwise.
    const Summary &S = M.summaryOf(C.Root);
    const SourceManager &SM = C.Root->getASTContext().getSourceManager();
    for (const SpawnSite &Sp : S.Spawns)
      if (FirstSpawnInMain.isInvalid() ||
          SM.isBeforeInTranslationUnit(Sp.Loc, FirstSpawnInMain))
        FirstSpawnInMain = Sp.Loc;
    RunsIn[C.Root].insert(I);
    std::vector<const FunctionDecl *> Alone;
    for (const CallSite &Call : S.Calls) {
      if (Call.Threads.Alive.empty())
        llvm::append_range(Alone, Call.Callees);
      else
        for (const FunctionDecl *F : Call.Callees)
          Reach(F, I);
    }
    for (const FunctionDecl *F : Alone)
      if (!RunsIn.count(F))
        Sequential.insert(F);
  }
  // Callees of sequential-only code are sequential too, unless a context
  // reaches them.
  std::vector<const FunctionDecl *> Work(Sequential.begin(), Sequential.end());
  while (!Work.empty()) {
    const FunctionDecl *F = Work.back();
    Work.pop_back();
    for (const CallSite &C : M.summaryOf(F).Calls)
      for (const FunctionDecl *G : C.Callees)
        if (!RunsIn.count(G) && Sequential.insert(G).second)
          Work.push_back(G);
  }
}

bool LockOrderCheck::alone(const Edge &E) const {
  const SourceManager &SM = E.Fn->getASTContext().getSourceManager();
  if (Sequential.count(E.Fn))
    return true;
  // In main() itself, an order taken before the first thread starts.
  if (!E.Fn->isMain())
    return false;
  return FirstSpawnInMain.isInvalid() ||
         SM.isBeforeInTranslationUnit(E.At, FirstSpawnInMain);
}

bool LockOrderCheck::concurrent(const Edge &X, const Edge &Y) const {
  const std::vector<ThreadContext> &Ctxs = Model->contexts();
  if (alone(X) || alone(Y))
    return false;
  auto XI = RunsIn.find(X.Fn), YI = RunsIn.find(Y.Fn);
  // A function no context reaches (a library's, with no main()): anyone
  // may call it, from any thread.
  if (XI == RunsIn.end() || YI == RunsIn.end())
    return !Model->startsThreads();
  for (unsigned A : XI->second)
    for (unsigned B : YI->second)
      if (A != B || Ctxs[A].Multi || Ctxs[A].Kind == ThreadContext::External)
        return true;
  return false;
}

bool LockOrderCheck::canDeadlock(const Edge &X, const Edge &Y) const {
  if (!concurrent(X, Y))
    return false;
  // A lock held on both sides serialises them: only one side can be
  // between its two acquisitions at a time.
  for (const std::string &G : X.Gates)
    if (llvm::is_contained(Y.Gates, G))
      return false;
  // Readers do not exclude readers.
  if (!ReadLockInversions && X.FromShared && X.ToShared && Y.FromShared &&
      Y.ToShared)
    return false;
  return true;
}

void LockOrderCheck::noteSide(const Edge &E, bool Closing) {
  std::string Fn = describeFunction(E.Fn);
  if (E.HeldAt.isValid())
    diag(E.HeldAt, "'%0' acquired here%select{|, in %2}1",
         DiagnosticIDs::Note)
        << E.FromName << !Closing << Fn;
  else
    diag(E.At, "'%0' is held on entry to %1", DiagnosticIDs::Note)
        << E.FromName << Fn;
  if (E.Chain.empty()) {
    if (!Closing)
      diag(E.At, "then '%0' acquired while '%1' is held",
           DiagnosticIDs::Note)
          << E.ToName << E.FromName;
    return;
  }
  for (const auto &[Loc, Callee] : E.Chain)
    diag(Loc, "%0 called here, with '%1' held", DiagnosticIDs::Note)
        << Callee << E.FromName;
  if (!Closing)
    diag(E.AcquiredAt, "'%0' acquired here", DiagnosticIDs::Note)
        << E.ToName;
}

void LockOrderCheck::reportJoinsUnderLock(ASTContext &C) {
  TUModel &TU = model(C);
  // Cheap exit for the many files that take no lock at all.
  if (llvm::none_of(TU.definitions(), [&](const FunctionDecl *F) {
        return !TU.locks(F).Acquisitions.empty();
      }))
    return;
  RaceModel &M = races(C);
  auto ByType = [](const PtsSet &P) {
    PtsSet Out;
    for (const AbsLoc &L : P.Objs)
      Out.add(RaceModel::typeOnly(L));
    Out.Unknown = P.Unknown;
    return Out;
  };
  // Every thread the TU starts, by where its handle is stored.
  std::vector<std::pair<PtsSet, const SpawnSite *>> Spawns;
  for (const FunctionDecl *F : TU.definitions())
    for (const SpawnSite &Sp : M.summaryOf(F).Spawns)
      Spawns.push_back({ByType(Sp.Handle), &Sp});
  if (Spawns.empty())
    return;
  for (const FunctionDecl *F : TU.definitions()) {
    const FunctionLocks &FL = TU.locks(F);
    for (const auto &[Join, Handle] : M.summaryOf(F).OwnJoins) {
      auto Held = FL.MustAt.find(Join);
      if (Held == FL.MustAt.end() || Held->second.empty())
        continue;
      PtsSet J = ByType(Handle);
      bool Reported = false;
      for (const auto &[H, Sp] : Spawns) {
        if (Reported || !(joinMatches(J, H) || joinMatches(J, H, true)))
          continue;
        for (const FunctionDecl *Entry : Sp->Entries) {
          for (const TUModel::TakenByFunction &T : TU.locksTakenBy(Entry)) {
            auto Mine = llvm::find_if(Held->second, [&](const std::string &K) {
              return TU.orderKey(F, K) == T.Key;
            });
            if (Mine == Held->second.end())
              continue;
            diag(Join->getExprLoc(),
                 "the thread joined here acquires '%0', which is held; if "
                 "the thread is waiting for it, the join never returns")
                << *Mine;
            for (const FunctionLocks::Acquisition &A : FL.Acquisitions)
              if (A.Lock.Key == *Mine) {
                diag(A.Loc, "'%0' acquired here", DiagnosticIDs::Note)
                    << *Mine;
                break;
              }
            diag(T.Loc, "'%0' acquired by the thread here, in %1",
                 DiagnosticIDs::Note)
                << T.Name << describeFunction(Entry);
            Reported = true;
            break;
          }
          if (Reported)
            break;
        }
      }
    }
  }
}

namespace {
/// A wait on or a notification of a condition variable.
struct CondCall {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Fn = nullptr;
  bool Wait = false;
  std::string Cv, CvName;
  /// The mutex a wait releases while it waits, named by its object.
  std::string Mutex;
};

struct CondCalls : RecursiveASTVisitor<CondCalls> {
  const LockRecognizer &R;
  const FunctionDecl *Fn;
  std::vector<CondCall> &Out;
  CondCalls(const LockRecognizer &R, const FunctionDecl *Fn,
            std::vector<CondCall> &Out)
      : R(R), Fn(Fn), Out(Out) {}
  bool shouldVisitLambdaExpressions() const { return false; }

  void add(const CallExpr *CE, bool Wait, const Expr *Cv, bool ViaPointer,
           std::string Mutex) {
    std::optional<std::string> K = TUModel::objectKey(Cv, ViaPointer);
    auto Name = R.accessPath(Cv->IgnoreParenImpCasts());
    if (!K || !Name)
      return;
    // `&cv` designates cv; a pointer `p` designates `*p`.
    std::string Shown = *Name;
    if (ViaPointer)
      Shown = StringRef(Shown).starts_with("&") ? Shown.substr(1) : "*" + Shown;
    Out.push_back({CE, Fn, Wait, *K, Shown, std::move(Mutex)});
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      const CXXRecordDecl *RD = MD ? MD->getParent() : nullptr;
      if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() ||
          !RD->getName().starts_with("condition_variable"))
        return true;
      StringRef N = MD->getName();
      if (N.starts_with("notify"))
        add(CE, false, MC->getImplicitObjectArgument(), false, "");
      else if (N.starts_with("wait") && MC->getNumArgs() >= 1) {
        // The mutex of the unique_lock handed to the wait.
        std::string Mutex;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(
                MC->getArg(0)->IgnoreParenImpCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
                    VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr))
              if (Init->getNumArgs() >= 1)
                Mutex = TUModel::objectKey(Init->getArg(0), false).value_or("");
        add(CE, true, MC->getImplicitObjectArgument(), false, Mutex);
      }
      return true;
    }
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() || CE->getNumArgs() < 1)
      return true;
    StringRef N = Callee->getName();
    if (N == "pthread_cond_signal" || N == "pthread_cond_broadcast" ||
        N == "cnd_signal" || N == "cnd_broadcast")
      add(CE, false, CE->getArg(0), true, "");
    else if ((N == "pthread_cond_wait" || N == "pthread_cond_timedwait" ||
              N == "cnd_wait" || N == "cnd_timedwait") &&
             CE->getNumArgs() >= 2) {
      std::string Mutex =
          TUModel::objectKey(CE->getArg(1), true).value_or("");
      add(CE, true, CE->getArg(0), true, Mutex);
    }
    return true;
  }
};
} // namespace

void LockOrderCheck::reportWaitsUnderLock(ASTContext &C) {
  TUModel &TU = model(C);
  std::vector<CondCall> Calls;
  for (const FunctionDecl *F : TU.definitions())
    if (const Stmt *Body = F->getBody())
      CondCalls(TU.recognizer(), F, Calls).TraverseStmt(const_cast<Stmt *>(Body));
  for (const CondCall &W : Calls) {
    if (!W.Wait)
      continue;
    const FunctionLocks &WL = TU.locks(W.Fn);
    auto WH = WL.MustAt.find(W.Call);
    if (WH == WL.MustAt.end())
      continue;
    bool Reported = false;
    for (const std::string &H : WH->second) {
      if (Reported)
        continue;
      // The wait's own mutex (named by its object, whatever alias the
      // lockset knows it by) is released while waiting.
      std::string HK = TU.orderKey(W.Fn, H);
      if (W.Mutex.empty() || HK == W.Mutex)
        continue;
      for (const CondCall &N : Calls) {
        if (N.Wait || N.Cv != W.Cv)
          continue;
        const FunctionLocks &NL = TU.locks(N.Fn);
        auto NH = NL.MustAt.find(N.Call);
        if (NH == NL.MustAt.end())
          continue;
        auto G = llvm::find_if(NH->second, [&](const std::string &K) {
          return TU.orderKey(N.Fn, K) == HK;
        });
        if (G == NH->second.end())
          continue;
        ensureContexts(C);
        Edge WE, NE;
        WE.Fn = W.Fn;
        WE.At = W.Call->getExprLoc();
        NE.Fn = N.Fn;
        NE.At = N.Call->getExprLoc();
        if (!concurrent(WE, NE))
          continue;
        diag(W.Call->getExprLoc(),
             "waiting on '%0' while holding '%1', which %2 holds when it "
             "notifies '%0'; the notification can never come")
            << W.CvName << H << describeFunction(N.Fn);
        diag(N.Call->getExprLoc(), "'%0' notified here with '%1' held",
             DiagnosticIDs::Note)
            << N.CvName << *G;
        Reported = true;
        break;
      }
    }
  }
}

/// Where an order starts: the acquisition of its outer lock (or, for a
/// lock held on entry, the inner acquisition).
static SourceLocation outerLoc(const TUModel::LockOrderEdge &E) {
  return E.HeldAt.isValid() ? E.HeldAt : E.At;
}

void LockOrderCheck::reportAcrossFiles(
    ASTContext &C, const std::vector<Edge> &Edges,
    std::set<std::pair<std::string, std::string>> &Cycles) {
  const ProjectIndex *P = ProjectIndex::active();
  if (!P || P->orders().empty())
    return;
  const SourceManager &SM = C.getSourceManager();
  TUModel &TU = model(C);
  // This TU's own orders are in the index too (and those of the headers it
  // shares with other TUs): an order is another file's when its place is
  // not one of ours.
  std::set<ProjectPlace> Own;
  for (const Edge &E : Edges)
    Own.insert(placeOf(SM, E.At));
  // Code in another file may run on any thread unless the project is a
  // program that starts none.
  bool OtherConcurrent = P->startsThreads() || !P->hasMain();
  std::set<std::pair<std::string, std::string>> Done;
  for (const Edge &X : Edges) {
    if (X.Elements || Cycles.count({X.From, X.To}) ||
        Done.count({X.From, X.To}) || !OtherConcurrent || alone(X))
      continue;
    ProjectPlace XOuter = placeOf(SM, outerLoc(X));
    for (const ProjectOrder &O : P->orders()) {
      if (O.From != X.To || O.To != X.From || Own.count(O.At))
        continue;
      if (llvm::any_of(X.Gates, [&](const std::string &G) {
            return llvm::is_contained(O.Gates, G);
          }))
        continue;
      if (!ReadLockInversions && X.FromShared && X.ToShared && O.FromShared &&
          O.ToShared)
        continue;
      // Reported once in the project: by the file whose side takes its
      // outer lock last, as within one file.
      const ProjectPlace &OOuter = O.HeldAt.valid() ? O.HeldAt : O.At;
      if (!(OOuter < XOuter))
        continue;
      diag(X.AcquiredAt, "'%0' is acquired while '%1' is held, but %2 in "
                         "%3 acquires them in the opposite order; two "
                         "threads taking both orders can deadlock")
          << X.ToName << X.FromName << O.Function
          << llvm::sys::path::filename(O.At.File);
      noteSide(X, /*Closing=*/true);
      auto Note = [&](const ProjectPlace &Pl, const llvm::Twine &Msg) {
        SourceLocation L = TU.locationIn(Pl.File, Pl.Line, Pl.Col);
        if (L.isValid())
          diag(L, "%0", DiagnosticIDs::Note) << Msg.str();
      };
      if (O.HeldAt.valid())
        Note(O.HeldAt,
             "'" + O.FromName + "' acquired here, in " + O.Function);
      else
        Note(O.At, "'" + O.FromName + "' is held on entry to " + O.Function);
      for (const auto &[Pl, Callee] : O.Chain)
        Note(Pl, Callee + " called here, with '" + O.FromName + "' held");
      Note(O.AcquiredAt, O.Chain.empty()
                             ? "then '" + O.ToName + "' acquired while '" +
                                   O.FromName + "' is held"
                             : "'" + O.ToName + "' acquired here");
      Cycles.insert({X.From, X.To});
      Done.insert({X.From, X.To});
      break;
    }
  }
}

void LockOrderCheck::onEndOfTranslationUnit() {
  if (!Ctx)
    return;
  ASTContext &C = *Ctx;
  Ctx = nullptr;
  if (SummaryCollector)
    collectSummary(model(C), races(C));
  const SourceManager &SM = C.getSourceManager();
  reportJoinsUnderLock(C);
  ContextsReady = false;
  reportWaitsUnderLock(C);
  const std::vector<Edge> &Edges = model(C).lockOrder();
  if (Edges.empty())
    return;
  ensureContexts(C);
  std::map<std::pair<std::string, std::string>, std::vector<const Edge *>>
      ByPair;
  for (const Edge &E : Edges)
    ByPair[{E.From, E.To}].push_back(&E);
  std::set<std::pair<std::string, std::string>> Cycles;

  // Two locks taken in both orders: reported once, at the acquisition of
  // the later side (the one that closes the cycle), with both sides.
  for (const auto &[Key, Forward] : ByPair) {
    const auto &[A, B] = Key;
    if (!(A < B))
      continue;
    auto Rev = ByPair.find({B, A});
    if (Rev == ByPair.end())
      continue;
    const Edge *X = nullptr, *Y = nullptr;
    for (const Edge *F : Forward) {
      for (const Edge *R : Rev->second)
        if (canDeadlock(*F, *R)) {
          X = F;
          Y = R;
          break;
        }
      if (X)
        break;
    }
    if (!X)
      continue;
    // The order whose outer lock is taken last (in the TU's order) closes
    // the cycle; the warning goes where it takes the inner lock.
    if (SM.isBeforeInTranslationUnit(outerLoc(*X), outerLoc(*Y)))
      std::swap(X, Y);
    diag(X->AcquiredAt, "'%0' is acquired while '%1' is held, but %2 acquires them "
                "in the opposite order; two threads taking both orders can "
                "deadlock")
        << X->ToName << X->FromName << describeFunction(Y->Fn);
    noteSide(*X, /*Closing=*/true);
    noteSide(*Y, /*Closing=*/false);
    Cycles.insert({A, B});
    Cycles.insert({B, A});
  }

  reportAcrossFiles(C, Edges, Cycles);

  // Two elements of one lock array in no fixed order: transfer(a, b) and
  // transfer(b, a) on two threads.
  std::set<const FunctionDecl *> ElementReported;
  for (const Edge &E : Edges) {
    if (!E.Elements || !canDeadlock(E, E) ||
        !ElementReported.insert(E.Fn).second)
      continue;
    diag(E.AcquiredAt, "'%0' is acquired while '%1', another lock of the same "
                       "array, is held, and nothing orders their indices; "
                       "two threads locking the same two elements in opposite "
                       "orders can deadlock")
        << E.ToName << E.FromName;
    if (E.HeldAt.isValid())
      diag(E.HeldAt, "'%0' acquired here", DiagnosticIDs::Note) << E.FromName;
    Cycles.insert({E.From, E.To});
  }

  // Three locks in a cycle (A -> B -> C -> A), none of the three pairs
  // inverted directly: three threads, each on one order, deadlock.
  std::map<std::string, std::set<std::string>> Next;
  for (const auto &[Key, V] : ByPair)
    Next[Key.first].insert(Key.second);
  auto Inverted = [&](const std::string &P, const std::string &Q) {
    return ByPair.count({P, Q}) && ByPair.count({Q, P});
  };
  for (const auto &[A, Bs] : Next)
    for (const std::string &B : Bs) {
      if (!(A < B) || Inverted(A, B))
        continue;
      for (const std::string &Cn : Next[B]) {
        if (!(A < Cn) || Cn == B || !ByPair.count({Cn, A}) ||
            Inverted(B, Cn) || Inverted(Cn, A))
          continue;
        const Edge *E[3] = {nullptr, nullptr, nullptr};
        for (const Edge *P : ByPair[{A, B}])
          for (const Edge *Q : ByPair[{B, Cn}])
            for (const Edge *R : ByPair[{Cn, A}])
              if (!E[0] && canDeadlock(*P, *Q) && canDeadlock(*Q, *R) &&
                  canDeadlock(*R, *P)) {
                E[0] = P;
                E[1] = Q;
                E[2] = R;
              }
        if (!E[0])
          continue;
        std::sort(std::begin(E), std::end(E), [&](const Edge *P, const Edge *Q) {
          return SM.isBeforeInTranslationUnit(outerLoc(*P), outerLoc(*Q));
        });
        const Edge &Last = *E[2];
        diag(Last.AcquiredAt,
             "'%0' is acquired while '%1' is held, which closes a cycle of "
             "lock orders with %2 and %3; three threads taking these orders "
             "can deadlock")
            << Last.ToName << Last.FromName << describeFunction(E[0]->Fn)
            << describeFunction(E[1]->Fn);
        noteSide(Last, /*Closing=*/true);
        noteSide(*E[0], /*Closing=*/false);
        noteSide(*E[1], /*Closing=*/false);
        Cycles.insert({A, B});
        Cycles.insert({B, Cn});
        Cycles.insert({Cn, A});
      }
    }
  if (LockGraphCollector)
    collectGraph(Edges, Cycles, SM);
}

} // namespace racelint
