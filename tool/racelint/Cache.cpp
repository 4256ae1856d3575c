//===--- Cache.cpp - Results reused across runs (--cache) -----------------===//

#include "Cache.h"
#include "SafeWrite.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace racelint::cli {

/// Bumped when an entry's layout or meaning changes.
static constexpr int EntryVersion = 1;

std::string ResultCache::key(ArrayRef<std::string> Parts) {
  std::string All = "racelint-cache " + std::to_string(EntryVersion);
  for (const std::string &P : Parts) {
    All += '\0';
    All += P;
  }
  // Two independent 64-bit hashes: a collision would reuse a wrong result.
  return formatv("{0:x-16}{1:x-16}", xxh3_64bits(All),
                 xxh3_64bits("salt" + All))
      .str();
}

std::string ResultCache::entryPath(StringRef Key) const {
  SmallString<256> P(Dir);
  sys::path::append(P, Key + ".json");
  return std::string(P);
}

const std::string &ResultCache::contentHash(StringRef Path) {
  auto [It, New] = Hashes.try_emplace(Path);
  if (New) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
        MemoryBuffer::getFile(Path, /*IsText=*/false,
                              /*RequiresNullTerminator=*/false);
    if (Buf)
      It->second = formatv("{0:x-16}", xxh3_64bits((*Buf)->getBuffer())).str();
  }
  return It->second;
}

std::optional<TUResult> ResultCache::get(StringRef Key) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(entryPath(Key));
  if (!Buf)
    return std::nullopt;
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V) {
    consumeError(V.takeError());
    return std::nullopt;
  }
  const json::Object *O = V->getAsObject();
  const json::Array *Deps = O ? O->getArray("deps") : nullptr;
  const json::Value *Result = O ? O->get("result") : nullptr;
  if (!Deps || !Result || O->getInteger("version") != EntryVersion)
    return std::nullopt;
  for (const json::Value &D : *Deps) {
    const json::Array *Pair = D.getAsArray();
    std::optional<StringRef> Path, Hash;
    if (Pair && Pair->size() == 2) {
      Path = (*Pair)[0].getAsString();
      Hash = (*Pair)[1].getAsString();
    }
    if (!Path || !Hash || contentHash(*Path).empty() ||
        contentHash(*Path) != *Hash)
      return std::nullopt;
  }
  TUResult R;
  json::Path::Root Root;
  if (!fromJSON(*Result, R, Root))
    return std::nullopt;
  ++Hits;
  return R;
}

void ResultCache::put(StringRef Key, const TUResult &R) {
  if (R.Crashed || R.Deps.empty() ||
      llvm::any_of(R.Findings, [](const Finding &F) { return F.CompilerError; }))
    return;
  json::Array Deps;
  for (const std::string &D : R.Deps) {
    if (!json::isUTF8(D))
      return; // not a JSON string: not cached
    const std::string &H = contentHash(D);
    if (H.empty())
      return; // read during the analysis, gone now: nothing to check against
    Deps.push_back(json::Array{D, H});
  }
  json::Value Entry = json::Object{{"version", EntryVersion},
                                   {"deps", std::move(Deps)},
                                   {"result", toJSON(R)}};
  if (Error E = writeOutput(entryPath(Key),
                            [&](raw_ostream &OS) { OS << Entry << "\n"; }))
    consumeError(std::move(E));
}

} // namespace racelint::cli
