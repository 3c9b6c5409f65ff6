// Input errors with source locations (tier (b) of the error policy in docs/architecture.md).
//
// Bad input (scenario files, command-line overrides, data files) is reported by throwing
// InputError, which carries one or more diagnostics. Each diagnostic names where the problem is
// (file, line, column), which field it concerns and what was expected. Only app/ catches it; the
// command line prints every diagnostic in GCC style and exits with code 2.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace stargate {

/// A place in an input: a file with 1-based line and column (0 when unknown), or a command-line
/// argument such as `--set scenario.step=5min` (then `command_line` is true and line/column are 0).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  bool command_line = false;

  /// "FILE:LINE:COL", "FILE" when the line is unknown, or the argument itself.
  [[nodiscard]] std::string format() const;

  bool operator==(const SourceLocation&) const = default;
};

/// One problem found in the input.
struct Diagnostic {
  SourceLocation where;
  std::string field;    ///< field path such as "building[2].it_capacity"; empty when none applies
  std::string message;  ///< what was expected and what was found

  /// GCC style: "FILE:LINE:COL: error: FIELD: MESSAGE".
  [[nodiscard]] std::string format() const;
};

/// Thrown for bad input. what() is the formatted list of diagnostics, one per line.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic diagnostic);
  explicit InputError(std::vector<Diagnostic> diagnostics);

  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Where each field of a loaded input came from, keyed by field path ("grid.price").
class SourceIndex {
 public:
  void record(const std::string& field_path, SourceLocation where);
  /// The recorded location, or `fallback` when the field was not written in the input.
  [[nodiscard]] SourceLocation find(const std::string& field_path,
                                    const SourceLocation& fallback) const;
  /// Whether the field was written in the input (rather than taken from its default).
  [[nodiscard]] bool contains(const std::string& field_path) const {
    return locations_.contains(field_path);
  }

  bool operator==(const SourceIndex&) const = default;

 private:
  std::map<std::string, SourceLocation> locations_;
};

}  // namespace stargate
