//===--- Fixes.cpp - Applying and exporting fix-its -----------------------===//

#include "Fixes.h"
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
  return writeToOutput(Path, [&](raw_ostream &OS) {
    yaml::Output YAML(OS);
    YAML << TUD;
    return Error::success();
  });
}

Error applyFixes(ArrayRef<const Finding *> Findings, SourceCache &Sources,
                 unsigned &Changed) {
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
  std::vector<std::pair<std::string, std::string>> NewTexts;
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
    const FileText *T = Sources.get(File);
    if (!T)
      return createStringError("cannot read '" + displayPath(File) +
                               "' to apply fix-its; no file was changed");
    tooling::Replacements Reps;
    for (const Edit &E : Edits) {
      bool Fits = E.Offset + E.Length <= T->text().size();
      if (Fits)
        if (Error Err = Reps.add(
                tooling::Replacement(File, E.Offset, E.Length, E.Text))) {
          consumeError(std::move(Err));
          Fits = false;
        }
      if (!Fits)
        return createStringError("fix-its for '" + displayPath(File) +
                                 "' do not match its text (was it edited "
                                 "during the run?); no file was changed");
    }
    Expected<std::string> New = tooling::applyAllReplacements(T->text(), Reps);
    if (!New)
      return createStringError("cannot apply fix-its to '" +
                               displayPath(File) + "' (" +
                               toString(New.takeError()) +
                               "); no file was changed");
    NewTexts.push_back({File, std::move(*New)});
  }

  Changed = 0;
  for (auto &[File, Text] : NewTexts) {
    sys::fs::file_status St;
    bool HaveStatus = !sys::fs::status(File, St);
    if (Error E = writeToOutput(File, [&](raw_ostream &OS) {
          OS << Text;
          return Error::success();
        }))
      return createStringError("cannot write '" + displayPath(File) + "' (" +
                               toString(std::move(E)) + "); " +
                               std::to_string(Changed) +
                               " file(s) were changed before it");
    if (HaveStatus)
      sys::fs::setPermissions(File, St.permissions());
    ++Changed;
  }
  return Error::success();
}

} // namespace racelint::cli
