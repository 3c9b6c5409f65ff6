#include "report/output_files.hpp"
#include "stargate/report/writers.hpp"

namespace stargate {

void write_summary_json(const Scenario& scenario, const Results& results, std::ostream& out) {
  out << report::run_summary(scenario, results).dump(2) << '\n';
}

}  // namespace stargate
