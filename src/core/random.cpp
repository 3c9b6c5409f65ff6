#include "stargate/core/random.hpp"

#include <cmath>
#include <numbers>

namespace stargate {
namespace {

constexpr double kTwoToMinus53 = 0x1.0p-53;
constexpr std::uint64_t kStreamMultiplier = 0x632be59bd9b4e019ULL;

}  // namespace

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31U);
}

DeterministicRandom::DeterministicRandom(std::uint64_t seed, std::int64_t year,
                                         std::uint64_t stream)
    : engine_(splitmix64(splitmix64(seed) ^ splitmix64(static_cast<std::uint64_t>(year)) ^
                         splitmix64(stream * kStreamMultiplier))) {}

double DeterministicRandom::uniform() {
  return static_cast<double>(engine_() >> 11U) * kTwoToMinus53;
}

double DeterministicRandom::uniform_open() {
  return (static_cast<double>(engine_() >> 11U) + 0.5) * kTwoToMinus53;
}

double DeterministicRandom::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double u1 = 1.0 - uniform();  // (0, 1]
  const double u2 = uniform();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * std::numbers::pi * u2;
  spare_ = radius * std::sin(angle);
  has_spare_ = true;
  return radius * std::cos(angle);
}

}  // namespace stargate
