#include "stargate/io/scenario_loader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

#include "io/document_binder.hpp"
#include "io/overrides.hpp"
#include "io/scenario_checks.hpp"
#include "io/toml_location.hpp"
#include "stargate/core/text.hpp"
#include "stargate/io/file_text.hpp"
#include "stargate/io/gpu_types.hpp"
#include "stargate/io/schema.hpp"

namespace stargate {
namespace {

/// A problem with one value; the binder adds location and field path.
struct ValueProblem {
  std::string message;
};

std::string describe(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::none: return "nothing";
    case toml::node_type::string: return fmt::format("\"{}\"", node.as_string()->get());
    default: break;
  }
  std::ostringstream text;
  node.visit([&](const auto& value) {
    if constexpr (toml::is_value<decltype(value)>) {
      text << value;
    }
  });
  return text.str();
}

LocalTime local_time_of(const toml::date& date, const toml::time& time) {
  return local_from_civil(
      CivilTime{date.year, date.month, date.day, time.hour, time.minute, time.second});
}

LocalTime parse_date(const toml::node& node) {
  if (const auto* date = node.as_date()) {
    return local_time_of(date->get(), toml::time{});
  }
  if (const auto* date_time = node.as_date_time()) {
    if (date_time->get().offset) {
      throw ValueProblem{
          fmt::format("expected a date in the site's standard time without a UTC offset, got {}",
                      describe(node))};
    }
    return local_time_of(date_time->get().date, date_time->get().time);
  }
  if (const auto* text = node.as_string()) {
    // "2026-01-01" written as a string: read it as the TOML date it spells.
    try {
      const std::string snippet = fmt::format("v = {}", text->get());
      const toml::table parsed = toml::parse(std::string_view(snippet), std::string_view("<date>"));
      const toml::node* value = parsed.get("v");
      if (value != nullptr && (value->is_date() || value->is_date_time())) {
        return parse_date(*value);
      }
    } catch (const toml::parse_error&) {  // NOLINT(bugprone-empty-catch): reported below
    }
  }
  throw ValueProblem{fmt::format(
      "expected a date such as 2026-01-01 or 2026-01-01T06:00:00, got {}", describe(node))};
}

void check_bounds(const FieldSpec& spec, double value, const std::string& shown) {
  const auto& options = spec.options;
  const bool below = options.min_exclusive ? value <= options.min : value < options.min;
  if (below || value > options.max) {
    throw ValueProblem{
        fmt::format("expected {} {}, got {}", spec.expected(), spec.bounds_text(), shown)};
  }
}

FieldValue parse_value(const FieldSpec& spec, const toml::node& node) {
  FieldValue value;
  const auto& options = spec.options;
  const auto wrong = [&]() {
    return ValueProblem{fmt::format("expected {}, got {}", spec.expected(), describe(node))};
  };
  switch (options.kind) {
    case ValueKind::kText:
      if (!node.is_string()) {
        throw wrong();
      }
      value.text = node.as_string()->get();
      if (spec.required() && value.text.empty()) {
        throw ValueProblem{"expected a non-empty string, got \"\""};
      }
      break;
    case ValueKind::kChoice: {
      if (!node.is_string()) {
        throw wrong();
      }
      value.text = node.as_string()->get();
      const auto found =
          std::find_if(options.choices.begin(), options.choices.end(),
                       [&](const Choice& choice) { return choice.name == value.text; });
      if (found == options.choices.end()) {
        std::vector<std::string_view> names;
        for (const Choice& choice : options.choices) {
          names.emplace_back(choice.name);
        }
        throw ValueProblem{fmt::format(
            "expected {}, got {}{}", spec.expected(), describe(node),
            closest_match(value.text, names).empty() ? "" : suggestion_suffix(value.text, names))};
      }
      value.choice = found->value;
      break;
    }
    case ValueKind::kInteger:
      if (!node.is_integer()) {
        throw wrong();
      }
      value.integer = node.as_integer()->get();
      value.number = static_cast<double>(value.integer);
      check_bounds(spec, value.number, describe(node));
      break;
    case ValueKind::kNumber:
      if (!node.is_number()) {
        throw wrong();
      }
      value.number = node.is_integer() ? static_cast<double>(node.as_integer()->get())
                                       : node.as_floating_point()->get();
      if (!std::isfinite(value.number)) {
        throw wrong();
      }
      check_bounds(spec, value.number, describe(node));
      break;
    case ValueKind::kQuantity:
      if (node.is_number() && options.unit == UnitKind::kFraction) {
        value.number = node.is_integer() ? static_cast<double>(node.as_integer()->get())
                                         : node.as_floating_point()->get();
        if (!std::isfinite(value.number)) {
          throw wrong();
        }
      } else if (node.is_number()) {
        throw ValueProblem{
            fmt::format("expected {}, got {} with no unit; write it as a string "
                        "such as \"{}\"",
                        spec.expected(), describe(node), example_value(options.unit))};
      } else if (!node.is_string()) {
        throw wrong();
      } else {
        try {
          const Quantity quantity = parse_quantity(node.as_string()->get(), options.unit);
          value.number = quantity.value;
          value.unit = quantity.unit;
        } catch (const UnitError& error) {
          throw ValueProblem{error.what()};
        }
      }
      check_bounds(spec, value.number, describe(node));
      break;
    case ValueKind::kBool:
      if (!node.is_boolean()) {
        throw wrong();
      }
      value.flag = node.as_boolean()->get();
      break;
    case ValueKind::kDate: value.time = parse_date(node); break;
  }
  return value;
}

/// Walks a parsed TOML tree against the schema, filling a document (a Scenario, a Programme) and
/// collecting diagnostics.
class Binder {
 public:
  Binder(const Schema& schema, void* document, SourceIndex& sources, std::string file)
      : schema_(schema), document_(document), sources_(sources), file_(std::move(file)) {}

  void bind(const toml::table& root) {
    std::vector<std::string_view> top_level;
    for (const auto& table : schema_.tables()) {
      if (table.name.find('.') == std::string::npos) {
        top_level.push_back(table.name);
      }
    }
    for (const auto& [key, node] : root) {
      const TableSpec* spec = schema_.find_table(key.str());
      if (spec == nullptr) {
        report(location_of(key.source(), file_), std::string(key.str()),
               "unknown table" + suggestion_suffix(key.str(), top_level));
        continue;
      }
      bind_table_node(*spec, node, std::string(key.str()), location_of(key.source(), file_));
    }
    for (const auto& spec : schema_.tables()) {
      if (spec.name.find('.') == std::string::npos && root.get(spec.name) == nullptr) {
        bind_absent_table(spec, spec.name);
      }
    }
  }

  [[nodiscard]] std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }

 private:
  void report(SourceLocation where, std::string field, std::string message) {
    diagnostics_.push_back(Diagnostic{std::move(where), std::move(field), std::move(message)});
  }

  void bind_absent_table(const TableSpec& spec, const std::string& path) {
    const SourceLocation top{file_, 1, 1};
    if (spec.required) {
      report(top, path,
             fmt::format("missing required table {}{}{} ({})", spec.is_array ? "[[" : "[",
                         spec.name, spec.is_array ? "]]" : "]", spec.description));
      return;
    }
    if (!spec.is_array) {
      bind_fields(spec, toml::table{}, path, spec.section(document_), top);
    }
  }

  void bind_table_node(const TableSpec& spec, const toml::node& node, const std::string& path,
                       const SourceLocation& key_location) {
    if (spec.is_array) {
      const toml::array* entries = node.as_array();
      if (entries != nullptr && entries->empty()) {
        report(key_location, path, fmt::format("expected at least one [[{}]]", spec.name));
        return;
      }
      if (entries == nullptr || !entries->is_array_of_tables()) {
        report(key_location, path,
               fmt::format("expected [[{}]] tables, got {}", spec.name, describe(node)));
        return;
      }
      std::map<std::string, int> first_line_of_key;
      for (std::size_t i = 0; i < entries->size(); ++i) {
        const toml::table& entry = *(*entries)[i].as_table();
        const std::string entry_path = fmt::format("{}[{}]", path, i);
        const SourceLocation entry_location = location_of(entry.source(), file_);
        sources_.record(entry_path, entry_location);
        bind_fields(spec, entry, entry_path, spec.section(document_), entry_location);
        check_unique(spec, entry, entry_path, first_line_of_key);
      }
      return;
    }
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      report(location_of(node.source(), file_), path,
             fmt::format("expected a table [{}], got {}", spec.name, describe(node)));
      return;
    }
    const SourceLocation table_location = location_of(table->source(), file_);
    sources_.record(path, table_location);
    bind_fields(
        spec, *table, path, spec.section(document_),
        table_location.line > 0 || table_location.command_line ? table_location : key_location);
  }

  void check_unique(const TableSpec& spec, const toml::table& entry, const std::string& entry_path,
                    std::map<std::string, int>& first_line_of_key) {
    if (spec.unique_key.empty()) {
      return;
    }
    const toml::node* key_node = entry.get(spec.unique_key);
    if (key_node == nullptr || !key_node->is_string()) {
      return;
    }
    const std::string value = key_node->as_string()->get();
    const SourceLocation where = location_of(key_node->source(), file_);
    const auto [found, inserted] = first_line_of_key.emplace(value, where.line);
    if (!inserted) {
      report(where, entry_path + "." + spec.unique_key,
             fmt::format("duplicate {} \"{}\" (first used at line {}); each [[{}]] needs a "
                         "unique {}",
                         spec.unique_key, value, found->second, spec.name, spec.unique_key));
    }
  }

  void bind_fields(const TableSpec& spec, const toml::table& table, const std::string& path,
                   void* section, const SourceLocation& table_location) {
    std::vector<std::string_view> known;
    for (const auto& field : spec.fields) {
      known.push_back(field.key);
    }
    std::vector<std::string> nested_names;
    for (const auto& nested : schema_.tables()) {
      if (nested.name.starts_with(spec.name + ".")) {
        nested_names.push_back(nested.name.substr(spec.name.size() + 1));
      }
    }
    known.insert(known.end(), nested_names.begin(), nested_names.end());

    std::vector<std::string> suggested;  // fields an unknown key probably meant
    for (const auto& [key, node] : table) {
      const std::string field_path = path + "." + std::string(key.str());
      if (const TableSpec* nested = schema_.find_table(spec.name + "." + std::string(key.str()))) {
        bind_table_node(*nested, node, field_path, location_of(key.source(), file_));
        continue;
      }
      const FieldSpec* field = spec.find_field(key.str());
      if (field == nullptr) {
        report(location_of(key.source(), file_), field_path,
               "unknown key" + suggestion_suffix(key.str(), known));
        suggested.push_back(closest_match(key.str(), known));
        continue;
      }
      // A value without a source of its own (made by an override) is located at its key.
      const SourceLocation where = node.source().begin.line > 0 ? location_of(node.source(), file_)
                                                                : location_of(key.source(), file_);
      try {
        field->assign(section, parse_value(*field, node));
        sources_.record(field_path, where);
      } catch (const ValueProblem& problem) {
        report(where, field_path, problem.message);
      }
    }
    for (const auto& field : spec.fields) {
      if (table.get(field.key) != nullptr) {
        continue;
      }
      const std::string field_path = path + "." + field.key;
      const bool misspelt =
          std::find(suggested.begin(), suggested.end(), field.key) != suggested.end();
      if (field.required() && !misspelt) {
        report(table_location, field_path,
               fmt::format("missing required field '{}', {}: {}", field.key, field.expected(),
                           field.options.description));
      }
      if (field.required()) {
        continue;
      }
      field.assign(section, default_value(field));
    }
    for (const auto& nested_name : nested_names) {
      if (table.get(nested_name) == nullptr) {
        bind_absent_table(*schema_.find_table(fmt::format("{}.{}", spec.name, nested_name)),
                          fmt::format("{}.{}", path, nested_name));
      }
    }
  }

  static FieldValue default_value(const FieldSpec& field) {
    const std::string snippet = fmt::format("v = {}", field.options.default_toml);
    const toml::table parsed =
        toml::parse(std::string_view(snippet), std::string_view("<default>"));
    return parse_value(field, *parsed.get("v"));
  }

  const Schema& schema_;
  void* document_;
  SourceIndex& sources_;
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

void sort_by_location(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.command_line != b.where.command_line) {
          return !a.where.command_line;
        }
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
      });
}

toml::table parse_toml_document(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, std::string_view(source_name));
  } catch (const toml::parse_error& error) {
    // toml++ reports a string left open at the end of its line as a control character.
    const bool open_string = error.description().find("control characters") != std::string::npos;
    throw InputError(Diagnostic{location_of(error.source(), source_name), "",
                                fmt::format("invalid TOML: {}{}", error.description(),
                                            open_string ? " (is a closing quote missing?)" : "")});
  }
}

std::vector<Diagnostic> bind_document(const Schema& schema, const toml::table& root, void* document,
                                      SourceIndex& sources, const std::string& source_name) {
  Binder binder(schema, document, sources, source_name);
  binder.bind(root);
  return binder.take_diagnostics();
}

Scenario load_scenario_text(std::string_view text, const std::string& source_name,
                            std::span<const std::string> overrides) {
  toml::table root = parse_toml_document(text, source_name);
  for (const auto& assignment : overrides) {
    apply_override(root, assignment);
  }
  Scenario scenario;
  scenario.source_file = source_name;
  std::vector<Diagnostic> diagnostics =
      bind_document(scenario_schema(), root, &scenario, scenario.sources, source_name);
  if (diagnostics.empty()) {
    diagnostics = check_scenario(scenario);
  }
  if (diagnostics.empty()) {
    diagnostics = complete_building_power(scenario);
  }
  if (!diagnostics.empty()) {
    sort_by_location(diagnostics);
    throw InputError(std::move(diagnostics));
  }
  for (std::size_t i = 0; i < scenario.solar.size(); ++i) {
    scenario.solar[i].albedo_from_weather =
        !scenario.sources.contains(fmt::format("solar[{}].albedo", i));
  }
  return scenario;
}

FieldValue parse_field_text(const FieldSpec& field, std::string_view text) {
  // The text as a TOML value when it is one ("30", "true", "\"96 %\""), else as a string.
  toml::table parsed;
  try {
    const std::string snippet = fmt::format("v = {}", text);
    parsed = toml::parse(std::string_view(snippet), std::string_view("<argument>"));
  } catch (const toml::parse_error&) {
    parsed.insert_or_assign("v", std::string(text));
  }
  try {
    return parse_value(field, *parsed.get("v"));
  } catch (const ValueProblem& problem) {
    throw std::invalid_argument(problem.message);
  }
}

Scenario load_scenario(const std::filesystem::path& file, std::span<const std::string> overrides) {
  return load_scenario_text(read_text_file(file), file.string(), overrides);
}

}  // namespace stargate
