//===--- RacelintMain.cpp - The racelint command-line tool ----------------===//
//
// Runs racelint's clang-tidy checks over files or a compilation database and
// prints clang-style diagnostics. Exit codes: 0 clean, 1 findings, 2 usage or
// input errors (missing files, bad database, code that does not compile).
//
//===----------------------------------------------------------------------===//

#include "Catalog.h"
#include "CheckBase.h"
#include "analysis/TUModel.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/Process.h"
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
cl::opt<std::string>
    BuildPath("p",
              cl::desc("Build directory containing compile_commands.json; "
                       "with no files, check every file it lists"),
              cl::value_desc("build dir"), cl::cat(Category));
cl::opt<std::string>
    ChecksOpt("checks",
              cl::desc("Checks to run, clang-tidy glob syntax, added to the "
                       "default 'racelint-*' (e.g. '-*,racelint-lock-discipline')"),
              cl::value_desc("glob"), cl::init(""), cl::cat(Category));
cl::opt<std::string>
    ConfigOpt("config",
              cl::desc("YAML configuration, as clang-tidy's --config; without "
                       "it, .clang-tidy files are read as clang-tidy reads them"),
              cl::value_desc("yaml"), cl::init(""), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"),
                         cl::cat(Category));
cl::opt<bool> DumpLocksets(
    "dump-locksets",
    cl::desc("Print each function's lock events and locksets (debugging)"),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet",
                    cl::desc("No progress and no summary line on stderr"),
                    cl::cat(Category));

ClangTidyOptions defaultOptions() {
  ClangTidyOptions O = ClangTidyOptions::getDefaults();
  // Headers are filtered as clang-tidy filters them (HeaderFilterRegex
  // '.*' in clang-tidy 22): the plugin and the CLI report the same findings.
  O.Checks = "-*,racelint-*";
  O.SystemHeaders = false;
  return O;
}

// Compiler flags every run needs: builtin headers from the pinned clang.
std::vector<std::string> extraArgsBefore() {
  return {"-resource-dir=" RACELINT_RESOURCE_DIR};
}

int inputError(const Twine &Msg) {
  WithColor::error(errs(), "racelint") << Msg << "\n";
  return 2;
}

bool isHeader(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return Ext == ".h" || Ext == ".hh" || Ext == ".hpp" || Ext == ".hxx" ||
         Ext == ".h++" || Ext == ".H" || Ext == ".inc";
}

std::string absolute(StringRef Path, StringRef Base = "") {
  SmallString<256> Abs(Path);
  if (sys::path::is_relative(Abs)) {
    if (Base.empty())
      sys::fs::make_absolute(Abs);
    else
      sys::path::make_absolute(Base, Abs);
  }
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// Paths under the current directory are shown relative to it, as compilers
/// show the paths they were given.
std::string displayPath(StringRef Path) {
  SmallString<256> CWD;
  if (sys::fs::current_path(CWD))
    return Path.str();
  CWD.push_back('/');
  if (Path.starts_with(CWD))
    return Path.drop_front(CWD.size()).str();
  return Path.str();
}

/// Turns llvm::json's "[3:4, byte=40]: Expected , or ]" (0-based column)
/// into "line 3, column 5: expected , or ]".
std::string describeJSONError(StringRef Msg) {
  unsigned Line, Col;
  if (Msg.consume_front("[")) {
    StringRef L = Msg.take_until([](char C) { return C == ':'; });
    Msg = Msg.drop_front(L.size() + 1);
    StringRef C = Msg.take_while([](char Ch) { return isDigit(Ch); });
    Msg = Msg.drop_front(C.size());
    size_t End = Msg.find("]: ");
    if (!L.getAsInteger(10, Line) && !C.getAsInteger(10, Col) &&
        End != StringRef::npos)
      return ("line " + Twine(Line) + ", column " + Twine(Col + 1) + ": " +
              Msg.drop_front(End + 3).lower())
          .str();
  }
  return Msg.str();
}

/// A compilation database and, for -p, the raw one (without interpolation) to
/// tell which files it really lists.
struct Database {
  std::unique_ptr<tooling::CompilationDatabase> DB;
  tooling::CompilationDatabase *Listed = nullptr;
  std::string Where; // the file it was read from, for messages
};

/// Reads <Dir>/compile_commands.json. Relative "directory" entries are taken
/// relative to the database's own directory (clang would take them relative
/// to the current one), and "file" entries relative to their directory.
Expected<Database> loadJSONDatabase(StringRef Dir, StringRef File) {
  auto Buf = MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buf)
    return createStringError("cannot read '" + File + "': " +
                             Buf.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buf)->getBuffer());
  if (!Parsed)
    return createStringError("'" + File + "' is not valid JSON (" +
                             describeJSONError(toString(Parsed.takeError())) +
                             ")");
  json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return createStringError("'" + File +
                             "' is not a compilation database: expected a "
                             "JSON array of compile commands");
  for (size_t I = 0; I < Entries->size(); ++I) {
    auto Bad = [&](const Twine &What) {
      return createStringError("'" + File + "': entry " + Twine(I + 1) +
                               " " + What);
    };
    json::Object *E = (*Entries)[I].getAsObject();
    if (!E)
      return Bad("is not an object");
    std::optional<StringRef> D = E->getString("directory");
    std::optional<StringRef> F = E->getString("file");
    if (!D)
      return Bad("has no \"directory\" string");
    if (!F)
      return Bad("has no \"file\" string");
    if (!E->getString("command")) {
      const json::Array *Args = E->getArray("arguments");
      if (!Args || Args->empty())
        return Bad("has neither \"command\" nor \"arguments\"");
      for (const json::Value &A : *Args)
        if (!A.getAsString())
          return Bad("has an \"arguments\" element that is not a string");
    }
    std::string AbsDir = absolute(*D, Dir);
    std::string AbsFile = absolute(*F, AbsDir);
    (*E)["directory"] = AbsDir;
    (*E)["file"] = AbsFile;
  }
  std::string Text = formatv("{0}", json::Value(std::move(*Parsed))).str();
  std::string Err;
  std::unique_ptr<tooling::CompilationDatabase> Base =
      tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Err, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Base)
    return createStringError("cannot load '" + File + "': " + Err);
  Database Result;
  Result.Listed = Base.get();
  Result.Where = File.str();
  // Headers are rarely listed: borrow the command of a similar file, as
  // clang-tidy and clangd do.
  Result.DB = tooling::inferTargetAndDriverMode(
      tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
          std::move(Base), vfs::getRealFileSystem())));
  return Result;
}

/// -p accepts the build directory or the compile_commands.json in it;
/// compile_flags.txt works as it does for clang tools.
Expected<Database> loadBuildDir(StringRef Path) {
  if (!sys::fs::exists(Path))
    return createStringError("build directory '" + Path +
                             "' does not exist");
  std::string Dir = absolute(Path);
  if (!sys::fs::is_directory(Dir)) {
    if (sys::path::filename(Dir) == "compile_commands.json")
      return loadJSONDatabase(sys::path::parent_path(Dir), Dir);
    return createStringError("'" + Path +
                             "' is not a directory (-p takes the build "
                             "directory that holds compile_commands.json)");
  }
  SmallString<256> JSON(Dir);
  sys::path::append(JSON, "compile_commands.json");
  if (sys::fs::exists(JSON))
    return loadJSONDatabase(Dir, JSON);
  SmallString<256> Flags(Dir);
  sys::path::append(Flags, "compile_flags.txt");
  if (sys::fs::exists(Flags)) {
    std::string Err;
    auto DB = tooling::FixedCompilationDatabase::loadFromFile(Flags, Err);
    if (!DB)
      return createStringError("cannot load '" + Flags + "': " + Err);
    Database Result;
    Result.DB = std::move(DB);
    Result.Where = std::string(Flags);
    return Result;
  }
  return createStringError(
      "no compile_commands.json in '" + Path +
      "' (CMake writes one with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
}

/// Without -p or '--', the nearest compile_commands.json or compile_flags.txt
/// above the first file, as clang-tidy finds it.
std::optional<std::string> findBuildDir(StringRef File) {
  for (StringRef Dir = sys::path::parent_path(File); !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    for (const char *Name : {"compile_commands.json", "compile_flags.txt"}) {
      SmallString<256> P(Dir);
      sys::path::append(P, Name);
      if (sys::fs::exists(P))
        return Dir.str();
    }
  }
  return std::nullopt;
}

/// Parses a clang-tidy configuration, turning YAML errors into one line
/// ("line 2, column 3: ...") instead of letting YAML print them.
ErrorOr<ClangTidyOptions> parseConfig(MemoryBufferRef Buf, std::string &Err) {
  auto Parsed = parseConfigurationWithDiags(Buf, [&](const SMDiagnostic &D) {
    if (D.getKind() == SourceMgr::DK_Error && Err.empty())
      Err = ("line " + Twine(D.getLineNo()) + ", column " +
             Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                .str();
  });
  if (!Parsed && Err.empty())
    Err = Parsed.getError().message();
  return Parsed;
}

/// clang-tidy warns about a .clang-tidy it cannot parse and goes on without
/// it; racelint would then run with other options than the user wrote, so
/// it is bad input. Checks the files that apply to \p File, nearest first.
std::optional<std::string> badConfigFile(StringRef File,
                                         StringSet<> &Checked) {
  for (StringRef Dir = sys::path::parent_path(File); !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    if (!Checked.insert(Dir).second)
      return std::nullopt; // this directory and its parents were checked
    SmallString<256> P(Dir);
    sys::path::append(P, ".clang-tidy");
    if (!sys::fs::is_regular_file(P))
      continue;
    auto Buf = MemoryBuffer::getFile(P, /*IsText=*/true);
    if (!Buf)
      return ("cannot read '" + P + "': " + Buf.getError().message()).str();
    std::string Err;
    auto Parsed = parseConfig(**Buf, Err);
    if (!Parsed)
      return ("'" + P + "' is not a valid clang-tidy configuration (" + Err +
              ")")
          .str();
    if (!Parsed->InheritParentConfig.value_or(false))
      return std::nullopt;
  }
  return std::nullopt;
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

/// A diagnostic's message with its path made absolute (clang-tidy reports
/// paths as the compile command spelled them, relative to its directory).
tooling::DiagnosticMessage normalized(tooling::DiagnosticMessage M,
                                      StringRef BuildDir) {
  if (!M.FilePath.empty())
    M.FilePath = absolute(M.FilePath, BuildDir);
  return M;
}

void printMessage(raw_ostream &OS, Positions &Pos,
                  const tooling::DiagnosticMessage &M, StringRef Level,
                  StringRef Check) {
  if (!M.FilePath.empty()) {
    LineCol P = Pos.at(M.FilePath, M.FileOffset);
    OS << displayPath(M.FilePath) << ":" << P.Line << ":" << P.Col << ": ";
  }
  OS << Level << ": " << M.Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
}

/// Errors that stop the compile. A warning made an error by -Werror (named
/// clang-diagnostic-<flag>) is not one: the code was parsed, and builds
/// often use -Werror with warnings racelint's compiler may add.
bool isCompilerError(const ClangTidyError &E) {
  StringRef Name = E.DiagnosticName;
  if (Name == "clang-diagnostic-error")
    return true;
  return E.DiagLevel == tooling::Diagnostic::Error &&
         !Name.starts_with("clang-diagnostic-") &&
         !Name.starts_with("racelint-");
}

/// The driver compiles a ".h" as C, which then rejects -std=c++17 and
/// <mutex>. Like clangd, take a ".h" given with flags but no language as a
/// C++ header unless a C standard is asked for.
tooling::CommandLineArguments
cxxHeaderAdjuster(const tooling::CommandLineArguments &Args, StringRef File) {
  if (sys::path::extension(File) != ".h")
    return Args;
  for (StringRef A : Args) {
    if (A == "-x" || A.starts_with("-x") || A.starts_with("--language") ||
        A.starts_with("--driver-mode"))
      return Args;
    if (A.consume_front("-std=") || A.consume_front("--std="))
      if (!A.contains("++"))
        return Args;
  }
  tooling::CommandLineArguments Result = Args;
  Result.insert(Result.begin() + (Result.empty() ? 0 : 1),
                {"-x", "c++-header"});
  return Result;
}

/// Runs the enabled checks on one file at a time, so that each file's errors
/// are known and ClangTool prints no progress lines of its own.
class Runner {
public:
  Runner(ClangTidyContext &Context, const tooling::CompilationDatabase &DB,
         IntrusiveRefCntPtr<vfs::OverlayFileSystem> FS)
      : Context(Context), DB(DB), FS(FS), Consumer(Context),
        DiagOpts(std::make_unique<DiagnosticOptions>()),
        Engine(DiagnosticIDs::create(), *DiagOpts, &Consumer,
               /*ShouldOwnClient=*/false),
        Factory(Context, FS) {
    Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
  }

  /// Returns false when the analysis crashed.
  bool run(StringRef File, std::vector<ClangTidyError> &Out) {
    tooling::ClangTool Tool(DB, {File.str()},
                            std::make_shared<PCHContainerOperations>(), FS);
    Tool.setPrintErrorMessage(false);
    Tool.appendArgumentsAdjuster(
        [this](const tooling::CommandLineArguments &Args, StringRef Name) {
          ClangTidyOptions Opts = Context.getOptionsForFile(Name);
          tooling::CommandLineArguments A = Args;
          if (Opts.ExtraArgsBefore) {
            auto I = A.begin();
            if (I != A.end() && !StringRef(*I).starts_with("-"))
              ++I; // after the compiler's name
            A.insert(I, Opts.ExtraArgsBefore->begin(),
                     Opts.ExtraArgsBefore->end());
          }
          if (Opts.ExtraArgs)
            A.insert(A.end(), Opts.ExtraArgs->begin(), Opts.ExtraArgs->end());
          return A;
        });
    Tool.appendArgumentsAdjuster(cxxHeaderAdjuster);
    Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
    Tool.setDiagnosticConsumer(&Consumer);
    ActionFactory AF(Factory);
    CrashRecoveryContext CRC;
    bool Survived = CRC.RunSafely([&] { Tool.run(&AF); });
    for (ClangTidyError &E : Consumer.take())
      Out.push_back(std::move(E));
    return Survived;
  }

private:
  class Action : public ASTFrontendAction {
  public:
    explicit Action(ClangTidyASTConsumerFactory &F) : F(F) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      return F.createASTConsumer(CI, File);
    }

  private:
    ClangTidyASTConsumerFactory &F;
  };

  class ActionFactory : public tooling::FrontendActionFactory {
  public:
    explicit ActionFactory(ClangTidyASTConsumerFactory &F) : F(F) {}
    std::unique_ptr<FrontendAction> create() override {
      return std::make_unique<Action>(F);
    }
    bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                       FileManager *Files,
                       std::shared_ptr<PCHContainerOperations> PCH,
                       DiagnosticConsumer *DC) override {
      // The same predefined macros as clang-tidy: the plugin and the CLI must
      // see the same code.
      Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
      // No "N warnings generated." on stderr: diagnostics are ours to print.
      Invocation->getDiagnosticOpts().ShowCarets = false;
      return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                  std::move(PCH), DC);
    }

  private:
    ClangTidyASTConsumerFactory &F;
  };

  ClangTidyContext &Context;
  const tooling::CompilationDatabase &DB;
  IntrusiveRefCntPtr<vfs::OverlayFileSystem> FS;
  ClangTidyDiagnosticConsumer Consumer;
  std::unique_ptr<DiagnosticOptions> DiagOpts;
  DiagnosticsEngine Engine;
  ClangTidyASTConsumerFactory Factory;
};

/// "[3/40] file" on one line of a terminal; nothing anywhere else.
class Progress {
public:
  explicit Progress(size_t Total)
      : Total(Total),
        Enabled(!Quiet && Total > 1 && sys::Process::StandardErrIsDisplayed()) {}
  void step(size_t I, StringRef File) {
    if (!Enabled)
      return;
    errs() << "\r\x1b[K[" << I + 1 << "/" << Total << "] " << displayPath(File);
    errs().flush();
  }
  void done() {
    if (Enabled)
      errs() << "\r\x1b[K";
  }

private:
  size_t Total;
  bool Enabled;
};

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

int dumpLocksets(ClangTidyOptionsProvider &Provider,
                 const tooling::CompilationDatabase &DB,
                 ArrayRef<std::string> Inputs) {
  // The engine's own view, for its tests: no checks, no filtering.
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
  tooling::ClangTool Tool(DB, Inputs);
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

/// cl::ParseCommandLineOptions reports a bad option on several lines
/// ("Unknown command line argument ... Did you mean ...?"); keep one.
int optionError(StringRef Errors) {
  SmallVector<StringRef> Lines;
  Errors.trim().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::string Msg;
  for (StringRef L : Lines) {
    L = L.trim();
    L.consume_front("racelint: ");
    L.consume_front("for the ");
    size_t Try = L.find("  Try: ");
    if (Try != StringRef::npos)
      L = L.take_front(Try);
    L = L.rtrim(" .");
    if (L.empty())
      continue;
    Msg += (Msg.empty() ? "" : "; ") + L.take_front(1).lower() +
           L.drop_front(1).str();
  }
  if (Msg.empty())
    return 2; // the option printed its own line ("for the -p option: ...")
  return inputError(Msg + " (see 'racelint --help')");
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  setBugReportMsg("PLEASE report this racelint crash with the file being "
                  "analysed and its compile command.\n");

  // Everything after `--` is compiler flags for every file.
  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> Fixed =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             DBError);
  if (!DBError.empty())
    return inputError(StringRef(DBError).trim().ltrim("error: "));

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
          &ErrOS))
    return optionError(ErrOS.str());

  if (ListChecks) {
    for (const racelint::CheckInfo &C : racelint::allChecks())
      outs() << C.Id << "\n    " << C.Summary << "\n";
    return 0;
  }

  if (!ChecksOpt.empty()) {
    CachedGlobList Globs("-*,racelint-*," + ChecksOpt);
    if (llvm::none_of(racelint::allChecks(), [&](const racelint::CheckInfo &C) {
          return Globs.contains(C.Id);
        }))
      return inputError("--checks='" + ChecksOpt +
                        "' enables no racelint check (see --list-checks)");
  }

  // Which files, checked before any database is read.
  std::vector<std::string> Inputs;
  for (const std::string &F : Files) {
    sys::fs::file_status St;
    if (sys::fs::status(F, St) || !sys::fs::exists(St))
      return inputError("no such file: '" + F + "'");
    if (sys::fs::is_directory(St))
      return inputError("'" + F + "' is a directory, not a source file");
    if (!sys::fs::is_regular_file(St))
      return inputError("'" + F + "' is not a regular file");
    std::string Abs = absolute(F);
    if (!llvm::is_contained(Inputs, Abs))
      Inputs.push_back(Abs);
  }

  Database DB;
  if (!BuildPath.empty()) {
    if (Fixed)
      return inputError("use either -p <build dir> or '-- <flags>', not both");
    Expected<Database> Loaded = loadBuildDir(BuildPath);
    if (!Loaded)
      return inputError(toString(Loaded.takeError()));
    DB = std::move(*Loaded);
  } else if (Fixed) {
    DB.DB = std::move(Fixed);
  } else {
    if (Inputs.empty())
      return inputError("no input files (give files, or -p <build dir>)");
    if (std::optional<std::string> Dir = findBuildDir(Inputs.front())) {
      Expected<Database> Loaded = loadBuildDir(*Dir);
      if (!Loaded)
        return inputError(toString(Loaded.takeError()));
      DB = std::move(*Loaded);
    } else {
      DB.DB = std::make_unique<tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>());
    }
  }

  if (Inputs.empty()) {
    for (const std::string &F : DB.DB->getAllFiles())
      Inputs.push_back(absolute(F));
    if (Inputs.empty())
      return inputError("the compilation database '" + DB.Where +
                        "' lists no files");
    llvm::sort(Inputs);
    Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
    for (const std::string &F : Inputs)
      if (!sys::fs::exists(F))
        return inputError("'" + F + "', listed in '" + DB.Where +
                          "', does not exist");
  } else if (DB.Listed) {
    for (const std::string &F : Inputs)
      if (!isHeader(F) && DB.Listed->getCompileCommands(F).empty())
        return inputError("'" + F + "' is not in the compilation database '" +
                          DB.Where + "'");
  }

  ClangTidyOptions Overrides;
  if (!ChecksOpt.empty())
    Overrides.Checks = ChecksOpt;
  Overrides.ExtraArgsBefore = extraArgsBefore();
  auto FS =
      makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  if (!ConfigOpt.empty()) {
    std::string Err;
    auto Parsed = parseConfig(MemoryBufferRef(ConfigOpt, "--config"), Err);
    if (!Parsed)
      return inputError("invalid --config (" + Err + ")");
    ClangTidyOptions Defaults = defaultOptions();
    Defaults.mergeWith(*Parsed, 0);
    Provider = std::make_unique<ConfigOptionsProvider>(
        ClangTidyGlobalOptions(), Defaults, ClangTidyOptions(), Overrides);
  } else {
    StringSet<> Checked;
    for (const std::string &F : Inputs)
      if (std::optional<std::string> Bad = badConfigFile(F, Checked))
        return inputError(*Bad);
    Provider = std::make_unique<FileOptionsProvider>(
        ClangTidyGlobalOptions(), defaultOptions(), Overrides, FS);
  }

  if (DumpLocksets)
    return dumpLocksets(*Provider, *DB.DB, Inputs);

  ClangTidyContext Context(std::move(Provider));
  Runner Run(Context, *DB.DB, FS);
  Progress Bar(Inputs.size());
  CrashRecoveryContext::Enable();
  std::vector<ClangTidyError> Errors;
  std::vector<std::string> Broken, Crashed;
  size_t Analysed = 0;
  for (size_t I = 0; I < Inputs.size(); ++I, ++Analysed) {
    Bar.step(I, Inputs[I]);
    size_t Before = Errors.size();
    if (!Run.run(Inputs[I], Errors)) {
      // The crashed analysis left its state behind: stop here.
      Crashed.push_back(Inputs[I]);
      break;
    }
    if (std::any_of(Errors.begin() + Before, Errors.end(), isCompilerError))
      Broken.push_back(Inputs[I]);
  }
  Bar.done();

  for (ClangTidyError &E : Errors) {
    E.Message = normalized(E.Message, E.BuildDirectory);
    for (tooling::DiagnosticMessage &N : E.Notes)
      N = normalized(N, E.BuildDirectory);
  }
  // A header's finding is reported once however many files include it.
  auto Key = [](const ClangTidyError &E) {
    return std::make_tuple(StringRef(E.Message.FilePath), E.Message.FileOffset,
                           StringRef(E.DiagnosticName),
                           StringRef(E.Message.Message));
  };
  std::stable_sort(Errors.begin(), Errors.end(),
                   [&](const ClangTidyError &A, const ClangTidyError &B) {
                     return Key(A) < Key(B);
                   });
  Errors.erase(std::unique(Errors.begin(), Errors.end(),
                           [&](const ClangTidyError &A,
                               const ClangTidyError &B) {
                             return Key(A) == Key(B);
                           }),
               Errors.end());

  Positions Pos;
  unsigned Findings = 0;
  for (const ClangTidyError &E : Errors) {
    bool Error = isCompilerError(E);
    // Compiler warnings the glob enabled (clang-diagnostic-*) are not
    // racelint's findings.
    if (!Error && !StringRef(E.DiagnosticName).starts_with("racelint-"))
      continue;
    raw_ostream &OS = Error ? errs() : outs();
    if (!Error)
      ++Findings;
    printMessage(OS, Pos, E.Message, Error ? "error" : "warning",
                 Error ? StringRef() : StringRef(E.DiagnosticName));
    for (const tooling::DiagnosticMessage &N : E.Notes)
      printMessage(OS, Pos, N, "note", "");
  }
  outs().flush();

  if (!Crashed.empty()) {
    size_t Skipped = Inputs.size() - Analysed - 1; // after the crashed one
    WithColor::error(errs(), "racelint")
        << "internal error while analysing '" << displayPath(Crashed.front())
        << "'"
        << (Skipped ? " (" + std::to_string(Skipped) + " file" +
                          (Skipped == 1 ? "" : "s") + " not analysed)"
                    : std::string())
        << "; please report it with that file and its compile command\n";
    errs().flush();
    // Skip destructors: they would meet the crashed analysis' state.
    sys::Process::Exit(2, /*NoCleanup=*/true);
  }
  if (!Broken.empty()) {
    WithColor::error(errs(), "racelint")
        << "'" << displayPath(Broken.front()) << "'"
        << (Broken.size() > 1 ? " and " + std::to_string(Broken.size() - 1) +
                                    " other file(s)"
                              : std::string())
        << " did not compile; fix the errors above or the compile flags\n";
    return 2;
  }
  if (!Quiet && Findings)
    errs() << Findings << " finding" << (Findings == 1 ? "" : "s") << " in "
           << Inputs.size() << " file" << (Inputs.size() == 1 ? "" : "s")
           << "\n";
  return Findings ? 1 : 0;
}
