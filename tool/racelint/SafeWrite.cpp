//===--- SafeWrite.cpp - Writing files as a careful editor saves them -----===//

#include "SafeWrite.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace racelint::cli {

namespace {

std::string lastError() {
  return std::error_code(errno, std::generic_category()).message();
}

Error fail(const Twine &Msg) { return createStringError(Msg); }

/// Read-only for everyone, or not writable by us. root may write a 0444
/// file, but the mode says nobody should.
bool readOnly(const struct stat &St, const std::string &Path) {
  return (St.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
         access(Path.c_str(), W_OK) != 0;
}

Error writeAll(int FD, StringRef Text) {
  while (!Text.empty()) {
    ssize_t N = ::write(FD, Text.data(), Text.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return fail(lastError());
    }
    Text = Text.drop_front(N);
  }
  return Error::success();
}

Expected<std::string> readAll(int FD) {
  std::string Out;
  char Buf[65536];
  while (true) {
    ssize_t N = ::read(FD, Buf, sizeof(Buf));
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return fail(lastError());
    }
    if (N == 0)
      return Out;
    Out.append(Buf, N);
  }
}

Expected<std::string> readFile(const std::string &Path) {
  int FD = ::open(Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (FD < 0)
    return fail(lastError());
  Expected<std::string> Text = readAll(FD);
  ::close(FD);
  return Text;
}

Error changed(StringRef Path) {
  return fail("it changed since racelint read it");
}

} // namespace

Expected<std::string> writeTarget(StringRef Path, bool RegularOnly) {
  std::string Target = Path.str();
  struct stat St;
  // Links are followed one at a time: the last one may name a file to
  // create.
  for (unsigned Links = 0;; ++Links) {
    if (::lstat(Target.c_str(), &St) != 0) {
      if (errno != ENOENT || RegularOnly)
        return fail(lastError());
      // A new file, in a directory that must exist.
      StringRef Dir = sys::path::parent_path(Target);
      if (!Dir.empty() && !sys::fs::is_directory(Dir))
        return fail("its directory does not exist");
      return Target;
    }
    if (!S_ISLNK(St.st_mode))
      break;
    char Buf[4096];
    ssize_t N = ::readlink(Target.c_str(), Buf, sizeof(Buf));
    if (N <= 0 || Links == 40)
      return fail("it is a symbolic link that cannot be followed");
    SmallString<256> Next(sys::path::parent_path(Target));
    if (sys::path::is_absolute(StringRef(Buf, N)))
      Next.clear();
    sys::path::append(Next, StringRef(Buf, N));
    Target = std::string(Next);
  }
  if (S_ISDIR(St.st_mode))
    return fail("it is a directory");
  if (!S_ISREG(St.st_mode)) {
    if (RegularOnly)
      return fail("it is not a regular file");
    return Target; // a device or a pipe, written as it is
  }
  if (readOnly(St, Target))
    return fail("it is read-only");
  return Target;
}

Error writeFileSafely(StringRef Path, StringRef Text,
                      std::optional<StringRef> Before) {
  Expected<std::string> T = writeTarget(Path, Before.has_value());
  if (!T)
    return T.takeError();
  struct stat St;
  bool Exists = ::stat(T->c_str(), &St) == 0;
  if (!Exists && Before)
    return changed(Path); // it was there when it was read

  if (Exists && !S_ISREG(St.st_mode)) {
    int FD = ::open(T->c_str(), O_WRONLY | O_CLOEXEC);
    if (FD < 0)
      return fail(lastError());
    Error E = writeAll(FD, Text);
    ::close(FD);
    return E;
  }

  if (Exists && St.st_nlink > 1) {
    // A rename would split the links: rewrite the one inode instead.
    int FD = ::open(T->c_str(), O_RDWR | O_CLOEXEC);
    if (FD < 0)
      return fail(lastError());
    Error E = Error::success();
    if (Before) {
      Expected<std::string> Current = readAll(FD);
      if (!Current)
        E = Current.takeError();
      else if (*Current != *Before)
        E = changed(Path);
    }
    if (!E && ::lseek(FD, 0, SEEK_SET) != 0)
      E = fail(lastError());
    if (!E)
      E = writeAll(FD, Text);
    if (!E && (::ftruncate(FD, Text.size()) != 0 || ::fsync(FD) != 0))
      E = fail(lastError());
    ::close(FD);
    return E;
  }

  // A new file beside the target, with its mode and owner, renamed over
  // it once complete.
  SmallString<256> Model(sys::path::parent_path(*T));
  if (Model.empty())
    Model = ".";
  sys::path::append(Model,
                    "." + sys::path::filename(*T) + ".racelint-%%%%%%");
  int FD;
  SmallString<256> Temp;
  unsigned Mode = Exists ? (St.st_mode & 07777) : 0666;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Temp,
                                                     sys::fs::OF_None, Mode))
    return fail("cannot create a file beside it: " + EC.message());
  auto Discard = [&](Error E) {
    ::close(FD);
    ::unlink(Temp.c_str());
    return E;
  };
  if (Exists) {
    // The umask applied at creation; the owner is kept where we may.
    if (::fchmod(FD, St.st_mode & 07777) != 0)
      return Discard(fail(lastError()));
    if (St.st_uid != ::geteuid() || St.st_gid != ::getegid())
      (void)!::fchown(FD, St.st_uid, St.st_gid);
  }
  if (Error E = writeAll(FD, Text))
    return Discard(std::move(E));
  if (::fsync(FD) != 0)
    return Discard(fail(lastError()));
  ::close(FD);
  if (Before) {
    Expected<std::string> Current = readFile(*T);
    if (!Current || *Current != *Before) {
      consumeError(Current.takeError());
      ::unlink(Temp.c_str());
      return changed(Path);
    }
  }
  if (::rename(Temp.c_str(), T->c_str()) != 0) {
    std::string Msg = lastError();
    ::unlink(Temp.c_str());
    return fail(Msg);
  }
  return Error::success();
}

Error writeOutput(StringRef Path, function_ref<void(raw_ostream &)> Write) {
  if (Path == "-") {
    Write(outs());
    outs().flush();
    return outs().has_error() ? fail(outs().error().message())
                              : Error::success();
  }
  std::string Text;
  raw_string_ostream OS(Text);
  Write(OS);
  return writeFileSafely(Path, Text);
}

bool sameFile(StringRef A, StringRef B) {
  bool Same = false;
  return !sys::fs::equivalent(A, B, Same) && Same;
}

} // namespace racelint::cli
