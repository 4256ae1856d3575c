//===--- LocksetDump.cpp - racelint --dump-locksets -----------------------===//
//
// The lockset engine's own view of each function, for its tests: no checks,
// no filtering.
//
//===----------------------------------------------------------------------===//

#include "LocksetDump.h"
#include "CheckBase.h"
#include "Runner.h"
#include "SafeRun.h"
#include "analysis/TUModel.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace racelint::cli {

namespace {

/// Prints lock events and anomalies of every function in the main file.
class DumpVisitor : public RecursiveASTVisitor<DumpVisitor> {
public:
  DumpVisitor(ASTContext &Ctx, const racelint::LockConfig &Config)
      : Ctx(Ctx), Config(Config) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    const SourceManager &SM = Ctx.getSourceManager();
    if (!racelint::shouldAnalyze(FD, Ctx) ||
        !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
      return true;
    auto &M = racelint::TUModel::get(Ctx, Config);
    const racelint::FunctionLocks &FL = M.locks(FD);
    outs() << "function " << racelint::describeFunction(FD) << "\n";
    if (!FL.Analyzed) {
      outs() << "  not analyzed\n";
      return true;
    }
    auto Where = [&](SourceLocation L) {
      L = SM.getExpansionLoc(L);
      return std::to_string(SM.getExpansionLineNumber(L)) + ":" +
             std::to_string(SM.getExpansionColumnNumber(L));
    };
    auto Set = [](const std::vector<std::string> &S) {
      std::string Out = "{";
      for (size_t I = 0; I < S.size(); ++I)
        Out += (I ? ", " : "") + S[I];
      return Out + "}";
    };
    static const char *EventNames[] = {"acquire", "try-acquire", "release",
                                       "guard-acquire", "guard-release"};
    for (const racelint::LockEvent &E : FL.Events)
      outs() << "  " << Where(E.Loc) << " " << EventNames[E.Kind] << " "
             << E.Lock
             << (E.Mode == racelint::LockMode::Shared ? " shared" : "")
             << " -> held " << Set(E.MustAfter) << " maybe "
             << Set(E.MayAfter) << "\n";
    static const char *AnomalyNames[] = {
        "not-released",  "double-lock",     "double-unlock",
        "unlock-mismatch", "not-held-on-all-paths", "mode-mismatch",
        "unlock-guarded", "guard-relock",   "guard-not-owned",
        "unlock-after-failed-try", "unlock-not-held", "callee-relock", "reread-lock"};
    for (const racelint::LockAnomaly &A : FL.Anomalies)
      outs() << "  " << Where(A.Loc) << " anomaly " << AnomalyNames[A.Kind]
             << " " << A.Lock << (A.AllPaths ? "" : " (some paths)")
             << " related " << Where(A.Related) << "\n";
    for (const racelint::InferredLocks::Fact &F : M.inferred(FD).Facts) {
      static const char *FactNames[] = {
          "acquires",    "try-acquires",         "releases", "requires",
          "may release", "acquires or releases", "hands off"};
      outs() << "  inferred: " << FactNames[F.Kind] << " '" << F.Lock.Key
             << "'";
      if (F.Kind == racelint::InferredLocks::TryAcquires)
        outs() << (F.SuccessIsZero ? " (held when it returns 0)"
                                   : " (held when it returns non-zero)");
      if (F.Kind == racelint::InferredLocks::RequiresOnEntry)
        outs() << " on entry";
      if (F.Kind == racelint::InferredLocks::HandsOff)
        outs() << " to its caller";
      outs() << "\n";
    }
    return true;
  }

private:
  ASTContext &Ctx;
  const racelint::LockConfig &Config;
};

class DumpConsumer : public ASTConsumer {
public:
  explicit DumpConsumer(const racelint::LockConfig &C) : Config(C) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    DumpVisitor(Ctx, Config).TraverseDecl(Ctx.getTranslationUnitDecl());
  }

private:
  const racelint::LockConfig &Config;
};

class DumpAction : public ASTFrontendAction {
public:
  explicit DumpAction(const racelint::LockConfig &C) : Config(C) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<DumpConsumer>(Config);
  }

private:
  const racelint::LockConfig &Config;
};

} // namespace

int dumpLocksets(ClangTidyOptionsProvider &Provider,
                 const tooling::CompilationDatabase &DB,
                 ArrayRef<std::string> Inputs) {
  ClangTidyOptions Opts = Provider.getOptions(Inputs.front());
  auto Get = [&](StringRef Name) {
    for (const auto &[K, V] : Opts.CheckOptions)
      if (StringRef(K).ends_with(("." + Name).str()) || K == Name)
        return racelint::splitList(V.Value);
    return std::vector<std::string>();
  };
  racelint::LockConfig Config;
  Config.LockFunctions = Get("LockFunctions");
  Config.UnlockFunctions = Get("UnlockFunctions");
  Config.ScopedLockTypes = Get("ScopedLockTypes");
  Config.RecordEventLocksets = true;
  // One file at a time: ClangTool prints "[1/2] Processing file" for more.
  int Status = 0;
  for (const std::string &Input : Inputs) {
    tooling::ClangTool Tool(DB, {Input});
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        extraArgsBefore(), tooling::ArgumentInsertPosition::BEGIN));
    struct Factory : tooling::FrontendActionFactory {
      const racelint::LockConfig &C;
      explicit Factory(const racelint::LockConfig &C) : C(C) {}
      std::unique_ptr<FrontendAction> create() override {
        return std::make_unique<DumpAction>(C);
      }
    } F(Config);
    if (!runSafelyOnBigStack([&] { Status |= Tool.run(&F) ? 2 : 0; })) {
      WithColor::error(errs(), "racelint")
          << "internal error while dumping the locksets\n";
      errs().flush();
      // Skip destructors: they would meet the crashed analysis' state.
      sys::Process::Exit(2, /*NoCleanup=*/true);
    }
  }
  return Status;
}

} // namespace racelint::cli
