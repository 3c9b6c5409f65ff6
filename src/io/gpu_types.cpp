// GPU types of the buildings and the IT power their GPUs need (stargate/io/gpu_types.hpp).
#include "stargate/io/gpu_types.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "stargate/core/text.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// A scenario [[gpu_type]] as a GpuType; InputError at the table when its numbers are invalid.
GpuType scenario_gpu_type(const Scenario& scenario, std::size_t index) {
  const GpuTypeSection& section = scenario.gpu_types[index];
  GpuType type;
  type.name = section.name;
  type.tdp_w = section.tdp_kw * kWPerKw;
  type.idle_w = section.idle_kw * kWPerKw;
  type.dense_bf16_flops = section.dense_bf16_pflops * kFlopsPerPflops;
  type.dense_fp8_flops = section.dense_fp8_pflops * kFlopsPerPflops;
  type.gpus_per_rack = static_cast<int>(section.gpus_per_rack);
  type.node_overhead_factor = section.node_overhead_factor;
  type.network_storage_fraction = section.network_storage_fraction;
  type.price_usd = section.price_usd;
  type.rack_it_kw =
      section.tdp_kw * static_cast<double>(section.gpus_per_rack) * section.node_overhead_factor;
  type.source = fmt::format("scenario [[gpu_type]] {}", section.name);
  try {
    validate_gpu_type(type);
  } catch (const std::invalid_argument& error) {
    throw InputError(field_problem(scenario, fmt::format("gpu_type[{}]", index), error.what()));
  }
  return type;
}

}  // namespace

GpuType building_gpu_type(const Scenario& scenario, std::size_t building) {
  const std::string& name = scenario.buildings[building].gpu_type;
  for (std::size_t i = 0; i < scenario.gpu_types.size(); ++i) {
    if (scenario.gpu_types[i].name == name) {
      return scenario_gpu_type(scenario, i);
    }
  }
  try {
    return catalogue_gpu(name);
  } catch (const std::invalid_argument&) {
    std::vector<std::string_view> names = gpu_type_names();
    for (const GpuTypeSection& section : scenario.gpu_types) {
      names.push_back(section.name);
    }
    throw InputError(field_problem(
        scenario, fmt::format("building[{}].gpu_type", building),
        fmt::format("unknown GPU type \"{}\"{}", name, suggestion_suffix(name, names))));
  }
}

double building_gpu_it_kw(const BuildingSection& building, const GpuType& type) {
  return static_cast<double>(building.gpus) * type.full_load_it_kw_per_gpu();
}

std::vector<Diagnostic> complete_building_power(Scenario& scenario) {
  std::vector<Diagnostic> problems;
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    BuildingSection& building = scenario.buildings[b];
    const GpuType type = building_gpu_type(scenario, b);
    const double needed_kw = building_gpu_it_kw(building, type);
    const std::string capacity_field = fmt::format("building[{}].it_capacity", b);
    if (scenario.sources.contains(capacity_field) && !(building.it_capacity_kw > 0.0)) {
      problems.push_back(field_problem(scenario, capacity_field,
                                       "expected a power greater than 0 W, got \"0 MW\" (omit it "
                                       "to derive it from the GPUs)"));
    } else if (!scenario.sources.contains(capacity_field)) {
      building.it_capacity_kw = needed_kw;
      if (!(needed_kw > 0.0)) {
        problems.push_back(field_problem(scenario, fmt::format("building[{}].gpus", b),
                                         "expected GPUs > 0, or an it_capacity"));
      }
    } else if (needed_kw > building.it_capacity_kw * (1.0 + 1e-9)) {
      problems.push_back(field_problem(
          scenario, fmt::format("building[{}].gpus", b),
          fmt::format("{} {} GPUs at {:.3f} kW each need {:.1f} MW of IT power at full load, more "
                      "than the building's it_capacity of {:.1f} MW: lower gpus, raise "
                      "it_capacity or omit it to derive it",
                      building.gpus, type.name, type.full_load_it_kw_per_gpu(),
                      needed_kw / kKwPerMw, building.it_capacity_kw / kKwPerMw)));
    }
  }
  return problems;
}

}  // namespace stargate
