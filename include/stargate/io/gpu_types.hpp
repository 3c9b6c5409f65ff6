// The GPU type of each building of a scenario (the catalogue's, or the scenario's own
// [[gpu_type]] of that name) and the IT power its GPUs need.
//
// A building's GPUs at full load draw gpus x GpuType::full_load_it_kw_per_gpu() (GPU, its share of
// CPUs, NICs, switches and rack overhead, and the network and storage beyond the rack:
// docs/compute-power.md). The loader derives an omitted it_capacity from it, refuses a building
// whose GPUs need more than its IT capacity, and the input stage warns about one whose GPUs need
// less than kUnderfilledBuildingFraction of it (its power and building capex then outrun its
// compute).
#pragma once

#include <cstddef>
#include <vector>

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/scenario.hpp"

namespace stargate {

/// Below this share of its IT capacity drawn by its GPUs at full load a building gets a warning.
inline constexpr double kUnderfilledBuildingFraction = 0.85;

/// The building's GPU type. Throws InputError, located at the field, for an unknown name or a
/// [[gpu_type]] whose numbers are invalid.
[[nodiscard]] GpuType building_gpu_type(const Scenario& scenario, std::size_t building);

/// IT power of the building's GPUs at full load, kW: gpus x type.full_load_it_kw_per_gpu().
[[nodiscard]] double building_gpu_it_kw(const BuildingSection& building, const GpuType& type);

/// For each building: it_capacity derived when omitted; a problem located at `gpus` when the
/// GPUs need more IT power than the building has (with both numbers). Called by the loader.
[[nodiscard]] std::vector<Diagnostic> complete_building_power(Scenario& scenario);

}  // namespace stargate
