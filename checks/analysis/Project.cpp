//===--- Project.cpp - Facts that cross translation units ----------------===//

#include "Project.h"
#include "RaceModel.h"
#include "TUModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include "llvm/ADT/StringExtras.h"
#include <mutex>

using namespace clang;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace racelint {

std::vector<TUSummary> *SummaryCollector = nullptr;

std::string usrOf(const FunctionDecl *FD) {
  llvm::SmallString<128> Buf;
  if (!FD || index::generateUSRForDecl(FD->getCanonicalDecl(), Buf))
    return "";
  return std::string(Buf);
}

//===----------------------------------------------------------------------===//
// Reading a TU
//===----------------------------------------------------------------------===//

ProjectPlace placeOf(const SourceManager &SM, SourceLocation Loc) {
  ProjectPlace P;
  if (Loc.isInvalid())
    return P;
  PresumedLoc PL = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (PL.isInvalid())
    return P;
  llvm::SmallString<256> Abs(PL.getFilename());
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  P.File = std::string(Abs);
  P.Line = PL.getLine();
  P.Col = PL.getColumn();
  return P;
}

using Place = ProjectPlace;

TUSummary TUSummary::of(TUModel &TU, RaceModel &Races) {
  TUSummary Out;
  ASTContext &Ctx = TU.context();
  const SourceManager &SM = Ctx.getSourceManager();
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    Out.MainFile = placeOf(SM, SM.getLocForStartOfFile(SM.getMainFileID())).File;
  const LockRecognizer &R = TU.recognizer();
  for (const FunctionDecl *FD : TU.definitions()) {
    // Lambdas and local classes are reached only from their own TU.
    if (FD->getParentFunctionOrMethod())
      continue;
    ProjectFunction F;
    F.USR = TU.usr(FD);
    if (F.USR.empty())
      continue;
    F.Name = FD->getQualifiedNameAsString();
    Place P = placeOf(SM, FD->getLocation());
    F.File = P.File;
    F.Line = P.Line;
    F.IsMain = FD->isMain();
    for (const InferredLocks::Fact &Fact : TU.inferred(FD).Facts) {
      ProjectEffect E;
      switch (Fact.Kind) {
      case InferredLocks::Acquires:
        E.Kind = ProjectEffect::Acquire;
        break;
      case InferredLocks::TryAcquires:
        E.Kind = ProjectEffect::TryAcquire;
        break;
      case InferredLocks::Releases:
        E.Kind = ProjectEffect::Release;
        break;
      case InferredLocks::MayRelease:
      case InferredLocks::LockOrUnlock:
        E.Kind = ProjectEffect::Unknown;
        break;
      default:
        continue;
      }
      // A lock the wrapper reaches through its parameters is the caller's
      // to name; only global locks are exported so far.
      if (R.rootOf(FD, Fact.Lock.Key).Kind != LockRecognizer::RootKind::Global)
        continue;
      E.Lock = Fact.Lock.Key;
      E.Shared = Fact.Mode == LockMode::Shared;
      E.SuccessIsZero = Fact.SuccessIsZero;
      F.Effects.push_back(std::move(E));
    }
    const Summary &S = Races.summaryOf(FD);
    // Calls of functions of other TUs are no call sites of the summary
    // (nothing here to substitute into): the lockset has them all.
    llvm::DenseMap<const Expr *, const CallSite *> Sites;
    for (const CallSite &C : S.Calls)
      Sites[C.Call] = &C;
    SourceLocation FirstSpawn;
    auto Earlier = [&](SourceLocation L) {
      if (FirstSpawn.isInvalid() || SM.isBeforeInTranslationUnit(L, FirstSpawn))
        FirstSpawn = L;
    };
    for (const SpawnSite &Sp : S.Spawns)
      Earlier(Sp.Loc);
    for (const Summary::ForeignSpawn &FS : S.ForeignSpawns)
      Earlier(FS.Loc);
    const FunctionLocks &FL = TU.locks(FD);
    for (const auto &[St, Held] : FL.MustAt) {
      const auto *Call = dyn_cast<CallExpr>(St);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      // The C library's and the standard library's functions are no
      // TU's: nothing to resolve.
      if (!Callee || Callee == FD || R.classifyCall(Call) ||
          SM.isInSystemHeader(Callee->getLocation()))
        continue;
      ProjectCall PC;
      PC.Callee = TU.usr(Callee);
      if (PC.Callee.empty())
        continue;
      for (const std::string &K : Held)
        if (R.rootOf(FD, K).Kind == LockRecognizer::RootKind::Global)
          PC.Held.push_back(K);
      // Before any thread this function starts (in a callee too) runs.
      auto Site = Sites.find(Call);
      PC.BeforeSpawn =
          (Site == Sites.end() || Site->second->Threads.Alive.empty()) &&
          (FirstSpawn.isInvalid() ||
           SM.isBeforeInTranslationUnit(Call->getBeginLoc(), FirstSpawn));
      PC.At = placeOf(SM, Call->getExprLoc());
      F.Calls.push_back(std::move(PC));
    }
    // MustAt is keyed by pointer: sort for a summary that does not depend
    // on the allocator.
    llvm::sort(F.Calls, [](const ProjectCall &A, const ProjectCall &B) {
      return std::tie(A.At, A.Callee) < std::tie(B.At, B.Callee);
    });
    for (const SpawnSite &Sp : S.Spawns) {
      if (!Sp.Chain.empty())
        continue; // recorded where the create is
      for (const FunctionDecl *E : Sp.Entries)
        F.Spawns.push_back({TU.usr(E), Sp.Multi});
    }
    for (const Summary::ForeignSpawn &FS : S.ForeignSpawns)
      F.Spawns.push_back({TU.usr(FS.Entry), FS.Multi});
    llvm::erase_if(F.Spawns,
                   [](const ProjectSpawn &Sp) { return Sp.Entry.empty(); });
    for (const TUModel::TakenByFunction &T : TU.locksTakenBy(FD)) {
      F.Takes.push_back({T.Key, T.Name, placeOf(SM, T.Loc)});
    }
    Out.Functions.push_back(std::move(F));
  }
  for (const FunctionDecl *FD : TU.addressTaken())
    if (!SM.isInSystemHeader(FD->getLocation()))
      if (std::string U = TU.usr(FD); !U.empty())
        Out.AddressTaken.push_back(std::move(U));
  llvm::sort(Out.AddressTaken);
  Out.AddressTaken.erase(
      std::unique(Out.AddressTaken.begin(), Out.AddressTaken.end()),
      Out.AddressTaken.end());
  for (const TUModel::LockOrderEdge &E : TU.lockOrder()) {
    ProjectOrder O;
    O.From = E.From;
    O.To = E.To;
    O.FromName = E.FromName;
    O.ToName = E.ToName;
    O.Function = E.Fn ? describeFunction(E.Fn) : "";
    O.At = placeOf(SM, E.At);
    O.HeldAt = placeOf(SM, E.HeldAt);
    O.AcquiredAt = placeOf(SM, E.AcquiredAt);
    for (const auto &[Loc, Callee] : E.Chain)
      O.Chain.push_back({placeOf(SM, Loc), Callee});
    O.FromShared = E.FromShared;
    O.ToShared = E.ToShared;
    O.Elements = E.Elements;
    O.Gates = E.Gates;
    Out.Orders.push_back(std::move(O));
  }
  return Out;
}

void collectSummary(TUModel &TU, RaceModel &Races) {
  if (!SummaryCollector || TU.summaryCollected())
    return;
  TU.markSummaryCollected();
  SummaryCollector->push_back(TUSummary::of(TU, Races));
}

//===----------------------------------------------------------------------===//
// The file format
//===----------------------------------------------------------------------===//

static llvm::StringRef effectName(ProjectEffect::EffectKind K) {
  switch (K) {
  case ProjectEffect::Acquire:
    return "acquire";
  case ProjectEffect::TryAcquire:
    return "try-acquire";
  case ProjectEffect::Release:
    return "release";
  case ProjectEffect::Unknown:
    break;
  }
  return "may-release";
}

static Value strings(const std::vector<std::string> &V) {
  Array A;
  for (const std::string &S : V)
    A.push_back(S);
  return A;
}

static Value place(const ProjectPlace &P) {
  return Object{{"file", P.File}, {"line", P.Line}, {"col", P.Col}};
}

Value toJSON(const TUSummary &S) {
  Array Fns;
  for (const ProjectFunction &F : S.Functions) {
    Array Effects, Calls, Spawns, Takes;
    for (const ProjectEffect &E : F.Effects)
      Effects.push_back(Object{{"kind", effectName(E.Kind)},
                               {"lock", E.Lock},
                               {"shared", E.Shared},
                               {"success_is_zero", E.SuccessIsZero}});
    for (const ProjectCall &C : F.Calls)
      Calls.push_back(Object{{"callee", C.Callee},
                             {"held", strings(C.Held)},
                             {"before_spawn", C.BeforeSpawn},
                             {"at", place(C.At)}});
    for (const ProjectSpawn &Sp : F.Spawns)
      Spawns.push_back(Object{{"entry", Sp.Entry}, {"multi", Sp.Multi}});
    for (const ProjectTake &T : F.Takes)
      Takes.push_back(Object{{"lock", T.Lock},
                             {"name", T.Name},
                             {"at", place(T.At)}});
    Fns.push_back(Object{{"usr", F.USR},
                         {"name", F.Name},
                         {"file", F.File},
                         {"line", F.Line},
                         {"main", F.IsMain},
                         {"effects", std::move(Effects)},
                         {"calls", std::move(Calls)},
                         {"spawns", std::move(Spawns)},
                         {"takes", std::move(Takes)}});
  }
  Array Orders;
  for (const ProjectOrder &O : S.Orders) {
    Array Chain;
    for (const auto &[P, Callee] : O.Chain)
      Chain.push_back(Object{{"place", place(P)}, {"callee", Callee}});
    Orders.push_back(Object{{"from", O.From},
                            {"to", O.To},
                            {"from_name", O.FromName},
                            {"to_name", O.ToName},
                            {"function", O.Function},
                            {"at", place(O.At)},
                            {"held_at", place(O.HeldAt)},
                            {"acquired_at", place(O.AcquiredAt)},
                            {"chain", std::move(Chain)},
                            {"from_shared", O.FromShared},
                            {"to_shared", O.ToShared},
                            {"elements", O.Elements},
                            {"gates", strings(O.Gates)}});
  }
  return Object{{"format", TUSummary::Format},
                {"version", TUSummary::FormatVersion},
                {"main_file", S.MainFile},
                {"functions", std::move(Fns)},
                {"address_taken", strings(S.AddressTaken)},
                {"orders", std::move(Orders)}};
}

namespace {
/// Reads fields with one error for the first thing missing or mistyped.
class Reader {
public:
  std::optional<std::string> Error;
  std::string str(const Object &O, llvm::StringRef K) {
    if (std::optional<llvm::StringRef> S = O.getString(K))
      return S->str();
    fail(K);
    return "";
  }
  unsigned num(const Object &O, llvm::StringRef K) {
    if (std::optional<int64_t> N = O.getInteger(K); N && *N >= 0)
      return static_cast<unsigned>(*N);
    fail(K);
    return 0;
  }
  bool flag(const Object &O, llvm::StringRef K) {
    if (std::optional<bool> B = O.getBoolean(K))
      return *B;
    fail(K);
    return false;
  }
  std::vector<std::string> strs(const Object &O, llvm::StringRef K) {
    std::vector<std::string> Out;
    const Array *A = O.getArray(K);
    if (!A) {
      fail(K);
      return Out;
    }
    for (const Value &V : *A)
      if (std::optional<llvm::StringRef> S = V.getAsString())
        Out.push_back(S->str());
      else
        fail(K);
    return Out;
  }
  /// Calls Each on every object of the array K.
  template <typename Fn> void each(const Object &O, llvm::StringRef K, Fn Each) {
    const Array *A = O.getArray(K);
    if (!A) {
      fail(K);
      return;
    }
    for (const Value &V : *A) {
      const Object *X = V.getAsObject();
      if (!X) {
        fail(K);
        return;
      }
      Each(*X);
    }
  }
  ProjectPlace place(const Object &O, llvm::StringRef K) {
    ProjectPlace P;
    const Object *X = O.getObject(K);
    if (!X) {
      fail(K);
      return P;
    }
    P.File = str(*X, "file");
    P.Line = num(*X, "line");
    P.Col = num(*X, "col");
    return P;
  }
  void fail(llvm::StringRef K) {
    if (!Error)
      Error = ("missing or malformed field '" + K + "'").str();
  }
};
} // namespace

llvm::Expected<TUSummary> summaryFromJSON(const Value &V) {
  auto Err = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  };
  const Object *Root = V.getAsObject();
  if (!Root || Root->getString("format") != TUSummary::Format)
    return Err("not a racelint summary");
  std::optional<int64_t> Version = Root->getInteger("version");
  if (Version != TUSummary::FormatVersion)
    return Err("summary format version " +
               (Version ? std::to_string(*Version) : std::string("?")) +
               ", this racelint reads version " +
               std::to_string(TUSummary::FormatVersion) +
               " (summarize again with this racelint)");
  Reader R;
  TUSummary S;
  S.MainFile = R.str(*Root, "main_file");
  R.each(*Root, "functions", [&](const Object &O) {
    ProjectFunction F;
    F.USR = R.str(O, "usr");
    F.Name = R.str(O, "name");
    F.File = R.str(O, "file");
    F.Line = R.num(O, "line");
    F.IsMain = R.flag(O, "main");
    R.each(O, "effects", [&](const Object &X) {
      ProjectEffect E;
      std::string K = R.str(X, "kind");
      if (K == "acquire")
        E.Kind = ProjectEffect::Acquire;
      else if (K == "try-acquire")
        E.Kind = ProjectEffect::TryAcquire;
      else if (K == "release")
        E.Kind = ProjectEffect::Release;
      else if (K == "may-release")
        E.Kind = ProjectEffect::Unknown;
      else
        R.fail("kind");
      E.Lock = R.str(X, "lock");
      E.Shared = R.flag(X, "shared");
      E.SuccessIsZero = R.flag(X, "success_is_zero");
      F.Effects.push_back(std::move(E));
    });
    R.each(O, "calls", [&](const Object &X) {
      F.Calls.push_back({R.str(X, "callee"), R.strs(X, "held"),
                         R.flag(X, "before_spawn"), R.place(X, "at")});
    });
    R.each(O, "spawns", [&](const Object &X) {
      F.Spawns.push_back({R.str(X, "entry"), R.flag(X, "multi")});
    });
    R.each(O, "takes", [&](const Object &X) {
      F.Takes.push_back({R.str(X, "lock"), R.str(X, "name"), R.place(X, "at")});
    });
    S.Functions.push_back(std::move(F));
  });
  S.AddressTaken = R.strs(*Root, "address_taken");
  R.each(*Root, "orders", [&](const Object &X) {
    ProjectOrder O;
    O.From = R.str(X, "from");
    O.To = R.str(X, "to");
    O.FromName = R.str(X, "from_name");
    O.ToName = R.str(X, "to_name");
    O.Function = R.str(X, "function");
    O.At = R.place(X, "at");
    O.HeldAt = R.place(X, "held_at");
    O.AcquiredAt = R.place(X, "acquired_at");
    R.each(X, "chain", [&](const Object &C) {
      O.Chain.push_back({R.place(C, "place"), R.str(C, "callee")});
    });
    O.FromShared = R.flag(X, "from_shared");
    O.ToShared = R.flag(X, "to_shared");
    O.Elements = R.flag(X, "elements");
    O.Gates = R.strs(X, "gates");
    S.Orders.push_back(std::move(O));
  });
  if (R.Error)
    return Err(*R.Error);
  return S;
}

llvm::Expected<TUSummary> readSummaryFile(llvm::StringRef Path) {
  auto Err = [&](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path + ": " + Msg);
  };
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return Err("cannot read: " + Buf.getError().message());
  llvm::Expected<Value> V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    return Err("not valid JSON: " + llvm::toString(V.takeError()));
  llvm::Expected<TUSummary> S = summaryFromJSON(*V);
  if (!S)
    return Err(llvm::toString(S.takeError()));
  return S;
}

//===----------------------------------------------------------------------===//
// The merge
//===----------------------------------------------------------------------===//

ProjectIndex::ProjectIndex(std::vector<TUSummary> TUs) {
  // A function defined in several TUs at one place (an inline function in
  // a header) has one summary per TU that describe the same body: the
  // first is kept. Definitions at different places (main() of each program
  // a build makes, a test's stub of a library function) are all possible:
  // their calls and threads add up, and a wrapper effect holds only if
  // every definition has it.
  for (TUSummary &S : TUs) {
    AddressTaken.insert(S.AddressTaken.begin(), S.AddressTaken.end());
    for (ProjectFunction &F : S.Functions) {
      HasMain |= F.IsMain;
      auto [It, New] = Functions.try_emplace(F.USR, F);
      ProjectFunction &G = It->second;
      if (New)
        continue;
      if (G.File == F.File && G.Line == F.Line) {
        InlineInHeader.insert(F.USR);
        continue;
      }
      llvm::append_range(G.Calls, F.Calls);
      llvm::append_range(G.Spawns, F.Spawns);
      for (ProjectTake &T : F.Takes)
        if (llvm::none_of(G.Takes, [&](const ProjectTake &X) {
              return X.Lock == T.Lock;
            }))
          G.Takes.push_back(std::move(T));
      llvm::erase_if(G.Effects, [&](const ProjectEffect &E) {
        return llvm::none_of(F.Effects, [&](const ProjectEffect &X) {
          return X.Kind == E.Kind && X.Lock == E.Lock && X.Shared == E.Shared;
        });
      });
    }
    for (ProjectOrder &O : S.Orders)
      // An order in a header is in the summary of every TU that includes
      // it.
      if (llvm::none_of(Orders, [&](const ProjectOrder &X) {
            return X.At == O.At && X.From == O.From && X.To == O.To;
          }))
        Orders.push_back(std::move(O));
  }

  // Callers of each function, with the call.
  std::map<std::string, std::vector<std::pair<const ProjectFunction *,
                                              const ProjectCall *>>>
      CallersOf;
  std::set<std::string> Entries;
  std::map<std::string, bool> EntryMulti;
  for (const auto &[USR, F] : Functions) {
    for (const ProjectCall &C : F.Calls)
      CallersOf[C.Callee].push_back({&F, &C});
    for (const ProjectSpawn &Sp : F.Spawns) {
      Entries.insert(Sp.Entry);
      // Started at two places, or in a loop: several at once.
      auto [It, New] = EntryMulti.try_emplace(Sp.Entry, Sp.Multi);
      if (!New)
        It->second = true;
      StartsThreads = true;
    }
  }

  // Threads running each function: the entry and what it calls, up to
  // MaxThreadReach calls deep. The call graph ignores the conditions that
  // guard calls: in an event-driven server, an I/O thread's entry reaches
  // the whole command dispatcher four calls down, through branches that
  // only the main thread takes (redis: IOThreadMain -> ... ->
  // processCommand), and every global the program writes would race.
  // Within its own file a thread is followed to any depth (the file's
  // own analysis walks the calls from the functions marked here).
  for (const std::string &E : Entries) {
    std::map<std::string, unsigned> Depth{{E, 0}};
    std::vector<std::string> Work{E};
    for (size_t I = 0; I < Work.size(); ++I) {
      std::string U = Work[I];
      ThreadUse &TUse = ThreadUses[U];
      ++TUse.Threads;
      TUse.Multi |= EntryMulti[E];
      auto It = Functions.find(U);
      if (It == Functions.end() || Depth[U] >= MaxThreadReach)
        continue;
      for (const ProjectCall &C : It->second.Calls)
        if (Depth.try_emplace(C.Callee, Depth[U] + 1).second)
          Work.push_back(C.Callee);
    }
  }

  // Start-up functions: every call is made before any thread starts, from
  // main() or from another start-up function; a greatest fixpoint.
  for (const auto &[USR, Callers] : CallersOf)
    if (Functions.count(USR) && !Entries.count(USR) &&
        !ThreadUses.count(USR) && !AddressTaken.count(USR))
      Startup.insert(USR);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto It = Startup.begin(); It != Startup.end();) {
      bool Ok = llvm::all_of(CallersOf[*It], [&](const auto &P) {
        return P.second->BeforeSpawn &&
               (P.first->IsMain || Startup.count(P.first->USR));
      });
      if (Ok) {
        ++It;
        continue;
      }
      It = Startup.erase(It);
      Changed = true;
    }
  }

  // Main-thread functions: every caller is main() or another main-thread
  // function (the greatest such set). Its complement among the called
  // functions is what a call path from anything else reaches: a search
  // from those sources, linear where the fixpoint took a pass per level.
  {
    std::vector<const ProjectFunction *> Work;
    std::set<llvm::StringRef> Reached;
    for (const auto &[USR, F] : Functions)
      if (!F.IsMain && (!CallersOf.count(USR) || Entries.count(USR) ||
                        ThreadUses.count(USR) || AddressTaken.count(USR)))
        if (Reached.insert(USR).second)
          Work.push_back(&F);
    while (!Work.empty()) {
      const ProjectFunction *F = Work.back();
      Work.pop_back();
      for (const ProjectCall &C : F->Calls) {
        auto It = Functions.find(C.Callee);
        if (It != Functions.end() && !It->second.IsMain &&
            Reached.insert(It->first).second)
          Work.push_back(&It->second);
      }
    }
    // Not an inline function of a header: every file that includes it
    // defines it, and each that does not call it would be analysed again
    // for a fact about code it does not run (taskflow's examples: twice
    // the project's time, no finding changed).
    for (const auto &[USR, Callers] : CallersOf) {
      auto It = Functions.find(USR);
      if (It != Functions.end() && !It->second.IsMain && !Reached.count(USR) &&
          !InlineInHeader.count(USR))
        MainOnly.insert(USR);
    }
  }

  // Caller-holds contracts: the global locks held at every call, the
  // caller's own contract included; a greatest fixpoint from "every lock"
  // (absent from Holds) down.
  std::set<std::string> Open;
  for (const auto &[USR, Callers] : CallersOf)
    if (Functions.count(USR) && !Entries.count(USR) && !AddressTaken.count(USR))
      Open.insert(USR);
  std::map<std::string, std::optional<std::set<std::string>>> Contract;
  for (const std::string &U : Open)
    Contract[U] = std::nullopt; // not computed: "everything"
  for (unsigned Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    for (const std::string &U : Open) {
      std::optional<std::set<std::string>> Meet;
      for (const auto &[Caller, Call] : CallersOf[U]) {
        std::set<std::string> At(Call->Held.begin(), Call->Held.end());
        auto CC = Contract.find(Caller->USR);
        if (CC != Contract.end()) {
          if (!CC->second)
            continue; // the caller's contract is still "everything"
          At.insert(CC->second->begin(), CC->second->end());
        }
        if (!Meet) {
          Meet = std::move(At);
          continue;
        }
        std::set<std::string> Both;
        for (const std::string &L : *Meet)
          if (At.count(L))
            Both.insert(L);
        Meet = std::move(Both);
      }
      if (Meet && Contract[U] != Meet) {
        Contract[U] = std::move(Meet);
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  for (auto &[U, C] : Contract)
    if (C && !C->empty())
      Holds[U].assign(C->begin(), C->end());

  // Locks each function takes through calls into other TUs: its own
  // summary lists what its TU showed; add what its callees take, to a
  // fixpoint (bounded: a lock is added once per function).
  for (const auto &[USR, F] : Functions)
    Taken[USR] = F.Takes;
  for (unsigned Round = 0; Round < 8; ++Round) {
    bool Changed = false;
    for (const auto &[USR, F] : Functions)
      for (const ProjectCall &C : F.Calls) {
        auto CT = Taken.find(C.Callee);
        if (CT == Taken.end())
          continue;
        std::vector<ProjectTake> Add;
        for (const ProjectTake &T : CT->second)
          if (llvm::none_of(Taken[USR], [&](const ProjectTake &X) {
                return X.Lock == T.Lock;
              }))
            Add.push_back(T);
        if (!Add.empty()) {
          llvm::append_range(Taken[USR], Add);
          Changed = true;
        }
      }
    if (!Changed)
      break;
  }
  addCallOrders();
}

void ProjectIndex::addCallOrders() {
  // The orders a TU could not see: a lock held at a call of a function of
  // another TU that takes another lock. (Calls within a TU are in its own
  // orders already; the place tells them apart.)
  for (const auto &[USR, F] : Functions)
    for (const ProjectCall &C : F.Calls) {
      auto CT = Taken.find(C.Callee);
      if (C.Held.empty() || CT == Taken.end())
        continue;
      std::string Callee = "'" + nameOf(C.Callee).value_or(C.Callee) + "'";
      for (const ProjectTake &T : CT->second)
        for (const std::string &H : C.Held) {
          if (H == T.Lock || llvm::is_contained(C.Held, T.Lock))
            continue;
          if (llvm::any_of(Orders, [&](const ProjectOrder &X) {
                return X.At == C.At && X.From == H && X.To == T.Lock;
              }))
            continue;
          ProjectOrder O;
          O.From = O.FromName = H;
          O.To = T.Lock;
          O.ToName = T.Name;
          O.Function = "'" + F.Name + "'";
          O.At = C.At;
          for (const ProjectTake &Own : F.Takes)
            if (Own.Lock == H) {
              O.HeldAt = Own.At;
              break;
            }
          O.AcquiredAt = T.At;
          O.Chain.push_back({C.At, Callee});
          for (const std::string &G : C.Held)
            if (G != H)
              O.Gates.push_back(G);
          Orders.push_back(std::move(O));
        }
    }
}

bool ProjectIndex::affects(const TUSummary &S) const {
  std::set<llvm::StringRef> Defined, CalledHere;
  for (const ProjectFunction &F : S.Functions) {
    Defined.insert(F.USR);
    for (const ProjectCall &C : F.Calls)
      CalledHere.insert(C.Callee);
  }
  for (const ProjectFunction &F : S.Functions) {
    if (Holds.count(F.USR) || Startup.count(F.USR) || ThreadUses.count(F.USR))
      return true;
    // Main-thread code matters only where it is an entry point: not
    // called in this file (a file that calls it sees where it runs).
    if (MainOnly.count(F.USR) && !CalledHere.count(F.USR))
      return true;
    for (const ProjectCall &C : F.Calls)
      if (!Defined.count(C.Callee) &&
          (effects(C.Callee) || takes(C.Callee)))
        return true;
  }
  for (const ProjectOrder &Own : S.Orders)
    for (const ProjectOrder &O : Orders)
      if (O.From == Own.To && O.To == Own.From && !(O.At == Own.At))
        return true;
  return false;
}

const std::vector<ProjectEffect> *
ProjectIndex::effects(llvm::StringRef USR) const {
  auto It = Functions.find(USR);
  if (It == Functions.end() || It->second.Effects.empty())
    return nullptr;
  return &It->second.Effects;
}

std::vector<std::string> ProjectIndex::callersHold(llvm::StringRef USR) const {
  auto It = Holds.find(USR);
  return It == Holds.end() ? std::vector<std::string>() : It->second;
}

bool ProjectIndex::startupOnly(llvm::StringRef USR) const {
  return Startup.count(USR);
}

bool ProjectIndex::mainThreadOnly(llvm::StringRef USR) const {
  return MainOnly.count(USR);
}

ProjectIndex::ThreadUse ProjectIndex::threadsRunning(llvm::StringRef USR) const {
  auto It = ThreadUses.find(USR);
  return It == ThreadUses.end() ? ThreadUse() : It->second;
}

const std::vector<ProjectTake> *ProjectIndex::takes(llvm::StringRef USR) const {
  auto It = Taken.find(USR);
  if (It == Taken.end() || It->second.empty())
    return nullptr;
  return &It->second;
}

std::optional<std::string> ProjectIndex::nameOf(llvm::StringRef USR) const {
  auto It = Functions.find(USR);
  if (It == Functions.end())
    return std::nullopt;
  return It->second.Name;
}

namespace {
std::mutex ActiveMu;
std::shared_ptr<const ProjectIndex> &activeSlot() {
  static std::shared_ptr<const ProjectIndex> Active;
  return Active;
}
bool PinnedIndex = false;
/// The directory useDirectory() loaded last, and a stamp of its contents
/// (names, sizes and modification times).
std::string LoadedDir, LoadedStamp;

std::string stampOf(llvm::StringRef Dir) {
  std::vector<std::string> Parts;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(It->path(), St))
      continue;
    Parts.push_back(It->path() + ":" + std::to_string(St.getSize()) + ":" +
                    std::to_string(St.getLastModificationTime()
                                       .time_since_epoch()
                                       .count()));
  }
  llvm::sort(Parts);
  std::string S;
  for (const std::string &P : Parts)
    S += P + ";";
  return S;
}
} // namespace

const ProjectIndex *ProjectIndex::active() {
  std::lock_guard<std::mutex> G(ActiveMu);
  return activeSlot().get();
}

void ProjectIndex::setActive(std::shared_ptr<const ProjectIndex> Index,
                             bool Pinned) {
  std::lock_guard<std::mutex> G(ActiveMu);
  activeSlot() = std::move(Index);
  PinnedIndex = Pinned;
  LoadedDir.clear();
}

bool ProjectIndex::pinned() {
  std::lock_guard<std::mutex> G(ActiveMu);
  return PinnedIndex;
}

llvm::Error ProjectIndex::useDirectory(llvm::StringRef Dir) {
  std::string Stamp = stampOf(Dir);
  {
    std::lock_guard<std::mutex> G(ActiveMu);
    if (LoadedDir == Dir && LoadedStamp == Stamp)
      return llvm::Error::success();
  }
  llvm::Expected<std::shared_ptr<const ProjectIndex>> Index =
      loadDirectory(Dir);
  std::lock_guard<std::mutex> G(ActiveMu);
  if (!Index) {
    // A broken directory is not half-used: no project facts at all.
    activeSlot().reset();
    LoadedDir.clear();
    return Index.takeError();
  }
  activeSlot() = std::move(*Index);
  LoadedDir = Dir.str();
  LoadedStamp = std::move(Stamp);
  return llvm::Error::success();
}

std::string ProjectIndex::directoryFor(llvm::StringRef Option,
                                       llvm::StringRef File) {
  if (!Option.empty())
    return Option.str();
  llvm::SmallString<256> Path(File);
  llvm::sys::fs::make_absolute(Path);
  for (llvm::StringRef D = llvm::sys::path::parent_path(Path); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, ".racelint", "summaries");
    if (llvm::sys::fs::is_directory(Candidate))
      return std::string(Candidate);
  }
  return "";
}

/// The summary files (*.json) of Dir, sorted: the merge must not depend
/// on the file system's order.
static std::vector<std::string> summaryFiles(llvm::StringRef Dir,
                                             std::error_code &EC) {
  std::vector<std::string> Paths;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".json")
      Paths.push_back(It->path());
  llvm::sort(Paths);
  return Paths;
}

std::string ProjectIndex::directoryStamp(llvm::StringRef Dir) {
  if (Dir.empty())
    return "";
  std::error_code EC;
  std::vector<std::string> Paths = summaryFiles(Dir, EC);
  std::string All;
  for (const std::string &P : Paths) {
    All += P + '\0';
    if (auto Buf = llvm::MemoryBuffer::getFile(P))
      All += (*Buf)->getBuffer();
    All += '\0';
  }
  return llvm::utohexstr(llvm::xxh3_64bits(All));
}

llvm::Expected<std::shared_ptr<const ProjectIndex>>
ProjectIndex::loadDirectory(llvm::StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Paths = summaryFiles(Dir, EC);
  if (EC)
    return llvm::createStringError(EC, Dir + ": cannot read: " + EC.message());
  std::vector<TUSummary> TUs;
  for (const std::string &P : Paths) {
    llvm::Expected<TUSummary> S = readSummaryFile(P);
    if (!S)
      return S.takeError();
    TUs.push_back(std::move(*S));
  }
  return std::make_shared<const ProjectIndex>(std::move(TUs));
}

} // namespace racelint
