#include "report/output_files.hpp"
#include "stargate/report/writers.hpp"

namespace stargate {

void write_run_outputs(const Scenario& scenario, const Results& results,
                       const std::filesystem::path& directory) {
  report::write_run_files(report::run_summary(scenario, results), results, directory);
}

}  // namespace stargate
