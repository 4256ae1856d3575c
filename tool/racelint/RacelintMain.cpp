//===--- RacelintMain.cpp - The racelint command-line tool ----------------===//
//
// Runs racelint's clang-tidy checks over files or a compilation database and
// prints clang-style diagnostics. Exit codes: 0 clean, 1 findings, 2 usage or
// input errors (missing files, bad database, code that does not compile).
//
//===----------------------------------------------------------------------===//

#include "Catalog.h"
#include "analysis/TUModel.h"
#include "RacelintCheck.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include <algorithm>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

extern volatile int RacelintModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED RacelintModuleAnchorDestination =
    RacelintModuleAnchorSource;

namespace {

cl::OptionCategory Category("racelint options");

cl::list<std::string> Files(cl::Positional, cl::desc("<source files>"),
                            cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory containing compile_commands.json"),
                               cl::value_desc("build dir"), cl::cat(Category));
cl::opt<std::string> ChecksOpt("checks",
                               cl::desc("Glob of checks to run (default: racelint-*)"),
                               cl::init(""), cl::cat(Category));
cl::opt<std::string> ConfigOpt("config",
                               cl::desc("YAML configuration, as clang-tidy's --config"),
                               cl::init(""), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"),
                         cl::cat(Category));
cl::opt<bool> DumpLocksets(
    "dump-locksets",
    cl::desc("Print each function's lock events and locksets (debugging)"),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line"),
                    cl::cat(Category));

ClangTidyOptions defaultOptions() {
  ClangTidyOptions O = ClangTidyOptions::getDefaults();
  O.Checks = "-*,racelint-*";
  O.HeaderFilterRegex = "";
  O.SystemHeaders = false;
  return O;
}

// Compiler flags every run needs: builtin headers from the pinned clang.
std::vector<std::string> extraArgsBefore() {
  return {"-resource-dir=" RACELINT_RESOURCE_DIR};
}

int usageError(const Twine &Msg) {
  WithColor::error(errs(), "racelint") << Msg << "\n";
  return 2;
}

struct LineCol {
  unsigned Line = 0, Col = 0;
};

/// Caches files to turn diagnostic offsets into line:column.
class Positions {
public:
  LineCol at(StringRef File, unsigned Offset) {
    auto &Buf = Cache[File];
    if (!Buf) {
      auto MB = MemoryBuffer::getFile(File);
      if (!MB)
        return {};
      Buf = std::move(*MB);
    }
    StringRef Text = Buf->getBuffer().take_front(Offset);
    LineCol P;
    P.Line = Text.count('\n') + 1;
    size_t NL = Text.rfind('\n');
    P.Col = Offset - (NL == StringRef::npos ? 0 : NL + 1) + 1;
    return P;
  }

private:
  StringMap<std::unique_ptr<MemoryBuffer>> Cache;
};

void printMessage(raw_ostream &OS, Positions &Pos,
                  const tooling::DiagnosticMessage &M, StringRef Level,
                  StringRef Check) {
  if (!M.FilePath.empty()) {
    LineCol P = Pos.at(M.FilePath, M.FileOffset);
    OS << M.FilePath << ":" << P.Line << ":" << P.Col << ": ";
  }
  OS << Level << ": " << M.Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
}

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
        "unlock-after-failed-try"};
    for (const racelint::LockAnomaly &A : FL.Anomalies)
      outs() << "  " << Where(A.Loc) << " anomaly " << AnomalyNames[A.Kind]
             << " " << A.Lock << (A.AllPaths ? "" : " (some paths)")
             << " related " << Where(A.Related) << "\n";
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

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);

  // Everything after `--` is compiler flags for every file.
  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> Compilations =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             DBError);
  if (!DBError.empty())
    return usageError(DBError);

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "racelint " RACELINT_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });
  std::string ParseErrors;
  raw_string_ostream ErrOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "racelint: thread-safety defects in C and C++, without annotations\n\n"
          "  racelint [options] <files...> [-- <compiler flags>]\n"
          "  racelint -p <build dir> [files...]\n\n"
          "Exit status: 0 no findings, 1 findings, 2 usage or input error.\n",
          &ErrOS)) {
    errs() << ErrOS.str();
    return 2;
  }

  if (ListChecks) {
    for (const racelint::CheckInfo &C : racelint::allChecks())
      outs() << C.Id << "\n    " << C.Summary << "\n";
    return 0;
  }

  if (!BuildPath.empty()) {
    if (Compilations)
      return usageError("use either -p <build dir> or '-- <flags>', not both");
    if (!sys::fs::is_directory(BuildPath) && !sys::fs::exists(BuildPath))
      return usageError("build directory '" + BuildPath + "' does not exist");
    std::string Err;
    Compilations =
        tooling::CompilationDatabase::autoDetectFromDirectory(BuildPath, Err);
    if (!Compilations)
      return usageError("cannot load a compilation database from '" +
                        BuildPath + "': " + Err);
  }

  std::vector<std::string> Inputs(Files.begin(), Files.end());
  if (Inputs.empty()) {
    if (BuildPath.empty())
      return usageError("no input files (give files, or -p <build dir>)");
    Inputs = Compilations->getAllFiles();
    if (Inputs.empty())
      return usageError("the compilation database in '" + BuildPath +
                        "' lists no files");
  }
  for (std::string &F : Inputs) {
    if (!sys::fs::exists(F))
      return usageError("no such file: '" + F + "'");
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, true);
    F = std::string(Abs);
  }
  if (!Compilations) {
    std::string Err;
    Compilations = tooling::CompilationDatabase::autoDetectFromSource(
        Inputs.front(), Err);
    if (!Compilations)
      Compilations = std::make_unique<tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>());
  }
  if (!BuildPath.empty())
    for (const std::string &F : Inputs)
      if (Compilations->getCompileCommands(F).empty())
        return usageError("'" + F + "' is not in the compilation database");

  ClangTidyOptions Overrides;
  if (!ChecksOpt.empty())
    Overrides.Checks = ChecksOpt;
  Overrides.ExtraArgsBefore = extraArgsBefore();
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  if (!ConfigOpt.empty()) {
    auto Parsed = parseConfiguration(MemoryBufferRef(ConfigOpt, "--config"));
    if (!Parsed)
      return usageError("invalid --config: " + Parsed.getError().message());
    ClangTidyOptions Defaults = defaultOptions();
    Defaults.mergeWith(*Parsed, 0);
    Provider = std::make_unique<ConfigOptionsProvider>(
        ClangTidyGlobalOptions(), Defaults, ClangTidyOptions(), Overrides);
  } else {
    Provider = std::make_unique<FileOptionsProvider>(
        ClangTidyGlobalOptions(), defaultOptions(), Overrides, FS);
  }

  if (DumpLocksets) {
    // The engine's own view, for its tests: no checks, no filtering.
    ClangTidyOptions Opts = Provider->getOptions(Inputs.front());
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
    tooling::ClangTool Tool(*Compilations, Inputs);
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        extraArgsBefore(), tooling::ArgumentInsertPosition::BEGIN));
    struct Factory : tooling::FrontendActionFactory {
      const racelint::LockConfig &C;
      explicit Factory(const racelint::LockConfig &C) : C(C) {}
      std::unique_ptr<FrontendAction> create() override {
        return std::make_unique<DumpAction>(C);
      }
    } F(Config);
    return Tool.run(&F) ? 2 : 0;
  }

  ClangTidyContext Context(std::move(Provider));
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, *Compilations, Inputs, FS,
                   /*ApplyAnyFix=*/false, /*EnableCheckProfile=*/false,
                   /*StoreCheckProfile=*/"", /*Quiet=*/true);

  std::stable_sort(Errors.begin(), Errors.end(),
                   [](const ClangTidyError &A, const ClangTidyError &B) {
                     return std::tie(A.Message.FilePath, A.Message.FileOffset) <
                            std::tie(B.Message.FilePath, B.Message.FileOffset);
                   });
  Positions Pos;
  unsigned Findings = 0, CompileErrors = 0;
  for (const ClangTidyError &E : Errors) {
    bool IsCompilerError = E.DiagnosticName == "clang-diagnostic-error" ||
                           E.DiagLevel == tooling::Diagnostic::Error;
    StringRef Level = IsCompilerError ? "error" : "warning";
    if (IsCompilerError)
      ++CompileErrors;
    else
      ++Findings;
    printMessage(outs(), Pos, E.Message, Level,
                 IsCompilerError ? StringRef() : StringRef(E.DiagnosticName));
    for (const tooling::DiagnosticMessage &N : E.Notes)
      printMessage(outs(), Pos, N, "note", "");
  }
  outs().flush();
  if (CompileErrors) {
    WithColor::error(errs(), "racelint")
        << "the code does not compile (" << CompileErrors
        << " error" << (CompileErrors == 1 ? "" : "s")
        << "); fix the errors or the compile flags first\n";
    return 2;
  }
  if (!Quiet && Findings)
    errs() << Findings << " finding" << (Findings == 1 ? "" : "s") << " in "
           << Inputs.size() << " file" << (Inputs.size() == 1 ? "" : "s")
           << "\n";
  return Findings ? 1 : 0;
}
