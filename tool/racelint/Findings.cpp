//===--- Findings.cpp - What one racelint run found -----------------------===//

#include "Findings.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace racelint::cli {

// The worker protocol carries paths, messages and fix-it text as hex: they
// are bytes (a Latin-1 file name, a newline in a name), and JSON strings
// must be UTF-8, which llvm::json would enforce by replacing the bytes.
static json::Value bytes(StringRef S) { return toHex(S, /*LowerCase=*/true); }

/// O's field K, or null.
static const json::Value &get(const json::Object &O, StringRef K) {
  static const json::Value Null = nullptr;
  const json::Value *V = O.get(K);
  return V ? *V : Null;
}

static bool fromBytes(const json::Value &V, std::string &Out, json::Path P) {
  std::optional<StringRef> S = V.getAsString();
  if (!S || !tryGetFromHex(*S, Out)) {
    P.report("expected hex bytes");
    return false;
  }
  return true;
}

json::Value toJSON(const TUResult &R) {
  json::Array Findings;
  for (const Finding &F : R.Findings) {
    json::Array Notes, Fixes;
    for (const Note &N : F.Notes)
      Notes.push_back(json::Object{{"file", bytes(N.File)},
                                   {"offset", N.Offset},
                                   {"message", bytes(N.Message)}});
    for (const Replacement &X : F.Fixes)
      Fixes.push_back(json::Object{{"file", bytes(X.File)},
                                   {"offset", X.Offset},
                                   {"length", X.Length},
                                   {"text", bytes(X.Text)}});
    Findings.push_back(json::Object{{"check", bytes(F.Check)},
                                    {"compilerError", F.CompilerError},
                                    {"file", bytes(F.File)},
                                    {"offset", F.Offset},
                                    {"message", bytes(F.Message)},
                                    {"function", bytes(F.Function)},
                                    {"notes", std::move(Notes)},
                                    {"fixes", std::move(Fixes)}});
  }
  json::Array Digests;
  for (const auto &[File, Digest] : R.Digests)
    Digests.push_back(json::Array{bytes(File), bytes(Digest)});
  json::Array Deps;
  for (const std::string &D : R.Deps)
    Deps.push_back(bytes(D));
  json::Array Edges;
  for (const TUResult::LockEdge &E : R.LockEdges)
    Edges.push_back(json::Array{bytes(E.From), bytes(E.To), bytes(E.File),
                                E.Offset, E.InCycle});
  return json::Object{{"crashed", R.Crashed},
                      {"findings", std::move(Findings)},
                      {"digests", std::move(Digests)},
                      {"lockEdges", std::move(Edges)},
                      {"summary", bytes(R.Summary)},
                      {"deps", std::move(Deps)}};
}

static bool fromJSON(const json::Value &V, Note &N, json::Path P) {
  const json::Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  return fromBytes(get(*O, "file"), N.File, P.field("file")) &&
         json::fromJSON(get(*O, "offset"), N.Offset, P.field("offset")) &&
         fromBytes(get(*O, "message"), N.Message, P.field("message"));
}

static bool fromJSON(const json::Value &V, Replacement &R, json::Path P) {
  const json::Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  return fromBytes(get(*O, "file"), R.File, P.field("file")) &&
         json::fromJSON(get(*O, "offset"), R.Offset, P.field("offset")) &&
         json::fromJSON(get(*O, "length"), R.Length, P.field("length")) &&
         fromBytes(get(*O, "text"), R.Text, P.field("text"));
}

static bool fromJSON(const json::Value &V, Finding &F, json::Path P) {
  const json::Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  json::ObjectMapper M(V, P);
  return fromBytes(get(*O, "check"), F.Check, P.field("check")) &&
         M.map("compilerError", F.CompilerError) &&
         fromBytes(get(*O, "file"), F.File, P.field("file")) &&
         M.map("offset", F.Offset) &&
         fromBytes(get(*O, "message"), F.Message, P.field("message")) &&
         fromBytes(get(*O, "function"), F.Function, P.field("function")) &&
         M.map("notes", F.Notes) && M.map("fixes", F.Fixes);
}

bool fromJSON(const json::Value &V, TUResult &R, json::Path P) {
  json::ObjectMapper O(V, P);
  if (!O || !O.map("crashed", R.Crashed) || !O.map("findings", R.Findings))
    return false;
  const json::Array *D = V.getAsObject()->getArray("digests");
  if (!D) {
    P.field("digests").report("expected an array");
    return false;
  }
  for (const json::Value &E : *D) {
    const json::Array *Pair = E.getAsArray();
    std::string File, Digest;
    if (!Pair || Pair->size() != 2 ||
        !fromBytes((*Pair)[0], File, P.field("digests")) ||
        !fromBytes((*Pair)[1], Digest, P.field("digests")))
      return false;
    R.Digests[File] = Digest;
  }
  if (const json::Array *L = V.getAsObject()->getArray("lockEdges"))
    for (const json::Value &E : *L) {
      const json::Array *A = E.getAsArray();
      TUResult::LockEdge X;
      std::optional<int64_t> Off = A && A->size() == 5 ? (*A)[3].getAsInteger()
                                                       : std::nullopt;
      std::optional<bool> Cyc = Off ? (*A)[4].getAsBoolean() : std::nullopt;
      if (!Cyc || !fromBytes((*A)[0], X.From, P.field("lockEdges")) ||
          !fromBytes((*A)[1], X.To, P.field("lockEdges")) ||
          !fromBytes((*A)[2], X.File, P.field("lockEdges"))) {
        P.field("lockEdges").report("expected [from, to, file, offset, cycle]");
        return false;
      }
      X.Offset = static_cast<unsigned>(*Off);
      X.InCycle = *Cyc;
      R.LockEdges.push_back(std::move(X));
    }
  if (const json::Value *S = V.getAsObject()->get("summary"))
    if (!fromBytes(*S, R.Summary, P.field("summary")))
      return false;
  if (const json::Array *D = V.getAsObject()->getArray("deps"))
    for (const json::Value &E : *D) {
      std::string Dep;
      if (!fromBytes(E, Dep, P.field("deps")))
        return false;
      R.Deps.push_back(std::move(Dep));
    }
  return true;
}

std::string digestOf(StringRef Text) {
  std::array<uint8_t, 32> D = SHA256::hash(arrayRefFromStringRef(Text));
  return toHex(ArrayRef<uint8_t>(D), /*LowerCase=*/true);
}

FileText::FileText(std::unique_ptr<MemoryBuffer> B) : Buf(std::move(B)) {
  StringRef T = Buf->getBuffer();
  LineStarts.push_back(0);
  for (size_t I = 0; I < T.size(); ++I)
    if (T[I] == '\n')
      LineStarts.push_back(I + 1);
}

Position FileText::at(unsigned Offset) const {
  auto It = llvm::upper_bound(LineStarts, Offset);
  unsigned Line = It - LineStarts.begin(); // >= 1: LineStarts[0] is 0
  return {Line, Offset - LineStarts[Line - 1] + 1};
}

StringRef FileText::line(unsigned Line) const {
  if (Line == 0 || Line > LineStarts.size())
    return "";
  StringRef T = Buf->getBuffer().drop_front(LineStarts[Line - 1]);
  return T.take_until([](char C) { return C == '\n'; }).rtrim('\r');
}

unsigned FileText::tokenLength(unsigned Offset) const {
  StringRef T = Buf->getBuffer().drop_front(std::min<size_t>(
      Offset, Buf->getBufferSize()));
  if (T.empty() || T[0] == '\n' || T[0] == '\r')
    return 0;
  auto Word = [](char C) { return isAlnum(C) || C == '_'; };
  if (Word(T[0]))
    return T.take_while(Word).size();
  for (StringRef Op : {"<<=", ">>=", "->*", "...", "++", "--", "+=", "-=",
                       "*=", "/=", "%=", "&=", "|=", "^=", "==", "!=", "<=",
                       ">=", "&&", "||", "<<", ">>", "->", "::"})
    if (T.starts_with(Op))
      return Op.size();
  return 1;
}

const FileText *SourceCache::get(StringRef File) {
  auto &Slot = Files[File];
  if (!Slot) {
    auto MB = MemoryBuffer::getFile(File);
    if (!MB)
      return nullptr;
    Slot = std::make_unique<FileText>(std::move(*MB));
  }
  return Slot.get();
}

unsigned utf16Column(StringRef Line, unsigned ByteCol) {
  unsigned Units = 0;
  StringRef Prefix = Line.take_front(ByteCol - 1);
  for (unsigned char C : Prefix) {
    if ((C & 0xC0) == 0x80)
      continue; // continuation byte
    Units += C >= 0xF0 ? 2 : 1; // 4-byte sequences are surrogate pairs
  }
  // A column past the line's end (an end of line position) stays in bytes.
  return Units + 1 + (ByteCol - 1 > Prefix.size() ? ByteCol - 1 - Prefix.size()
                                                  : 0);
}

std::string absolutePath(StringRef Path, StringRef Base) {
  SmallString<256> Abs(Path);
  if (sys::path::is_relative(Abs)) {
    if (Base.empty())
      sys::fs::make_absolute(Abs);
    else
      sys::path::make_absolute(Base, Abs);
  }
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string displayPath(StringRef Path) {
  SmallString<256> CWD;
  if (sys::fs::current_path(CWD))
    return Path.str();
  CWD.push_back('/');
  if (Path.starts_with(CWD))
    return Path.drop_front(CWD.size()).str();
  return Path.str();
}

std::string relativeTo(StringRef Path, StringRef Root) {
  std::string R = Root.rtrim('/').str() + "/";
  if (!Path.starts_with(R))
    return "";
  SmallString<256> Rel(Path.drop_front(R.size()));
  sys::path::native(Rel, sys::path::Style::posix);
  return std::string(Rel);
}

static auto key(const Finding &F) {
  return std::make_tuple(StringRef(F.File), F.Offset, StringRef(F.Check),
                         StringRef(F.Message));
}

/// A message with its numbers taken out: "guards it at 3 of 4 accesses"
/// and "at 5 of 6" are one statement seen from two translation units.
static std::string withoutNumbers(StringRef Message) {
  std::string Out;
  for (char C : Message)
    if (!isDigit(C))
      Out += C;
  return Out;
}

void sortAndDeduplicate(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return key(A) < key(B);
                   });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return key(A) == key(B);
                             }),
                 Findings.end());
  // A header's statement is analysed once per file that includes it, each
  // time with the counts that file sees: report it once, with the first
  // message in sorted order (so -j N gives what -j 1 gives).
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  Findings.erase(
      std::remove_if(Findings.begin(), Findings.end(),
                     [&](const Finding &F) {
                       if (!F.isRacelint())
                         return false;
                       return !Seen
                                   .insert({F.File, F.Offset, F.Check,
                                            withoutNumbers(F.Message)})
                                   .second;
                     }),
      Findings.end());
}

void assignFingerprints(std::vector<Finding> &Findings, SourceCache &Sources) {
  // (file, identity) -> occurrences so far, in position order.
  std::map<std::pair<std::string, std::string>, unsigned> Seen;
  for (Finding &F : Findings) {
    if (!F.isRacelint())
      continue;
    std::string Text;
    if (const FileText *T = Sources.get(F.File))
      for (char C : T->line(T->at(F.Offset).Line))
        if (!isSpace(C))
          Text.push_back(C);
    std::string Identity = F.Check + '\0' + Text + '\0' + F.Function;
    unsigned Index = Seen[{F.File, Identity}]++;
    SHA256 H;
    H.update(Identity + '\0' + std::to_string(Index));
    std::array<uint8_t, 32> Digest = H.final();
    F.Fingerprint = toHex(ArrayRef<uint8_t>(Digest).take_front(16),
                          /*LowerCase=*/true);
  }
}

} // namespace racelint::cli
