// Seeded random draws that are identical on every platform and standard library.
//
// The engine is std::mt19937_64, whose output sequence the C++ standard fixes; it is seeded with
// SplitMix64 mixes (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014) of (seed, year, stream), so different years and streams of one run draw
// independent sequences. Uniform draws take the top 53 bits; normal draws use Box-Muller with
// both values of each pair. No std:: distribution is used: their algorithms are
// implementation-defined, which would make outputs depend on the standard library.
#pragma once

#include <cstdint>
#include <random>

namespace stargate {

/// SplitMix64's output function: a bijective 64-bit mix.
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t x);

class DeterministicRandom {
 public:
  DeterministicRandom(std::uint64_t seed, std::int64_t year, std::uint64_t stream);

  /// Uniform in [0, 1).
  double uniform();
  /// Uniform in (0, 1): never 0 or 1 (for quantile transforms and logarithms).
  double uniform_open();
  /// Standard normal.
  double normal();

 private:
  std::mt19937_64 engine_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace stargate
