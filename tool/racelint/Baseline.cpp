//===--- Baseline.cpp - Findings accepted as they are ---------------------===//

#include "Baseline.h"
#include "Output.h"
#include "SafeWrite.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include <tuple>

using namespace llvm;

namespace racelint::cli {

Error writeBaseline(StringRef Path, ArrayRef<const Finding *> Findings,
                    StringRef SourceRoot) {
  struct Entry {
    std::string File, Check, Function, Message, Fingerprint;
    auto key() const {
      return std::tie(File, Check, Function, Fingerprint, Message);
    }
  };
  std::vector<Entry> Entries;
  for (const Finding *F : Findings)
    Entries.push_back({reportPath(F->File, SourceRoot), F->Check, F->Function,
                       F->Message, F->Fingerprint});
  llvm::sort(Entries, [](const Entry &A, const Entry &B) {
    return A.key() < B.key();
  });
  json::Array Out;
  for (const Entry &E : Entries)
    Out.push_back(json::Object{{"file", E.File},
                               {"check", E.Check},
                               {"function", E.Function},
                               {"message", E.Message},
                               {"fingerprint", E.Fingerprint}});
  json::Value Doc = json::Object{
      {"version", 1}, {"tool", "racelint"}, {"findings", std::move(Out)}};
  return writeOutput(
      Path, [&](raw_ostream &OS) { OS << formatv("{0:2}", Doc) << "\n"; });
}

Expected<Baseline> Baseline::read(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return createStringError("cannot read baseline '" + Path +
                             "': " + Buf.getError().message());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return createStringError("baseline '" + Path + "' is not valid JSON (" +
                             toString(V.takeError()) + ")");
  const json::Object *Doc = V->getAsObject();
  const json::Array *Findings = Doc ? Doc->getArray("findings") : nullptr;
  if (!Findings || Doc->getInteger("version") != 1)
    return createStringError("'" + Path +
                             "' is not a racelint baseline (version 1, "
                             "written by --write-baseline)");
  Baseline B;
  for (const json::Value &E : *Findings) {
    const json::Object *O = E.getAsObject();
    std::optional<StringRef> File = O ? O->getString("file") : std::nullopt;
    std::optional<StringRef> FP =
        O ? O->getString("fingerprint") : std::nullopt;
    if (!File || !FP)
      return createStringError("baseline '" + Path +
                               "': an entry has no \"file\" or "
                               "\"fingerprint\" string");
    ++B.Entries[{File->str(), FP->str()}];
  }
  return B;
}

bool Baseline::accept(const Finding &F, StringRef SourceRoot) {
  auto It = Entries.find({reportPath(F.File, SourceRoot), F.Fingerprint});
  if (It == Entries.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

} // namespace racelint::cli
