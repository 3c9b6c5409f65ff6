// How a process's allocator treats the large blocks a run allocates (glibc malloc).
//
// A year of values at 15 minutes is 35,040 doubles (280 KB), above glibc's default 128 KB mmap
// threshold, so by default each such vector is a fresh mapping and every first touch of its pages
// is a page fault (5 to 10 us each on virtual machines), paid again for each vector and each run;
// the heap's top is also given back to the system whenever more than 128 KB of it is free.
// Programs that run models (the stargate command, the benchmarks) call this once at start.
#pragma once

namespace stargate {

/// Serves blocks up to 256 MB from the heap and keeps up to 512 MB of freed heap for reuse (glibc
/// `mallopt`; does nothing with another C library).
void keep_large_blocks_in_heap();

}  // namespace stargate
