//===--- Runner.cpp - Analysing files, in process or in workers -----------===//

#include "Runner.h"
#include "SafeRun.h"
#include "LockOrderCheck.h"
#include "analysis/Project.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include <deque>
#include <set>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace racelint::cli {

std::vector<std::string> extraArgsBefore() {
  return {"-resource-dir=" RACELINT_RESOURCE_DIR};
}

namespace {

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

/// Where each function of the user's files starts and ends, to name the
/// function around a finding (part of its fingerprint).
struct FunctionSpan {
  unsigned Begin, End;
  std::string Name;
};
using FunctionIndex = StringMap<std::vector<FunctionSpan>>;

class IndexVisitor : public RecursiveASTVisitor<IndexVisitor> {
public:
  IndexVisitor(const SourceManager &SM, FunctionIndex &Index)
      : SM(SM), Index(Index) {}

  bool TraverseDecl(Decl *D) {
    // The standard library's thousands of functions hold no finding.
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody())
      return true;
    // A lambda's call operator is named after its line: it would make the
    // fingerprint move with the code. Its findings belong to the function
    // that holds the lambda.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        return true;
    auto [BFile, BOff] =
        SM.getDecomposedExpansionLoc(FD->getSourceRange().getBegin());
    auto [EFile, EOff] =
        SM.getDecomposedExpansionLoc(FD->getSourceRange().getEnd());
    if (BFile != EFile || BFile.isInvalid())
      return true;
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(BFile);
    if (!FE)
      return true;
    auto &Spans = Index[path(*FE)];
    Spans.push_back({BOff, EOff, FD->getQualifiedNameAsString()});
    return true;
  }

private:
  const std::string &path(FileEntryRef FE) {
    auto &P = Paths[FE.getName()];
    if (P.empty()) {
      SmallString<256> Abs(FE.getName());
      SM.getFileManager().makeAbsolutePath(Abs);
      P = absolutePath(Abs);
    }
    return P;
  }

  const SourceManager &SM;
  FunctionIndex &Index;
  StringMap<std::string> Paths;
};

/// A digest of each user file as clang read it, for the files fix-its edit:
/// --fix refuses to apply them to a file that changed since.
using DigestMap = std::map<std::string, std::string>;

void digestUserFiles(const SourceManager &SM, DigestMap &Digests) {
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    if (!E.isFile() || E.getFile().getFileCharacteristic() != SrcMgr::C_User)
      continue;
    const SrcMgr::ContentCache &CC = E.getFile().getContentCache();
    if (!CC.OrigEntry)
      continue;
    std::optional<MemoryBufferRef> Buf = CC.getBufferIfLoaded();
    if (!Buf)
      continue;
    SmallString<256> Abs(CC.OrigEntry->getName());
    SM.getFileManager().makeAbsolutePath(Abs);
    std::string Path = absolutePath(Abs);
    if (!Digests.count(Path))
      Digests[Path] = digestOf(Buf->getBuffer());
  }
}

/// Every file the TU read (for --cache: a result is valid while they are
/// unchanged).
void collectDeps(const SourceManager &SM, std::set<std::string> &Deps) {
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    if (!E.isFile())
      continue;
    const SrcMgr::ContentCache &CC = E.getFile().getContentCache();
    if (!CC.OrigEntry)
      continue;
    SmallString<256> Abs(CC.OrigEntry->getName());
    SM.getFileManager().makeAbsolutePath(Abs);
    Deps.insert(absolutePath(Abs));
  }
}

class IndexConsumer : public ASTConsumer {
public:
  IndexConsumer(FunctionIndex &Index, DigestMap &Digests,
                std::set<std::string> &Deps)
      : Index(Index), Digests(Digests), Deps(Deps) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    IndexVisitor(Ctx.getSourceManager(), Index)
        .TraverseDecl(Ctx.getTranslationUnitDecl());
    digestUserFiles(Ctx.getSourceManager(), Digests);
    collectDeps(Ctx.getSourceManager(), Deps);
  }

private:
  FunctionIndex &Index;
  DigestMap &Digests;
  std::set<std::string> &Deps;
};

/// The innermost function around \p Offset.
std::string functionAt(const FunctionIndex &Index, StringRef File,
                       unsigned Offset) {
  auto It = Index.find(File);
  if (It == Index.end())
    return "";
  const FunctionSpan *Best = nullptr;
  for (const FunctionSpan &S : It->second)
    if (S.Begin <= Offset && Offset <= S.End &&
        (!Best || S.End - S.Begin < Best->End - Best->Begin))
      Best = &S;
  return Best ? Best->Name : "";
}

std::string formatDuration(double Seconds) {
  unsigned S = unsigned(Seconds + 0.5);
  if (S < 60)
    return std::to_string(S) + "s";
  return formatv("{0}m{1:2}s", S / 60, S % 60).str();
}

} // namespace

/// A database of one compile command.
class OneCommand : public tooling::CompilationDatabase {
public:
  explicit OneCommand(tooling::CompileCommand C) : C(std::move(C)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef) const override {
    return {C};
  }

private:
  tooling::CompileCommand C;
};

struct TURunner::Impl {
  Impl(ClangTidyContext &Context, const tooling::CompilationDatabase &DB,
       IntrusiveRefCntPtr<vfs::OverlayFileSystem> FS)
      : Context(Context), DB(DB), FS(FS), Consumer(Context),
        DiagOpts(std::make_unique<DiagnosticOptions>()),
        Engine(DiagnosticIDs::create(), *DiagOpts, &Consumer,
               /*ShouldOwnClient=*/false),
        Factory(Context, FS) {
    Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
  }

  class Action : public ASTFrontendAction {
  public:
    Action(ClangTidyASTConsumerFactory &F, FunctionIndex &Index,
           DigestMap &Digests, std::set<std::string> &Deps)
        : F(F), Index(Index), Digests(Digests), Deps(Deps) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(F.createASTConsumer(CI, File));
      Consumers.push_back(
          std::make_unique<IndexConsumer>(Index, Digests, Deps));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    ClangTidyASTConsumerFactory &F;
    FunctionIndex &Index;
    DigestMap &Digests;
    std::set<std::string> &Deps;
  };

  class ActionFactory : public tooling::FrontendActionFactory {
  public:
    ActionFactory(ClangTidyASTConsumerFactory &F, FunctionIndex &Index,
                  DigestMap &Digests, std::set<std::string> &Deps)
        : F(F), Index(Index), Digests(Digests), Deps(Deps) {}
    std::unique_ptr<FrontendAction> create() override {
      return std::make_unique<Action>(F, Index, Digests, Deps);
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
    FunctionIndex &Index;
    DigestMap &Digests;
    std::set<std::string> &Deps;
  };

  TUResult run(StringRef File) {
    if (!CollectSummaries)
      return runCommands(File);
    std::vector<TUSummary> Summaries;
    SummaryCollector = &Summaries;
    TUResult R = runCommands(File);
    SummaryCollector = nullptr;
    // A file compiled twice (two commands) gets one summary: the first
    // command's view of each function wins, as in the project merge.
    TUSummary One;
    for (TUSummary &S : Summaries) {
      if (One.MainFile.empty())
        One.MainFile = S.MainFile;
      for (ProjectFunction &F : S.Functions)
        if (llvm::none_of(One.Functions, [&](const ProjectFunction &G) {
              return G.USR == F.USR;
            }))
          One.Functions.push_back(std::move(F));
      llvm::append_range(One.Orders, S.Orders);
      llvm::append_range(One.AddressTaken, S.AddressTaken);
    }
    llvm::sort(One.AddressTaken);
    One.AddressTaken.erase(
        std::unique(One.AddressTaken.begin(), One.AddressTaken.end()),
        One.AddressTaken.end());
    if (One.MainFile.empty())
      One.MainFile = File.str();
    raw_string_ostream OS(R.Summary);
    OS << formatv("{0:1}", json::Value(toJSON(One))) << "\n";
    return R;
  }

  TUResult runCommands(StringRef File) {
    // One compile command at a time: given a file with several (listed
    // twice in a database), ClangTool prints "[1/1] (1/2) Processing file"
    // on stderr, --quiet or not.
    std::vector<tooling::CompileCommand> Commands = DB.getCompileCommands(File);
    if (Commands.size() <= 1)
      return run(File, DB);
    TUResult All;
    for (tooling::CompileCommand &C : Commands) {
      OneCommand Only(std::move(C));
      TUResult R = run(File, Only);
      All.Findings.insert(All.Findings.end(), R.Findings.begin(),
                          R.Findings.end());
      All.Digests.insert(R.Digests.begin(), R.Digests.end());
      llvm::append_range(All.Deps, R.Deps);
      if ((All.Crashed = R.Crashed))
        break;
    }
    return All;
  }

  TUResult run(StringRef File, const tooling::CompilationDatabase &DB) {
    tooling::ClangTool Tool(DB, {File.str()},
                            std::make_shared<PCHContainerOperations>(), FS);
    Tool.setPrintErrorMessage(false);
    Tool.appendArgumentsAdjuster(
        [this](const tooling::CommandLineArguments &Args, StringRef Name) {
          ClangTidyOptions Opts = Context.getOptionsForFile(Name);
          tooling::CommandLineArguments A = Args;
          auto I = A.begin();
          if (I != A.end() && !StringRef(*I).starts_with("-"))
            ++I; // after the compiler's name
          // Compiler warnings are not reported (only errors are), and each
          // one costs a scan of its line for NOLINT: 30,000 warnings on one
          // line took seconds. -w wins over any -W flag after it.
          I = A.insert(I, "-w") + 1;
          if (Opts.ExtraArgsBefore)
            A.insert(I, Opts.ExtraArgsBefore->begin(),
                     Opts.ExtraArgsBefore->end());
          if (Opts.ExtraArgs)
            A.insert(A.end(), Opts.ExtraArgs->begin(), Opts.ExtraArgs->end());
          return A;
        });
    Tool.appendArgumentsAdjuster(cxxHeaderAdjuster);
    Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
    Tool.setDiagnosticConsumer(&Consumer);
    FunctionIndex Index;
    DigestMap Digests;
    std::set<std::string> Deps;
    ActionFactory AF(Factory, Index, Digests, Deps);
    TUResult R;
    // ClangTool moves into the compile command's directory and back; a
    // crash skips the way back, and relative paths (-o, the names shown)
    // would then be taken from there.
    SmallString<256> Cwd;
    bool HaveCwd = !sys::fs::current_path(Cwd);
    std::vector<LockGraphEdge> Graph;
    if (CollectLockGraph)
      LockGraphCollector = &Graph;
    R.Crashed = !runSafelyOnBigStack([&] { Tool.run(&AF); });
    LockGraphCollector = nullptr;
    for (LockGraphEdge &E : Graph)
      R.LockEdges.push_back({std::move(E.From), std::move(E.To),
                             std::move(E.File), E.Offset, E.InCycle});
    if (R.Crashed && HaveCwd)
      FS->setCurrentWorkingDirectory(Cwd);
    for (ClangTidyError &E : Consumer.take())
      R.Findings.push_back(convert(E, Index));
    for (const Finding &F : R.Findings)
      for (const Replacement &X : F.Fixes) {
        auto It = Digests.find(X.File);
        if (It != Digests.end())
          R.Digests.insert(*It);
      }
    R.Deps.assign(Deps.begin(), Deps.end());
    return R;
  }

  /// clang-tidy reports paths as the compile command spelled them, relative
  /// to its directory; findings hold absolute ones.
  static Finding convert(const ClangTidyError &E, const FunctionIndex &Index) {
    auto Abs = [&](StringRef P) {
      return P.empty() ? std::string() : absolutePath(P, E.BuildDirectory);
    };
    Finding F;
    F.Check = E.DiagnosticName;
    F.CompilerError = isCompilerError(E);
    F.File = Abs(E.Message.FilePath);
    F.Offset = E.Message.FileOffset;
    F.Message = E.Message.Message;
    if (!F.File.empty())
      F.Function = functionAt(Index, F.File, F.Offset);
    for (const tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back({Abs(N.FilePath), N.FileOffset, N.Message});
    for (const auto &[Path, Reps] : E.Message.Fix)
      for (const tooling::Replacement &X : Reps)
        F.Fixes.push_back({Abs(X.getFilePath()), X.getOffset(), X.getLength(),
                           X.getReplacementText().str()});
    return F;
  }

  bool CollectLockGraph = false;
  bool CollectSummaries = false;
  ClangTidyContext &Context;
  const tooling::CompilationDatabase &DB;
  IntrusiveRefCntPtr<vfs::OverlayFileSystem> FS;
  ClangTidyDiagnosticConsumer Consumer;
  std::unique_ptr<DiagnosticOptions> DiagOpts;
  DiagnosticsEngine Engine;
  ClangTidyASTConsumerFactory Factory;
};

TURunner::TURunner(ClangTidyContext &Context,
                   const tooling::CompilationDatabase &DB,
                   IntrusiveRefCntPtr<vfs::OverlayFileSystem> FS)
    : P(std::make_unique<Impl>(Context, DB, FS)) {}
TURunner::~TURunner() = default;
TUResult TURunner::run(StringRef File) { return P->run(File); }
void TURunner::collectLockGraph(bool On) { P->CollectLockGraph = On; }
void TURunner::collectSummaries(bool On) { P->CollectSummaries = On; }

Progress::Progress(size_t Total, bool Quiet, bool Summarizing)
    : Total(Total), Enabled(!Quiet && Total > 1),
      Terminal(sys::Process::StandardErrIsDisplayed()),
      Summarizing(Summarizing),
      Start(std::chrono::steady_clock::now()) {}

std::string Progress::status() const {
  std::string S =
      Summarizing
          ? formatv("[{0}/{1}] summarized", Done, Total).str()
          : formatv("[{0}/{1}] {2} finding{3}", Done, Total, Findings.size(),
                    Findings.size() == 1 ? "" : "s")
                .str();
  if (Done > 0 && Done < Total) {
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    S += ", ~" + formatDuration(Elapsed / Done * (Total - Done)) + " left";
  }
  return S;
}

void Progress::started(StringRef File) {
  if (!Enabled || !Terminal)
    return;
  errs() << "\r\x1b[K" << status() << "  " << displayPath(File);
  errs().flush();
}

void Progress::finished(StringRef File, const TUResult &R) {
  ++Done;
  for (const Finding &F : R.Findings)
    if (F.isRacelint())
      Findings.insert(F.File + ":" + std::to_string(F.Offset) + ":" + F.Check +
                      ":" + F.Message);
  if (!Enabled)
    return;
  if (Terminal) {
    errs() << "\r\x1b[K" << status();
    errs().flush();
  } else {
    errs() << status() << "  " << displayPath(File) << "\n";
  }
}

void Progress::done() {
  if (Enabled && Terminal)
    errs() << "\r\x1b[K";
}

namespace {

/// A worker process: racelint --worker, reading file names on its stdin and
/// writing one JSON result line per file on its stdout. Started once per job
/// (and again after a crash): a process that has analysed one file analyses
/// the next much faster than a fresh one.
struct WorkerProcess {
  pid_t Pid = -1;
  int ToChild = -1, FromChild = -1;
  std::string Pending;              // output not yet a complete line
  std::optional<size_t> Current;    // the file it is analysing
};

std::optional<WorkerProcess> spawn(const WorkerCommand &Cmd) {
  int In[2], Out[2];
  if (pipe2(In, O_CLOEXEC))
    return std::nullopt;
  if (pipe2(Out, O_CLOEXEC)) {
    close(In[0]);
    close(In[1]);
    return std::nullopt;
  }
  std::vector<std::string> Args = {Cmd.Program, "--worker"};
  Args.insert(Args.end(), Cmd.ArgsBefore.begin(), Cmd.ArgsBefore.end());
  Args.insert(Args.end(), Cmd.ArgsAfter.begin(), Cmd.ArgsAfter.end());
  std::vector<char *> Argv;
  for (std::string &A : Args)
    Argv.push_back(A.data());
  Argv.push_back(nullptr);
  pid_t Pid = fork();
  if (Pid == 0) {
    // The child: pipes on stdin and stdout, stderr silenced (its crash
    // reports are the parent's to give, in one line). A pipe already on
    // its fd (racelint started with that fd closed) must lose its
    // close-on-exec flag; dup2 onto itself would keep it.
    auto MoveTo = [](int From, int To) {
      if (From == To)
        fcntl(To, F_SETFD, 0);
      else
        dup2(From, To);
    };
    MoveTo(In[0], 0);
    MoveTo(Out[1], 1);
    int Null = open("/dev/null", O_WRONLY);
    if (Null >= 0)
      dup2(Null, 2);
    execv(Argv[0], Argv.data());
    _exit(127);
  }
  close(In[0]);
  close(Out[1]);
  if (Pid < 0) {
    close(In[1]);
    close(Out[0]);
    return std::nullopt;
  }
  WorkerProcess W;
  W.Pid = Pid;
  W.ToChild = In[1];
  W.FromChild = Out[0];
  return W;
}

void finish(WorkerProcess &W) {
  if (W.ToChild >= 0)
    close(W.ToChild);
  close(W.FromChild);
  int Status;
  while (waitpid(W.Pid, &Status, 0) < 0 && errno == EINTR) {
  }
}

void runWorkers(ArrayRef<std::string> Inputs, ArrayRef<size_t> Todo,
                unsigned Jobs, const WorkerCommand &Cmd, Progress &Bar,
                std::vector<TUResult> &Results) {
  // A worker that died must not kill racelint when it is sent a file.
  signal(SIGPIPE, SIG_IGN);
  std::deque<size_t> Queue(Todo.begin(), Todo.end());
  std::vector<WorkerProcess> Workers;
  auto Finished = [&](size_t I, TUResult R) {
    Results[I] = std::move(R);
    Bar.finished(Inputs[I], Results[I]);
  };
  auto Crashed = [&](size_t I) {
    TUResult R;
    R.Crashed = true;
    Finished(I, std::move(R));
  };
  // Gives \p W the next file, or closes its stdin when there is none.
  auto Feed = [&](WorkerProcess &W) {
    while (!Queue.empty()) {
      size_t I = Queue.front();
      Queue.pop_front();
      // NUL ends a name: a file name may hold a newline, never a NUL.
      std::string Line = Inputs[I] + '\0';
      if (write(W.ToChild, Line.data(), Line.size()) ==
          ssize_t(Line.size())) {
        W.Current = I;
        Bar.started(Inputs[I]);
        return;
      }
      Queue.push_front(I); // it died; its end of file will be seen below
      break;
    }
    close(W.ToChild);
    W.ToChild = -1;
  };
  auto Start = [&] {
    std::optional<WorkerProcess> W = spawn(Cmd);
    if (!W) {
      // Cannot start a process: the files cannot be analysed.
      while (!Queue.empty()) {
        Crashed(Queue.front());
        Queue.pop_front();
      }
      return;
    }
    Workers.push_back(std::move(*W));
    Feed(Workers.back());
  };
  for (unsigned J = 0; J < Jobs && !Queue.empty(); ++J)
    Start();

  while (!Workers.empty()) {
    std::vector<pollfd> Fds;
    for (const WorkerProcess &W : Workers)
      Fds.push_back({W.FromChild, POLLIN, 0});
    if (poll(Fds.data(), Fds.size(), -1) < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    for (size_t K = Workers.size(); K-- > 0;) {
      if (!Fds[K].revents)
        continue;
      WorkerProcess &W = Workers[K];
      char Buf[65536];
      ssize_t N = read(W.FromChild, Buf, sizeof(Buf));
      if (N < 0 && errno == EINTR)
        continue;
      if (N > 0) {
        W.Pending.append(Buf, N);
        size_t NL;
        bool Dead = false;
        while ((NL = W.Pending.find('\n')) != std::string::npos) {
          std::string Line = W.Pending.substr(0, NL);
          W.Pending.erase(0, NL + 1);
          TUResult R;
          R.Crashed = true;
          Expected<json::Value> V = json::parse(Line);
          json::Path::Root Root;
          if (V) {
            TUResult Parsed;
            if (fromJSON(*V, Parsed, Root))
              R = std::move(Parsed);
          } else {
            consumeError(V.takeError());
          }
          if (!W.Current)
            continue; // nothing was asked
          size_t I = *W.Current;
          W.Current.reset();
          Dead = R.Crashed; // a crashed worker exits after reporting it
          Finished(I, std::move(R));
          if (!Dead)
            Feed(W);
        }
        if (!Dead)
          continue;
      }
      // End of file (or a crash reported): the worker is gone. A file it
      // was analysing crashed it; a fresh worker takes the rest.
      if (W.Current)
        Crashed(*W.Current);
      finish(W);
      Workers.erase(Workers.begin() + K);
      if (!Queue.empty())
        Start();
    }
  }
}

} // namespace

std::vector<TUResult> analyse(ArrayRef<std::string> Inputs, unsigned Jobs,
                              TURunner &InProcess, const WorkerCommand &Worker,
                              Progress &Bar) {
  std::vector<TUResult> Results(Inputs.size());
  std::vector<size_t> Todo;
  if (Jobs <= 1) {
    size_t I = 0;
    for (; I < Inputs.size(); ++I) {
      Bar.started(Inputs[I]);
      Results[I] = InProcess.run(Inputs[I]);
      Bar.finished(Inputs[I], Results[I]);
      if (Results[I].Crashed)
        break;
    }
    // The crashed analysis left its state behind: the other files are
    // analysed in workers, so that no file's findings are lost.
    for (++I; I < Inputs.size(); ++I)
      Todo.push_back(I);
    Jobs = 1;
  } else {
    for (size_t I = 0; I < Inputs.size(); ++I)
      Todo.push_back(I);
  }
  if (!Todo.empty())
    runWorkers(Inputs, Todo, Jobs, Worker, Bar, Results);
  return Results;
}

} // namespace racelint::cli
