// Fast CSV text for the writers (timeseries.csv, pv.csv, <table>.csv): numbers in the shortest
// form that reads back to the same double, ISO 8601 stamps from a per-day cache, appended to one
// buffer and written in large blocks, without streams' per-value formatting.
//
// Numbers are written as fmt's "{}" writes them, compiled once (FMT_COMPILE): the shortest
// round-trip digits (Dragonbox), in fixed notation when the decimal exponent is -4..15 and in
// scientific notation otherwise ("0", "1.5", "123456", "0.0001", "1e-05", "1e+16").
#pragma once

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {

class CsvText {
 public:
  /// Writes to `out` whenever the buffer passes `flush_bytes` (and on flush()); a small buffer
  /// reused keeps the memory touched (and its page faults) small.
  explicit CsvText(std::ostream& out, std::size_t flush_bytes = std::size_t{64} << 10);
  CsvText(const CsvText&) = delete;
  CsvText& operator=(const CsvText&) = delete;
  ~CsvText();

  void text(std::string_view text) {
    reserve(text.size());
    end_ = std::copy(text.begin(), text.end(), end_);
  }
  void separator() {
    reserve(1);
    *end_++ = ',';
  }
  void number(double value);
  /// "2026-01-01T00:15:00-06:00": the instant in the standard time of `utc_offset_s`.
  void stamp(LocalTime time, std::int64_t utc_offset_s);
  /// Ends the row; writes the buffer when it is full.
  void end_row();
  /// Writes what is buffered.
  void flush();

 private:
  /// Room for `bytes` more at end_ (the buffer grows only for a row longer than it).
  void reserve(std::size_t bytes) {
    if (static_cast<std::size_t>(buffer_.data() + buffer_.size() - end_) < bytes) {
      grow(bytes);
    }
  }
  void grow(std::size_t bytes);

  std::ostream& out_;
  std::size_t flush_bytes_;
  std::vector<char> buffer_;  ///< flush_bytes_ plus room for a row; written up to end_
  char* end_ = nullptr;
  std::int64_t stamp_day_ = INT64_MIN;  ///< the day whose date text is cached
  std::int64_t stamp_offset_s_ = 0;     ///< the offset of the cached suffix
  std::string stamp_date_;              ///< "2026-01-01T"
  std::string stamp_offset_;            ///< "-06:00"
};

/// A double as CsvText writes it (for tests and single values).
[[nodiscard]] std::string shortest_text(double value);

}  // namespace stargate
