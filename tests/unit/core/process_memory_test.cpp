#include "stargate/core/process_memory.hpp"

#include <gtest/gtest.h>

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#include <cstddef>
#include <cstring>
#include <vector>

namespace stargate {
namespace {

// A block the size of four years of 15-minute values (1.1 MB), eight times glibc's default mmap
// threshold of 128 KB: by default it would be a fresh mapping, given back when freed.
constexpr std::size_t kYearsOfValues = 4;
constexpr std::size_t kStepsPerYear = 35'040;
constexpr std::size_t kBlockBytes = kYearsOfValues * kStepsPerYear * sizeof(double);

std::vector<char>* volatile escaped = nullptr;  // keeps the compiler from eliding the block

TEST(ProcessMemory, LargeBlocksComeFromTheHeapAndStayThereWhenFreed) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer replaces malloc";
#elif !defined(M_MMAP_THRESHOLD)
  GTEST_SKIP() << "not glibc malloc";
#else
  keep_large_blocks_in_heap();
  const struct mallinfo2 before = mallinfo2();
  struct mallinfo2 during {};
  {
    std::vector<char> block(kBlockBytes);
    std::memset(block.data(), 1, block.size());
    escaped = &block;
    during = mallinfo2();
    escaped = nullptr;
  }
  const struct mallinfo2 after = mallinfo2();
  EXPECT_EQ(during.hblks, before.hblks) << "the block was mapped, not taken from the heap";
  EXPECT_GE(during.uordblks, before.uordblks + kBlockBytes);
  EXPECT_EQ(after.arena, during.arena) << "the freed block was given back to the system";
#endif
}

}  // namespace
}  // namespace stargate
