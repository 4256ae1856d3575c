//===--- Threads.cpp - Who runs when --------------------------------------===//

#include "Threads.h"
#include "Lockset.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include <set>

using namespace clang;

namespace racelint {

/// `t[*]` joined as a whole: every element of the array.
static bool wholeArrayJoin(const AbsLoc &J, const AbsLoc &S) {
  if (!J.sameRoot(S) || J.Path.size() != S.Path.size())
    return false;
  for (size_t I = 0; I < J.Path.size(); ++I) {
    const PathStep &X = J.Path[I], &Y = S.Path[I];
    if (X.Kind != Y.Kind || X.FieldD != Y.FieldD)
      return false;
    if (X.Kind == PathStep::Elem && X.Index.Kind != ElemIndex::Any &&
        !X.Index.mustEqual(Y.Index))
      return false;
  }
  return llvm::any_of(J.Path, [](const PathStep &P) {
    return P.Kind == PathStep::Elem && P.Index.Kind == ElemIndex::Any;
  });
}

static bool sameArray(const AbsLoc &A, const AbsLoc &B) {
  // `t[i]` and `t[j]`: the same array of handles, whatever the index.
  if (!A.sameRoot(B) || A.Path.size() != B.Path.size())
    return false;
  for (size_t I = 0; I < A.Path.size(); ++I) {
    const PathStep &X = A.Path[I], &Y = B.Path[I];
    if (X.Kind != Y.Kind || X.FieldD != Y.FieldD)
      return false;
  }
  return true;
}

bool joinMatches(const PtsSet &J, const PtsSet &S, bool WholeArray) {
  // A join ends the thread only when the handle certainly is that one: a
  // single known location on both sides.
  if (J.Unknown || S.Unknown || J.Objs.size() != 1 || S.Objs.empty())
    return false;
  const AbsLoc &H = J.Objs.front();
  for (const AbsLoc &O : S.Objs) {
    if (WholeArray ? sameArray(H, O) : H.mustEqual(O))
      continue;
    if (wholeArrayJoin(H, O))
      continue;
    // One variable reused for several threads in turn (`pthread_t t`
    // created and joined twice) is the same handle each time.
    if (H == O && llvm::none_of(H.Path, [](const PathStep &P) {
          return P.Kind == PathStep::Elem;
        }))
      continue;
    return false;
  }
  return true;
}

namespace {
int findLoc(const std::vector<AbsLoc> &V, const AbsLoc &L) {
  for (size_t I = 0; I < V.size(); ++I)
    if (V[I] == L)
      return I;
  return -1;
}
} // namespace

struct ThreadFlow::State {
  bool Reachable = false;
  std::set<unsigned> Alive;
  std::vector<AbsLoc> Once;
  /// Phase counts; a barrier absent from the list was passed zero times,
  /// -1 means the count differs between paths.
  std::vector<AbsLoc> PhaseLocs;
  std::vector<int> PhaseCounts;
  std::vector<AbsLoc> Acquired;

  bool operator==(const State &O) const {
    return Reachable == O.Reachable && Alive == O.Alive && Once == O.Once &&
           PhaseLocs == O.PhaseLocs && PhaseCounts == O.PhaseCounts &&
           Acquired == O.Acquired;
  }

  void join(const State &O) {
    if (!O.Reachable)
      return;
    if (!Reachable) {
      *this = O;
      return;
    }
    Alive.insert(O.Alive.begin(), O.Alive.end());
    auto Meet = [](std::vector<AbsLoc> &Into, const std::vector<AbsLoc> &F) {
      std::vector<AbsLoc> Keep;
      for (const AbsLoc &L : Into)
        if (findLoc(F, L) >= 0)
          Keep.push_back(L);
      Into = std::move(Keep);
    };
    Meet(Once, O.Once);
    Meet(Acquired, O.Acquired);
    for (size_t I = 0; I < O.PhaseLocs.size(); ++I) {
      int Mine = findLoc(PhaseLocs, O.PhaseLocs[I]);
      if (Mine < 0) {
        PhaseLocs.push_back(O.PhaseLocs[I]);
        PhaseCounts.push_back(O.PhaseCounts[I] == 0 ? 0 : -1);
      } else if (PhaseCounts[Mine] != O.PhaseCounts[I]) {
        PhaseCounts[Mine] = -1;
      }
    }
    for (size_t I = 0; I < PhaseLocs.size(); ++I)
      if (findLoc(O.PhaseLocs, PhaseLocs[I]) < 0 && PhaseCounts[I] != 0)
        PhaseCounts[I] = -1;
  }

  ThreadPoint point() const {
    ThreadPoint P;
    P.Alive.assign(Alive.begin(), Alive.end());
    P.OncePassed.assign(Once.begin(), Once.end());
    for (size_t I = 0; I < PhaseLocs.size(); ++I)
      if (PhaseCounts[I] >= 0)
        P.Phases.push_back({PhaseLocs[I], unsigned(PhaseCounts[I])});
    P.Acquired.assign(Acquired.begin(), Acquired.end());
    return P;
  }
  bool trivial() const {
    return Alive.empty() && Once.empty() && PhaseLocs.empty() &&
           Acquired.empty();
  }
};

/// How many acquired locks a state remembers (for lock hand-off).
static constexpr size_t MaxAcquired = 16;

bool ThreadFlow::run() {
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<State> In(N);
  std::vector<unsigned> Visits(N, 0);
  const std::vector<PtsSet> &Handles = Ev.SpawnHandles;

  auto Kill = [&](State &S, const PtsSet &J, bool WholeArray) {
    for (auto It = S.Alive.begin(); It != S.Alive.end();) {
      if (*It < Handles.size() && joinMatches(J, Handles[*It], WholeArray))
        It = S.Alive.erase(It);
      else
        ++It;
    }
  };
  auto Apply = [&](const CFGBlock &B, State &S, bool Record) {
    for (const CFGElement &E : B) {
      if (!S.Reachable)
        return;
      if (auto CS = E.getAs<CFGStmt>()) {
        const Stmt *St = CS->getStmt();
        if (Record && !S.trivial() && Ev.Wanted.count(St))
          Points[St] = S.point();
        if (auto It = Ev.Joins.find(St); It != Ev.Joins.end())
          for (const PtsSet &J : It->second)
            Kill(S, J, false);
        if (auto It = Ev.Starts.find(St); It != Ev.Starts.end())
          S.Alive.insert(It->second.begin(), It->second.end());
        if (auto It = Ev.OnceDone.find(St); It != Ev.OnceDone.end())
          for (const AbsLoc &L : It->second)
            if (findLoc(S.Once, L) < 0)
              S.Once.push_back(L);
        // Hand-off needs the first few locks a thread takes; thousands
        // held at once would make every state large.
        if (auto It = Ev.Acquires.find(St); It != Ev.Acquires.end())
          for (const AbsLoc &L : It->second)
            if (S.Acquired.size() < MaxAcquired && findLoc(S.Acquired, L) < 0)
              S.Acquired.push_back(L);
        if (auto It = Ev.Barriers.find(St); It != Ev.Barriers.end())
          for (const AbsLoc &L : It->second) {
            int I = findLoc(S.PhaseLocs, L);
            if (I < 0) {
              S.PhaseLocs.push_back(L);
              S.PhaseCounts.push_back(1);
            } else if (S.PhaseCounts[I] >= 0) {
              // Loops make counts grow without bound; a count that large
              // says nothing useful.
              S.PhaseCounts[I] = S.PhaseCounts[I] < 64 ? S.PhaseCounts[I] + 1
                                                       : -1;
            }
          }
        if (Ev.NoReturn.count(St))
          S.Reachable = false;
        continue;
      }
      if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
        auto It = Ev.JoinAtScopeEnd.find(D->getVarDecl());
        if (It != Ev.JoinAtScopeEnd.end())
          Kill(S, It->second, true);
      }
    }
  };
  auto Edge = [&](const CFGBlock &B, const State &Out, unsigned Index) {
    State S = Out;
    // `if (pthread_create(...) != 0)`: on the failure edge no thread runs.
    if (B.succ_size() == 2 && Ev.Ctx && !Ev.CreateResults.empty())
      if (const auto *Cond = dyn_cast_or_null<Expr>(
              const_cast<CFGBlock &>(B).getTerminatorCondition())) {
        bool Neg = false;
        const Expr *E = Cond->IgnoreParenImpCasts();
        for (unsigned Guard = 0; Guard < 4; ++Guard) {
          if (const auto *UO = dyn_cast<UnaryOperator>(E);
              UO && UO->getOpcode() == UO_LNot) {
            Neg = !Neg;
            E = UO->getSubExpr()->IgnoreParenImpCasts();
            continue;
          }
          if (const auto *BO = dyn_cast<BinaryOperator>(E);
              BO && BO->isEqualityOp()) {
            const Expr *Other = nullptr;
            for (const Expr *Side : {BO->getLHS(), BO->getRHS()}) {
              Expr::EvalResult R;
              if (!Side->isValueDependent() &&
                  Side->EvaluateAsInt(R, *Ev.Ctx) &&
                  R.Val.getInt().isZero())
                Other = Side == BO->getLHS() ? BO->getRHS() : BO->getLHS();
            }
            if (!Other)
              break;
            if (BO->getOpcode() == BO_EQ)
              Neg = !Neg;
            E = Other->IgnoreParenImpCasts();
            continue;
          }
          break;
        }
        auto It = Ev.CreateResults.find(E);
        // True edge (index 0) is taken when the result is non-zero.
        bool FailureEdge = (Index == 0) != Neg;
        if (It != Ev.CreateResults.end() && FailureEdge)
          for (unsigned Id : It->second)
            S.Alive.erase(Id);
      }
    // Leaving a loop whose body joined each element of a handle array.
    if (Index == 1 && B.succ_size() == 2)
      if (const Stmt *T = B.getTerminatorStmt())
        if (isa<ForStmt>(T) || isa<WhileStmt>(T) || isa<DoStmt>(T) ||
            isa<CXXForRangeStmt>(T))
          if (auto It = Ev.LoopExitJoins.find(T); It != Ev.LoopExitJoins.end())
            for (const PtsSet &J : It->second)
              Kill(S, J, true);
    return S;
  };

  std::vector<unsigned> Order;
  std::vector<const CFGBlock *> ByOrder = reversePostOrder(Cfg, Order);
  std::set<unsigned> Work;
  In[Cfg.getEntry().getBlockID()].Reachable = true;
  Work.insert(Order[Cfg.getEntry().getBlockID()]);
  constexpr unsigned VisitsPerBlock = 16;
  bool Converged = true;
  while (!Work.empty()) {
    const CFGBlock *B = ByOrder[*Work.begin()];
    Work.erase(Work.begin());
    if (++Visits[B->getBlockID()] > VisitsPerBlock) {
      Converged = false;
      break;
    }
    State S = In[B->getBlockID()];
    Apply(*B, S, false);
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned Index = I++;
      const CFGBlock *SB = Succ.getReachableBlock();
      if (!SB || Order[SB->getBlockID()] == ~0u)
        continue;
      State E = Edge(*B, S, Index);
      State &Dst = In[SB->getBlockID()];
      State Before = Dst;
      Dst.join(E);
      if (!(Dst == Before))
        Work.insert(Order[SB->getBlockID()]);
    }
  }
  if (!Converged) {
    // Out of budget: every thread may run everywhere after the entry.
    for (State &S : In)
      if (S.Reachable)
        for (unsigned I = 0; I < Handles.size(); ++I)
          S.Alive.insert(I);
  }
  std::set<unsigned> Exit;
  for (const CFGBlock *B : ByOrder) {
    State S = In[B->getBlockID()];
    if (!S.Reachable)
      continue;
    Apply(*B, S, true);
    if (!S.Reachable)
      continue;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (Succ.getReachableBlock() == &Cfg.getExit())
        Exit.insert(S.Alive.begin(), S.Alive.end());
  }
  AliveAtExit.assign(Exit.begin(), Exit.end());
  return Converged;
}

} // namespace racelint
