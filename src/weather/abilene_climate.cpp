// Monthly climate of Abilene, TX (32.45 N, 99.73 W, about 530 m), the default site of the
// offline runs. Numbers are kept in the units of their sources and converted below.
//
// Global horizontal irradiation, mean daily, kWh/m2/day (Jan..Dec):
//   3.2 4.0 5.1 6.1 6.6 7.1 7.1 6.5 5.5 4.5 3.5 3.0   (annual mean 5.2)
//   NREL, "Solar Radiation Data Manual for Flat-Plate and Concentrating Collectors" (W. Marion and
//   S. Wilcox, NREL/TP-463-5607, 1994), station Abilene TX (WBAN 13962), 1961-1990 averages,
//   flat plate at tilt 0. The monthly clearness indices they imply (0.55-0.63) are typical of
//   west-central Texas.
//
// Air temperature, NOAA 1991-2020 climate normals, Abilene Regional Airport (GHCND USW00013962),
// mean daily maximum / minimum in deg F:
//   max 58.8 62.8 70.5 78.8 86.2 92.4 95.8 95.0 87.5 78.3 66.7 58.6
//   min 33.6 37.5 45.5 53.3 62.6 70.1 73.4 72.7 65.3 55.0 43.8 35.9
//   January and February are the means of the NWS San Angelo daily normals for Abilene (1991-2020);
//   the annual mean, 65.8 F, agrees with the 65.9 F normal quoted by NWS San Angelo for 2023.
//   Mean temperature = (max + min) / 2 and daily range = max - min, converted to deg C.
//
// Wind speed, NOAA Comparative Climatic Data, Abilene TX, mean speed in mph (10 m):
//   11.3 12.1 13.2 13.2 12.6 12.4 10.8 9.9 10.2 10.8 11.2 11.0   (annual mean 11.6)
//
// Linke turbidity (Ineichen and Perez 2002 formulation), per month:
//   1.8 2.0 2.1 2.6 2.5 3.1 3.6 3.2 3.0 2.3 1.9 1.7
//   Fitted for this project: for each month, the TL at which the 85th percentile of GHI / clear-sky
//   GHI is 1 over the hours with zenith < 70 deg of NSRDB PSM v3 2012 at 35.21 N 101.94 W, 1102 m
//   (the nearest hourly satellite record available, about 330 km north-west of Abilene). Abilene is
//   lower and more humid, so its summer turbidity is probably 0.3-0.8 higher; the values make the
//   clear sky slightly bright, which only loosens the clear-sky cap of the generator.
#include "stargate/core/units.hpp"
#include "stargate/weather/synthetic_weather.hpp"

#include <array>
#include <cstddef>

namespace stargate {
namespace {

constexpr std::array<double, 12> kGhiKwhM2Day = {3.2, 4.0, 5.1, 6.1, 6.6, 7.1,
                                                 7.1, 6.5, 5.5, 4.5, 3.5, 3.0};
constexpr std::array<double, 12> kMeanMaxF = {58.8, 62.8, 70.5, 78.8, 86.2, 92.4,
                                              95.8, 95.0, 87.5, 78.3, 66.7, 58.6};
constexpr std::array<double, 12> kMeanMinF = {33.6, 37.5, 45.5, 53.3, 62.6, 70.1,
                                              73.4, 72.7, 65.3, 55.0, 43.8, 35.9};
constexpr std::array<double, 12> kWindMph = {11.3, 12.1, 13.2, 13.2, 12.6, 12.4,
                                             10.8, 9.9,  10.2, 10.8, 11.2, 11.0};
constexpr std::array<double, 12> kLinkeTurbidity = {1.8, 2.0, 2.1, 2.6, 2.5, 3.1,
                                                    3.6, 3.2, 3.0, 2.3, 1.9, 1.7};

MonthlyClimate make_abilene_climate() {
  MonthlyClimate climate;
  climate.source =
      "Abilene TX monthly means: GHI NREL Solar Radiation Data Manual 1961-1990 (WBAN 13962); "
      "temperature NOAA 1991-2020 normals (USW00013962); wind NOAA Comparative Climatic Data; "
      "Linke turbidity fitted to NSRDB PSM v3 2012 at 35.21N -101.94E";
  for (std::size_t m = 0; m < 12; ++m) {
    climate.ghi_kwh_m2_day[m] = kGhiKwhM2Day[m];
    climate.temp_mean_c[m] =
        (0.5 * (kMeanMaxF[m] + kMeanMinF[m]) - kZeroCelsiusF) * kCelsiusPerFahrenheit;
    climate.temp_daily_range_c[m] = (kMeanMaxF[m] - kMeanMinF[m]) * kCelsiusPerFahrenheit;
    climate.wind_speed_m_s[m] = kWindMph[m] * kMetresPerSecondPerMph;
    climate.linke_turbidity[m] = kLinkeTurbidity[m];
  }
  return climate;
}

}  // namespace

const MonthlyClimate& abilene_climate() {
  static const MonthlyClimate kClimate = make_abilene_climate();
  return kClimate;
}

}  // namespace stargate
