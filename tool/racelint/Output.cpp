//===--- Output.cpp - Findings as text and JSON ---------------------------===//

#include "Output.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>
#include <set>

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

/// A DOT string literal.
static std::string dotQuote(StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

void writeLockGraph(raw_ostream &OS, ArrayRef<TUResult::LockEdge> Orders,
                    StringRef SourceRoot, SourceCache &Sources) {
  struct Info {
    std::set<std::pair<std::string, unsigned>> Places;
    bool InCycle = false;
  };
  // A header's order seen by several files is one place.
  std::map<std::pair<std::string, std::string>, Info> Edges;
  std::set<std::string> Nodes, CycleNodes;
  for (const TUResult::LockEdge &E : Orders) {
    Info &I = Edges[{E.From, E.To}];
    I.Places.insert({E.File, E.Offset});
    I.InCycle |= E.InCycle;
    Nodes.insert(E.From);
    Nodes.insert(E.To);
  }
  // A cycle across files is marked by the file that reports it, on its
  // own side: the other side is the reverse order.
  for (auto &[Key, I] : Edges) {
    auto Rev = Edges.find({Key.second, Key.first});
    if (Rev != Edges.end() && Rev->second.InCycle)
      I.InCycle = true;
  }
  for (const auto &[Key, I] : Edges)
    if (I.InCycle) {
      CycleNodes.insert(Key.first);
      CycleNodes.insert(Key.second);
    }
  OS << "// racelint lock graph: an edge A -> B where B is acquired while A "
        "is held.\n"
     << "// Red: a cycle racelint-lock-order reports. Dashed orange: both "
        "orders, not\n// reported (a gate lock, code that cannot run "
        "concurrently, or --per-file).\n"
     << "digraph locks {\n"
     << "  node [shape=box, fontname=\"monospace\"];\n";
  for (const std::string &N : Nodes) {
    OS << "  " << dotQuote(N);
    if (CycleNodes.count(N))
      OS << " [color=red]";
    OS << ";\n";
  }
  for (const auto &[Key, I] : Edges) {
    const auto &[File, Offset] = *I.Places.begin();
    std::string Where = "?";
    if (!File.empty())
      Where = reportPath(File, SourceRoot) + ":" +
              std::to_string(Sources.at(File, Offset).Line);
    std::string Label = Where;
    if (I.Places.size() > 1)
      Label = std::to_string(I.Places.size()) + " places, e.g. " + Where;
    OS << "  " << dotQuote(Key.first) << " -> " << dotQuote(Key.second)
       << " [label=" << dotQuote(Label);
    // Both orders, which the check weighed and did not report (or, with
    // --per-file, never saw together).
    auto Rev = Edges.find({Key.second, Key.first});
    if (I.InCycle)
      OS << ", color=red, fontcolor=red";
    else if (Rev != Edges.end() && !Rev->second.InCycle)
      OS << ", color=orange, fontcolor=orange, style=dashed";
    OS << "];\n";
  }
  OS << "}\n";
}

} // namespace racelint::cli
