#include "stargate/report/csv_text.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr std::size_t kMaxNumberChars = 32;  // "-1.2345678901234567e-308"

// Whole numbers below this are written as integers (fmt writes them without a point: its fixed
// notation covers decimal exponents below 16).
constexpr double kWholeLimit = 1e15;

// fmt's "{}" compiled once (FMT_COMPILE): Dragonbox's shortest round-trip digits, fixed for
// decimal exponents in [-4, 16), else scientific. Whole numbers (zeros at night, integer weather
// readings) take a shorter path with the same text.
char* write_shortest(char* out, double value) {
  if (value == std::trunc(value) && std::abs(value) < kWholeLimit && !std::signbit(value)) {
    return std::to_chars(out, out + kMaxNumberChars, static_cast<std::int64_t>(value)).ptr;
  }
  return fmt::format_to(out, FMT_COMPILE("{}"), value);
}

char* two_digits(char* out, std::int64_t value) {
  *out++ = static_cast<char>('0' + value / 10);
  *out++ = static_cast<char>('0' + value % 10);
  return out;
}

// Room kept free beyond the flush size: a whole row of numbers and stamps fits in it.
constexpr std::size_t kRowRoom = 16 << 10;
constexpr std::size_t kStampChars = 25;  // "2026-01-01T00:15:00-06:00"

}  // namespace

CsvText::CsvText(std::ostream& out, std::size_t flush_bytes)
    : out_(out), flush_bytes_(flush_bytes), buffer_(flush_bytes + kRowRoom), end_(buffer_.data()) {}

CsvText::~CsvText() {
  flush();
}

void CsvText::number(double value) {
  reserve(kMaxNumberChars);
  end_ = write_shortest(end_, value);
}

void CsvText::grow(std::size_t bytes) {
  const auto used = static_cast<std::size_t>(end_ - buffer_.data());
  buffer_.resize(std::max(buffer_.size() * 2, used + bytes));
  end_ = buffer_.data() + used;
}

void CsvText::stamp(LocalTime time, std::int64_t utc_offset_s) {
  const std::int64_t day = floor_div(time.seconds, kSecondsPerDayInt);
  if (day != stamp_day_) {
    stamp_day_ = day;
    const CivilTime c = civil_from_local(LocalTime{day * kSecondsPerDayInt});
    stamp_date_ = fmt::format("{:04}-{:02}-{:02}T", c.year, c.month, c.day);
  }
  if (stamp_offset_.empty() || utc_offset_s != stamp_offset_s_) {
    stamp_offset_s_ = utc_offset_s;
    const std::int64_t offset = utc_offset_s < 0 ? -utc_offset_s : utc_offset_s;
    stamp_offset_ =
        fmt::format("{}{:02}:{:02}", utc_offset_s < 0 ? '-' : '+', offset / kSecondsPerHourInt,
                    (offset % kSecondsPerHourInt) / kSecondsPerMinuteInt);
  }
  const std::int64_t second_of_day = time.seconds - day * kSecondsPerDayInt;
  reserve(kStampChars + stamp_date_.size());
  end_ = std::copy(stamp_date_.begin(), stamp_date_.end(), end_);
  end_ = two_digits(end_, second_of_day / kSecondsPerHourInt);
  *end_++ = ':';
  end_ = two_digits(end_, second_of_day % kSecondsPerHourInt / kSecondsPerMinuteInt);
  *end_++ = ':';
  end_ = two_digits(end_, second_of_day % kSecondsPerMinuteInt);
  end_ = std::copy(stamp_offset_.begin(), stamp_offset_.end(), end_);
}

void CsvText::end_row() {
  reserve(1);
  *end_++ = '\n';
  if (static_cast<std::size_t>(end_ - buffer_.data()) >= flush_bytes_) {
    flush();
  }
}

void CsvText::flush() {
  if (end_ != buffer_.data()) {
    out_.write(buffer_.data(), end_ - buffer_.data());
    end_ = buffer_.data();
  }
}

std::string shortest_text(double value) {
  std::array<char, kMaxNumberChars> text{};
  return {text.data(), write_shortest(text.data(), value)};
}

}  // namespace stargate
