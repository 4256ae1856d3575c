// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// A library TU that starts no thread and never locks: a global written here
// may well be single-threaded, so racelint stays silent without evidence.
int CacheHits;
int CacheMisses;

int lookup(int Key) {
  if (Key % 2) {
    ++CacheHits;
    return 1;
  }
  CacheMisses += 1;
  return 0;
}
