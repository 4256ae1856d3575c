//===--- DiffFilter.cpp - Only the lines a change touched -----------------===//

#include "DiffFilter.h"
#include "Findings.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

using namespace llvm;

namespace racelint::cli {

/// "path\t2024-01-01 ..." (diff -u adds a date) -> "path".
static StringRef diffPath(StringRef L) {
  L = L.rtrim("\r");
  size_t Tab = L.find('\t');
  if (Tab != StringRef::npos)
    L = L.take_front(Tab);
  if (L.size() >= 2 && L.front() == '"' && L.back() == '"')
    L = L.drop_front().drop_back();
  return L;
}

Expected<ChangedLines> ChangedLines::parse(StringRef Diff, StringRef Root) {
  ChangedLines C;
  SmallVector<StringRef> Lines;
  Diff.split(Lines, '\n');
  StringRef Old;
  std::vector<std::pair<unsigned, unsigned>> *Cur = nullptr;
  bool SawHeader = false;
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I];
    if (L.starts_with("--- ")) {
      Old = diffPath(L.drop_front(4));
      continue;
    }
    if (L.starts_with("+++ ")) {
      SawHeader = true;
      StringRef New = diffPath(L.drop_front(4));
      Cur = nullptr;
      if (New == "/dev/null")
        continue; // a deleted file
      if (New.starts_with("b/") && (Old.starts_with("a/") || Old == "/dev/null"))
        New = New.drop_front(2);
      Cur = &C.Files[absolutePath(New, Root)];
      continue;
    }
    if (L.starts_with("@@ ") && Cur) {
      // @@ -a[,b] +c[,d] @@
      size_t Plus = L.find(" +");
      if (Plus == StringRef::npos)
        return createStringError("malformed hunk header in the diff: '" + L +
                                 "'");
      StringRef Range = L.drop_front(Plus + 2).take_until(
          [](char Ch) { return Ch == ' '; });
      auto [Start, Count] = Range.split(',');
      unsigned S = 0, N = 1;
      if (Start.getAsInteger(10, S) ||
          (!Count.empty() && Count.getAsInteger(10, N)))
        return createStringError("malformed hunk header in the diff: '" + L +
                                 "'");
      if (N > 0)
        Cur->push_back({S, S + N - 1});
    }
  }
  if (!SawHeader && !Diff.trim().empty())
    return createStringError("the diff has no '+++ <file>' lines (expected a "
                             "unified diff, as 'git diff' or 'diff -u' write)");
  return C;
}

/// Runs git with \p Args in the current directory; its stdout, or an error
/// with the first line it wrote on stderr.
static Expected<std::string> runGit(ArrayRef<StringRef> Args) {
  ErrorOr<std::string> Git = sys::findProgramByName("git");
  if (!Git)
    return createStringError("--diff-base needs git, which is not on PATH");
  SmallString<128> Out, Err;
  if (sys::fs::createTemporaryFile("racelint-git", "out", Out) ||
      sys::fs::createTemporaryFile("racelint-git", "err", Err))
    return createStringError("cannot create a temporary file for git");
  std::vector<StringRef> Argv = {*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {StringRef(), StringRef(Out),
                                          StringRef(Err)};
  std::string Msg;
  int RC = sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0, &Msg);
  auto OutBuf = MemoryBuffer::getFile(Out);
  auto ErrBuf = MemoryBuffer::getFile(Err);
  sys::fs::remove(Out);
  sys::fs::remove(Err);
  if (RC != 0) {
    StringRef E = ErrBuf ? (*ErrBuf)->getBuffer() : StringRef(Msg);
    E = E.trim();
    E = E.take_until([](char C) { return C == '\n'; });
    E.consume_front("fatal: ");
    return createStringError(E.empty() ? "git failed" : E.str());
  }
  return OutBuf ? (*OutBuf)->getBuffer().str() : std::string();
}

Expected<ChangedLines> ChangedLines::fromGit(StringRef Rev) {
  Expected<std::string> Top = runGit({"rev-parse", "--show-toplevel"});
  if (!Top)
    return createStringError("--diff-base: " + toString(Top.takeError()));
  Expected<std::string> Diff =
      runGit({"-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff",
              "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", "-U0", Rev,
              "--"});
  if (!Diff)
    return createStringError("--diff-base " + Rev + ": " +
                             toString(Diff.takeError()));
  return parse(*Diff, StringRef(*Top).trim());
}

bool ChangedLines::contains(StringRef File, unsigned Line) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return false;
  for (auto [First, Last] : It->second)
    if (First <= Line && Line <= Last)
      return true;
  return false;
}

std::vector<std::string> ChangedLines::files() const {
  std::vector<std::string> Out;
  for (const auto &E : Files)
    Out.push_back(E.getKey().str());
  llvm::sort(Out);
  return Out;
}

} // namespace racelint::cli
