#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "report/output_files.hpp"
#include "stargate/core/units.hpp"
#include "stargate/finance/quarters.hpp"
#include "stargate/report/programme_writers.hpp"
#include "stargate/report/writers.hpp"
#include "stargate/version.hpp"

namespace stargate {

using report::kpi_groups;
using report::party_groups;

std::string site_folder_name(const std::string& campus_name) {
  std::string name;
  for (const char c : campus_name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      name += static_cast<char>(std::tolower(u));
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') {
    name.pop_back();
  }
  return name.empty() ? std::string("campus") : name;
}

void write_programme_summary_json(const Programme& programme, const ProgrammeOutcome& outcome,
                                  std::ostream& out) {
  nlohmann::ordered_json summary;
  summary["format"] = "stargate-programme-summary";
  summary["format_version"] = 1;
  summary["stargate_version"] = kVersion;
  const auto& runs_out = outcome.funding.money_runs_out;
  summary["programme"] = {
      {"name", programme.programme.name},
      {"file", programme.source_file},
      {"description", programme.programme.description},
      {"window_start", format_date(outcome.window.start)},
      {"window_end", format_date(outcome.window.end)},
      {"quarters", outcome.window.quarters},
      {"count_only_committed", programme.programme.count_only_committed},
      {"money_runs_out", runs_out ? nlohmann::ordered_json(quarter_label(*runs_out))
                                  : nlohmann::ordered_json(nullptr)},
  };
  summary["kpis"] = kpi_groups(outcome.kpis);
  if (nlohmann::ordered_json parties = party_groups(outcome.kpis); !parties.empty()) {
    summary["parties"] = std::move(parties);
  }
  nlohmann::ordered_json sites = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < outcome.sites.size(); ++i) {
    const ProgrammeSite& site = outcome.sites[i];
    const CampusEntry& entry = programme.campuses[i];
    sites.push_back({
        {"name", site.name},
        {"file", entry.file},
        {"start_shift_months", entry.start_shift_months},
        {"output", "sites/" + site_folder_name(site.name)},
        {"kpis", kpi_groups(site.results.kpis())},
        {"parties", party_groups(site.results.kpis())},
        {"findings", site.results.findings()},
    });
  }
  summary["sites"] = sites;
  summary["findings"] = outcome.findings;
  out << summary.dump(2) << '\n';
}

void write_programme_console_summary(const Programme& programme, const ProgrammeOutcome& outcome,
                                     std::ostream& out) {
  out << fmt::format("Programme: {}\n", programme.programme.name);
  out << fmt::format("  {:<28} {:>9} {:>11} {:>12} {:>10}\n", "campus", "IT MW", "capex $B",
                     "cost $/GPU-h", "LCOE $/MWh");
  for (const ProgrammeSite& site : outcome.sites) {
    double it_kw = 0.0;
    for (const BuildingSection& building : site.scenario->buildings) {
      it_kw += building.it_capacity_kw;
    }
    const CampusCosts& costs = site.finance.costs;
    out << fmt::format("  {:<28} {:>9.0f} {:>11.1f} {:>12.2f} {:>10.1f}\n", site.name,
                       it_kw / kKwPerMw, costs.capex_usd / kUsdPerBillion,
                       costs.cost_per_gpu_hour_usd, costs.lcoe_on_site_usd_per_mwh.value_or(0.0));
  }
  for (const Kpi& kpi : outcome.kpis) {
    std::string shown;
    if (kpi.unit == "USD" || kpi.unit == "USD/yr") {
      shown =
          fmt::format("{:.2f} $B{}", kpi.value / kUsdPerBillion, kpi.unit == "USD" ? "" : "/yr");
    } else if (kpi.unit == "fraction") {
      shown = fmt::format("{:.1f} %", kpi.value * kPercentPerFraction);
    } else {
      shown = fmt::format("{:.6g} {}", kpi.value, kpi.unit);
    }
    out << fmt::format("  {:<60} {:>16}\n", kpi.description, shown);
  }
  for (const std::string& finding : outcome.findings) {
    out << "  " << finding << '\n';
  }
}

void write_programme_outputs(const Programme& programme, const ProgrammeOutcome& outcome,
                             const std::filesystem::path& directory) {
  report::create_output_folder(directory);
  report::write_output_file(directory / "summary.json", [&](std::ostream& out) {
    write_programme_summary_json(programme, outcome, out);
  });
  report::write_output_file(directory / "cashflow.csv", [&](std::ostream& out) {
    write_table_csv(outcome.cashflow_table, out);
  });
  for (const ProgrammeSite& site : outcome.sites) {
    write_run_outputs(*site.scenario, site.results,
                      directory / "sites" / site_folder_name(site.name));
  }
}

}  // namespace stargate
