#include "stargate/core/scenario.hpp"

#include <cmath>

namespace stargate {

TimeGrid run_grid(const Scenario& scenario) {
  return TimeGrid::covering(scenario.run.start, scenario.run.duration,
                            std::llround(scenario.run.step_s),
                            std::llround(scenario.site.utc_offset_s));
}

}  // namespace stargate
