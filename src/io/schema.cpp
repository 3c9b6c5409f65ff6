#include "stargate/io/schema.hpp"

#include <fmt/format.h>

#include <cmath>

namespace stargate {
namespace {

std::string format_bound(const FieldSpec& spec, double value) {
  if (spec.options.kind == ValueKind::kQuantity) {
    return format_quantity(value, spec.options.unit);
  }
  if (spec.options.plain_unit.empty()) {
    return fmt::format("{:g}", value);
  }
  return fmt::format("{:g} {}", value, spec.options.plain_unit);
}

}  // namespace

std::string FieldSpec::expected() const {
  switch (options.kind) {
    case ValueKind::kText: return "a string";
    case ValueKind::kChoice: {
      std::string list;
      for (const Choice& choice : options.choices) {
        list += list.empty() ? "" : ", ";
        list += fmt::format("\"{}\"", choice.name);
      }
      return "one of " + list;
    }
    case ValueKind::kInteger: return "an integer";
    case ValueKind::kNumber:
      return options.plain_unit.empty() ? std::string("a number")
                                        : fmt::format("a number in {}", options.plain_unit);
    case ValueKind::kQuantity:
      if (options.unit == UnitKind::kFraction) {
        return "a fraction such as 0.85 or \"85 %\"";
      }
      return fmt::format("{} such as \"{}\" (units: {})", kind_name(options.unit),
                         example_value(options.unit), accepted_units(options.unit));
    case ValueKind::kBool: return "true or false";
    case ValueKind::kDate: return "a date such as 2026-01-01 or 2026-01-01T06:00:00";
  }
  return "a value";
}

std::string FieldSpec::bounds_text() const {
  const bool has_min = std::isfinite(options.min);
  const bool has_max = std::isfinite(options.max);
  if (has_min && has_max) {
    return fmt::format("from {} to {}", format_bound(*this, options.min),
                       format_bound(*this, options.max));
  }
  if (has_min) {
    return fmt::format("{} {}", options.min_exclusive ? "greater than" : "at least",
                       format_bound(*this, options.min));
  }
  if (has_max) {
    return fmt::format("at most {}", format_bound(*this, options.max));
  }
  return {};
}

const FieldSpec* TableSpec::find_field(std::string_view key) const {
  for (const auto& field : fields) {
    if (field.key == key) {
      return &field;
    }
  }
  return nullptr;
}

const TableSpec* Schema::find_table(std::string_view name) const {
  for (const auto& table : tables_) {
    if (table.name == name) {
      return &table;
    }
  }
  return nullptr;
}

}  // namespace stargate
