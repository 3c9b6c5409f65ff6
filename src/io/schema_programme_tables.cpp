// Tables of a programme file: identity and window, the campus files, and (shared with scenarios)
// [[equity]] and [[debt]]. Assembled by programme_schema() in src/io/programme_loader.cpp.

#include "io/schema_tables.hpp"
#include "stargate/core/programme.hpp"

namespace stargate::schema_tables {
namespace {

constexpr double kMaxYears = 100.0;
constexpr double kMaxShiftMonths = 1200.0;

}  // namespace

TableSpec programme_table() {
  return TableDeclaration<ProgrammeSection, Programme>(
             "programme", "Identity of the programme, its analysis window and its funding rule.",
             &Programme::programme)
      .field("name", &ProgrammeSection::name,
             {.kind = ValueKind::kText, .description = "Name of the programme."})
      .field("description", &ProgrammeSection::description,
             {.kind = ValueKind::kText, .default_toml = "\"\"", .description = "One line."})
      .field("analysis_years", &ProgrammeSection::analysis_years,
             {.kind = ValueKind::kInteger,
              .default_toml = "15",
              .min = 1.0,
              .max = kMaxYears,
              .description = "Years of quarterly cash flows from the earliest construction spend "
                             "of any campus; every campus's flows are placed on these quarters."})
      .field("discount_rate", &ProgrammeSection::discount_rate,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"7.5 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Discount rate of the programme NPV (lease-backed facility cost of "
                             "capital, FACTS.md)."})
      .field("count_only_committed", &ProgrammeSection::count_only_committed,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "Funding counts committed and drawn equity only (programme and "
                             "campus files alike); false counts announced equity too."})
      .build();
}

TableSpec campus_table() {
  return TableDeclaration<CampusEntry, Programme>("campus", "One campus scenario of the programme.",
                                                  &Programme::campuses, "name")
      .required()
      .field("name", &CampusEntry::name,
             {.kind = ValueKind::kText, .description = "Name of the campus (its output folder)."})
      .field("file", &CampusEntry::file,
             {.kind = ValueKind::kText,
              .description = "Scenario file of the campus, relative to the programme file."})
      .field("start_shift_months", &CampusEntry::start_shift_months,
             {.kind = ValueKind::kInteger,
              .plain_unit = "months",
              .default_toml = "0",
              .min = -kMaxShiftMonths,
              .max = kMaxShiftMonths,
              .description = "Moves every date of the campus file (run start, online dates, "
                             "funding) by whole calendar months."})
      .build();
}

}  // namespace stargate::schema_tables
