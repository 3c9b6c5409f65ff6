#include "stargate/core/errors.hpp"

#include <fmt/format.h>

#include <utility>

namespace stargate {

std::string SourceLocation::format() const {
  if (command_line || line <= 0) {
    return file;
  }
  return fmt::format("{}:{}:{}", file, line, column > 0 ? column : 1);
}

std::string Diagnostic::format() const {
  if (field.empty()) {
    return fmt::format("{}: error: {}", where.format(), message);
  }
  return fmt::format("{}: error: {}: {}", where.format(), field, message);
}

namespace {

std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& diagnostic : diagnostics) {
    if (!text.empty()) {
      text += '\n';
    }
    text += diagnostic.format();
  }
  return text;
}

}  // namespace

InputError::InputError(Diagnostic diagnostic)
    : InputError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

void SourceIndex::record(const std::string& field_path, SourceLocation where) {
  locations_[field_path] = std::move(where);
}

SourceLocation SourceIndex::find(const std::string& field_path,
                                 const SourceLocation& fallback) const {
  const auto found = locations_.find(field_path);
  return found == locations_.end() ? fallback : found->second;
}

}  // namespace stargate
