#include "stargate/core/scenario.hpp"

#include <cmath>

namespace stargate {

TimeGrid run_grid(const Scenario& scenario) {
  return TimeGrid::covering(scenario.run.start, scenario.run.duration,
                            std::llround(scenario.run.step_s),
                            std::llround(scenario.site.utc_offset_s));
}

SourceLocation field_location(const Scenario& scenario, const std::string& field) {
  return scenario.sources.find(field, SourceLocation{scenario.source_file, 1, 1});
}

Diagnostic field_problem(const Scenario& scenario, const std::string& field, std::string message) {
  return Diagnostic{field_location(scenario, field), field, std::move(message)};
}

}  // namespace stargate
