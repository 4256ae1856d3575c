//===--- RacelintMain.cpp - The racelint command-line tool ----------------===//
//
// Runs racelint's clang-tidy checks over files or a compilation database and
// reports the findings as text, JSON or SARIF, optionally against a baseline
// or a diff. Exit codes: 0 clean, 1 findings, 2 usage or input errors
// (missing files, bad database, code that does not compile, a crash).
//
// The work is split in: Database (compile commands, configuration), Runner
// (analysing files, -j workers, progress), Findings (what was found, line
// tables, fingerprints), Output and Sarif (formats), Baseline, DiffFilter,
// Fixes (--fix, --export-fixes) and LocksetDump (--dump-locksets).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Cache.h"
#include "Catalog.h"
#include "CheckBase.h"
#include "Database.h"
#include "DiffFilter.h"
#include "Findings.h"
#include "Fixes.h"
#include "LockOrderCheck.h"
#include "LocksetDump.h"
#include "Output.h"
#include "Runner.h"
#include "SafeRun.h"
#include "SafeWrite.h"
#include "analysis/Project.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include <algorithm>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using namespace racelint::cli;
using racelint::ProjectIndex;
using racelint::TUSummary;
using racelint::summaryFromJSON;

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
cl::opt<std::string>
    Format("format",
           cl::desc("Output format: text (clang's, the default), json or "
                    "sarif (SARIF 2.1.0, for GitHub code scanning)"),
           cl::value_desc("text|json|sarif"), cl::init("text"),
           cl::cat(Category));
cl::opt<std::string> OutputFile("o",
                                cl::desc("Write the findings to <file> "
                                         "instead of stdout"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that JSON, SARIF and baseline paths are relative to "
             "(default: the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the findings in <file> (JSON, meant to be "
             "committed) and exit 0 unless the analysis fails"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report, and fail on, only findings that are not in <file> "
             "(written by --write-baseline)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> DiffBase(
    "diff-base",
    cl::desc("Only findings on lines changed since git revision <rev> (the "
             "working tree against it); untouched files are not analysed"),
    cl::value_desc("rev"), cl::cat(Category));
cl::opt<std::string>
    DiffFile("diff",
             cl::desc("Only findings on lines a unified diff changes; <file> "
                      "holds the diff, '-' reads it from stdin"),
             cl::value_desc("file|-"), cl::cat(Category));
cl::opt<std::string>
    Jobs("j",
         cl::desc("Analyse <n> files at a time, in worker processes "
                  "(default: the number of cores)"),
         cl::value_desc("n"), cl::Prefix, cl::cat(Category));
cl::opt<std::string>
    Shard("shard",
          cl::desc("Analyse only the I-th of N parts of the files (1 <= I "
                   "<= N): the files in path order, every N-th from the I-th"),
          cl::value_desc("I/N"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its of the reported findings"),
                  cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the reported findings and their fix-its to <file> as "
             "clang-apply-replacements YAML"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> LockGraph(
    "lock-graph",
    cl::desc("Write the lock graph of the analysed files to <file> in "
             "Graphviz DOT: a node per lock, an edge per acquisition order, "
             "cycles in red (racelint-lock-order)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> SummarizeTo(
    "summarize-to",
    cl::desc("Write each file's project summary to <dir> and report nothing "
             "(the first step of a sharded run; see docs/summaries.md)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> SummariesDir(
    "summaries",
    cl::desc("Use the project summaries in <dir> (written by "
             "--summarize-to): functions, threads and locks of other files"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache",
    cl::desc("Keep each file's results in <dir> and reuse them while the "
             "file, everything it includes, its compile command, racelint "
             "and its options are unchanged"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> PerFile(
    "per-file",
    cl::desc("Analyse each file on its own (by default a run over several "
             "files first summarizes them all, then reports project-wide)"),
    cl::cat(Category));
// A worker of the summarize step: results carry the file's summary.
cl::opt<bool> WorkerSummaries("worker-summaries", cl::ReallyHidden,
                              cl::cat(Category));
// A worker process of -j: file names on stdin, results on stdout.
cl::opt<bool> WorkerMode("worker", cl::ReallyHidden, cl::cat(Category));

ClangTidyOptions defaultOptions() {
  ClangTidyOptions O = ClangTidyOptions::getDefaults();
  // Headers are filtered as clang-tidy filters them (HeaderFilterRegex
  // '.*' in clang-tidy 22): the plugin and the CLI report the same findings.
  O.Checks = "-*,racelint-*";
  O.SystemHeaders = false;
  return O;
}

/// .clang-tidy files read by parseConfigFile (unknown keys ignored,
/// racelint checks only). The handler is set here: FileOptionsProvider's
/// constructor that takes handlers leaves its file system unset.
class ConfigFileProvider : public FileOptionsProvider {
public:
  ConfigFileProvider(ClangTidyOptions Defaults, ClangTidyOptions Overrides,
                     IntrusiveRefCntPtr<vfs::FileSystem> FS)
      : FileOptionsProvider(ClangTidyGlobalOptions(), std::move(Defaults),
                            std::move(Overrides), std::move(FS)) {
    ConfigHandlers = {{".clang-tidy", [](MemoryBufferRef Buf) {
                         std::string Err;
                         return parseConfigFile(Buf, Err);
                       }}};
  }
};

int inputError(const Twine &Msg) {
  WithColor::error(errs(), "racelint") << Msg << "\n";
  return 2;
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
    L = L.rtrim(" .!");
    if (L.empty())
      continue;
    // "--quiet option: 'x' is invalid value for boolean argument! Try 0 or 1"
    std::string Line = L.take_front(1).lower() + L.drop_front(1).str();
    for (auto [From, To] : {std::pair<StringRef, StringRef>{" option: ", ": "},
                            {"! Try", "; try"}}) {
      size_t At = Line.find(From.str());
      if (At != std::string::npos)
        Line.replace(At, From.size(), To.str());
    }
    Msg += (Msg.empty() ? "" : "; ") + Line;
  }
  if (Msg.empty())
    Msg = "invalid command line";
  return inputError(Msg + " (see 'racelint --help')");
}


/// The options that are checked before anything is read.
std::optional<std::string> badOptions(unsigned &JobCount, unsigned &ShardIndex,
                                      unsigned &ShardCount) {
  // `--diff-base=` would otherwise mean "no --diff-base".
  for (auto [Opt, Name] :
       {std::pair{&OutputFile, "-o"}, {&BuildPath, "-p"},
        {&SourceRoot, "--source-root"}, {&WriteBaseline, "--write-baseline"},
        {&BaselineFile, "--baseline"}, {&DiffBase, "--diff-base"},
        {&DiffFile, "--diff"}, {&Shard, "--shard"},
        {&ExportFixes, "--export-fixes"}, {&LockGraph, "--lock-graph"},
        {&SummarizeTo, "--summarize-to"}, {&SummariesDir, "--summaries"},
        {&CacheDir, "--cache"}})
    if (Opt->getNumOccurrences() && Opt->empty())
      return std::string(Name) + " needs a value";
  if (Format != "text" && Format != "json" && Format != "sarif")
    return "--format must be text, json or sarif (got '" + Format + "')";
  JobCount = 0;
  if (Jobs.getNumOccurrences() &&
      (StringRef(Jobs).getAsInteger(10, JobCount) || JobCount == 0))
    return "-j takes a number of jobs of 1 or more (got '" + Jobs + "')";
  // git would take it as one of its options (--output=<file> writes a file).
  if (StringRef(DiffBase).starts_with("-"))
    return "--diff-base takes a git revision, not an option (got '" +
           DiffBase + "')";
  if (!Shard.empty()) {
    auto [I, N] = StringRef(Shard).split('/');
    if (I.getAsInteger(10, ShardIndex) || N.getAsInteger(10, ShardCount) ||
        ShardCount == 0 || ShardIndex == 0 || ShardIndex > ShardCount)
      return "--shard takes I/N with 1 <= I <= N, e.g. --shard 2/4 (got '" +
             Shard + "')";
  }
  if (!DiffBase.empty() && !DiffFile.empty())
    return std::string("use either --diff-base or --diff, not both");
  if (!WriteBaseline.empty() && !BaselineFile.empty())
    return std::string("use either --baseline or --write-baseline, not both");
  if (!WriteBaseline.empty() &&
      (!DiffBase.empty() || !DiffFile.empty() || !Shard.empty()))
    return std::string("--write-baseline records every finding; it does not "
                       "go with --diff, --diff-base or --shard");
  if (!SummarizeTo.empty() &&
      (!WriteBaseline.empty() || !BaselineFile.empty() || Fix ||
       !ExportFixes.empty() || !LockGraph.empty() || !SummariesDir.empty()))
    return std::string("--summarize-to only writes summaries; it does not go "
                       "with --baseline, --write-baseline, --fix, "
                       "--export-fixes, --lock-graph or --summaries");
  if (!SummariesDir.empty() && !sys::fs::is_directory(SummariesDir))
    return "--summaries '" + SummariesDir + "' is not a directory";
  if (!SourceRoot.empty() && !sys::fs::is_directory(SourceRoot))
    return "--source-root '" + SourceRoot + "' is not a directory";
  return std::nullopt;
}

/// Compiler flags after `--` that no file can be compiled with: clang's own
/// complaint ("no compile jobs found") would not say which.
std::optional<std::string> badCompilerFlags(ArrayRef<std::string> Flags) {
  for (size_t I = 0; I < Flags.size(); ++I) {
    StringRef F = Flags[I], Lang;
    if (F == "-x" && I + 1 < Flags.size())
      Lang = Flags[I + 1];
    else if (F.starts_with("-x") && F.size() > 2)
      Lang = F.drop_front(2);
    else
      continue;
    if (driver::types::lookupTypeForTypeSpecifier(Lang.data()) ==
        driver::types::TY_INVALID)
      return ("-x '" + Lang + "' after '--' is not a language clang knows " +
              "(e.g. c, c++, c-header, c++-header)")
          .str();
  }
  return std::nullopt;
}

/// clang's messages about the flags after `--`, one line each with its
/// level ("error: ..."), as one message without the levels.
std::string compilerFlagsError(StringRef Text) {
  SmallVector<StringRef> Lines;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::string Msg;
  for (StringRef L : Lines) {
    L = L.trim();
    for (StringRef Level : {"error: ", "warning: ", "note: "})
      L.consume_front(Level);
    if (L == "no compile jobs found")
      L = "the flags after '--' leave nothing to compile";
    if (!L.empty())
      Msg += (Msg.empty() ? "" : "; ") + L.str();
  }
  return Msg;
}

/// An option value in the configuration of \p File that is not valid.
std::optional<std::string> badOptionValue(ClangTidyOptionsProvider &Provider,
                                          StringRef File) {
  for (const auto &[Opts, Source] : Provider.getRawOptions(File))
    for (const auto &[Key, Value] : Opts.CheckOptions) {
      StringRef K = Key;
      // --config is merged into the defaults, whose source is this name.
      std::string From = Source == "clang-tidy binary" ? "--config" : Source;
      if (K == "racelint-lock-order.ReadLockInversions" &&
          !racelint::LockOrderCheck::parseBool(Value.Value))
        return ("invalid value '" + Value.Value + "' for option '" + Key +
                "' (" + From + "): expected 'true' or 'false'")
            .str();
      if (K != "MinGuardedRatio" &&
          !(K.starts_with("racelint-") && K.ends_with(".MinGuardedRatio")))
        continue;
      if (!racelint::parseMinGuardedRatio(Value.Value))
        return ("invalid value '" + Value.Value + "' for option '" + Key +
                "' (" + From +
                "): expected a number greater than 0 and at most 1")
            .str();
    }
  return std::nullopt;
}

/// Whether racelint has anything to say about a file the database lists:
/// projects list their assembly sources (.S) too, which clang then parsed
/// as C and reported as not compiling.
bool isCOrCxxSource(StringRef File) {
  StringRef Ext = sys::path::extension(File);
  if (Ext.empty())
    return true; // named by its compile command's -x, if anything
  driver::types::ID T = driver::types::lookupTypeForExtension(Ext.drop_front());
  return T == driver::types::TY_INVALID || T == driver::types::TY_C ||
         T == driver::types::TY_CHeader || driver::types::isCXX(T);
}

/// Why a file the database lists cannot be analysed, if it cannot.
std::optional<std::string>
unusableEntry(StringRef File, const tooling::CompilationDatabase &DB) {
  sys::fs::file_status St;
  if (sys::fs::status(File, St) || !sys::fs::exists(St))
    return std::string("does not exist");
  if (!sys::fs::is_regular_file(St))
    return std::string("is not a regular file");
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File))
    if (!sys::fs::is_directory(C.Directory))
      return "is compiled in '" + C.Directory + "', which does not exist";
  return std::nullopt;
}

/// Reads --diff's unified diff, or runs git for --diff-base.
Expected<ChangedLines> changedLines(StringRef Root) {
  if (!DiffBase.empty())
    return ChangedLines::fromGit(DiffBase);
  auto Buf = DiffFile == "-" ? MemoryBuffer::getSTDIN()
                             : MemoryBuffer::getFile(DiffFile, true);
  if (!Buf)
    return createStringError("cannot read the diff '" + DiffFile +
                             "': " + Buf.getError().message());
  return ChangedLines::parse((*Buf)->getBuffer(), Root);
}

/// A worker reads file names from stdin, each ended by a NUL, and writes one
/// JSON line per file,
/// flushed at once, so that the parent knows how far it got if it dies. It
/// stops after a crash: its state is not to be trusted any more.
int runWorker(TURunner &Run) {
  // Our stdout is the results' channel: nothing else may write to it.
  int Channel = dup(1);
  int Null = open("/dev/null", O_WRONLY);
  if (Channel < 0 || Null < 0 || dup2(Null, 1) < 0)
    return 2;
  raw_fd_ostream OS(Channel, /*shouldClose=*/true, /*unbuffered=*/false);
  std::string Line;
  int C;
  while ((C = getchar()) != EOF) {
    if (C != '\0') {
      Line.push_back(char(C));
      continue;
    }
    TUResult R = Run.run(Line);
    Line.clear();
    OS << json::Value(toJSON(R)) << "\n";
    OS.flush();
    if (R.Crashed)
      break;
  }
  OS.flush();
  // Skip destructors: after a crash they would meet the analysis' state,
  // and otherwise there is nothing left to clean up.
  sys::Process::Exit(0, /*NoCleanup=*/true);
}

/// A closed standard descriptor would be taken by the next file or pipe
/// racelint opens (a worker's pipe landing on fd 0 was lost at exec). Each
/// closed one is reserved with /dev/null, read-only, so that writing to a
/// closed stdout still fails and is reported as such.
void keepStandardFdsOpen() {
  for (int Fd = 0; Fd <= 2; ++Fd)
    if (fcntl(Fd, F_GETFD) < 0 && errno == EBADF) {
      int New = open("/dev/null", O_RDONLY);
      if (New >= 0 && New != Fd) {
        dup2(New, Fd);
        close(New);
      }
    }
}

/// cl::ParseCommandLineOptions reports some errors itself on stderr ("for
/// the --quiet option: ...") rather than in \p Errors; they are captured
/// so that every error gets racelint's one-line format.
bool parseOptions(int argc, const char **argv, const char *Overview,
                  std::string &Errors) {
  raw_string_ostream ErrOS(Errors);
  errs().flush();
  int Saved = dup(2);
  FILE *Captured = tmpfile();
  bool Capturing = Saved >= 0 && Captured && dup2(fileno(Captured), 2) >= 0;
  bool Ok = cl::ParseCommandLineOptions(argc, argv, Overview, &ErrOS);
  if (Capturing) {
    dup2(Saved, 2);
    rewind(Captured);
    char Buf[4096];
    size_t N;
    while ((N = fread(Buf, 1, sizeof(Buf), Captured)) > 0)
      Errors.append(Buf, N);
  }
  if (Saved >= 0)
    close(Saved);
  if (Captured)
    fclose(Captured);
  return Ok;
}

/// Findings that could not be written are lost: that is an error (2), not
/// "findings" (1), and gets one line instead of LLVM's fatal error at exit.
int checkStdout(int Status) {
  outs().flush();
  if (!outs().has_error())
    return Status;
  std::error_code EC = outs().error();
  outs().clear_error();
  return inputError("cannot write to stdout: " + EC.message());
}

int run(int argc, const char **argv);

} // namespace

int main(int argc, const char **argv) {
  keepStandardFdsOpen();
  InitLLVM X(argc, argv, /*InstallPipeSignalExitHandler=*/false);
  // A closed pipe on stdout is a write error like any other (EPIPE).
  signal(SIGPIPE, SIG_IGN);
  int Status = checkStdout(run(argc, argv));
  errs().clear_error(); // nowhere left to report it
  return Status;
}

namespace {

int run(int argc, const char **argv) {
  setBugReportMsg("PLEASE report this racelint crash with the file being "
                  "analysed and its compile command.\n");

  // Workers get the same compiler flags.
  std::vector<std::string> FlagsAfterDashDash;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      FlagsAfterDashDash.assign(argv + I, argv + argc);
      break;
    }
  if (std::optional<std::string> Bad = badCompilerFlags(FlagsAfterDashDash))
    return inputError(*Bad);

  // Everything after `--` is compiler flags for every file.
  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> Fixed =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             DBError);
  if (!DBError.empty())
    return inputError(compilerFlagsError(DBError));

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "racelint " RACELINT_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });
  std::string ParseErrors;
  if (!parseOptions(
          argc, argv,
          "racelint: thread-safety defects in C and C++, without annotations\n\n"
          "  racelint [options] <files...> [-- <compiler flags>]\n"
          "  racelint -p <build dir> [files...]\n\n"
          "Exit status: 0 no findings, 1 findings, 2 usage or input error.\n"
          "See docs/cli.md for the output formats, baselines and diff mode.\n",
          ParseErrors))
    return optionError(ParseErrors);

  if (ListChecks && Files.empty()) {
    for (const racelint::CheckInfo &C : racelint::allChecks())
      outs() << C.Id << "\n    " << C.Summary << "\n";
    return 0;
  }

  unsigned JobsGiven = 0, ShardIndex = 0, ShardCount = 0;
  if (std::optional<std::string> Bad =
          badOptions(JobsGiven, ShardIndex, ShardCount))
    return inputError(*Bad);


  if (!ChecksOpt.empty()) {
    CachedGlobList Globs("-*,racelint-*," + ChecksOpt);
    if (llvm::none_of(racelint::allChecks(), [&](const racelint::CheckInfo &C) {
          return Globs.contains(C.Id);
        }))
      return inputError("--checks='" + ChecksOpt +
                        "' enables no racelint check (see --list-checks)");
  }

  std::string Root = absolutePath(SourceRoot.empty() ? std::string(".") : SourceRoot.getValue());
  std::optional<Baseline> Accepted;
  if (!BaselineFile.empty()) {
    Expected<Baseline> B = Baseline::read(BaselineFile);
    if (!B)
      return inputError(toString(B.takeError()));
    Accepted = std::move(*B);
  }
  std::optional<ChangedLines> Changed;
  if (!DiffBase.empty() || !DiffFile.empty()) {
    Expected<ChangedLines> C = changedLines(Root);
    if (!C)
      return inputError(toString(C.takeError()));
    Changed = std::move(*C);
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
    std::string Abs = absolutePath(F);
    if (!llvm::is_contained(Inputs, Abs))
      Inputs.push_back(Abs);
  }
  bool FilesGiven = !Inputs.empty();

  Database DB;
  std::string FoundBuildDir; // without -p: the one found above the files
  std::vector<std::string> Unusable; // database entries, with why
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
      FoundBuildDir = *Dir;
      Expected<Database> Loaded = loadBuildDir(*Dir);
      if (!Loaded)
        return inputError(toString(Loaded.takeError()));
      DB = std::move(*Loaded);
    } else {
      DB.DB = std::make_unique<tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>());
    }
  }

  if (WorkerMode) {
    // Files come on stdin.
  } else if (Inputs.empty()) {
    for (const std::string &F : DB.DB->getAllFiles())
      if (isCOrCxxSource(F))
        Inputs.push_back(absolutePath(F));
    if (Inputs.empty())
      return inputError("the compilation database '" + DB.Where +
                        "' lists no files");
    llvm::sort(Inputs);
    Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
    // An entry that cannot be analysed (a generated file not built yet, a
    // pipe that would block the run forever) is reported at the end; the
    // others are analysed.
    std::vector<std::string> Usable;
    for (const std::string &F : Inputs) {
      if (std::optional<std::string> Why = unusableEntry(F, *DB.DB))
        Unusable.push_back("'" + displayPath(F) + "', listed in '" + DB.Where +
                           "', " + *Why);
      else
        Usable.push_back(F);
    }
    // In the order the user reads the names, not that of the absolute paths
    // (which put '/dev/zero' before or after 'a.cpp' depending on where the
    // project lives).
    llvm::sort(Unusable);
    Inputs = std::move(Usable);
  } else if (DB.Listed) {
    for (const std::string &F : Inputs)
      if (!isHeader(F) && DB.Listed->getCompileCommands(F).empty())
        return inputError("'" + F + "' is not in the compilation database '" +
                          DB.Where + "'");
  }

  if (Changed) {
    // Only files the diff touches; with the whole database, also the
    // headers it changed (each checked with a neighbour's command).
    std::vector<std::string> Touched;
    for (const std::string &F : Inputs)
      if (Changed->touches(F))
        Touched.push_back(F);
    if (!FilesGiven)
      for (const std::string &F : Changed->files())
        if (isHeader(F) && sys::fs::is_regular_file(F) &&
            !llvm::is_contained(Touched, F))
          Touched.push_back(F);
    Inputs = std::move(Touched);
  }
  if (ShardCount) {
    // Round robin over the files in path order: the same split on every
    // machine, and similar shares of each directory.
    std::vector<std::string> Sorted = Inputs, Mine;
    llvm::sort(Sorted);
    for (size_t I = ShardIndex - 1; I < Sorted.size(); I += ShardCount)
      Mine.push_back(Sorted[I]);
    Inputs = std::move(Mine);
  }

  // Outputs are checked before the analysis: one over a file to analyse
  // would destroy it, one that cannot be written would lose the findings.
  for (auto [Opt, Name] : {std::pair{&OutputFile, "-o"},
                           {&WriteBaseline, "--write-baseline"},
                           {&ExportFixes, "--export-fixes"},
                           {&LockGraph, "--lock-graph"}}) {
    if (Opt->empty() || *Opt == "-")
      continue;
    for (const std::string &F : Inputs)
      if (sameFile(*Opt, F))
        return inputError(Twine(Name) + " '" + *Opt +
                          "' is one of the files to analyse; racelint "
                          "does not write over it");
    if (Expected<std::string> T = writeTarget(*Opt); !T)
      return inputError("cannot write '" + *Opt +
                        "': " + toString(T.takeError()));
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
    Provider =
        std::make_unique<ConfigFileProvider>(defaultOptions(), Overrides, FS);
  }

  // Values the checks would ignore (they warn and keep the default, as
  // clang-tidy's do) are input errors here: the run would not be the one
  // the user configured.
  StringSet<> OptionDirs;
  for (const std::string &F : Inputs)
    if (OptionDirs.insert(sys::path::parent_path(F)).second)
      if (std::optional<std::string> Bad = badOptionValue(*Provider, F))
        return inputError(*Bad);

  if (ListChecks) {
    // With a file, like clang-tidy --list-checks: the checks that would run
    // on it, configuration files and options applied.
    ClangTidyContext ListContext(std::move(Provider));
    ListContext.setCurrentFile(Inputs.empty() ? Files.front() : Inputs.front());
    ClangTidyASTConsumerFactory Factory(ListContext);
    for (const std::string &Name : Factory.getCheckNames())
      outs() << Name << "\n";
    return 0;
  }

  enableCrashRecovery();
  if (DumpLocksets)
    return Inputs.empty() ? 0 : dumpLocksets(*Provider, *DB.DB, Inputs);

  // A summary depends only on its own file (so that it can be cached and
  // merged in any order), and --per-file means no other file: no project
  // summaries, not even those the checks would find in .racelint/.
  if (PerFile || !SummarizeTo.empty() || WorkerSummaries)
    ProjectIndex::setActive(nullptr, /*Pinned=*/true);
  // Facts of the other files, summarized earlier (--summaries).
  if (!SummariesDir.empty()) {
    Expected<std::shared_ptr<const ProjectIndex>> Index =
        ProjectIndex::loadDirectory(SummariesDir);
    if (!Index)
      return inputError(toString(Index.takeError()));
    ProjectIndex::setActive(std::move(*Index), /*Pinned=*/true);
  }

  ClangTidyContext Context(std::move(Provider));
  TURunner Run(Context, *DB.DB, FS);
  Run.collectLockGraph(!LockGraph.empty());
  if (WorkerMode) {
    Run.collectSummaries(WorkerSummaries);
    return runWorker(Run);
  }

  WorkerCommand Worker;
  Worker.Program = sys::fs::getMainExecutable(
      argv[0], reinterpret_cast<void *>(&inputError));
  Worker.ArgsBefore = {"--quiet"};
  if (PerFile)
    Worker.ArgsBefore.push_back("--per-file");
  // Workers only gather the orders; this process writes the graph.
  if (!LockGraph.empty())
    Worker.ArgsBefore.push_back("--lock-graph=" + absolutePath(LockGraph));
  if (!ChecksOpt.empty())
    Worker.ArgsBefore.push_back("--checks=" + ChecksOpt);
  if (!ConfigOpt.empty())
    Worker.ArgsBefore.push_back("--config=" + ConfigOpt);
  // Workers get no files: they must find the same compile commands.
  if (!BuildPath.empty())
    Worker.ArgsBefore.push_back("-p=" + absolutePath(BuildPath));
  else if (!FoundBuildDir.empty())
    Worker.ArgsBefore.push_back("-p=" + FoundBuildDir);
  Worker.ArgsAfter = FlagsAfterDashDash;
  if (BuildPath.empty() && FoundBuildDir.empty() && Worker.ArgsAfter.empty())
    Worker.ArgsAfter = {"--"};

  unsigned JobCount = JobsGiven
                          ? JobsGiven
                          : std::max(1u, std::thread::hardware_concurrency());
  JobCount = std::min<size_t>(JobCount, std::max<size_t>(Inputs.size(), 1));

  if (!SummariesDir.empty())
    Worker.ArgsBefore.push_back("--summaries=" + absolutePath(SummariesDir));

  // --cache: results keyed by what they depend on besides the files read.
  std::optional<ResultCache> Cache;
  std::string CacheSalt;
  if (!CacheDir.empty()) {
    if (std::error_code EC = sys::fs::create_directories(CacheDir))
      return inputError("cannot create the cache directory '" + CacheDir +
                        "': " + EC.message());
    Cache.emplace(absolutePath(CacheDir));
    sys::fs::file_status Self;
    if (!sys::fs::status(Worker.Program, Self))
      CacheSalt = formatv("{0}:{1}", Self.getSize(),
                          Self.getLastModificationTime().time_since_epoch().count())
                      .str();
    CacheSalt += "\n" RACELINT_VERSION "\n" + ChecksOpt + "\n" + ConfigOpt +
                 "\n" + (LockGraph.empty() ? "" : "graph");
    for (const std::string &F : FlagsAfterDashDash)
      CacheSalt += "\n" + F;
  }
  // Analyses Files, reusing cached results of this step (Step names the
  // step and what else it depends on: the project's summaries).
  auto AnalyseCached = [&](const std::vector<std::string> &Files,
                           const std::string &Step, const WorkerCommand &W,
                           Progress &Bar) {
    std::vector<TUResult> Out(Files.size());
    std::vector<std::string> Keys(Files.size());
    std::vector<size_t> Miss;
    for (size_t I = 0; I < Files.size(); ++I) {
      if (Cache) {
        std::vector<std::string> Parts = {CacheSalt, Step, Files[I]};
        for (const tooling::CompileCommand &C :
             DB.DB->getCompileCommands(Files[I])) {
          Parts.push_back(C.Directory);
          llvm::append_range(Parts, C.CommandLine);
        }
        ClangTidyOptions O = Context.getOptionsForFile(Files[I]);
        Parts.push_back(configurationAsText(O));
        // Unpinned, the checks read the summaries they find for the file.
        if (!ProjectIndex::pinned()) {
          Parts.push_back(ProjectIndex::directoryStamp(
              ProjectIndex::directoryFor("", Files[I])));
          for (const auto &Opt : O.CheckOptions)
            if (Opt.getKey() == "ProjectSummaries" ||
                Opt.getKey().ends_with(".ProjectSummaries"))
              Parts.push_back(
                  ProjectIndex::directoryStamp(Opt.getValue().Value));
        }
        Keys[I] = ResultCache::key(Parts);
        if (std::optional<TUResult> R = Cache->get(Keys[I])) {
          Out[I] = std::move(*R);
          continue;
        }
      }
      Miss.push_back(I);
    }
    std::vector<std::string> Subset;
    for (size_t I : Miss)
      Subset.push_back(Files[I]);
    std::vector<TUResult> Done =
        analyse(Subset, std::min<size_t>(JobCount, std::max<size_t>(Subset.size(), 1)),
                Run, W, Bar);
    for (size_t K = 0; K < Miss.size(); ++K) {
      if (Cache)
        Cache->put(Keys[Miss[K]], Done[K]);
      Out[Miss[K]] = std::move(Done[K]);
    }
    return Out;
  };

  // The summarize step: every file's summary first, then the report with
  // the project's facts. A run over part of the project (a diff, a shard)
  // would see only that part: it takes --summaries from a full
  // --summarize-to run instead.
  bool SummarizeOnly = !SummarizeTo.empty();
  bool ProjectWide = !SummarizeOnly && SummariesDir.empty() && !PerFile &&
                     Inputs.size() > 1 && !Changed && !ShardCount;
  std::string SumDir;
  std::vector<size_t> Again; // inputs the report step analyses again
  // What the report step depends on besides each file: the project's
  // summaries (for --cache).
  std::string IndexKey =
      !SummariesDir.empty()
          ? "summaries " + ProjectIndex::directoryStamp(SummariesDir)
          : PerFile ? "per-file" : "no summaries";
  auto RemoveTemp = llvm::make_scope_exit([&] {
    if (ProjectWide && !SumDir.empty())
      sys::fs::remove_directories(SumDir);
  });
  std::vector<TUResult> Results;
  if (SummarizeOnly || ProjectWide) {
    if (SummarizeOnly) {
      SumDir = absolutePath(SummarizeTo);
      if (std::error_code EC = sys::fs::create_directories(SumDir))
        return inputError("cannot create '" + SummarizeTo +
                          "': " + EC.message());
    } else {
      SmallString<128> Tmp;
      if (std::error_code EC =
              sys::fs::createUniqueDirectory("racelint-summaries", Tmp))
        return inputError("cannot create a temporary directory: " +
                          EC.message());
      SumDir = std::string(Tmp);
    }
    ProjectIndex::setActive(nullptr, /*Pinned=*/true);
    WorkerCommand Summarizer = Worker;
    Summarizer.ArgsBefore.push_back("--worker-summaries");
    Run.collectSummaries(true);
    Progress SumBar(Inputs.size(), Quiet, /*Summarizing=*/true);
    Results = AnalyseCached(Inputs, "summarize", Summarizer, SumBar);
    SumBar.done();
    Run.collectSummaries(false);
    std::vector<TUSummary> Parsed;
    std::vector<std::optional<TUSummary>> ByInput(Inputs.size());
    for (size_t I = 0; I < Inputs.size(); ++I) {
      const std::string &S = Results[I].Summary;
      if (S.empty())
        continue; // crashed, or no racelint check ran
      std::string Name = formatv("{0}-{1:x-16}.json",
                                 sys::path::filename(Inputs[I]),
                                 xxh3_64bits(Inputs[I]))
                             .str();
      SmallString<256> Path(SumDir);
      sys::path::append(Path, Name);
      if (Error E = writeOutput(Path, [&](raw_ostream &OS) { OS << S; }))
        return inputError("cannot write '" + std::string(Path) +
                          "': " + toString(std::move(E)));
      if (ProjectWide) {
        Expected<json::Value> V = json::parse(S);
        Expected<TUSummary> T =
            V ? summaryFromJSON(*V) : Expected<TUSummary>(V.takeError());
        if (!T)
          return inputError("internal error: the summary of '" +
                            displayPath(Inputs[I]) +
                            "' does not read back: " + toString(T.takeError()));
        ByInput[I] = *T;
        Parsed.push_back(std::move(*T));
      }
    }
    if (ProjectWide) {
      std::vector<std::string> AllSummaries;
      for (const TUResult &R : Results)
        AllSummaries.push_back(R.Summary);
      IndexKey = "summaries " + ResultCache::key(AllSummaries);
      auto Index = std::make_shared<const ProjectIndex>(std::move(Parsed));
      // A file no fact of the other files can change keeps the findings
      // of its summarize step (made without them): only the others are
      // analysed again. A file with no summary (it crashed) keeps its
      // result too.
      for (size_t I = 0; I < Inputs.size(); ++I)
        if (ByInput[I] && Index->affects(*ByInput[I]))
          Again.push_back(I);
      ProjectIndex::setActive(Index, /*Pinned=*/true);
      Worker.ArgsBefore.push_back("--summaries=" + SumDir);
    } else {
      // Only the errors: the findings are the report step's.
      for (TUResult &R : Results)
        llvm::erase_if(R.Findings,
                       [](const Finding &F) { return !F.CompilerError; });
    }
  }
  if (ProjectWide) {
    std::vector<std::string> Subset;
    for (size_t I : Again)
      Subset.push_back(Inputs[I]);
    Progress Bar(Subset.size(), Quiet);
    std::vector<TUResult> Redone =
        AnalyseCached(Subset, "report " + IndexKey, Worker, Bar);
    Bar.done();
    for (size_t K = 0; K < Again.size(); ++K)
      Results[Again[K]] = std::move(Redone[K]);
  } else if (!SummarizeOnly) {
    Progress Bar(Inputs.size(), Quiet);
    Results = AnalyseCached(Inputs, "report " + IndexKey, Worker, Bar);
    Bar.done();
  }

  // In input order, so that the copy kept of a header's finding is the same
  // whatever -j is.
  std::vector<Finding> All;
  std::vector<TUResult::LockEdge> Orders;
  std::vector<std::string> Broken, Crashed;
  std::map<std::string, std::string> Digests;
  for (size_t I = 0; I < Inputs.size(); ++I) {
    TUResult &R = Results[I];
    // A header two files saw differently changed during the run: no
    // digest is right for it.
    for (const auto &[File, Digest] : R.Digests) {
      auto [It, New] = Digests.try_emplace(File, Digest);
      if (!New && It->second != Digest)
        It->second.clear();
    }
    if (R.Crashed)
      Crashed.push_back(Inputs[I]);
    if (llvm::any_of(R.Findings,
                     [](const Finding &F) { return F.CompilerError; }))
      Broken.push_back(Inputs[I]);
    llvm::append_range(Orders, R.LockEdges);
    for (Finding &F : R.Findings)
      // Compiler warnings the glob enabled (clang-diagnostic-*) are not
      // racelint's findings.
      if (F.CompilerError || F.isRacelint())
        All.push_back(std::move(F));
  }
  sortAndDeduplicate(All);
  SourceCache Sources;
  assignFingerprints(All, Sources);

  std::vector<const Finding *> Reported, Baselined;
  for (const Finding &F : All) {
    if (F.CompilerError) {
      writeText(errs(), F, Sources);
      continue;
    }
    if (Changed && !Changed->contains(F.File, Sources.at(F.File, F.Offset).Line))
      continue;
    if (Accepted && Accepted->accept(F, Root)) {
      Baselined.push_back(&F);
      continue;
    }
    Reported.push_back(&F);
  }

  auto Write = [&](raw_ostream &OS) {
    if (Format == "sarif")
      writeSarif(OS, Reported, Root, Sources);
    else if (Format == "json")
      writeJSON(OS, Reported, Root, Sources);
    else
      for (const Finding *F : Reported)
        writeText(OS, *F, Sources);
  };
  int Status = 0;
  if (OutputFile.empty() || OutputFile == "-") {
    Write(outs());
    Status = checkStdout(Status);
  } else if (Error E = writeOutput(OutputFile, Write)) {
    Status = inputError("cannot write '" + OutputFile +
                        "': " + toString(std::move(E)));
  }
  if (!WriteBaseline.empty())
    if (Error E = writeBaseline(WriteBaseline, Reported, Root))
      Status = inputError("cannot write the baseline '" + WriteBaseline +
                          "': " + toString(std::move(E)));
  if (!LockGraph.empty())
    if (Error E = writeOutput(LockGraph, [&](raw_ostream &OS) {
          writeLockGraph(OS, Orders, Root, Sources);
        }))
      Status = inputError("cannot write the lock graph '" + LockGraph +
                          "': " + toString(std::move(E)));
  if (!ExportFixes.empty())
    if (Error E = exportFixes(ExportFixes, Reported))
      Status = inputError("cannot write '" + ExportFixes +
                          "': " + toString(std::move(E)));
  unsigned FixedFiles = 0;
  if (Fix && Status == 0)
    if (Error E = applyFixes(Reported, Digests, Sources, FixedFiles))
      Status = inputError("--fix: " + toString(std::move(E)));

  for (const std::string &U : Unusable)
    WithColor::error(errs(), "racelint") << U << "\n";
  if (!Unusable.empty() && !Status)
    Status = 2;
  if (!Crashed.empty()) {
    WithColor::error(errs(), "racelint")
        << "internal error while analysing '" << displayPath(Crashed.front())
        << "'"
        << (Crashed.size() > 1 ? " and " + std::to_string(Crashed.size() - 1) +
                                     " other file(s)"
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
  if (Status)
    return Status;
  if (!Quiet) {
    size_t N = Reported.size();
    if (N || !Baselined.empty())
      errs() << N << " finding" << (N == 1 ? "" : "s") << " in "
             << Inputs.size() << " file" << (Inputs.size() == 1 ? "" : "s");
    if (!Baselined.empty())
      errs() << " (" << Baselined.size() << " more in the baseline)";
    if (N || !Baselined.empty())
      errs() << "\n";
    if (FixedFiles)
      errs() << "fix-its applied to " << FixedFiles << " file"
             << (FixedFiles == 1 ? "" : "s") << "\n";
    if (!WriteBaseline.empty())
      errs() << "baseline '" << WriteBaseline << "' written with " << N
             << " finding" << (N == 1 ? "" : "s") << "\n";
  }
  // A baseline being written accepts today's findings.
  return Reported.empty() || !WriteBaseline.empty() ? 0 : 1;
}

} // namespace
