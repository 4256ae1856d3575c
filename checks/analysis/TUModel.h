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
#include <map>
#include <memory>

namespace racelint {

class TUModel {
public:
  /// The model of the TU owning Ctx for this configuration.
  static TUModel &get(clang::ASTContext &Ctx, const LockConfig &Config);

  /// The function's CFG, built once; null when Clang cannot build one.
  const clang::CFG *cfg(const clang::FunctionDecl *FD);
  /// Lockset facts of a function definition, computed once.
  const FunctionLocks &locks(const clang::FunctionDecl *FD);

  /// The race model of the whole TU for these options, built once.
  RaceModel &races(const RaceConfig &Config);

  const LockRecognizer &recognizer() const { return Recognizer; }
  clang::ASTContext &context() const { return Ctx; }

  TUModel(clang::ASTContext &Ctx, const LockConfig &Config);

private:
  clang::ASTContext &Ctx;
  LockConfig Config;
  LockRecognizer Recognizer;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>>
      CFGs;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionLocks>>
      Locks;
  std::map<std::string, std::unique_ptr<RaceModel>> Races;
};

/// Whether racelint analyses this function: a definition with a body, not a
/// dependent template pattern, outside system headers.
bool shouldAnalyze(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);

/// "'ns::f'" or "the lambda" for messages.
std::string describeFunction(const clang::FunctionDecl *FD);

} // namespace racelint

#endif
