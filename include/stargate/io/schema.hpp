// The declarative scenario schema: every table and field of a scenario file is declared once,
// with its type, unit kind, default, bounds and description. The declarations drive validation,
// defaults, `stargate schema` and docs/scenario.md. Adding a table is a declaration in
// src/io/schema_*_tables.cpp binding keys to members of a section struct in
// stargate/core/scenario.hpp; no new parsing code.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"

namespace stargate {

/// How a field is written in TOML.
enum class ValueKind {
  kText,      ///< string
  kChoice,    ///< string from a fixed list: an enum member (declared with choice()) or a string
  kInteger,   ///< integer
  kNumber,    ///< plain number, integer or float, in the unit named by `plain_unit`
  kQuantity,  ///< string with a unit of `unit` ("1.2 GW"); kFraction also takes a bare number
  kBool,      ///< true / false
  kDate,      ///< TOML date or local date-time, or the same as a string ("2026-01-01")
};

/// A field value after parsing, in internal units. Only the member matching the kind is set.
struct FieldValue {
  std::string text;
  std::int64_t integer = 0;
  double number = 0.0;
  std::string_view unit;  ///< the unit symbol a quantity was written with
  bool flag = false;
  LocalTime time;
  int choice = 0;  ///< Choice::value of the choice written
};

/// One allowed value of a choice field: its name in files and, for an enum member, the
/// enumerator it stands for. Enum fields declare their choices as {name, enumerator} pairs with
/// TableDeclaration::choice(), so no mapping depends on the order of a list.
struct Choice {
  std::string name;
  int value = 0;
};

/// Options of one field declaration (designated initialisers keep declarations readable).
struct FieldOptions {
  ValueKind kind = ValueKind::kText;
  UnitKind unit = UnitKind::kPower;    ///< for kQuantity
  std::string_view plain_unit;         ///< for kNumber: the unit the bare number is in ("deg")
  const char* default_toml = nullptr;  ///< TOML text of the default; nullptr = required
  double min = -std::numeric_limits<double>::infinity();  ///< inclusive, internal units
  double max = std::numeric_limits<double>::infinity();   ///< inclusive, internal units
  bool min_exclusive = false;
  std::vector<Choice> choices;  ///< for kChoice
  const char* description = "";
};

/// One declared field.
struct FieldSpec {
  std::string key;
  FieldOptions options;
  /// Writes a parsed value into the section object (type-erased member pointer).
  std::function<void(void* section, const FieldValue& value)> assign;

  [[nodiscard]] bool required() const { return options.default_toml == nullptr; }
  /// "a power (W, kW, MW, GW)", "an integer", ... for messages and docs.
  [[nodiscard]] std::string expected() const;
  /// "from 1 min to 1 h", "at least 0 kW", ... or empty when unbounded.
  [[nodiscard]] std::string bounds_text() const;
};

/// One declared table: `[name]` or, when `is_array`, `[[name]]`. Nested tables use dotted names
/// ("site.weather").
struct TableSpec {
  std::string name;
  bool is_array = false;
  bool required = false;  ///< for arrays: at least one entry
  std::string description;
  std::string unique_key;  ///< for arrays: a field whose values must be distinct ("name")
  std::vector<FieldSpec> fields;
  /// Returns the section object of the document (a Scenario, a Programme) to fill (for arrays:
  /// appends a new element).
  std::function<void*(void* document)> section;

  [[nodiscard]] const FieldSpec* find_field(std::string_view key) const;
};

namespace schema_detail {

template <class Member>
void assign_member(Member& member, const FieldValue& value) {
  if constexpr (std::is_same_v<Member, std::string>) {
    member = value.text;
  } else if constexpr (std::is_same_v<Member, bool>) {
    member = value.flag;
  } else if constexpr (std::is_same_v<Member, std::int64_t>) {
    member = value.integer;
  } else if constexpr (std::is_same_v<Member, double>) {
    member = value.number;
  } else if constexpr (std::is_same_v<Member, LocalTime>) {
    member = value.time;
  } else if constexpr (std::is_same_v<Member, RunLength>) {
    // Whole years written in "y" are calendar years (a leap year has 366 days).
    const double years = value.number / kSecondsPerYear;
    const bool whole_years =
        value.unit == "y" && years == static_cast<double>(static_cast<int>(years));
    member = whole_years ? RunLength{static_cast<int>(years), 0.0} : RunLength{0, value.number};
  } else {
    static_assert(sizeof(Member) == 0, "unsupported member type in a schema declaration");
  }
}

}  // namespace schema_detail

/// Builds a TableSpec for the section type `Section` of a `Document` (a Scenario, or another
/// file type such as the Programme of stargate/core/programme.hpp).
template <class Section, class Document = Scenario>
class TableDeclaration {
 public:
  TableDeclaration(std::string name, std::string description, Section Document::*section)
      : spec_{std::move(name),
              false,
              false,
              std::move(description),
              {},
              {},
              [section](void* document) -> void* {
                return &(static_cast<Document*>(document)->*section);
              }} {}

  TableDeclaration(std::string name, std::string description,
                   std::vector<Section> Document::*sections, std::string unique_key)
      : spec_{std::move(name),
              true,
              false,
              std::move(description),
              std::move(unique_key),
              {},
              [sections](void* document) -> void* {
                return &(static_cast<Document*>(document)->*sections).emplace_back();
              }} {}

  TableDeclaration& required() {
    spec_.required = true;
    return *this;
  }

  template <class Member>
  TableDeclaration& field(std::string key, Member Section::*member, FieldOptions options) {
    static_assert(!std::is_enum_v<Member>,
                  "declare an enum field with choice(): its {name, enumerator} pairs");
    spec_.fields.push_back(FieldSpec{
        std::move(key), std::move(options), [member](void* section, const FieldValue& value) {
          schema_detail::assign_member(static_cast<Section*>(section)->*member, value);
        }});
    return *this;
  }

  /// A choice field of enum type: each name in files with the enumerator it sets (the pairs'
  /// type is checked against the member's at compile time).
  template <class Enum>
  requires std::is_enum_v<Enum> TableDeclaration& choice(
      std::string key, Enum Section::*member,
      std::type_identity_t<std::initializer_list<std::pair<const char*, Enum>>> choices,
      FieldOptions options) {
    options.kind = ValueKind::kChoice;
    options.choices.clear();
    for (const auto& [name, enumerator] : choices) {
      options.choices.push_back(Choice{name, static_cast<int>(enumerator)});
    }
    spec_.fields.push_back(FieldSpec{
        std::move(key), std::move(options), [member](void* section, const FieldValue& value) {
          static_cast<Section*>(section)->*member = static_cast<Enum>(value.choice);
        }});
    return *this;
  }

  [[nodiscard]] TableSpec build() { return std::move(spec_); }

 private:
  TableSpec spec_;
};

/// All declared tables, in documentation order.
class Schema {
 public:
  explicit Schema(std::vector<TableSpec> tables) : tables_(std::move(tables)) {}
  [[nodiscard]] const std::vector<TableSpec>& tables() const { return tables_; }
  [[nodiscard]] const TableSpec* find_table(std::string_view name) const;

 private:
  std::vector<TableSpec> tables_;
};

/// Parses a command-line value for `field` with the same checks as in a scenario file: the text
/// is read as a TOML value when it is one ("30", "true"), else as a string ("96 %", "fixed").
/// Throws std::invalid_argument whose what() says what was expected and what was found.
[[nodiscard]] FieldValue parse_field_text(const FieldSpec& field, std::string_view text);

/// The scenario schema (immutable, built on first use).
[[nodiscard]] const Schema& scenario_schema();

/// The schema as Markdown (docs/scenario.md is this text) or as plain text for the terminal.
[[nodiscard]] std::string schema_markdown(const Schema& schema);
[[nodiscard]] std::string schema_text(const Schema& schema);

}  // namespace stargate
