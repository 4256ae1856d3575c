//===--- Memory.h - Abstract locations and points-to -----------*- C++ -*-===//
//
// The lowest layer of the model (DESIGN.md section 3, "Memory"): every
// access and every lock names an abstract location, a root (a global, a heap
// allocation site, a parameter or `this` of a function, an escaped local, or
// an object known only by its type) followed by a field path. Pointers are
// resolved by a flow-insensitive, field-sensitive points-to pass per
// function; global pointers and function-pointer variables by what the TU
// stores into them.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_ANALYSIS_MEMORY_H
#define RACELINT_ANALYSIS_MEMORY_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class FieldDecl;
class FunctionDecl;
class RecordDecl;
class VarDecl;
} // namespace clang

namespace racelint {

/// The index of an element step: a constant, a local or parameter that the
/// function never assigns after its initialisation (so two uses name the
/// same element), or unknown.
struct ElemIndex {
  enum IndexKind : unsigned char { Any, Const, Sym };
  IndexKind Kind = Any;
  int64_t Value = 0;
  const clang::ValueDecl *Var = nullptr;
  /// Sym with no variable: one index expression, evaluated once (the lock
  /// and the fields reached through one `&a[f(x)]` argument).
  const clang::Expr *Index = nullptr;
  bool operator==(const ElemIndex &O) const {
    return Kind == O.Kind && Value == O.Value && Var == O.Var &&
           Index == O.Index;
  }
  /// Whether the two indices may designate the same element.
  bool mayEqual(const ElemIndex &O) const {
    return !(Kind == Const && O.Kind == Const && Value != O.Value);
  }
  /// Whether they certainly designate the same element.
  bool mustEqual(const ElemIndex &O) const {
    return Kind != Any && *this == O;
  }
};

struct PathStep {
  enum StepKind : unsigned char { Field, Deref, Elem };
  StepKind Kind = Field;
  const clang::FieldDecl *FieldD = nullptr;
  ElemIndex Index;
  bool operator==(const PathStep &O) const {
    return Kind == O.Kind && FieldD == O.FieldD && Index == O.Index;
  }
  bool mayOverlap(const PathStep &O) const {
    if (Kind != O.Kind)
      return false;
    if (Kind == Field)
      return FieldD == O.FieldD;
    if (Kind == Elem)
      return Index.mayEqual(O.Index);
    return true;
  }
};

/// An abstract location: root + field path.
struct AbsLoc {
  enum RootKind : unsigned char {
    Global,  // namespace-scope, static member or function-local static
    Heap,    // an allocation site
    Param,   // what parameter Index of Fn points (or refers) to
    This,    // the object `this` of Fn designates
    Local,   // a local whose address escapes
    Unknown, // an object known only by its record type
  };
  RootKind Root = Unknown;
  const clang::VarDecl *Var = nullptr;     // Global, Local
  const clang::Stmt *Site = nullptr;       // Heap
  const clang::FunctionDecl *Fn = nullptr; // Param, This
  unsigned Index = 0;                      // Param
  /// Unknown: the record type of the root object (null: no type known).
  const clang::RecordDecl *Type = nullptr;
  /// Unknown without a type: a lock known only by the name the code gives
  /// it (interned by TUMemory).
  const char *Name = nullptr;
  llvm::SmallVector<PathStep, 4> Path;

  AbsLoc() = default;
  AbsLoc(const AbsLoc &) = default;
  AbsLoc &operator=(const AbsLoc &) = default;
  // noexcept, or a std::vector of locations copies them all when it grows
  // (SmallVector does not promise a non-throwing move).
  AbsLoc(AbsLoc &&) noexcept = default;
  AbsLoc &operator=(AbsLoc &&) noexcept = default;

  bool operator==(const AbsLoc &O) const {
    return Root == O.Root && Var == O.Var && Site == O.Site && Fn == O.Fn &&
           Index == O.Index && Type == O.Type && Name == O.Name &&
           Path == O.Path;
  }
  bool sameRoot(const AbsLoc &O) const {
    return Root == O.Root && Var == O.Var && Site == O.Site && Fn == O.Fn &&
           Index == O.Index && Type == O.Type && Name == O.Name;
  }

  AbsLoc field(const clang::FieldDecl *F) const;
  AbsLoc deref() const;
  AbsLoc elem(ElemIndex I) const;
  /// `p + n` on a pointer into an array: any element of that array.
  AbsLoc anyElement() const;

  /// Whether the two locations may share storage: the same root, and one
  /// path a prefix of the other step by step (a whole struct overlaps its
  /// fields; `a[1]` and `a[2]` do not overlap).
  bool mayOverlap(const AbsLoc &O) const;
  /// Whether they certainly name the same storage.
  bool mustEqual(const AbsLoc &O) const;

  /// A root of the parameters or `this` of a function (to be substituted
  /// at its call sites).
  bool isParamRooted() const { return Root == Param || Root == This; }

  /// The same storage named by type only: the object after the last
  /// dereference becomes an Unknown root of its record type.
  AbsLoc byType() const;

  /// Stable key of the root ("g:ns::x", "heap:f.c:12:7", "type:conn").
  std::string rootKey() const;
  /// The whole location with element indices collapsed ("g:tab[*].n").
  std::string key() const;
  /// The record type of the object holding the last field (or the root's
  /// type), for messages and type-based fallbacks.
  const clang::RecordDecl *lastRecord() const;
};

/// What a pointer (or reference) may designate.
struct PtsSet {
  llvm::SmallVector<AbsLoc, 2> Objs;
  llvm::SmallVector<const clang::FunctionDecl *, 2> Funcs;
  /// The value may also come from somewhere the analysis cannot see.
  bool Unknown = false;
  bool empty() const { return Objs.empty() && Funcs.empty() && !Unknown; }
  void add(const AbsLoc &L);
  void add(const clang::FunctionDecl *F);
  void merge(const PtsSet &O);
};

/// Caps the number of objects a pointer is tracked to; beyond it the
/// pointer is treated as unknown (and resolved by type).
constexpr unsigned MaxPointsTo = 4;

/// The variable a qualified name ("ns::x", "x") designates at namespace
/// scope in the TU; null when there is none.
const clang::VarDecl *globalNamed(clang::ASTContext &Ctx,
                                  llvm::StringRef Qual);

class TUMemory;

/// The points-to facts of one function (and the lambdas it contains, which
/// see its locals), and the abstract locations of its expressions.
class FunctionMemory {
public:
  FunctionMemory(const clang::FunctionDecl *FD, TUMemory &TU);

  /// The locations the lvalue E may designate. Empty when E names storage
  /// no other thread can reach (a private local, a temporary).
  PtsSet locOf(const clang::Expr *E) const;
  /// What the pointer (or, for references, the referent of) E may
  /// designate.
  PtsSet valueOf(const clang::Expr *E) const;
  /// The locations designated by a lock key of the lockset analysis, as
  /// written in function FD (which is this function or a lambda in it).
  PtsSet lockKeyLoc(const clang::FunctionDecl *FD,
                    llvm::StringRef Key) const;

  /// What the reference or pointer local V designates.
  PtsSet referentOf(const clang::VarDecl *V) const { return pointeeOfVar(V); }
  /// A local whose address escapes the function (taken with &, captured by
  /// reference, bound to a reference, passed by non-const reference).
  bool escapes(const clang::VarDecl *V) const { return Escaped.count(V); }
  /// Locals that the function never assigns after their initialisation.
  bool assignedOnce(const clang::VarDecl *V) const {
    return !Reassigned.count(V);
  }
  /// The element index an index expression denotes.
  ElemIndex indexOf(const clang::Expr *Idx) const;

  TUMemory &tu() const { return TU; }

private:
  void collect(const clang::Stmt *S);
  PtsSet locOfOrTemporary(const clang::Expr *E) const;
  void solve();
  PtsSet pointeeOfVar(const clang::VarDecl *V) const;
  PtsSet derefAll(const PtsSet &P, const clang::Expr *Through) const;

  const clang::FunctionDecl *FD;
  TUMemory &TU;
  /// Pointer and reference locals with the expressions assigned to them.
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<const clang::Expr *, 2>>
      Sources;
  /// A node per pointer: a DenseMap of these half-kilobyte sets starts at
  /// 64 buckets, 36 KB per function, most of a large TU's points-to memory.
  std::map<const clang::VarDecl *, PtsSet> Pts;
  /// Range-for loop references and the ranges they walk.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> RangeOf;
  llvm::DenseSet<const clang::VarDecl *> Escaped, Reassigned;
  /// Uses, inside lambdas, of variables the lambda captured by copy.
  llvm::DenseSet<const clang::DeclRefExpr *> CopiedRefs;
  mutable unsigned Depth = 0;
};

/// Facts about the whole TU the per-function pass needs: what global
/// pointers and function-pointer variables and fields are assigned, and
/// which functions return fresh memory.
class TUMemory {
public:
  explicit TUMemory(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Scans the definitions once (call before any FunctionMemory is used).
  void scan(llvm::ArrayRef<const clang::FunctionDecl *> Defs);

  /// The per-function facts, built on first use; lambdas share their
  /// enclosing function's.
  const FunctionMemory &of(const clang::FunctionDecl *FD);

  /// Functions stored into a function-pointer global or field anywhere in
  /// the TU (initialisers included).
  llvm::ArrayRef<const clang::FunctionDecl *>
  functionsStoredIn(const clang::ValueDecl *VarOrField) const;
  /// Objects a global pointer is made to point to, when every store into
  /// it in the TU is to a known object; null otherwise.
  const PtsSet *globalTargets(const clang::VarDecl *V) const;
  /// Whether calls of FD return memory it allocated and did not publish
  /// (a user allocator); set by the summary pass.
  bool returnsFresh(const clang::FunctionDecl *FD) const;
  void setReturnsFresh(const clang::FunctionDecl *FD) {
    FreshReturning.insert(FD->getCanonicalDecl());
  }
  /// A call that allocates: malloc & co, new, make_shared/make_unique, or
  /// a function that returns fresh memory.
  bool isAllocation(const clang::Expr *E) const;

  clang::ASTContext &context() const { return Ctx; }
  /// A stable copy of S, for names of locks racelint cannot place.
  const char *intern(llvm::StringRef S) {
    return Names.insert(S).first->getKeyData();
  }

private:
  friend class FunctionMemory;
  llvm::StringSet<> Names;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 2>>
      FnStores;
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<const clang::Expr *, 2>>
      GlobalStores;
  llvm::DenseSet<const clang::VarDecl *> GlobalUnknown;
  mutable llvm::DenseMap<const clang::VarDecl *, std::optional<PtsSet>>
      GlobalPts;
  mutable llvm::DenseSet<const clang::VarDecl *> GlobalInProgress;
  llvm::DenseMap<const clang::VarDecl *, const clang::FunctionDecl *>
      StoreContext;
  llvm::DenseSet<const clang::FunctionDecl *> FreshReturning;
  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionMemory>>
      Functions;
};

/// The outermost function a lambda's call operator is written in (the
/// function itself when it is not a lambda).
const clang::FunctionDecl *enclosingFunction(const clang::FunctionDecl *FD);
/// A field canonicalised to its declaration in the class template pattern,
/// so instantiations of one template share their fields.
const clang::FieldDecl *canonicalField(const clang::FieldDecl *F);
/// The record a (possibly reference, possibly array) type designates, or
/// the one a pointer of that type points to, canonicalised to the class
/// template pattern. Null for a pointer to a pointer: that designates a
/// pointer slot, not an object of the record further down.
const clang::RecordDecl *recordOfType(clang::QualType T);
/// The record an object of type T is (references and arrays looked
/// through, pointers not): null for a pointer slot.
const clang::RecordDecl *recordOfObject(clang::QualType T);
/// A record's definition.
const clang::RecordDecl *canonicalRecord(const clang::RecordDecl *RD);
/// A standard container whose operator[] and at() pick an element without
/// changing the container (vector, array, deque, span, string).
bool isSequenceContainer(clang::QualType T);
/// Pointers, arrays and the standard smart pointers.
bool isPointerLike(clang::QualType T);

} // namespace racelint

#endif
