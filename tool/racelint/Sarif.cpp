//===--- Sarif.cpp - Findings as SARIF 2.1.0 ------------------------------===//
//
// What GitHub code scanning reads: rules with descriptions and help from the
// check pages, locations relative to the SRCROOT base id, full regions,
// notes as related locations, fix-its as fixes, and partial fingerprints
// that survive unrelated edits.
//
//===----------------------------------------------------------------------===//

#include "Catalog.h"
#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>

using namespace llvm;

namespace racelint::cli {

namespace {

struct CheckDoc {
  const char *Id;
  const char *Markdown;
};

const CheckDoc CheckDocs[] = {
#include "CheckDocs.inc"
};

/// Paragraphs of a Markdown page: runs of non-blank lines, headings alone.
std::vector<std::string> paragraphs(StringRef Text) {
  std::vector<std::string> Out;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty())
      Out.push_back(std::move(Cur));
    Cur.clear();
  };
  SmallVector<StringRef> Lines;
  Text.split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.rtrim();
    if (L.empty() || L.starts_with("#")) {
      Flush();
      if (!L.empty())
        Out.push_back(L.str());
      continue;
    }
    Cur += (Cur.empty() ? "" : " ") + L.trim().str();
  }
  Flush();
  return Out;
}

struct RuleText {
  std::string Short, Full, Markdown;
};

/// The page's first prose line is the check's summary (docs convention); the
/// first prose paragraph after it describes what it reports.
RuleText ruleText(const CheckInfo &C) {
  RuleText R{C.Summary, C.Summary, ""};
  for (const CheckDoc &D : CheckDocs) {
    if (StringRef(D.Id) != C.Id)
      continue;
    R.Markdown = D.Markdown;
    bool HaveSummary = false;
    for (const std::string &P : paragraphs(D.Markdown)) {
      if (StringRef(P).starts_with("#") || StringRef(P).starts_with("|") ||
          StringRef(P).starts_with("```"))
        continue;
      if (!HaveSummary) {
        R.Short = R.Full = P;
        HaveSummary = true;
        continue;
      }
      R.Full += " " + P;
      break;
    }
  }
  if (R.Markdown.empty())
    R.Markdown = "# " + std::string(C.Id) + "\n\n" + C.Summary + "\n";
  return R;
}

std::string ruleName(StringRef Id) {
  // racelint-lock-discipline -> LockDiscipline
  std::string Name;
  SmallVector<StringRef> Parts;
  Id.drop_front(strlen("racelint-")).split(Parts, '-');
  for (StringRef P : Parts)
    if (!P.empty())
      Name += toUpper(P[0]) + P.drop_front(1).str();
  return Name;
}

/// Percent-encodes what may not appear in a URI path.
std::string uriPath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/!$&'()*+,;=:@").contains(C))
      Out.push_back(C);
    else
      Out += formatv("%{0:X-2}", unsigned(C)).str();
  }
  return Out;
}

json::Object artifact(StringRef File, StringRef Root) {
  std::string Rel = relativeTo(File, Root);
  if (Rel.empty())
    return json::Object{{"uri", "file://" + uriPath(File)}};
  return json::Object{{"uri", uriPath(Rel)}, {"uriBaseId", "SRCROOT"}};
}

json::Object region(SourceCache &Sources, StringRef File, unsigned Begin,
                    unsigned End) {
  const FileText *T = Sources.get(File);
  if (!T)
    return json::Object{};
  Position B = T->at(Begin), E = T->at(End);
  return json::Object{{"startLine", B.Line},
                      {"startColumn", utf16Column(T->line(B.Line), B.Col)},
                      {"endLine", E.Line},
                      {"endColumn", utf16Column(T->line(E.Line), E.Col)}};
}

json::Object location(SourceCache &Sources, StringRef File, unsigned Offset,
                      StringRef Root) {
  unsigned Len = 0;
  if (const FileText *T = Sources.get(File))
    Len = T->tokenLength(Offset);
  return json::Object{
      {"physicalLocation",
       json::Object{{"artifactLocation", artifact(File, Root)},
                    {"region", region(Sources, File, Offset, Offset + Len)}}}};
}

/// A lock-order finding as one code flow with a thread flow per side (per
/// thread) of the cycle, so that code scanning shows each acquisition
/// chain step by step. The check's notes come side by side: the closing
/// side first (its outer lock, the calls), ending at the warning itself;
/// each other side starts with the note that names its function
/// ("'A' acquired here, in 'f'", "acquired by the thread here, in ...").
json::Array lockOrderFlows(const Finding &F, SourceCache &Sources,
                           StringRef Root) {
  std::vector<std::vector<const Note *>> Sides(1);
  for (const Note &N : F.Notes) {
    if (N.File.empty())
      continue;
    if (StringRef(N.Message).contains(" here, in ") && !Sides.back().empty())
      Sides.emplace_back();
    Sides.back().push_back(&N);
  }
  auto Step = [&](StringRef File, unsigned Offset, StringRef Message) {
    json::Object L = location(Sources, File, Offset, Root);
    L["message"] = json::Object{{"text", Message}};
    return json::Object{{"location", std::move(L)}};
  };
  json::Array Threads;
  for (size_t I = 0; I < Sides.size(); ++I) {
    json::Array Steps;
    for (const Note *N : Sides[I])
      Steps.push_back(Step(N->File, N->Offset, N->Message));
    if (I == 0)
      Steps.push_back(Step(F.File, F.Offset, F.Message));
    Threads.push_back(json::Object{{"locations", std::move(Steps)}});
  }
  return json::Array{json::Object{{"threadFlows", std::move(Threads)}}};
}

} // namespace

void writeSarif(raw_ostream &OS, ArrayRef<const Finding *> Findings,
                StringRef SourceRoot, SourceCache &Sources) {
  json::Array Rules;
  std::map<std::string, unsigned> RuleIndex;
  for (const CheckInfo &C : allChecks()) {
    RuleText T = ruleText(C);
    RuleIndex[C.Id] = Rules.size();
    Rules.push_back(json::Object{
        {"id", C.Id},
        {"name", ruleName(C.Id)},
        {"shortDescription", json::Object{{"text", T.Short}}},
        {"fullDescription", json::Object{{"text", T.Full}}},
        {"help", json::Object{{"text", T.Markdown}, {"markdown", T.Markdown}}},
        {"defaultConfiguration", json::Object{{"level", "warning"}}},
        {"properties",
         json::Object{{"tags", json::Array{"concurrency", "thread-safety"}},
                      {"problem.severity", "warning"}}}});
  }

  json::Array Results;
  for (const Finding *F : Findings) {
    json::Object R{{"ruleId", F->Check},
                   {"level", "warning"},
                   {"message", json::Object{{"text", F->Message}}},
                   {"partialFingerprints",
                    json::Object{{"racelint/v1", F->Fingerprint}}}};
    auto It = RuleIndex.find(F->Check);
    if (It != RuleIndex.end())
      R["ruleIndex"] = It->second;
    if (!F->File.empty())
      R["locations"] =
          json::Array{location(Sources, F->File, F->Offset, SourceRoot)};
    json::Array Related;
    for (const Note &N : F->Notes) {
      if (N.File.empty())
        continue;
      json::Object L = location(Sources, N.File, N.Offset, SourceRoot);
      L["id"] = Related.size() + 1;
      L["message"] = json::Object{{"text", N.Message}};
      Related.push_back(std::move(L));
    }
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    if (F->Check == "racelint-lock-order" && !F->File.empty())
      R["codeFlows"] = lockOrderFlows(*F, Sources, SourceRoot);
    if (!F->Fixes.empty()) {
      // One change per file, replacements in file order.
      std::map<std::string, json::Array> PerFile;
      for (const Replacement &X : F->Fixes)
        PerFile[X.File].push_back(json::Object{
            {"deletedRegion",
             region(Sources, X.File, X.Offset, X.Offset + X.Length)},
            {"insertedContent", json::Object{{"text", X.Text}}}});
      json::Array Changes;
      for (auto &[File, Reps] : PerFile)
        Changes.push_back(json::Object{{"artifactLocation",
                                        artifact(File, SourceRoot)},
                                       {"replacements", std::move(Reps)}});
      R["fixes"] = json::Array{json::Object{
          {"description", json::Object{{"text", "apply racelint's fix-it"}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(R));
  }

  std::string Root = uriPath(SourceRoot.rtrim('/'));
  json::Object Run{
      {"tool",
       json::Object{{"driver",
                     json::Object{{"name", "racelint"},
                                  {"version", RACELINT_VERSION},
                                  {"semanticVersion", RACELINT_VERSION},
                                  {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       json::Object{{"SRCROOT", json::Object{{"uri", "file://" + Root + "/"}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)}};
  json::Object Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(Run)}}};
  OS << formatv("{0:2}", json::Value(std::move(Log))) << "\n";
}

} // namespace racelint::cli
