// The main of every benchmark program: the allocator set as the stargate command sets it
// (core/process_memory.hpp), so a benchmark measures the model and not where its blocks come from.
#include <benchmark/benchmark.h>

#include "stargate/core/process_memory.hpp"

int main(int argc, char** argv) {
  stargate::keep_large_blocks_in_heap();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
