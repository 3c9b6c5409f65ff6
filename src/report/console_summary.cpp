#include <fmt/format.h>

#include <cmath>
#include <string>

#include "stargate/core/units.hpp"
#include "stargate/report/writers.hpp"
#include "stargate/version.hpp"

namespace stargate {
namespace {

// "12,345,678" for large values, 4 significant digits for small ones, and "4.288e+27" beyond a
// trillion (FLOPs and tokens), where grouped digits stop being readable.
std::string readable(double value) {
  constexpr double kScientificFrom = 1e12;
  if (std::abs(value) >= kScientificFrom) {
    return fmt::format("{:.4g}", value);
  }
  if (std::abs(value) >= 1000.0) {
    const std::string digits = fmt::format("{:.0f}", std::abs(value));
    std::string grouped = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) {
        grouped += ',';
      }
      grouped += digits[i];
    }
    return grouped;
  }
  return fmt::format("{:.4g}", value);
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  }
  return text;
}

}  // namespace

void write_console_summary(const Scenario& scenario, const Results& results, std::ostream& out) {
  const TimeGrid& grid = results.grid();
  out << fmt::format("Stargate {}: {}\n", kVersion, scenario.run.name);
  out << fmt::format("  {} to {}, {} steps of {}\n", grid.iso8601(0),
                     format_iso8601(grid.end(), grid.utc_offset_s()), grid.size(),
                     format_quantity(static_cast<double>(grid.step_s()), UnitKind::kDuration));
  std::string group;
  for (const auto& kpi : results.kpis()) {
    if (kpi.group != group) {
      group = kpi.group;
      out << fmt::format("\n{}\n", capitalised(group));
    }
    // Fractions read better as percentages on the console (summary.json keeps fractions).
    const bool fraction = kpi.unit == "fraction";
    const std::string value = fraction             ? fmt::format("{:.2f}", kpi.value / kPercent)
                              : kpi.unit == "year" ? fmt::format("{:.0f}", kpi.value)
                                                   : readable(kpi.value);
    out << fmt::format("  {:.<42} {:>16} {}\n", kpi.description + " ", value,
                       fraction ? "%" : kpi.unit);
  }
  if (!results.findings().empty()) {
    out << "\nFindings\n";
    for (const auto& finding : results.findings()) {
      out << fmt::format("  {}\n", finding);
    }
  }
  for (const auto& warning : results.warnings()) {
    out << fmt::format("\nwarning: {}\n", warning);
  }
}

}  // namespace stargate
