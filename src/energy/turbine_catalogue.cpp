// Built-in turbine curves. Each is the tabulated power curve of a publicly documented reference
// turbine as archived by NREL's turbine-models repository (github.com/NREL/turbine-models,
// BSD-3-Clause; files named below), which collects the curves published with each design:
//
// - NREL 5 MW reference turbine: J. Jonkman, S. Butterfield, W. Musial, G. Scott, "Definition of
//   a 5-MW Reference Wind Turbine for Offshore System Development", NREL/TP-500-38060 (2009).
//   Rotor 126 m, hub 90 m, rated 5000 kW at 11.4 m/s, cut-in 3 m/s, cut-out 25 m/s.
//   turbine-models: Offshore/NREL_5MW_126_RWT.csv.
// - NREL 2020 ATB land-based 7 MW reference turbine: NREL Annual Technology Baseline 2020,
//   land-based wind representative turbine (rotor 200 m, 7000 kW, rated 9.75 m/s, cut-in 3 m/s,
//   cut-out 25 m/s). turbine-models: Onshore/2020ATB_NREL_Reference_7MW_200.csv.
// - Big Adaptive Rotor business-as-usual 3.3 MW (LBNL/IEA): NREL Big Adaptive Rotor project
//   baseline (rotor 156 m, 3300 kW, rated 9 m/s, cut-in 4 m/s, cut-out 25 m/s; Bortolotti et al.,
//   "Land-based wind turbines with flexible rail-transportable blades", NREL/TP-5000-81086
//   (2021)). turbine-models: Onshore/BAR_BAU-LBNL-IEA_3.3MW_156.csv.
//
// Rated power is the design rating (the 5 MW curve's 5000.37 kW point at 11.4 m/s is kept as
// tabulated).
#include "stargate/energy/turbine_catalogue.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "stargate/core/text.hpp"

namespace stargate {
namespace {

struct CatalogueEntry {
  std::string_view name;
  std::string_view description;
  std::string_view source;
  double rotor_diameter_m;
  double rated_kw;
  std::span<const double> speed_m_s;
  std::span<const double> power_kw;
};

constexpr std::array kNrel5MwSpeed = {
    3.0,  4.0,  5.0,  6.0,  7.0,  8.0,  9.0,  10.0, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6,
    10.7, 10.8, 10.9, 11.0, 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7, 11.8, 11.9, 12.0,
    13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0};
constexpr std::array kNrel5MwPower = {40.5,    177.7,   403.9,   737.6,   1187.2,  1771.1,  2518.6,
                                      3448.41, 3552.15, 3657.95, 3765.16, 3873.95, 3984.49, 4096.56,
                                      4210.69, 4326.15, 4443.41, 4562.51, 4683.43, 4806.18, 4929.92,
                                      5000.37, 5000.02, 5000.0,  4999.99, 5000.0,  5000.0,  5000.0,
                                      5000.0,  5000.0,  5000.0,  5000.0,  5000.0,  5000.0,  5000.0,
                                      5000.0,  5000.0,  5000.0,  5000.0,  5000.0,  5000.0};

constexpr std::array kAtb7MwSpeed = {
    3.0,   3.25,  3.5,   3.75,  4.0,   4.25,  4.5,   4.75,  5.0,   5.25,  5.5,   5.75,  6.0,
    6.25,  6.5,   6.75,  7.0,   7.25,  7.5,   7.75,  8.0,   8.25,  8.5,   8.75,  9.0,   9.25,
    9.5,   9.75,  10.0,  10.25, 10.5,  10.75, 11.0,  11.25, 11.5,  11.75, 12.0,  12.25, 12.5,
    12.75, 13.0,  13.25, 13.5,  13.75, 14.0,  14.25, 14.5,  14.75, 15.0,  15.25, 15.5,  15.75,
    16.0,  16.25, 16.5,  16.75, 17.0,  17.25, 17.5,  17.75, 18.0,  18.25, 18.5,  18.75, 19.0,
    19.25, 19.5,  19.75, 20.0,  20.25, 20.5,  20.75, 21.0,  21.25, 21.5,  21.75, 22.0,  22.25,
    22.5,  22.75, 23.0,  23.25, 23.5,  23.75, 24.0,  24.25, 24.5,  24.75, 25.0};
constexpr std::array kAtb7MwPower = {
    0.0,    168.0,  235.0,  312.0,  400.0,  500.0,  612.0,  738.0,  877.0,  1031.0, 1200.0, 1386.0,
    1588.0, 1808.0, 2047.0, 2304.0, 2581.0, 2879.0, 3198.0, 3539.0, 3902.0, 4289.0, 4701.0, 5137.0,
    5598.0, 6087.0, 6602.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0,
    7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0,
    7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0,
    7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0,
    7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0, 7000.0,
    7000.0, 7000.0, 7000.0, 7000.0, 0.0};

constexpr std::array kBar33MwSpeed = {
    3.75,  4.0,   4.25,  4.5,   4.75,  5.0,   5.25,  5.5,   5.75,  6.0,   6.25,  6.5,   6.75,
    7.0,   7.25,  7.5,   7.75,  8.0,   8.25,  8.5,   8.75,  9.0,   9.25,  9.5,   9.75,  10.0,
    10.25, 10.5,  10.75, 11.0,  11.25, 11.5,  11.75, 12.0,  12.25, 12.5,  12.75, 13.0,  13.25,
    13.5,  13.75, 14.0,  14.25, 14.5,  14.75, 15.0,  15.25, 15.5,  15.75, 16.0,  16.25, 16.5,
    16.75, 17.0,  17.25, 17.5,  17.75, 18.0,  18.25, 18.5,  18.75, 19.0,  19.25, 19.5,  19.75,
    20.0,  20.25, 20.5,  20.75, 21.0,  21.25, 21.5,  21.75, 22.0,  22.25, 22.5,  22.75, 23.0,
    23.25, 23.5,  23.75, 24.0,  24.25, 24.5,  24.75, 25.0};
constexpr std::array kBar33MwPower = {
    0.0,         300.1881957, 360.0646009, 427.4163958, 502.6833091, 586.3050697, 678.7214063,
    780.3720477, 891.6967229, 1013.13516,  1145.127089, 1288.112238, 1442.530336, 1608.821111,
    1787.424293, 1978.77961,  2183.326791, 2401.505565, 2633.755661, 2880.516807, 3142.228733,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,      3300.0,
    3300.0,      3300.0};

static_assert(kNrel5MwSpeed.size() == kNrel5MwPower.size());
static_assert(kAtb7MwSpeed.size() == kAtb7MwPower.size());
static_assert(kBar33MwSpeed.size() == kBar33MwPower.size());

constexpr double kNrel5MwRotorM = 126.0;
constexpr double kNrel5MwRatedKw = 5000.0;
constexpr double kAtb7MwRotorM = 200.0;
constexpr double kAtb7MwRatedKw = 7000.0;
constexpr double kBar33MwRotorM = 156.0;
constexpr double kBar33MwRatedKw = 3300.0;

const std::array<CatalogueEntry, 3>& entries() {
  static const std::array<CatalogueEntry, 3> kEntries = {{
      {"nrel-5mw-126", "NREL 5 MW reference turbine, 126 m rotor",
       "Jonkman et al. (2009) NREL/TP-500-38060; NREL turbine-models "
       "Offshore/NREL_5MW_126_RWT.csv",
       kNrel5MwRotorM, kNrel5MwRatedKw, kNrel5MwSpeed, kNrel5MwPower},
      {"nrel-atb-7mw-200", "NREL 2020 ATB land-based 7 MW reference turbine, 200 m rotor",
       "NREL Annual Technology Baseline 2020; NREL turbine-models "
       "Onshore/2020ATB_NREL_Reference_7MW_200.csv",
       kAtb7MwRotorM, kAtb7MwRatedKw, kAtb7MwSpeed, kAtb7MwPower},
      {"bar-3.3mw-156", "Big Adaptive Rotor baseline (LBNL/IEA) 3.3 MW, 156 m rotor",
       "NREL Big Adaptive Rotor project (Bortolotti et al. 2021, NREL/TP-5000-81086); NREL "
       "turbine-models Onshore/BAR_BAU-LBNL-IEA_3.3MW_156.csv",
       kBar33MwRotorM, kBar33MwRatedKw, kBar33MwSpeed, kBar33MwPower},
  }};
  return kEntries;
}

}  // namespace

std::vector<std::string_view> turbine_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : entries()) {
    names.push_back(entry.name);
  }
  return names;
}

PowerCurve catalogue_turbine(std::string_view name) {
  for (const auto& entry : entries()) {
    if (entry.name == name) {
      PowerCurve curve;
      curve.name = std::string(entry.name);
      curve.source = fmt::format("{}: {}", entry.description, entry.source);
      curve.rotor_diameter_m = entry.rotor_diameter_m;
      curve.rated_kw = entry.rated_kw;
      curve.wind_speed_m_s.assign(entry.speed_m_s.begin(), entry.speed_m_s.end());
      curve.power_kw.assign(entry.power_kw.begin(), entry.power_kw.end());
      return curve;
    }
  }
  const std::vector<std::string_view> names = turbine_names();
  throw std::invalid_argument(
      fmt::format("unknown turbine '{}'{}", name, suggestion_suffix(name, names)));
}

}  // namespace stargate
