#include "stargate/core/weather_series.hpp"

#include <limits>

namespace stargate {

void WeatherSeries::resize(std::size_t rows) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  time.resize(rows);
  ghi_w_m2.resize(rows, 0.0);
  dni_w_m2.resize(rows, 0.0);
  dhi_w_m2.resize(rows, 0.0);
  temp_air_c.resize(rows, 0.0);
  wind_speed_m_s.resize(rows, 0.0);
  pressure_mbar.resize(rows, nan);
  albedo.resize(rows, nan);
}

}  // namespace stargate
