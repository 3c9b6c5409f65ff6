#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr std::chrono::seconds kShowAfter{1};
constexpr int kBarWidth = 40;

}  // namespace

ProgressBar::ProgressBar()
    : started_(std::chrono::steady_clock::now()), enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) {
    std::fprintf(stderr, "\r%*s\r", kBarWidth + 16, "");
  }
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0 || std::chrono::steady_clock::now() - started_ < kShowAfter) {
    return;
  }
  const double share = static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(share * kBarWidth);
  std::fprintf(stderr, "\r[%.*s%*s] %3.0f %%", filled, "########################################",
               kBarWidth - filled, "", share * kPercentPerFraction);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace stargate
