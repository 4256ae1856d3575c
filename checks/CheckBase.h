//===--- CheckBase.h - Base of every racelint check ------------*- C++ -*-===//
//
// Reads the options every check shares with the model (lock and unlock
// functions, scoped lock types) once, and mirrors them in storeOptions.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CHECKBASE_H
#define RACELINT_CHECKBASE_H

#include "analysis/TUModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace racelint {

class RacelintCheck : public clang::tidy::ClangTidyCheck {
public:
  RacelintCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  TUModel &model(clang::ASTContext &Ctx) const {
    return TUModel::get(Ctx, Config);
  }
  const LockConfig Config;
  /// The ProjectSummaries option: a directory of project summaries; empty
  /// to look for `.racelint/summaries` above the file.
  const std::string ProjectSummaries;
};

/// Base of the checks built on the race model: adds its options.
class RaceCheck : public RacelintCheck {
public:
  RaceCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  RaceModel &races(clang::ASTContext &Ctx) const {
    return model(Ctx).races(RaceOptions);
  }
  const RaceConfig RaceOptions;
};

/// MinGuardedRatio's value: a number in (0, 1]; nullopt when it is not.
std::optional<double> parseMinGuardedRatio(llvm::StringRef Value);

/// Splits a ';'- or ','-separated option value, trimming blanks.
std::vector<std::string> splitList(llvm::StringRef Value);
std::string joinList(const std::vector<std::string> &Items);

} // namespace racelint

#endif
