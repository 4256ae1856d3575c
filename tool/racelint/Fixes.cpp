//===--- Fixes.cpp - Applying and exporting fix-its -----------------------===//

#include "Fixes.h"
#include "SafeWrite.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>

using namespace llvm;
namespace tooling = clang::tooling;

namespace racelint::cli {

Error exportFixes(StringRef Path, ArrayRef<const Finding *> Findings) {
  tooling::TranslationUnitDiagnostics TUD;
  for (const Finding *F : Findings) {
    tooling::DiagnosticMessage Msg(F->Message);
    Msg.FilePath = F->File;
    Msg.FileOffset = F->Offset;
    for (const Replacement &X : F->Fixes)
      consumeError(Msg.Fix[X.File].add(
          tooling::Replacement(X.File, X.Offset, X.Length, X.Text)));
    tooling::Diagnostic D(F->Check, Msg, {}, tooling::Diagnostic::Warning, "");
    for (const Note &N : F->Notes) {
      tooling::DiagnosticMessage NM(N.Message);
      NM.FilePath = N.File;
      NM.FileOffset = N.Offset;
      D.Notes.push_back(std::move(NM));
    }
    TUD.Diagnostics.push_back(std::move(D));
  }
  return writeOutput(Path, [&](raw_ostream &OS) {
    yaml::Output YAML(OS);
    YAML << TUD;
  });
}

Error applyFixes(ArrayRef<const Finding *> Findings,
                 const std::map<std::string, std::string> &Digests,
                 SourceCache &Sources, unsigned &Changed) {
  struct Edit {
    unsigned Offset, Length;
    std::string Text;
    const Finding *From;
    bool operator<(const Edit &O) const {
      return std::tie(Offset, Length, Text) <
             std::tie(O.Offset, O.Length, O.Text);
    }
  };
  std::map<std::string, std::set<Edit>> PerFile; // identical edits merge
  for (const Finding *F : Findings)
    for (const Replacement &X : F->Fixes)
      PerFile[X.File].insert({X.Offset, X.Length, X.Text, F});

  // Everything is checked and computed before the first file is written.
  struct Rewrite {
    std::string File, Before, After;
  };
  std::vector<Rewrite> Rewrites;
  for (auto &[File, Edits] : PerFile) {
    const Edit *Prev = nullptr;
    for (const Edit &E : Edits) {
      // Overlapping ranges, or two insertions (or an insertion and a
      // replacement) at one offset, have no order that is right.
      if (Prev && (E.Offset < Prev->Offset + Prev->Length ||
                   (E.Offset == Prev->Offset &&
                    (E.Length == 0 || Prev->Length == 0)))) {
        Position A = Sources.at(File, Prev->Offset),
                 B = Sources.at(File, E.Offset);
        return createStringError(
            "conflicting fix-its in '" + displayPath(File) + "': " +
            Prev->From->Check + " at line " + std::to_string(A.Line) +
            " and " + E.From->Check + " at line " + std::to_string(B.Line) +
            " change the same code; no file was changed");
      }
      Prev = &E;
    }
    if (Expected<std::string> Target = writeTarget(File, /*RegularOnly=*/true);
        !Target)
      return createStringError("cannot write '" + displayPath(File) +
                               "': " + toString(Target.takeError()) +
                               "; no file was changed");
    // The text now, read afresh: the fix-its were computed on the text the
    // analysis read, and apply to nothing else (an editor, a formatter or
    // a checkout may have touched the file since).
    auto Buf = MemoryBuffer::getFile(File, /*IsText=*/false,
                                     /*RequiresNullTerminator=*/false);
    if (!Buf)
      return createStringError(
          "cannot read '" + displayPath(File) + "' to apply fix-its (" +
          Buf.getError().message() + "); no file was changed");
    std::string Before = (*Buf)->getBuffer().str();
    auto Seen = Digests.find(File);
    if (Seen == Digests.end() || Seen->second != digestOf(Before))
      return createStringError("'" + displayPath(File) +
                               "' changed since it was analysed; run "
                               "racelint again; no file was changed");
    tooling::Replacements Reps;
    for (const Edit &E : Edits) {
      bool Fits = E.Offset + E.Length <= Before.size();
      if (Fits)
        if (Error Err = Reps.add(
                tooling::Replacement(File, E.Offset, E.Length, E.Text))) {
          consumeError(std::move(Err));
          Fits = false;
        }
      if (!Fits)
        return createStringError("fix-its for '" + displayPath(File) +
                                 "' do not match its text; no file was "
                                 "changed");
    }
    Expected<std::string> After = tooling::applyAllReplacements(Before, Reps);
    if (!After)
      return createStringError("cannot apply fix-its to '" + displayPath(File) +
                               "' (" + toString(After.takeError()) +
                               "); no file was changed");
    Rewrites.push_back({File, std::move(Before), std::move(*After)});
  }

  Changed = 0;
  for (const Rewrite &W : Rewrites) {
    if (Error E = writeFileSafely(W.File, W.After, StringRef(W.Before)))
      return createStringError("cannot write '" + displayPath(W.File) +
                               "': " + toString(std::move(E)) + "; " +
                               std::to_string(Changed) +
                               " other file(s) were changed before it");
    ++Changed;
  }
  return Error::success();
}

} // namespace racelint::cli
