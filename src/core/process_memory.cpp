#include "stargate/core/process_memory.hpp"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace stargate {

void keep_large_blocks_in_heap() {
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)  // glibc
  constexpr int kMmapThresholdBytes = 256 << 20;
  constexpr int kTrimThresholdBytes = 512 << 20;
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
#endif
}

}  // namespace stargate
