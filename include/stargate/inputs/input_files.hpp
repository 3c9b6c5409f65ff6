// The input stage's access to files (stargate/inputs/run_inputs.hpp): every file a run reads goes
// through one InputFiles, which counts the reads so that tests can prove each file is read once.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "stargate/core/scenario.hpp"
#include "stargate/io/file_text.hpp"

namespace stargate {

class InputFiles {
 public:
  /// The whole text of `path`. InputError located at the file when it is missing, a directory,
  /// empty or not text.
  [[nodiscard]] FileText read(const std::filesystem::path& path);

  /// How many times each file was read, by path.
  [[nodiscard]] const std::map<std::string, int>& reads() const { return reads_; }

 private:
  std::map<std::string, int> reads_;
};

/// A file named in a scenario: as written when absolute, else relative to the scenario file's
/// folder.
[[nodiscard]] std::filesystem::path scenario_file_path(const Scenario& scenario,
                                                       const std::string& file);

}  // namespace stargate
