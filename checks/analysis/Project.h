//===--- Project.h - Facts that cross translation units --------*- C++ -*-===//
//
// DESIGN.md section 3, "Project-wide": what one translation unit tells the
// others about its functions (the lock wrappers it defines, the locks held
// where it calls functions of other files, the threads it starts, the
// functions it calls before any thread exists, the locks its functions
// take and the lock orders it establishes), as plain data keyed by USR;
// and the project index merged from every TU's summary, which the
// per-TU model consults where its own TU has no answer.
//
// The file format is documented in docs/summaries.md; FormatVersion changes
// whenever a field changes meaning.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_PROJECT_H
#define RACELINT_ANALYSIS_PROJECT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace racelint {

class TUModel;
class RaceModel;

/// A place in a source file, 1-based.
struct ProjectPlace {
  std::string File;
  unsigned Line = 0, Col = 0;
  bool valid() const { return !File.empty(); }
  bool operator<(const ProjectPlace &O) const {
    return std::tie(File, Line, Col) < std::tie(O.File, O.Line, O.Col);
  }
  bool operator==(const ProjectPlace &O) const {
    return File == O.File && Line == O.Line && Col == O.Col;
  }
};

/// What a call of a lock wrapper does to a global lock, in data.
struct ProjectEffect {
  enum EffectKind { Acquire, TryAcquire, Release, Unknown };
  EffectKind Kind = Acquire;
  std::string Lock; // the lock's key (a global's name)
  bool Shared = false;
  bool SuccessIsZero = false;
};

/// A call of another function, with the global locks certainly held there.
struct ProjectCall {
  std::string Callee; // USR
  std::vector<std::string> Held;
  /// No thread started by the caller (itself or in a callee) may be
  /// running at the call.
  bool BeforeSpawn = false;
  ProjectPlace At;
};

/// A thread the function starts (the create is in this function).
struct ProjectSpawn {
  std::string Entry; // USR
  bool Multi = false;
};

/// A place where the function (or a callee in its TU) takes a lock, named
/// across functions (TUModel::lockKey).
struct ProjectTake {
  std::string Lock, Name;
  ProjectPlace At;
};

struct ProjectFunction {
  std::string USR, Name;
  std::string File;
  unsigned Line = 0;
  bool IsMain = false;
  std::vector<ProjectEffect> Effects;
  std::vector<ProjectCall> Calls;
  std::vector<ProjectSpawn> Spawns;
  std::vector<ProjectTake> Takes;
};

/// One lock order of the TU (TUModel::LockOrderEdge, in data).
struct ProjectOrder {
  std::string From, To, FromName, ToName;
  std::string Function; // the function's name, for notes
  /// The acquisition of To (or the call leading to it), where From was
  /// taken (invalid when held on entry), where To is finally taken, and
  /// the calls in between ("callee" named as in notes).
  ProjectPlace At, HeldAt, AcquiredAt;
  std::vector<std::pair<ProjectPlace, std::string>> Chain;
  bool FromShared = false, ToShared = false, Elements = false;
  std::vector<std::string> Gates;
};

/// The summary of one translation unit.
struct TUSummary {
  static constexpr llvm::StringLiteral Format = "racelint-summary";
  static constexpr int FormatVersion = 1;
  std::string MainFile;
  std::vector<ProjectFunction> Functions;
  std::vector<ProjectOrder> Orders;
  /// Functions (USRs, sorted) the TU hands to code it cannot see
  /// (callbacks registered with a library): their callers are not all
  /// known.
  std::vector<std::string> AddressTaken;

  /// Reads the facts of the TU the model describes.
  static TUSummary of(TUModel &TU, RaceModel &Races);
};

llvm::json::Value toJSON(const TUSummary &S);
/// Checks the format and version; the error names what is wrong.
llvm::Expected<TUSummary> summaryFromJSON(const llvm::json::Value &V);
/// Reads one summary file; the error names the file.
llvm::Expected<TUSummary> readSummaryFile(llvm::StringRef Path);

/// The merged facts of every TU of a project.
class ProjectIndex {
public:
  explicit ProjectIndex(std::vector<TUSummary> TUs);

  /// Effects of a lock wrapper defined somewhere in the project.
  const std::vector<ProjectEffect> *effects(llvm::StringRef USR) const;
  /// Global locks held at every call of the function in the project (by
  /// the caller, or by the caller's own callers): a "caller holds the
  /// lock" contract. Empty when it is never called or a thread runs it.
  std::vector<std::string> callersHold(llvm::StringRef USR) const;
  /// Called only from main() (or from functions that are) before the
  /// first thread starts, and never from a thread.
  bool startupOnly(llvm::StringRef USR) const;
  /// Called only from main() or from functions that are, never from a
  /// thread nor through a pointer: it runs in the main thread, once at a
  /// time, though threads may be running (a shutdown path).
  bool mainThreadOnly(llvm::StringRef USR) const;
  /// How many threads the project starts that run the function (itself or
  /// a caller), and whether one of them runs several times at once.
  struct ThreadUse {
    unsigned Threads = 0;
    bool Multi = false;
  };
  ThreadUse threadsRunning(llvm::StringRef USR) const;
  /// How many calls deep from a thread's entry the project marks the
  /// functions the thread runs (see the merge).
  static constexpr unsigned MaxThreadReach = 2;
  /// Whether the analysis of the TU S summarizes can consult a fact of
  /// this index (a wrapper or lock takes of a function it calls but does
  /// not define, a contract, start-up or thread fact of a function it
  /// defines, an order of another file inverting one of its own). When
  /// not, its findings with the index are its findings without it.
  bool affects(const TUSummary &S) const;
  /// Whether any TU of the project starts a thread.
  bool startsThreads() const { return StartsThreads; }
  /// Whether the project defines main() (a program, not a library).
  bool hasMain() const { return HasMain; }
  /// Locks the function takes (itself or in its callees, in any TU).
  const std::vector<ProjectTake> *takes(llvm::StringRef USR) const;
  /// Every lock order of every TU.
  const std::vector<ProjectOrder> &orders() const { return Orders; }
  /// The function's name, when the project defines it.
  std::optional<std::string> nameOf(llvm::StringRef USR) const;
  size_t size() const { return Functions.size(); }

  /// The index the analysis of this process consults (set by the CLI, or
  /// by the checks from their ProjectSummaries option); null when none.
  static const ProjectIndex *active();
  /// Pinned: set by the racelint CLI, which the checks' ProjectSummaries
  /// option does not override.
  static void setActive(std::shared_ptr<const ProjectIndex> Index,
                        bool Pinned = false);
  static bool pinned();
  /// Makes the summaries of Dir the active index, loaded again only when
  /// the directory or one of its files changed since the last load.
  static llvm::Error useDirectory(llvm::StringRef Dir);
  /// The summaries directory a single-TU front end uses for File: Option
  /// (the ProjectSummaries option) when set, or the nearest
  /// `.racelint/summaries` above the file; "" when none.
  static std::string directoryFor(llvm::StringRef Option,
                                  llvm::StringRef File);
  /// A hash of the contents of the summary files in Dir ("" for none).
  static std::string directoryStamp(llvm::StringRef Dir);
  /// Loads every summary file (*.json) of Dir; the error names the first
  /// file that cannot be used.
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  loadDirectory(llvm::StringRef Dir);

private:
  void addCallOrders();
  std::map<std::string, ProjectFunction, std::less<>> Functions;
  std::map<std::string, std::vector<std::string>, std::less<>> Holds;
  std::set<std::string, std::less<>> Startup, MainOnly, AddressTaken;
  /// Defined at one place by several files (an inline function of a
  /// header).
  std::set<std::string, std::less<>> InlineInHeader;
  std::map<std::string, ThreadUse, std::less<>> ThreadUses;
  std::map<std::string, std::vector<ProjectTake>, std::less<>> Taken;
  std::vector<ProjectOrder> Orders;
  bool StartsThreads = false, HasMain = false;
};

/// Where Loc is, as a summary records it (absolute path).
ProjectPlace placeOf(const clang::SourceManager &SM, clang::SourceLocation Loc);

/// The USR of a function ("" when Clang cannot make one).
std::string usrOf(const clang::FunctionDecl *FD);

/// When set (by the CLI's summarize step), the race checks store the
/// summary of each TU here.
extern std::vector<TUSummary> *SummaryCollector;
/// Stores the TU's summary in SummaryCollector once per TU, if set.
void collectSummary(TUModel &TU, RaceModel &Races);

} // namespace racelint

#endif
