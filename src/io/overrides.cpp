#include "io/overrides.hpp"

#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <string>
#include <vector>

#include "io/toml_location.hpp"
#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

struct PathSegment {
  std::string key;
  bool indexed = false;
  std::size_t index = 0;
};

[[noreturn]] void fail(std::string_view assignment, const std::string& field,
                       const std::string& message) {
  throw InputError(Diagnostic{
      SourceLocation{std::string(kOverrideSourcePrefix) + std::string(assignment), 0, 0, true},
      field, message});
}

std::vector<PathSegment> split_path(std::string_view assignment, std::string_view path) {
  std::vector<PathSegment> segments;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const std::size_t dot = std::min(path.find('.', begin), path.size());
    std::string_view part = path.substr(begin, dot - begin);
    PathSegment segment;
    const auto bracket = part.find('[');
    if (bracket != std::string_view::npos) {
      const std::string_view number = part.substr(bracket + 1, part.size() - bracket - 2);
      const auto [end, status] =
          std::from_chars(number.data(), number.data() + number.size(), segment.index);
      if (part.back() != ']' || status != std::errc() || end != number.data() + number.size()) {
        fail(assignment, std::string(path),
             fmt::format("malformed path segment '{}', expected KEY or KEY[INDEX]", part));
      }
      segment.indexed = true;
      part = part.substr(0, bracket);
    }
    if (part.empty()) {
      fail(assignment, std::string(path), "empty key in the path");
    }
    segment.key = std::string(part);
    segments.push_back(std::move(segment));
    begin = dot + 1;
  }
  return segments;
}

// A TOML basic string holding `text` (control characters escaped as \uXXXX).
std::string quoted(std::string_view text) {
  std::string result = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      result += '\\';
      result += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      result += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    } else {
      result += c;
    }
  }
  return result + '"';
}

// The value as TOML when it is one ("7", "true", "2026-01-01", "\"5 min\""), else as a string.
// Both parses carry the argument as their source, so later diagnostics point at it.
toml::table parse_value(std::string_view assignment, std::string_view value) {
  const std::string source = std::string(kOverrideSourcePrefix) + std::string(assignment);
  try {
    const std::string snippet = fmt::format("v = {}", value);
    return toml::parse(std::string_view(snippet), std::string_view(source));
  } catch (const toml::parse_error&) {
    try {
      const std::string snippet = fmt::format("v = {}", quoted(value));
      return toml::parse(std::string_view(snippet), std::string_view(source));
    } catch (const toml::parse_error& error) {
      fail(assignment, "", fmt::format("cannot read the value: {}", error.description()));
    }
  }
}

}  // namespace

void apply_override(toml::table& root, std::string_view assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos) {
    fail(assignment, "", "expected PATH=VALUE, such as scenario.step=15min");
  }
  const std::string_view path = assignment.substr(0, equals);
  const std::vector<PathSegment> segments = split_path(assignment, path);
  toml::source_region region;
  region.path = std::make_shared<const std::string>(std::string(kOverrideSourcePrefix) +
                                                    std::string(assignment));

  toml::table* table = &root;
  std::string walked;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const PathSegment& segment = segments[i];
    walked += (walked.empty() ? "" : ".") + segment.key;
    toml::node* node = table->get(segment.key);
    if (segment.indexed) {
      toml::array* array = node == nullptr ? nullptr : node->as_array();
      if (array == nullptr || segment.index >= array->size() ||
          !(*array)[segment.index].is_table()) {
        fail(assignment, walked,
             fmt::format("there is no entry [{}] in the file ({} {} entries)", segment.index,
                         array == nullptr ? 0 : array->size(), segment.key));
      }
      table = (*array)[segment.index].as_table();
      walked += fmt::format("[{}]", segment.index);
    } else {
      if (node == nullptr) {
        node = table->insert_or_assign(toml::key(segment.key, region), toml::table{})
                   .first->second.as_table();
      }
      if (!node->is_table()) {
        fail(assignment, walked, "is not a table, so it has no fields to set");
      }
      table = node->as_table();
    }
  }
  const PathSegment& last = segments.back();
  if (last.indexed) {
    fail(assignment, std::string(path), "the last part of the path must name a field");
  }
  toml::table parsed = parse_value(assignment, assignment.substr(equals + 1));
  // Moving (not copying) the node keeps its source region, so diagnostics name the argument.
  parsed.get("v")->visit(
      [&](auto& value) { table->insert_or_assign(toml::key(last.key, region), std::move(value)); });
}

}  // namespace stargate
