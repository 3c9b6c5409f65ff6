#include "stargate/inputs/input_files.hpp"

#include "stargate/io/file_text.hpp"

namespace stargate {

FileText InputFiles::read(const std::filesystem::path& path) {
  ++reads_[path.string()];
  return read_text_file(path);
}

std::filesystem::path scenario_file_path(const Scenario& scenario, const std::string& file) {
  const std::filesystem::path path(file);
  return path.is_absolute() ? path
                            : std::filesystem::path(scenario.source_file).parent_path() / path;
}

}  // namespace stargate
