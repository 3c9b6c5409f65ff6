#include "stargate/core/wind_resource.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr std::size_t kDaysPerCommonYear = 365;
constexpr int kFebruary = 2;
constexpr int kLeapDay = 29;
constexpr std::size_t kMinCurvePoints = 3;

}  // namespace

const char* wind_field_name(WindField field) {
  switch (field) {
    case WindField::kTemperature: return "Temperature";
    case WindField::kPressure: return "Pressure";
    case WindField::kSpeed: return "Speed";
    case WindField::kDirection: return "Direction";
  }
  return "?";
}

const std::vector<double>& WindMeasurementHeight::column(WindField field) const {
  switch (field) {
    case WindField::kTemperature: return temperature_c;
    case WindField::kPressure: return pressure_atm;
    case WindField::kSpeed: return speed_m_s;
    case WindField::kDirection: return direction_deg;
  }
  return speed_m_s;
}

std::vector<double>& WindMeasurementHeight::column(WindField field) {
  const auto& self = *this;
  return const_cast<std::vector<double>&>(self.column(field));
}

WindMeasurementHeight& WindResource::at_height(double height_m) {
  auto it = std::lower_bound(
      heights.begin(), heights.end(), height_m,
      [](const WindMeasurementHeight& entry, double h) { return entry.height_m < h; });
  if (it != heights.end() && it->height_m == height_m) {
    return *it;
  }
  WindMeasurementHeight entry;
  entry.height_m = height_m;
  return *heights.insert(it, std::move(entry));
}

std::vector<LocalTime> wind_row_stamps(int year, std::int64_t interval_s, std::size_t rows) {
  std::vector<LocalTime> stamps(rows);
  const LocalTime start = local_from_civil(CivilTime{year, 1, 1, 0, 0, 0});
  const auto per_day = static_cast<std::size_t>(kSecondsPerDayInt / interval_s);
  const bool skip_leap_day = is_leap_year(year) && rows == kDaysPerCommonYear * per_day;
  const std::int64_t leap_day_start =
      local_from_civil(CivilTime{year, kFebruary, kLeapDay, 0, 0, 0}).seconds;
  std::int64_t t = start.seconds;
  for (std::size_t i = 0; i < rows; ++i) {
    if (skip_leap_day && t == leap_day_start) {
      t += kSecondsPerDayInt;
    }
    stamps[i] = LocalTime{t};
    t += interval_s;
  }
  return stamps;
}

double PowerCurve::cut_in_m_s() const {
  for (std::size_t i = 0; i < power_kw.size(); ++i) {
    if (power_kw[i] > 0.0) {
      return i == 0 ? wind_speed_m_s[0] : wind_speed_m_s[i - 1];
    }
  }
  return 0.0;
}

double PowerCurve::cut_out_m_s() const {
  for (std::size_t i = power_kw.size(); i-- > 0;) {
    if (power_kw[i] > 0.0) {
      return wind_speed_m_s[i];
    }
  }
  return 0.0;
}

void PowerCurve::validate() const {
  if (wind_speed_m_s.size() != power_kw.size()) {
    throw std::invalid_argument("power curve: speed and power columns differ in length");
  }
  if (wind_speed_m_s.size() < kMinCurvePoints) {
    throw std::invalid_argument(fmt::format("power curve: {} points, at least {} needed",
                                            wind_speed_m_s.size(), kMinCurvePoints));
  }
  bool any_power = false;
  for (std::size_t i = 0; i < wind_speed_m_s.size(); ++i) {
    const double v = wind_speed_m_s[i];
    const double p = power_kw[i];
    if (!std::isfinite(v) || v < 0.0) {
      throw std::invalid_argument(fmt::format("power curve: wind speed {} is not >= 0", v));
    }
    if (i > 0 && !(v > wind_speed_m_s[i - 1])) {
      throw std::invalid_argument(
          fmt::format("power curve: wind speeds not strictly increasing at {} m/s", v));
    }
    if (!std::isfinite(p) || p < 0.0) {
      throw std::invalid_argument(fmt::format("power curve: power {} kW is not >= 0", p));
    }
    any_power = any_power || p > 0.0;
  }
  if (!any_power) {
    throw std::invalid_argument("power curve: no point has power above 0");
  }
  if (!(rated_kw > 0.0) || !std::isfinite(rated_kw)) {
    throw std::invalid_argument("power curve: rated power must be > 0");
  }
  if (!(rotor_diameter_m >= 0.0) || !std::isfinite(rotor_diameter_m)) {
    throw std::invalid_argument("power curve: rotor diameter must be >= 0");
  }
}

}  // namespace stargate
