//===--- Database.cpp - Compile commands and configuration ----------------===//

#include "Database.h"
#include "Catalog.h"
#include "Findings.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace racelint::cli {

bool isHeader(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return Ext == ".h" || Ext == ".hh" || Ext == ".hpp" || Ext == ".hxx" ||
         Ext == ".h++" || Ext == ".H" || Ext == ".inc";
}

/// Turns llvm::json's "[3:4, byte=40]: Expected , or ]" (0-based column)
/// into "line 3, column 5: expected , or ]".
static std::string describeJSONError(StringRef Msg) {
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

/// Reads <Dir>/compile_commands.json. Relative "directory" entries are taken
/// relative to the database's own directory (clang would take them relative
/// to the current one), and "file" entries relative to their directory.
static Expected<Database> loadJSONDatabase(StringRef Dir, StringRef File) {
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
    std::string AbsDir = absolutePath(*D, Dir);
    std::string AbsFile = absolutePath(*F, AbsDir);
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
  std::string Dir = absolutePath(Path);
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

std::string racelintChecksOnly(StringRef Checks) {
  SmallVector<StringRef> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  std::string Out;
  auto Add = [&](StringRef G) { Out += (Out.empty() ? "" : ",") + G.str(); };
  for (StringRef G : Globs) {
    G = G.trim();
    if (G.empty())
      continue;
    if (G.starts_with("-")) {
      Add(G); // disabling is harmless
      continue;
    }
    CachedGlobList One(G);
    for (const racelint::CheckInfo &C : racelint::allChecks())
      if (One.contains(C.Id))
        Add(C.Id);
  }
  return Out;
}

ErrorOr<ClangTidyOptions> parseConfigFile(MemoryBufferRef Buf, std::string &Err,
                                          std::vector<std::string> *Warnings) {
  std::string Text = Buf.getBuffer().str();
  for (unsigned Tries = 0;; ++Tries) {
    std::string Unknown;
    unsigned Line = 0, Col = 0;
    Err.clear();
    auto Parsed = parseConfigurationWithDiags(
        MemoryBufferRef(Text, Buf.getBufferIdentifier()),
        [&](const SMDiagnostic &D) {
          if (D.getKind() != SourceMgr::DK_Error || !Err.empty())
            return;
          StringRef M = D.getMessage();
          if (M.consume_front("unknown key '") && M.consume_back("'") &&
              Unknown.empty()) {
            Unknown = M.str();
            Line = D.getLineNo();
            Col = D.getColumnNo();
            return;
          }
          Err = ("line " + Twine(D.getLineNo()) + ", column " +
                 Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                    .str();
        });
    if (Parsed) {
      if (Parsed->Checks)
        Parsed->Checks = racelintChecksOnly(*Parsed->Checks);
      return Parsed;
    }
    if (Unknown.empty() || !Err.empty() || Line == 0 || Tries == 100) {
      if (Err.empty())
        Err = Parsed.getError().message();
      return Parsed;
    }
    // Drop the key and what is indented under it, as if it were not there.
    if (Warnings)
      Warnings->push_back("unknown key '" + Unknown + "' at line " +
                          std::to_string(Line) + " ignored");
    SmallVector<StringRef> Lines;
    StringRef(Text).split(Lines, '\n');
    std::string Kept;
    for (size_t I = 0; I < Lines.size(); ++I) {
      if (I == Line - 1) {
        while (I + 1 < Lines.size() &&
               (Lines[I + 1].trim().empty() ||
                Lines[I + 1].size() - Lines[I + 1].ltrim().size() > Col))
          ++I;
        Kept += "\n"; // keep the line numbers of what follows
        continue;
      }
      Kept += Lines[I].str() + (I + 1 < Lines.size() ? "\n" : "");
    }
    Text = std::move(Kept);
  }
}

/// clang-tidy warns about a .clang-tidy it cannot parse and goes on without
/// it; racelint would then run with other options than the user wrote, so
/// it is bad input. Keys it does not know are warned about and ignored, as
/// clang-tidy did before it stopped knowing them. Checks the files that
/// apply to \p File, nearest first.
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
    std::vector<std::string> Warnings;
    auto Parsed = parseConfigFile(**Buf, Err, &Warnings);
    for (const std::string &W : Warnings)
      WithColor::warning(errs(), "racelint") << "'" << P << "': " << W << "\n";
    if (!Parsed)
      return ("'" + P + "' is not a valid clang-tidy configuration (" + Err +
              ")")
          .str();
    if (!Parsed->InheritParentConfig.value_or(false))
      return std::nullopt;
  }
  return std::nullopt;
}

} // namespace racelint::cli
