// The input stage: everything a run reads, resolved once from a validated scenario into typed
// data (docs/architecture.md, "Flow of a run"). It is the only place that reads input files
// (through InputFiles) and, after the scenario loader, the only place that raises InputError: the
// simulation, the finance and the optimiser take RunInputs and never touch the filesystem.
//
//   weather      the [site.weather] file (NSRDB PSM, TMY2/TMY3, EPW) or one synthetic year from
//                the climate, the run's start year and seed; exactly one year (365 or 366 days)
//   wind         the [site.wind] SRW file or synthetic wind calibrated to mean_speed at height,
//                when a [[wind]] farm needs it (or InputNeeds::wind_resource); one year
//   farm_curves  each [[wind]] farm's power curve: its power_curve file, else the catalogue
//                turbine (a wake model needs a rotor diameter)
//   gpu_types    each [[building]]'s GPU type: a [[gpu_type]] of that name, else the catalogue's
//   fleet        with compute.model = "fleet": the inference services (a measured demand trace
//                where given) and the building each runs in (the earliest online with room), and
//                the training jobs (a trace, or synthetic from the training GPUs and the seed)
//   prices       a year of grid energy prices (synthetic, generic CSV, ERCOT), or none: the
//                flat grid.price
//   carbon       a year of grid carbon intensity (CSV), or none: the flat grid.carbon_intensity
// Warnings, in that order: the readers' documented repairs, a weather file far from the site or
// in another time zone, and the traces' counts of skipped rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/compute/workload.hpp"
#include "stargate/core/market_series.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/core/weather_series.hpp"
#include "stargate/core/wind_resource.hpp"
#include "stargate/inputs/input_files.hpp"

namespace stargate {

/// The GPU fleet's load inputs (compute.model = "fleet").
struct FleetInputs {
  std::vector<InferenceService> services;     ///< one per [[inference]], in order
  std::vector<std::size_t> service_building;  ///< the building whose GPUs each service uses
  Workload workload;                          ///< training jobs: the trace, or synthetic
};

struct RunInputs {
  WeatherSeries weather;
  std::optional<WindResource> wind;     ///< present when a farm (or InputNeeds) needs it
  std::vector<PowerCurve> farm_curves;  ///< one per [[wind]] farm
  std::vector<GpuType> gpu_types;       ///< one per [[building]]
  FleetInputs fleet;                    ///< empty unless compute.model = "fleet"
  std::optional<MarketSeries> prices;   ///< none: the flat grid.price at every step
  std::optional<MarketSeries> carbon;   ///< none: the flat grid.carbon_intensity
  std::vector<std::string> warnings;
};

/// What a caller needs beyond what the scenario's own assets read.
struct InputNeeds {
  bool wind_resource = false;  ///< the wind resource even without a [[wind]] farm (optimize)
};

/// Reads and resolves every input of a validated scenario (from load_scenario). Throws
/// InputError, located at the scenario field or in the data file, for a file that is missing,
/// malformed or not one whole year, an unknown turbine or GPU type, a bad [[gpu_type]], a wake
/// model without a rotor diameter, an inference service larger than the free GPUs of every
/// building, frontier jobs larger than a building, or a workload that cannot be generated.
[[nodiscard]] RunInputs load_run_inputs(const Scenario& scenario, InputFiles& files,
                                        const InputNeeds& needs = {});

/// The same with files read directly (tests and one-off runs).
[[nodiscard]] RunInputs load_run_inputs(const Scenario& scenario, const InputNeeds& needs = {});

/// The inputs of `base` for the same scenario moved to another period (`moved` differs in its
/// run start, and may in its duration): weather, wind, prices and carbon are read by calendar
/// position and are shared; a synthetic workload is generated for the new period. Reads no
/// file. Used to simulate each operating year of a campus's finance horizon.
[[nodiscard]] RunInputs inputs_for_period(const Scenario& moved, const RunInputs& base);

/// GPUs of each building left for training jobs: its GPUs less those of the services it hosts.
[[nodiscard]] std::vector<std::int64_t> training_gpus(const Scenario& scenario,
                                                      const FleetInputs& fleet);

}  // namespace stargate
