// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// A race is a pair of accesses. When no lock can be called the guard (two
// different locks, or one locked access against one bare one) both
// accesses are reported, each naming the other; when one lock guards most
// accesses only the deviant one is. The twins use one lock throughout.
#include <future>
#include <mutex>
#include <thread>

std::mutex IngestMu, ExportMu, TableMu;

long Rows;        // IngestMu vs ExportMu
long RowsOk;      // TableMu on both sides
double Mean;      // bare write vs locked read
double MeanOk;
int Stage;        // TableMu at three accesses, bare at one
int StageOk;

void ingest() {
  {
    std::lock_guard<std::mutex> G(IngestMu);
    Rows += 100;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Rows' is updated under 'IngestMu', but the conflicting update in 'exportRows' holds 'ExportMu'; no lock protects both [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE+16]]:3: note: conflicting update in 'exportRows' holding 'ExportMu'
  }
  {
    std::lock_guard<std::mutex> G(TableMu);
    RowsOk += 100;
    MeanOk = 2.5;
    Stage = 1;
    StageOk = 1;
  }
  Mean = 2.5;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mean' is written with no lock held, but 'main' reads it holding 'TableMu' [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE+26]]:9: note: conflicting read in 'main' holding 'TableMu'
}

double exportRows() {
  std::scoped_lock G(ExportMu);
  Rows -= 10;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Rows' is updated under 'ExportMu', but the conflicting update in 'ingest' holds 'IngestMu'; no lock protects both [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-20]]:5: note: conflicting update in 'ingest' holding 'IngestMu'
  return static_cast<double>(Rows);
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: 'Rows' is read under 'ExportMu', but the conflicting update in 'ingest' holds 'IngestMu'; no lock protects both [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-23]]:5: note: conflicting update in 'ingest' holding 'IngestMu'
}

double exportRowsOk() {
  std::scoped_lock G(TableMu);
  RowsOk -= 10;
  return static_cast<double>(RowsOk);
}

int main() {
  std::jthread Loader(ingest);
  auto Out = std::async(std::launch::async, exportRows);
  auto OutOk = std::async(std::launch::async, exportRowsOk);
  double M;
  {
    std::lock_guard<std::mutex> G(TableMu);
    M = Mean + MeanOk;
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Mean' is read under 'TableMu', but 'ingest' writes it with no lock held [racelint-inconsistent-locking]
    // CHECK-NOTES: :[[@LINE-30]]:3: note: conflicting write in 'ingest' with no lock held
    Stage = 2;
    StageOk = 2;
  }
  Stage = 3;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Stage' is written without holding 'TableMu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-39]]:5: note: 'Stage' written with 'TableMu' held here
  {
    std::lock_guard<std::mutex> G(TableMu);
    StageOk = 3;
  }
  return static_cast<int>(Out.get() + OutOk.get() + M);
}
