// Outputs of `stargate pv`: the per-row CSV and the console summary with PVWatts' loss breakdown.
#pragma once

#include <ostream>

#include "stargate/core/weather_series.hpp"
#include "stargate/energy/pv_system.hpp"

namespace stargate {

/// One row per weather row: time (ISO 8601 at the file's UTC offset, the row's stamp),
/// ghi_w_m2, dni_w_m2, dhi_w_m2, temp_air_c, wind_speed_m_s, sun_zenith_deg, aoi_deg, poa_w_m2,
/// tpoa_w_m2, tcell_c, dc_kw, ac_kw.
void write_pv_csv(const WeatherSeries& weather, const PvOutput& output, std::ostream& out);

/// Annual AC energy, specific yield, capacity factor, monthly energy and the loss breakdown.
void write_pv_summary(const PvSystemParams& params, const WeatherSeries& weather,
                      const PvOutput& output, std::ostream& out);

}  // namespace stargate
