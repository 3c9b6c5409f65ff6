#include "stargate/io/programme_loader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <system_error>

#include "io/document_binder.hpp"
#include "io/scenario_checks.hpp"
#include "io/schema_tables.hpp"
#include "stargate/io/file_text.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

std::vector<Diagnostic> check_funding_dates(const Programme& programme, LocalTime window_end) {
  std::vector<Diagnostic> problems;
  const SourceLocation top{programme.source_file, 1, 1};
  const auto check = [&](const std::string& path, LocalTime date) {
    if (date >= window_end) {
      problems.push_back(Diagnostic{
          programme.sources.find(path, top), path,
          fmt::format("expected a date before the end of the analysis ({}), got {} (the analysis "
                      "runs programme.analysis_years from the first construction spend of any "
                      "campus)",
                      format_date(window_end), format_date(date))});
    }
  };
  for (std::size_t i = 0; i < programme.equity.size(); ++i) {
    check(fmt::format("equity[{}].date", i), programme.equity[i].date);
  }
  for (std::size_t i = 0; i < programme.debt.size(); ++i) {
    check(fmt::format("debt[{}].available_from", i), programme.debt[i].available_from);
  }
  return problems;
}

}  // namespace

const Schema& programme_schema() {
  using namespace schema_tables;  // NOLINT(google-build-using-namespace)
  static const Schema kSchema(
      {programme_table(), campus_table(), programme_equity_table(), programme_debt_table()});
  return kSchema;
}

void shift_scenario_dates(Scenario& scenario, int months) {
  if (months == 0) {
    return;
  }
  const auto shift = [months](LocalTime& time) { time = add_calendar_months(time, months); };
  shift(scenario.run.start);
  for (auto& x : scenario.buildings) {
    shift(x.online);
  }
  for (auto& x : scenario.solar) {
    shift(x.online);
  }
  for (auto& x : scenario.wind) {
    shift(x.online);
  }
  for (auto& x : scenario.batteries) {
    shift(x.online);
  }
  for (auto& x : scenario.gas) {
    shift(x.online);
  }
  for (auto& x : scenario.equity) {
    shift(x.date);
  }
  for (auto& x : scenario.debt) {
    shift(x.available_from);
  }
  for (auto& x : scenario.leases) {
    shift(x.start);
  }
}

LoadedProgramme load_programme_text(std::string_view text, const std::string& source_name,
                                    const std::filesystem::path& base_directory) {
  const toml::table root = parse_toml_document(text, source_name);
  LoadedProgramme loaded;
  Programme& programme = loaded.programme;
  programme.source_file = source_name;
  std::vector<Diagnostic> problems =
      bind_document(programme_schema(), root, &programme, programme.sources, source_name);
  if (problems.empty()) {
    const SourceLocation top{source_name, 1, 1};
    for (std::size_t i = 0; i < programme.campuses.size(); ++i) {
      const std::filesystem::path path = base_directory / programme.campuses[i].file;
      std::error_code error;
      if (!std::filesystem::is_regular_file(path, error)) {
        const std::string field = fmt::format("campus[{}].file", i);
        problems.push_back(Diagnostic{programme.sources.find(field, top), field,
                                      fmt::format("campus file not found: {}", path.string())});
      }
    }
  }
  if (!problems.empty()) {
    sort_by_location(problems);
    throw InputError(std::move(problems));
  }
  // Each campus file as a scenario: its own errors are located in it.
  std::vector<Diagnostic> campus_problems;
  for (const CampusEntry& campus : programme.campuses) {
    try {
      Scenario scenario = load_scenario(base_directory / campus.file);
      shift_scenario_dates(scenario, static_cast<int>(campus.start_shift_months));
      loaded.sites.push_back(std::move(scenario));
    } catch (const InputError& error) {
      campus_problems.insert(campus_problems.end(), error.diagnostics().begin(),
                             error.diagnostics().end());
    }
  }
  if (!campus_problems.empty()) {
    throw InputError(std::move(campus_problems));
  }
  // The window: from the earliest construction spend of any campus.
  LocalTime first_spend = run_grid(loaded.sites.front()).start();
  for (const Scenario& site : loaded.sites) {
    first_spend = std::min(first_spend, first_construction_spend(site, run_grid(site).start()));
  }
  loaded.window =
      finance_window_from(first_spend, static_cast<int>(programme.programme.analysis_years));
  problems = check_funding_dates(programme, loaded.window.end);
  for (const Scenario& site : loaded.sites) {
    const std::vector<Diagnostic> own = check_funding_dates(
        site, loaded.window.end,
        "the programme's analysis runs programme.analysis_years from the first construction spend "
        "of any campus");
    problems.insert(problems.end(), own.begin(), own.end());
  }
  if (!problems.empty()) {
    sort_by_location(problems);
    throw InputError(std::move(problems));
  }
  return loaded;
}

LoadedProgramme load_programme(const std::filesystem::path& file) {
  return load_programme_text(read_text_file(file), file.string(), file.parent_path());
}

bool is_programme_file(const std::filesystem::path& file) {
  try {
    const toml::table root = parse_toml_document(read_text_file(file), file.string());
    return root.contains("programme") || root.contains("campus");
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace stargate
