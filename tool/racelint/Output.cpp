//===--- Output.cpp - Findings as text and JSON ---------------------------===//

#include "Output.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace racelint::cli {

std::string reportPath(StringRef File, StringRef SourceRoot) {
  std::string Rel = relativeTo(File, SourceRoot);
  return Rel.empty() ? File.str() : Rel;
}

static void writeMessage(raw_ostream &OS, SourceCache &Sources, StringRef File,
                         unsigned Offset, StringRef Level, StringRef Message,
                         StringRef Check) {
  if (!File.empty()) {
    Position P = Sources.at(File, Offset);
    OS << displayPath(File) << ":" << P.Line << ":" << P.Col << ": ";
  }
  OS << Level << ": " << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
}

void writeText(raw_ostream &OS, const Finding &F, SourceCache &Sources) {
  writeMessage(OS, Sources, F.File, F.Offset,
               F.CompilerError ? "error" : "warning", F.Message,
               F.CompilerError ? StringRef() : StringRef(F.Check));
  for (const Note &N : F.Notes)
    writeMessage(OS, Sources, N.File, N.Offset, "note", N.Message, "");
}

static json::Object place(StringRef File, unsigned Offset, StringRef Root,
                          SourceCache &Sources) {
  if (File.empty())
    return json::Object{};
  Position P = Sources.at(File, Offset);
  return json::Object{{"file", reportPath(File, Root)},
                      {"line", P.Line},
                      {"column", P.Col}};
}

void writeJSON(raw_ostream &OS, ArrayRef<const Finding *> Findings,
               StringRef SourceRoot, SourceCache &Sources) {
  json::Array Out;
  for (const Finding *F : Findings) {
    json::Object O = place(F->File, F->Offset, SourceRoot, Sources);
    if (const FileText *T = Sources.get(F->File)) {
      Position P = T->at(F->Offset);
      O["endLine"] = P.Line;
      O["endColumn"] = P.Col + T->tokenLength(F->Offset);
    }
    O["check"] = F->Check;
    O["message"] = F->Message;
    O["function"] = F->Function;
    O["fingerprint"] = F->Fingerprint;
    json::Array Notes, Fixes;
    for (const Note &N : F->Notes) {
      json::Object NO = place(N.File, N.Offset, SourceRoot, Sources);
      NO["message"] = N.Message;
      Notes.push_back(std::move(NO));
    }
    for (const Replacement &X : F->Fixes) {
      json::Object XO = place(X.File, X.Offset, SourceRoot, Sources);
      Position E = Sources.at(X.File, X.Offset + X.Length);
      XO["endLine"] = E.Line;
      XO["endColumn"] = E.Col;
      XO["offset"] = X.Offset;
      XO["length"] = X.Length;
      XO["replacement"] = X.Text;
      Fixes.push_back(std::move(XO));
    }
    O["notes"] = std::move(Notes);
    O["fixes"] = std::move(Fixes);
    Out.push_back(std::move(O));
  }
  OS << formatv("{0:2}", json::Value(json::Object{
                             {"version", 1}, {"findings", std::move(Out)}}))
     << "\n";
}

} // namespace racelint::cli
