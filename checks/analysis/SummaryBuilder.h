//===--- SummaryBuilder.h - Builds and caches per-function summaries -*- C++ -*-===//
//
// Summaries are built on demand, callees first (a call in a cycle sees an
// empty summary), from the lockset facts and the CFG the TUModel keeps and
// the points-to facts of the memory layer.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_SUMMARYBUILDER_H
#define RACELINT_ANALYSIS_SUMMARYBUILDER_H

#include "Summary.h"
#include "TUModel.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <optional>

namespace racelint {

class SummaryBuilder {
public:
  SummaryBuilder(TUModel &TU, std::vector<std::string> ThreadEntryFunctions);

  /// The summary of a function definition (empty for functions racelint
  /// does not analyse, and while the function's own summary is being built).
  const Summary &summaryOf(const clang::FunctionDecl *FD);

  /// Whether racelint analyses FD's body.
  bool analyzes(const clang::FunctionDecl *FD) const;
  bool neverReturns(const clang::FunctionDecl *FD) {
    return TU.neverReturns(FD);
  }
  const LockRecognizer &recognizer() const { return TU.recognizer(); }
  /// A C library function (no body in the TU).
  bool isLibraryFunction(const clang::FunctionDecl *FD) const;
  /// Named in the ThreadEntryFunctions option: its callable arguments run
  /// on threads of their own.
  bool isThreadEntryFunction(const clang::FunctionDecl *FD) const;
  /// The locations a lock key names in FD (a lock racelint cannot place
  /// gets a location of its own, by name).
  PtsSet lockLocs(const clang::FunctionDecl *FD, llvm::StringRef Key);

  /// The definitions in the TU that override MD, directly or further
  /// down the hierarchy.
  llvm::ArrayRef<const clang::FunctionDecl *>
  overridesOf(const clang::CXXMethodDecl *MD);

  TUMemory &memory() { return Memory; }
  TUModel &model() { return TU; }

private:
  Summary build(const clang::FunctionDecl *FD, const FunctionLocks &FL,
                const clang::CFG *Cfg);
  void creationLocksets(Summary &S, const FunctionLocks &FL);
  void prepareCallees(const clang::FunctionDecl *Outer);

  TUModel &TU;
  clang::ASTContext &Ctx;
  TUMemory Memory;
  std::vector<std::string> ThreadEntries;
  std::map<const clang::FunctionDecl *, Summary> Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress, Prepared;
  std::map<const clang::FunctionDecl *, llvm::StringMap<PtsSet>> LockCache;
  /// Overriding definitions by canonical overridden method (built on
  /// first use).
  std::optional<llvm::DenseMap<const clang::CXXMethodDecl *,
                               std::vector<const clang::FunctionDecl *>>>
      Overrides;
};

} // namespace racelint

#endif
