// A progress bar on stderr for runs that last more than a second, drawn only when stderr is a
// terminal (never in pipes, logs or CI).
#pragma once

#include <chrono>
#include <cstddef>

namespace stargate {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::size_t done, std::size_t total);

 private:
  std::chrono::steady_clock::time_point started_;
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace stargate
