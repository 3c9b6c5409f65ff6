// Calendar quarters; see include/stargate/finance/quarters.hpp.
#include "stargate/finance/quarters.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2200;

}  // namespace

void validate_quarter_horizon(const QuarterHorizon& horizon) {
  if (horizon.first_quarter < 1 || horizon.first_quarter > kQuartersPerYear) {
    throw std::invalid_argument("quarter horizon: first_quarter must be 1..4, got " +
                                std::to_string(horizon.first_quarter));
  }
  if (horizon.quarters < 1) {
    throw std::invalid_argument("quarter horizon: quarters must be >= 1");
  }
  const auto last_year = static_cast<double>(horizon.first_year) +
                         static_cast<double>(horizon.quarters) / kQuartersPerYear;
  if (horizon.first_year < kEarliestYear || last_year > kLatestYear) {
    throw std::invalid_argument("quarter horizon: years must lie within 1900..2200, got " +
                                std::to_string(horizon.first_year) + " for " +
                                std::to_string(horizon.quarters) + " quarters");
  }
}

std::vector<LocalTime> quarter_boundaries(const QuarterHorizon& horizon) {
  validate_quarter_horizon(horizon);
  std::vector<LocalTime> boundaries;
  boundaries.reserve(horizon.quarters + 1);
  int year = horizon.first_year;
  int quarter = horizon.first_quarter;
  for (std::size_t i = 0; i <= horizon.quarters; ++i) {
    boundaries.push_back(
        local_from_civil(CivilTime{year, (quarter - 1) * kMonthsPerQuarter + 1, 1}));
    if (++quarter > kQuartersPerYear) {
      quarter = 1;
      ++year;
    }
  }
  return boundaries;
}

std::string quarter_label(LocalTime time) {
  const CivilTime civil = civil_from_local(time);
  return std::to_string(civil.year) + "-Q" +
         std::to_string((civil.month - 1) / kMonthsPerQuarter + 1);
}

int quarter_index(LocalTime time) {
  const CivilTime civil = civil_from_local(time);
  return civil.year * kQuartersPerYear + (civil.month - 1) / kMonthsPerQuarter;
}

LocalTime add_years(LocalTime time, double years) {
  if (!std::isfinite(years)) {
    throw std::invalid_argument("add_years: years must be finite");
  }
  const double whole = std::floor(years);
  const LocalTime shifted = add_calendar_years(time, static_cast<int>(whole));
  const auto rest_s = static_cast<std::int64_t>(std::llround((years - whole) * kSecondsPerYear));
  return LocalTime{shifted.seconds + rest_s};
}

}  // namespace stargate
