// A programme: several campus scenarios built and financed together (docs/programme.md).
//
// Plain data, filled by stargate/io/programme_loader.hpp from the declarations in
// src/io/schema_programme_tables.cpp. Each campus keeps its own scenario file and schedule (the
// energy simulations stay per site); the programme adds a common finance window and its own
// funding (partners' equity, debt) on top of what each campus file lists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/core/errors.hpp"
#include "stargate/core/scenario.hpp"

namespace stargate {

/// [programme]: identity, the analysis window and how funding is counted.
struct ProgrammeSection {
  std::string name;
  std::string description;
  std::int64_t analysis_years = 15;  ///< from the earliest construction spend of any campus
  double discount_rate = 0.075;      ///< NPV of the programme's cash flows
  bool count_only_committed = true;  ///< programme and campus equity: committed and drawn only

  bool operator==(const ProgrammeSection&) const = default;
};

/// [[campus]]: one campus scenario file of the programme.
struct CampusEntry {
  std::string name;
  std::string file;                     ///< scenario file, relative to the programme file
  std::int64_t start_shift_months = 0;  ///< moves every date of the campus file (run, online,
                                        ///< funding) by whole calendar months

  bool operator==(const CampusEntry&) const = default;
};

/// A whole programme file.
struct Programme {
  std::string source_file;
  ProgrammeSection programme;
  std::vector<CampusEntry> campuses;
  std::vector<EquitySection> equity;  ///< programme-level partners' equity
  std::vector<DebtSection> debt;      ///< programme-level debt
  SourceIndex sources;

  bool operator==(const Programme&) const = default;
};

}  // namespace stargate
