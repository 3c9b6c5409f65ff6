// The typed scenario: what a scenario file says, in internal units (kW, kWh, s, USD, fractions).
//
// Plain data, filled by the loader in stargate/io/scenario_loader.hpp from the declarations in
// src/io/scenario_schema.cpp (the one place each field, its unit, default and bounds are
// declared). Every module reads the sections it needs; nothing here parses or validates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/core/errors.hpp"
#include "stargate/core/solar_types.hpp"
#include "stargate/core/time_grid.hpp"

namespace stargate {

/// [scenario]: identity of the run and its time grid.
struct RunSection {
  std::string name;
  std::string description;
  LocalTime start;        ///< first instant, site standard time
  RunLength duration;     ///< length of the run
  double step_s = 3600;   ///< simulation step
  std::int64_t seed = 0;  ///< seed of every random draw in the run
};

/// [site]: where the campus is.
struct SiteSection {
  std::string name;
  double latitude_deg = 0.0;   ///< north positive
  double longitude_deg = 0.0;  ///< east positive
  double elevation_m = 0.0;
  double utc_offset_s = 0.0;  ///< standard-time offset from UTC (no daylight saving)
};

/// [site.weather]: the weather every resource and cooling model reads.
struct WeatherSection {
  std::string file;                 ///< NSRDB/TMY/EPW file; empty = synthetic from `climate`
  std::string climate = "abilene";  ///< monthly climatology for synthetic weather
};

/// [[solar]]: one PV array with its inverters (PVWatts v8 model).
struct SolarSection {
  std::string name;
  LocalTime online;             ///< first instant the array produces
  double dc_capacity_kw = 0.0;  ///< DC nameplate at STC
  ArrayType array = ArrayType::kOneAxisBacktracking;
  double tilt_deg = 0.0;       ///< fixed tilt or tracker axis tilt
  double azimuth_deg = 180.0;  ///< eastward from north
  double gcr = 0.4;
  double rotation_limit_deg = 45.0;
  double dc_ac_ratio = 1.2;
  double losses_fraction = 0.1408;
  ModuleType module = ModuleType::kStandard;
  double inverter_efficiency = 0.96;
  SkyModel sky_model = SkyModel::kPerez;
  double albedo = 0.2;  ///< used where the weather has none, or always when written
};

/// [[building]]: one data hall with its IT capacity and GPUs.
struct BuildingSection {
  std::string name;
  LocalTime online;             ///< first instant the building carries load
  double it_capacity_kw = 0.0;  ///< provisioned IT power
  std::int64_t gpus = 0;
};

/// [compute]: placeholder load model until the compute-fleet model replaces it.
struct ComputeSection {
  double it_utilisation = 0.0;  ///< constant IT load as a fraction of online IT capacity
};

/// [facility]: placeholder cooling model until the PUE-from-weather model replaces it.
struct FacilitySection {
  double pue = 1.0;  ///< constant power usage effectiveness (facility power / IT power)
};

/// [grid]: the utility connection.
struct GridSection {
  double import_limit_kw = 0.0;
  double price_usd_per_mwh = 0.0;  ///< flat energy price
};

/// A whole scenario.
struct Scenario {
  std::string source_file;  ///< path the scenario was read from
  RunSection run;
  SiteSection site;
  WeatherSection weather;
  std::vector<BuildingSection> buildings;
  std::vector<SolarSection> solar;
  ComputeSection compute;
  FacilitySection facility;
  GridSection grid;
  SourceIndex sources;  ///< where each field was written, for errors found after loading
};

}  // namespace stargate

namespace stargate {

/// The run's time grid: scenario.start over scenario.duration in steps of scenario.step at the
/// site's UTC offset. Throws std::invalid_argument when they do not form a grid.
[[nodiscard]] TimeGrid run_grid(const Scenario& scenario);

}  // namespace stargate
