//===--- TUModel.h - The per-translation-unit analysis cache ---*- C++ -*-===//
//
// One instance per ASTContext (and configuration), created on first use by
// any check and destroyed with the ASTContext, so that enabling every
// racelint check builds each function's CFG and lockset once.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_TUMODEL_H
#define RACELINT_ANALYSIS_TUMODEL_H

#include "LockOps.h"
#include "Lockset.h"
#include "RaceModel.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace racelint {

/// What wrapper inference concluded about one unannotated function.
struct InferredLocks {
  enum FactKind {
    Acquires,        // returns holding the lock on every exit
    TryAcquires,     // returns holding it when the result says success
    Releases,        // releases a lock its caller holds, on every path
    RequiresOnEntry, // its first operation on the lock is a release
    MayRelease,      // releases a lock its caller holds, on some paths
    LockOrUnlock,    // takes it on some paths, releases it on others
    HandsOff,        // returns holding it for a caller that cannot name it
  };
  struct Fact {
    FactKind Kind;
    LockRef Lock;
    LockMode Mode = LockMode::Exclusive;
    bool SuccessIsZero = false;
  };
  std::vector<Fact> Facts;
  /// Whether the function may return holding Key by design.
  bool leavesHeld(llvm::StringRef Key) const;
};

class TUModel {
public:
  /// The model of the TU owning Ctx for this configuration.
  static TUModel &get(clang::ASTContext &Ctx, const LockConfig &Config);

  /// The function's CFG, built once; null when Clang cannot build one.
  const clang::CFG *cfg(const clang::FunctionDecl *FD);
  /// Lockset facts of a function definition, computed once.
  const FunctionLocks &locks(const clang::FunctionDecl *FD);
  /// Lock wrapper facts inferred for a function definition (empty when
  /// none); see docs/checks/racelint-lock-discipline.md.
  const InferredLocks &inferred(const clang::FunctionDecl *FD);

  /// The race model of the whole TU for these options, built once.
  RaceModel &races(const RaceConfig &Config);

  const LockRecognizer &recognizer() const { return Recognizer; }

  /// One order between two locks: To acquired (blocking) while From is
  /// certainly held, in Fn directly or in a function it calls.
  struct LockOrderEdge {
    /// The locks named across functions (LockRecognizer::crossFunctionKey).
    std::string From, To;
    /// As Fn's code names them.
    std::string FromName, ToName;
    const clang::FunctionDecl *Fn = nullptr;
    /// Where Fn acquired From (invalid when held on entry by contract).
    clang::SourceLocation HeldAt;
    /// The acquisition of To, or the call in Fn that leads to it.
    clang::SourceLocation At;
    /// Where To is finally acquired (At itself for a direct acquisition),
    /// and the calls from Fn down to it.
    clang::SourceLocation AcquiredAt;
    std::vector<std::pair<clang::SourceLocation, std::string>> Chain;
    bool FromShared = false, ToShared = false;
    /// The other locks held at At, named across functions: a lock held on
    /// both sides of an inversion is a gate that serialises them.
    std::vector<std::string> Gates;
    /// From and To are two elements of one lock array (`a[i]` held,
    /// `a[j]` taken) picked by indices that nothing orders.
    bool Elements = false;
  };
  /// Every lock order the TU establishes, in source order of At.
  const std::vector<LockOrderEdge> &lockOrder();
  /// A lock a function takes (itself or in a function it calls), named
  /// across functions as lockOrder() names them, with where it is taken.
  struct TakenByFunction {
    std::string Key, Name;
    clang::SourceLocation Loc;
  };
  std::vector<TakenByFunction> locksTakenBy(const clang::FunctionDecl *FD);
  /// The lock FD's code names Key (a key of its lockset), as lockOrder()
  /// names it across functions.
  std::string orderKey(const clang::FunctionDecl *FD, llvm::StringRef Key);
  /// Any object (a condition variable, a lock) named as lockOrder() names
  /// locks: by the class of the object it lives in, or a global's name.
  static std::optional<std::string> objectKey(const clang::Expr *E,
                                              bool ViaPointer);
  /// The function definitions racelint analyses (lambdas and template
  /// instantiations included, system headers excluded), each once, in
  /// source order.
  const std::vector<const clang::FunctionDecl *> &definitions();
  /// Whether the function is handed to code racelint cannot see (a
  /// callback registered with a library, a function of another file): it
  /// may be called from there, with none of its direct callers' locks.
  bool addressTaken(const clang::FunctionDecl *FD) {
    definitions();
    return AddressTaken.count(FD->getCanonicalDecl());
  }
  const llvm::DenseSet<const clang::FunctionDecl *> &addressTaken() {
    definitions();
    return AddressTaken;
  }
  clang::ASTContext &context() const { return Ctx; }
  /// The statement around S in the body of an analysed function; null at
  /// the root of a body. ASTContext::getParents maps the whole TU on first
  /// use, system headers and every template instantiation included: on a
  /// header-heavy file that cost more than building every summary.
  const clang::Stmt *parentOf(const clang::Stmt *S);
  /// The innermost loop around S within its function (not beyond an
  /// enclosing lambda), or null.
  const clang::Stmt *enclosingLoop(const clang::Stmt *S);
  /// The function's USR, computed once.
  const std::string &usr(const clang::FunctionDecl *FD);
  /// A location in another file of the project (a note about another TU's
  /// code); invalid when the file cannot be read.
  clang::SourceLocation locationIn(llvm::StringRef File, unsigned Line,
                                   unsigned Col);

  TUModel(clang::ASTContext &Ctx, const LockConfig &Config);

  /// Whether collectSummary() has stored this TU's summary.
  bool summaryCollected() const { return SummaryDone; }
  void markSummaryCollected() { SummaryDone = true; }

  /// Rounds of wrapper inference (wrappers of wrappers of ...).
  static constexpr unsigned InferenceRounds = 4;

private:
  std::optional<std::vector<const clang::FunctionDecl *>> Definitions;
  /// parentOf()'s map, built over definitions() at its first use, and the
  /// bodies' roots.
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parents;
  llvm::DenseSet<const clang::Stmt *> BodyRoots;
  bool ParentsBuilt = false;
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
  /// Functions the TU calls directly but does not define.
  llvm::DenseSet<const clang::FunctionDecl *> CalledUndefined;
  void inferWrappers();
  std::unique_ptr<FunctionLocks> analyze(const clang::FunctionDecl *FD);
  InferredLocks derive(const clang::FunctionDecl *FD, const FunctionLocks &FL,
                       const std::set<std::string> &Evidence) const;
  /// Lock-discipline facts that need every function's results: unlocks of
  /// locks not held that are no hand-off, and callees that relock a lock
  /// their caller holds.
  void reportUnheldReleases();
  void reportCalleeRelocks();
  void reportRereadLocks();
  /// A lock a function (or a function it calls) takes and releases
  /// itself, named in the function's terms, with where it is taken and the
  /// calls that lead there.
  struct TakenLock {
    LockRef Lock;
    LockMode Mode = LockMode::Exclusive;
    clang::SourceLocation Loc;
    std::vector<std::pair<clang::SourceLocation, std::string>> Chain;
  };
  const std::vector<TakenLock> &takenInside(const clang::FunctionDecl *FD,
                                            unsigned Depth = 0);
  /// The definition St calls, when St is a call of a function other than
  /// Caller that is not a lock primitive; null otherwise.
  const clang::FunctionDecl *plainCallee(const clang::Stmt *St,
                                         const clang::FunctionDecl *Caller);
  /// Locks a function of another TU takes (ProjectIndex::takes), as
  /// takenInside() gives them; empty without project summaries.
  const std::vector<TakenLock> &importedTakes(const clang::FunctionDecl *FD);
  std::map<const clang::FunctionDecl *, std::vector<TakenLock>> ImportedTakes;
  std::map<const clang::FunctionDecl *, std::string> USRs;
  /// A lock named across functions: by the class of its object, or as
  /// LockRecognizer::crossFunctionKey names it.
  std::string lockKey(const clang::FunctionDecl *FD, const LockRef &L) const;
  std::map<const clang::FunctionDecl *, std::vector<TakenLock>> Taken;
  std::optional<std::vector<LockOrderEdge>> Orders;

  clang::ASTContext &Ctx;
  LockConfig Config;
  LockRecognizer Recognizer;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>>
      CFGs;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionLocks>>
      Locks;
  std::map<std::string, std::unique_ptr<RaceModel>> Races;
  bool Inferring = false, Inferred = false;
  /// Inferred call-site effects, by canonical declaration.
  WrapperTable Wrappers;
  std::map<const clang::FunctionDecl *,
           std::vector<std::pair<LockRef, LockMode>>>
      Entry;
  std::map<const clang::FunctionDecl *, InferredLocks> Facts;
  /// Facts of the project's other TUs (ProjectIndex::active()): wrappers
  /// defined there, and locks every caller holds on entry.
  void importProjectFacts();
  WrapperTable Imported;
  std::map<const clang::FunctionDecl *,
           std::vector<std::pair<LockRef, LockMode>>>
      Contracts;
  bool SummaryDone = false;
  /// Functions (canonical declarations) that never return.
  llvm::DenseSet<const clang::FunctionDecl *> NoReturn;

public:
  /// Whether calls of FD never return (inferred from its body).
  bool neverReturns(const clang::FunctionDecl *FD) {
    if (!Inferred && !Inferring)
      inferWrappers();
    return FD && NoReturn.count(FD->getCanonicalDecl());
  }
};

/// Whether racelint analyses this function: a definition with a body, not a
/// dependent template pattern, outside system headers.
bool shouldAnalyze(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);

/// "'ns::f'" or "the lambda" for messages.
std::string describeFunction(const clang::FunctionDecl *FD);
/// A record's name for messages; anonymous structs by their typedef.
std::string describeRecord(const clang::RecordDecl *RD);

} // namespace racelint

#endif
