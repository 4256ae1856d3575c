//===--- TUModel.cpp - The per-translation-unit analysis cache ------------===//

#include "TUModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include <map>
#include <mutex>

using namespace clang;

namespace racelint {

namespace {
// clangd analyses several files at once, so the registry is locked. Entries
// die with their ASTContext (ASTContext::AddDeallocation).
struct Registry {
  std::mutex Mu;
  std::map<const ASTContext *, std::map<std::string, std::unique_ptr<TUModel>>>
      Models;
};
Registry &registry() {
  static Registry R;
  return R;
}
void forget(void *Ctx) {
  Registry &R = registry();
  std::lock_guard<std::mutex> G(R.Mu);
  R.Models.erase(static_cast<const ASTContext *>(Ctx));
}
std::string fingerprint(const LockConfig &C) {
  std::string S;
  for (const auto *List : {&C.LockFunctions, &C.UnlockFunctions, &C.ScopedLockTypes}) {
    for (const std::string &N : *List)
      S += N + ";";
    S += "|";
  }
  return S;
}
} // namespace

TUModel &TUModel::get(ASTContext &Ctx, const LockConfig &Config) {
  Registry &R = registry();
  std::lock_guard<std::mutex> G(R.Mu);
  auto [CtxIt, New] = R.Models.try_emplace(&Ctx);
  if (New)
    Ctx.AddDeallocation(forget, &Ctx);
  std::unique_ptr<TUModel> &M = CtxIt->second[fingerprint(Config)];
  if (!M)
    M = std::make_unique<TUModel>(Ctx, Config);
  return *M;
}

TUModel::TUModel(ASTContext &Ctx, const LockConfig &Config)
    : Ctx(Ctx), Config(Config), Recognizer(Ctx, this->Config) {}

const CFG *TUModel::cfg(const FunctionDecl *FD) {
  auto [It, New] = CFGs.try_emplace(FD);
  if (New && FD->hasBody()) {
    CFG::BuildOptions Opts = racelintCFGOptions();
    It->second = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  }
  return It->second.get();
}

const FunctionLocks &TUModel::locks(const FunctionDecl *FD) {
  auto It = Locks.find(FD);
  if (It != Locks.end())
    return *It->second;
  auto Result = std::make_unique<FunctionLocks>();
  if (const CFG *C = cfg(FD))
    *Result = LocksetAnalysis(FD, *C, Recognizer, Ctx).run();
  return *Locks.try_emplace(FD, std::move(Result)).first->second;
}

RaceModel &TUModel::races(const RaceConfig &RC) {
  std::unique_ptr<RaceModel> &M = Races[RC.fingerprint()];
  if (!M)
    M = std::make_unique<RaceModel>(*this, RC);
  return *M;
}

bool shouldAnalyze(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isInvalidDecl())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(FD->getLocation());
  return Loc.isValid() && !SM.isInSystemHeader(Loc);
}

std::string describeFunction(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "the lambda";
  return "'" + FD->getQualifiedNameAsString() + "'";
}

} // namespace racelint
