//===--- RacelintCheck.cpp - Base of every racelint check -----------------===//

#include "RacelintCheck.h"
#include <algorithm>

using namespace clang::tidy;

namespace racelint {

std::vector<std::string> splitList(llvm::StringRef Value) {
  std::vector<std::string> Out;
  std::string Normalized = Value.str();
  std::replace(Normalized.begin(), Normalized.end(), ',', ';');
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Normalized).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

std::string joinList(const std::vector<std::string> &Items) {
  std::string S;
  for (const std::string &I : Items) {
    if (!S.empty())
      S += ";";
    S += I;
  }
  return S;
}

static LockConfig readConfig(const ClangTidyCheck::OptionsView &Options) {
  LockConfig C;
  C.LockFunctions = splitList(Options.getLocalOrGlobal("LockFunctions", ""));
  C.UnlockFunctions =
      splitList(Options.getLocalOrGlobal("UnlockFunctions", ""));
  C.ScopedLockTypes =
      splitList(Options.getLocalOrGlobal("ScopedLockTypes", ""));
  return C;
}

RacelintCheck::RacelintCheck(llvm::StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Config(readConfig(Options)) {}

void RacelintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "LockFunctions", joinList(Config.LockFunctions));
  Options.store(Opts, "UnlockFunctions", joinList(Config.UnlockFunctions));
  Options.store(Opts, "ScopedLockTypes", joinList(Config.ScopedLockTypes));
}

} // namespace racelint
