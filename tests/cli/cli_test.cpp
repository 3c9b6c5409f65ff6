// Command-line tests: run the built `stargate` binary and check exit codes, stdout and stderr.
//
// Exit codes (app/main.cpp): 0 success, 1 the run failed, 2 bad input or usage.
//
// Scenario files under tests/cli/bad/ and tests/cli/good/ are picked up by the table-driven tests
// below. Each starts with one or more lines
//
//   # expect: <EXPECTATION>
//
// one per line the command must print (stderr of `validate` for bad files, stdout for good
// ones), in order and no more. `{file}` in an expectation stands for the path as passed to the
// command (tests/cli/bad/NAME.toml), and " ... " separates fragments that must appear in that
// order in the line, e.g.
//
//   # expect: {file}:7:8: error: scenario.step: expected a duration ... from 1 min to 1 h
//
// Commands run with the repository root as the working directory, whatever folder the test
// program is started from.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>  // mkdtemp (POSIX)
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "run_command.hpp"

namespace stargate::cli_test {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

constexpr std::string_view kAbilene = "examples/abilene.toml";
constexpr std::string_view kMinimal = "tests/cli/good/minimal.toml";
constexpr std::string_view kExpectPrefix = "# expect: ";
constexpr std::string_view kFilePlaceholder = "{file}";
constexpr std::string_view kFragmentSeparator = " ... ";

/// Steps in 2026 (365 days) at 15-minute steps, and at 5-minute steps.
constexpr std::size_t kAbileneSteps = 35040;
constexpr std::size_t kAbileneSteps5Min = 105120;

/// Everything about a finished command, for assertion messages.
std::string describe(const CommandResult& result) {
  return fmt::format("\n  command: {}\n  exit code: {}\n  stdout:\n{}\n  stderr:\n{}",
                     result.command, result.exit_code, result.out, result.err);
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// True when `line` holds every " ... "-separated fragment of `expectation`, in order.
bool matches_expectation(std::string_view line, std::string_view expectation) {
  std::size_t at = 0;
  std::size_t begin = 0;
  while (true) {
    const std::size_t separator = expectation.find(kFragmentSeparator, begin);
    const std::string_view fragment = expectation.substr(
        begin, separator == std::string_view::npos ? std::string_view::npos : separator - begin);
    const std::size_t found = line.find(fragment, at);
    if (found == std::string_view::npos) {
      return false;
    }
    at = found + fragment.size();
    if (separator == std::string_view::npos) {
      return true;
    }
    begin = separator + kFragmentSeparator.size();
  }
}

/// The leading "# expect: " lines of a scenario file, with {file} replaced by `shown_path`.
std::vector<std::string> read_expectations(const fs::path& file, const std::string& shown_path) {
  std::vector<std::string> expectations;
  for (const auto& line : split_lines(read_file(file))) {
    if (!line.starts_with(kExpectPrefix)) {
      break;
    }
    std::string expectation = line.substr(kExpectPrefix.size());
    for (auto at = expectation.find(kFilePlaceholder); at != std::string::npos;
         at = expectation.find(kFilePlaceholder, at + shown_path.size())) {
      expectation.replace(at, kFilePlaceholder.size(), shown_path);
    }
    expectations.push_back(std::move(expectation));
  }
  return expectations;
}

/// Checks that `text` has exactly one line per expectation and each line matches its own.
void expect_lines_match(const std::string& text, const std::vector<std::string>& expectations,
                        const CommandResult& result) {
  const std::vector<std::string> lines = split_lines(text);
  ASSERT_EQ(lines.size(), expectations.size()) << describe(result);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_TRUE(matches_expectation(lines[i], expectations[i]))
        << "line " << i + 1 << ":\n  actual:   " << lines[i] << "\n  expected: " << expectations[i]
        << describe(result);
  }
}

/// The names of the .toml files in a folder of the repository, sorted.
std::vector<std::string> scenario_files(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(source_dir() / folder, error)) {
    if (entry.path().extension() == ".toml") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// A test name from a file name: its stem with anything but letters and digits as '_'.
std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  std::replace_if(
      name.begin(), name.end(),
      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; }, '_');
  return name;
}

/// Each test gets its own temporary folder, removed afterwards unless the test failed.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "stargate_cli_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "cannot create a folder from " << pattern;
    temp_ = pattern;
    fs::create_directories(capture_dir());
  }

  void TearDown() override {
    if (temp_.empty()) {
      return;
    }
    if (HasFailure()) {
      std::cerr << "kept the files of the failed test in " << temp_.string() << '\n';
      return;
    }
    std::error_code error;
    fs::remove_all(temp_, error);
  }

  /// Runs `stargate args...` from the repository root.
  CommandResult stargate(const std::vector<std::string>& args) const {
    return run_stargate(args, source_dir(), capture_dir());
  }

  /// Runs `stargate args...` from `work_dir`.
  CommandResult stargate_in(const fs::path& work_dir, const std::vector<std::string>& args) const {
    return run_stargate(args, work_dir, capture_dir());
  }

  /// Writes a file in the temporary folder and returns its path.
  fs::path write_temp_file(const std::string& name, std::string_view content) const {
    fs::path path = temp_ / name;
    std::ofstream stream(path, std::ios::binary);
    stream.write(content.data(), static_cast<std::streamsize>(content.size()));
    return path;
  }

  [[nodiscard]] const fs::path& temp() const { return temp_; }

 private:
  [[nodiscard]] fs::path capture_dir() const { return temp_ / "capture"; }

  fs::path temp_;
};

// ------------------------------------------------------------------------------------------
// Version, help and usage errors.

TEST_F(CliTest, VersionPrintsNameAndSemanticVersion) {
  const CommandResult result = stargate({"--version"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(std::regex_match(result.out, std::regex(R"(stargate [0-9]+\.[0-9]+\.[0-9]+\n)")))
      << describe(result);
  EXPECT_EQ(result.err, "");
}

TEST_F(CliTest, HelpListsSubcommandsAndExamples) {
  for (const std::string flag : {"--help", "-h"}) {
    SCOPED_TRACE(flag);
    const CommandResult result = stargate({flag});
    EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
    for (const char* part : {"Usage: stargate", "Subcommands:", "  run ", "  validate ",
                             "  schema ", "Examples:", "stargate run examples/abilene.toml",
                             "Exit codes: 0 success, 1 the run failed, 2 bad input or usage."}) {
      EXPECT_TRUE(contains(result.out, part)) << "missing '" << part << "'" << describe(result);
    }
    EXPECT_EQ(result.err, "");
  }
}

TEST_F(CliTest, SubcommandHelpListsItsOptions) {
  const CommandResult run = stargate({"run", "--help"});
  EXPECT_EQ(run.exit_code, kExitOk) << describe(run);
  for (const char* part : {"Usage: stargate run", "FILE", "--set", "--out"}) {
    EXPECT_TRUE(contains(run.out, part)) << "missing '" << part << "'" << describe(run);
  }
  const CommandResult validate = stargate({"validate", "--help"});
  EXPECT_EQ(validate.exit_code, kExitOk) << describe(validate);
  EXPECT_TRUE(contains(validate.out, "--set")) << describe(validate);
  const CommandResult schema = stargate({"schema", "--help"});
  EXPECT_EQ(schema.exit_code, kExitOk) << describe(schema);
  EXPECT_TRUE(contains(schema.out, "--markdown")) << describe(schema);
}

TEST_F(CliTest, NoSubcommandIsAUsageError) {
  const CommandResult result = stargate({});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_TRUE(contains(result.err, "A subcommand is required")) << describe(result);
  EXPECT_EQ(result.out, "");
}

TEST_F(CliTest, BadArgumentsAreUsageErrors) {
  const std::string file(kMinimal);
  const std::vector<std::vector<std::string>> cases = {
      {"--bogus"},                     // unknown option
      {"frobnicate"},                  // unknown subcommand
      {"validate"},                    // FILE missing
      {"validate", file, "extra"},     // one FILE only
      {"validate", file, "--bogus"},   // unknown option of a subcommand
      {"run", file, "--set"},          // --set without a value
      {"run", file, "--out"},          // --out without a value
      {"schema", "--markdown=maybe"},  // a flag takes no value
      {"schema", "--bogus"},
  };
  for (const auto& args : cases) {
    const CommandResult result = stargate(args);
    SCOPED_TRACE(result.command);
    EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
    EXPECT_NE(result.err, "") << describe(result);
    EXPECT_EQ(result.out, "") << describe(result);
  }
}

// ------------------------------------------------------------------------------------------
// validate, run and schema on good input.

TEST_F(CliTest, ValidateExampleSaysOk) {
  const CommandResult result = stargate({"validate", std::string(kAbilene)});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_EQ(result.out, fmt::format("examples/abilene.toml: ok: \"Abilene campus, 2026\", 8 "
                                    "buildings, {} steps of 15 min\n",
                                    kAbileneSteps))
      << describe(result);
  EXPECT_EQ(result.err, "");
}

TEST_F(CliTest, RunExampleWritesSummaryAndTimeSeries) {
  const fs::path out_dir = temp() / "abilene";
  const CommandResult result = stargate({"run", std::string(kAbilene), "--out", out_dir.string()});
  ASSERT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_EQ(result.err, "") << "no progress bar when stderr is not a terminal";
  EXPECT_TRUE(contains(result.out, "Abilene campus, 2026")) << describe(result);
  EXPECT_TRUE(contains(result.out, fmt::format("{} steps of 15 min", kAbileneSteps)))
      << describe(result);
  EXPECT_TRUE(contains(result.out, "Wrote " + (out_dir / "summary.json").string() + ", " +
                                       (out_dir / "timeseries.csv").string() + ", " +
                                       (out_dir / "cashflow.csv").string()))
      << describe(result);
  EXPECT_TRUE(fs::exists(out_dir / "cashflow.csv"));

  ASSERT_TRUE(fs::is_regular_file(out_dir / "summary.json"));
  ASSERT_TRUE(fs::is_regular_file(out_dir / "timeseries.csv"));

  const std::vector<std::string> lines = split_lines(read_file(out_dir / "timeseries.csv"));
  ASSERT_FALSE(lines.empty());
  const std::string& header = lines.front();
  EXPECT_TRUE(header.starts_with("time,")) << header;
  EXPECT_TRUE(contains(header, "facility_load_kw")) << header;
  ASSERT_EQ(lines.size() - 1, kAbileneSteps) << "one data row per 15-minute step of 2026";
  EXPECT_TRUE(lines[1].starts_with("2026-01-01T00:00:00-06:00,")) << lines[1];
  EXPECT_TRUE(lines.back().starts_with("2026-12-31T23:45:00-06:00,")) << lines.back();
  const auto columns = std::count(header.begin(), header.end(), ',');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    ASSERT_EQ(std::count(lines[i].begin(), lines[i].end(), ','), columns)
        << "row " << i << ": " << lines[i];
  }

  const std::string summary = read_file(out_dir / "summary.json");
  EXPECT_TRUE(contains(summary, fmt::format("\"steps\": {}", kAbileneSteps))) << summary;
  EXPECT_TRUE(contains(summary, "\"file\": \"examples/abilene.toml\"")) << summary;
}

TEST_F(CliTest, RunReportsTheVersionItPrints) {
  const CommandResult version = stargate({"--version"});
  ASSERT_EQ(version.exit_code, kExitOk) << describe(version);
  const std::string_view prefix = "stargate ";
  ASSERT_TRUE(version.out.starts_with(prefix) && version.out.ends_with('\n')) << describe(version);
  const std::string number =
      version.out.substr(prefix.size(), version.out.size() - prefix.size() - 1);
  const fs::path out_dir = temp() / "out";
  const CommandResult run = stargate({"run", std::string(kMinimal), "--out", out_dir.string()});
  ASSERT_EQ(run.exit_code, kExitOk) << describe(run);
  EXPECT_TRUE(run.out.starts_with("Stargate " + number + ": Minimal scenario")) << describe(run);
  EXPECT_TRUE(
      contains(read_file(out_dir / "summary.json"), "\"stargate_version\": \"" + number + "\""));
}

TEST_F(CliTest, RunWithoutOutWritesToOutSlashFileStem) {
  const CommandResult result = stargate_in(temp(), {"run", (source_dir() / kMinimal).string()});
  ASSERT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(fs::is_regular_file(temp() / "out" / "minimal" / "summary.json"));
  const std::vector<std::string> lines =
      split_lines(read_file(temp() / "out" / "minimal" / "timeseries.csv"));
  EXPECT_EQ(lines.size(), 8760 + 1) << "8760 hourly steps in 2026 and a header";
}

TEST_F(CliTest, RunTwiceGivesIdenticalFiles) {
  const std::string file(kMinimal);
  const CommandResult first = stargate({"run", file, "--out", (temp() / "a").string()});
  const CommandResult second = stargate({"run", file, "--out", (temp() / "b").string()});
  ASSERT_EQ(first.exit_code, kExitOk) << describe(first);
  ASSERT_EQ(second.exit_code, kExitOk) << describe(second);
  for (const char* name : {"summary.json", "timeseries.csv"}) {
    EXPECT_EQ(read_file(temp() / "a" / name), read_file(temp() / "b" / name)) << name;
  }
}

TEST_F(CliTest, SchemaListsEveryTable) {
  const CommandResult result = stargate({"schema"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  for (const char* part : {"[scenario]", "[site]", "[[building]]", "[compute]", "[facility]",
                           "[grid]", "it_capacity", "utc_offset"}) {
    EXPECT_TRUE(contains(result.out, part)) << "missing '" << part << "'" << describe(result);
  }
  EXPECT_EQ(result.err, "");
}

TEST_F(CliTest, SchemaMarkdownIsAReference) {
  const CommandResult result = stargate({"schema", "--markdown"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(result.out.starts_with("# Scenario file reference\n")) << describe(result);
  for (const char* part : {"## `[scenario]`", "## `[[building]]`", "## `[grid]`"}) {
    EXPECT_TRUE(contains(result.out, part)) << "missing '" << part << "'" << describe(result);
  }
}

TEST_F(CliTest, SchemaMarkdownMatchesDocsScenarioMd) {
  const fs::path doc = source_dir() / "docs" / "scenario.md";
  if (!fs::exists(doc)) {
    GTEST_SKIP() << doc.string() << " does not exist yet";
  }
  const CommandResult result = stargate({"schema", "--markdown"});
  ASSERT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_EQ(result.out, read_file(doc)) << "docs/scenario.md is out of date: regenerate it with "
                                           "`stargate schema --markdown > docs/scenario.md`";
}

// ------------------------------------------------------------------------------------------
// --set overrides.

TEST_F(CliTest, SetStepChangesTheGrid) {
  const CommandResult result =
      stargate({"validate", std::string(kAbilene), "--set", "scenario.step=5min"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(contains(result.out, fmt::format("{} steps of 5 min", kAbileneSteps5Min)))
      << describe(result);
}

TEST_F(CliTest, SetAcceptsQuotedTomlStrings) {
  const CommandResult result =
      stargate({"validate", std::string(kAbilene), "--set", "scenario.step=\"5 min\""});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(contains(result.out, fmt::format("{} steps of 5 min", kAbileneSteps5Min)))
      << describe(result);
}

TEST_F(CliTest, LaterSetWins) {
  const CommandResult result = stargate({"validate", std::string(kAbilene), "--set",
                                         "scenario.step=5min", "--set", "scenario.step=30min"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(contains(result.out, "17520 steps of 30 min")) << describe(result);
}

TEST_F(CliTest, SetStartInALeapYearGivesALongerYear) {
  const CommandResult result =
      stargate({"validate", std::string(kAbilene), "--set", "scenario.start=2028-01-01"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(contains(result.out, "35136 steps of 15 min")) << "366 days" << describe(result);
}

TEST_F(CliTest, SetCanRepairABadFile) {
  // Overrides are applied before validation, so they can fix a value the file gets wrong.
  const CommandResult result =
      stargate({"validate", "tests/cli/bad/step_not_divisor.toml", "--set", "scenario.step=10min"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_TRUE(contains(result.out, "52560 steps of 10 min")) << describe(result);
}

TEST_F(CliTest, SetPriceIsUsedByTheRun) {
  const fs::path out_dir = temp() / "out";
  const CommandResult result = stargate(
      {"run", std::string(kMinimal), "--set", "grid.price=45 $/MWh", "--out", out_dir.string()});
  ASSERT_EQ(result.exit_code, kExitOk) << describe(result);
  const std::vector<std::string> lines = split_lines(read_file(out_dir / "timeseries.csv"));
  ASSERT_GE(lines.size(), 2U);
  EXPECT_TRUE(contains(lines[0], ",price_usd_per_mwh,")) << lines[0];
  // time, online_it_capacity_kw, gpus_online, it_load_kw, facility_load_kw, grid_import_kw,
  // unserved_kw, price_usd_per_mwh, energy_cost_usd
  EXPECT_TRUE(contains(lines[1], ",0,45,")) << lines[1];
}

TEST_F(CliTest, SetIndexedBuildingField) {
  const CommandResult result =
      stargate({"validate", std::string(kAbilene), "--set", "building[0].it_capacity=150 MW",
                "--set", "building[7].online=2026-12-01"});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
}

TEST_F(CliTest, SetStepThatDoesNotDivideAnHourIsRejected) {
  const CommandResult result =
      stargate({"validate", std::string(kAbilene), "--set", "scenario.step=7min"});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_TRUE(contains(result.err, "error: scenario.step: expected a step that divides one hour"))
      << describe(result);
  EXPECT_TRUE(contains(result.err, "got 7 min")) << describe(result);
  EXPECT_EQ(result.out, "");
}

TEST_F(CliTest, SetWithWrongUnitKindIsRejected) {
  const CommandResult result =
      stargate({"validate", std::string(kAbilene), "--set", "scenario.step=5 kWh"});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_EQ(result.err,
            "--set scenario.step=5 kWh: error: scenario.step: expected a duration such as \"15 "
            "min\" (units: s, min, h, d, y), got \"5 kWh\", which is an energy\n")
      << describe(result);
  EXPECT_EQ(result.out, "");
}

TEST_F(CliTest, SetValueErrorsNameTheSetArgument) {
  // Problems found after binding (the time grid, dates) also point at the argument, not the file.
  const CommandResult step =
      stargate({"validate", std::string(kAbilene), "--set", "scenario.step=7min"});
  EXPECT_EQ(step.exit_code, kExitBadInput) << describe(step);
  EXPECT_TRUE(
      step.err.starts_with("--set scenario.step=7min: error: scenario.step: expected a "
                           "step that divides one hour"))
      << describe(step);

  const CommandResult online =
      stargate({"validate", std::string(kAbilene), "--set", "building[2].online=2030-01-01"});
  EXPECT_EQ(online.exit_code, kExitBadInput) << describe(online);
  EXPECT_TRUE(
      online.err.starts_with("--set building[2].online=2030-01-01: error: "
                             "building[2].online: expected a date before the end of the "
                             "run"))
      << describe(online);

  const CommandResult table =
      stargate({"validate", std::string(kMinimal), "--set", "facility.pue=0.5"});
  EXPECT_EQ(table.exit_code, kExitBadInput) << describe(table);
  EXPECT_EQ(table.err,
            "--set facility.pue=0.5: error: facility.pue: expected a number from 1 to 3, got 0.5\n")
      << describe(table);
}

TEST_F(CliTest, FileAndSetDiagnosticsComeFileFirst) {
  const CommandResult result =
      stargate({"validate", "tests/cli/bad/negative_gpus.toml", "--set", "site.latitude=123"});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  const std::vector<std::string> lines = split_lines(result.err);
  ASSERT_EQ(lines.size(), 2U) << describe(result);
  EXPECT_TRUE(
      lines[0].starts_with("tests/cli/bad/negative_gpus.toml:18:8: error: building[0].gpus"))
      << describe(result);
  EXPECT_TRUE(
      lines[1].starts_with("--set site.latitude=123: error: site.latitude: expected a "
                           "number in deg from -90 deg to 90 deg, got 123"))
      << describe(result);
}

TEST_F(CliTest, SetPathErrorsNameTheArgument) {
  struct Case {
    std::string assignment;
    std::string message;  // the whole of stderr, less the newline
  };
  const std::vector<Case> cases = {
      {"scenario.stpe=5min",
       "--set scenario.stpe=5min: error: scenario.stpe: unknown key; did you mean 'step'?"},
      {"sceanrio.step=5min",
       "--set sceanrio.step=5min: error: sceanrio: unknown table; did you mean 'scenario'?"},
      {"nonsense", "--set nonsense: error: expected PATH=VALUE, such as scenario.step=15min"},
      {"building[99].name=x",
       "--set building[99].name=x: error: building: there is no entry [99] in the file (8 "
       "building entries)"},
      {"building[x].name=y",
       "--set building[x].name=y: error: building[x].name: malformed path segment 'building[x]', "
       "expected KEY or KEY[INDEX]"},
      {"building[0]=3",
       "--set building[0]=3: error: building[0]: the last part of the path must name a field"},
      {"building.name=x",
       "--set building.name=x: error: building: is not a table, so it has no fields to set"},
      {".step=1", "--set .step=1: error: .step: empty key in the path"},
  };
  for (const auto& [assignment, message] : cases) {
    SCOPED_TRACE(assignment);
    const CommandResult result = stargate({"validate", std::string(kAbilene), "--set", assignment});
    EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
    EXPECT_EQ(result.err, message + "\n") << describe(result);
    EXPECT_EQ(result.out, "");
  }
}

// ------------------------------------------------------------------------------------------
// Files that cannot be read as scenarios.

TEST_F(CliTest, EmptyFile) {
  const fs::path file = write_temp_file("empty.toml", "");
  const CommandResult result = stargate({"validate", file.string()});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_EQ(result.err, file.string() + ":1:1: error: the file is empty\n") << describe(result);
}

TEST_F(CliTest, BinaryFile) {
  using namespace std::string_literals;
  const fs::path file = write_temp_file("binary.toml", "PK\x03\x04\0\0\x14\x00"s);
  const CommandResult result = stargate({"validate", file.string()});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_EQ(result.err,
            file.string() + ":1:5: error: the file is binary (a NUL byte), expected text\n")
      << describe(result);
}

TEST_F(CliTest, BinaryFileNamesTheFirstNulByte) {
  using namespace std::string_literals;
  const fs::path file = write_temp_file("nul.toml", "[scenario]\nname = \"a\0b\"\n"s);
  const CommandResult result = stargate({"validate", file.string()});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_TRUE(result.err.starts_with(file.string() + ":2:10: error: the file is binary"))
      << describe(result);
}

TEST_F(CliTest, MissingFile) {
  const std::string file = (temp() / "no_such_file.toml").string();
  for (const char* command : {"validate", "run"}) {
    const CommandResult result = stargate({command, file});
    SCOPED_TRACE(result.command);
    EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
    EXPECT_TRUE(result.err.starts_with(file + ": error: cannot open the file")) << describe(result);
    EXPECT_EQ(result.out, "");
  }
}

TEST_F(CliTest, FolderInsteadOfFile) {
  const CommandResult result = stargate({"validate", temp().string()});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_EQ(result.err, temp().string() + ": error: is a directory, expected a file\n")
      << describe(result);
}

// ------------------------------------------------------------------------------------------
// Runtime failures.

TEST_F(CliTest, OutputFolderThatCannotBeCreatedFailsTheRun) {
  const CommandResult result =
      stargate({"run", std::string(kAbilene), "--out", "/proc/forbidden/x"});
  EXPECT_EQ(result.exit_code, kExitRunFailed) << describe(result);
  EXPECT_TRUE(result.err.starts_with("stargate: error: ")) << describe(result);
  EXPECT_TRUE(contains(result.err, "/proc/forbidden/x")) << describe(result);
  EXPECT_FALSE(contains(result.out, "Wrote")) << describe(result);
}

TEST_F(CliTest, OutputPathUnderAFileFailsTheRun) {
  const fs::path file = write_temp_file("plain_file", "x");
  const CommandResult result =
      stargate({"run", std::string(kMinimal), "--out", (file / "out").string()});
  EXPECT_EQ(result.exit_code, kExitRunFailed) << describe(result);
  EXPECT_TRUE(result.err.starts_with("stargate: error: ")) << describe(result);
}

// ------------------------------------------------------------------------------------------
// Table-driven: every file in tests/cli/bad/ and tests/cli/good/.

const std::vector<std::string>& bad_files() {
  static const std::vector<std::string> files = scenario_files("tests/cli/bad");
  return files;
}

const std::vector<std::string>& good_files() {
  static const std::vector<std::string> files = scenario_files("tests/cli/good");
  return files;
}

TEST(CliScenarioFolders, ArePopulated) {
  EXPECT_GE(bad_files().size(), 20U) << "tests/cli/bad/*.toml not found";
  EXPECT_GE(good_files().size(), 1U) << "tests/cli/good/*.toml not found";
}

class BadScenarioFile : public CliTest, public ::testing::WithParamInterface<std::string> {
 protected:
  [[nodiscard]] static std::string path() { return "tests/cli/bad/" + GetParam(); }
};

TEST_P(BadScenarioFile, ValidatePrintsTheExpectedDiagnostics) {
  const std::string file = path();
  const std::vector<std::string> expectations = read_expectations(source_dir() / file, file);
  ASSERT_FALSE(expectations.empty()) << file << ": the first line must be '# expect: ...'";

  const CommandResult result = stargate({"validate", file});
  EXPECT_EQ(result.exit_code, kExitBadInput) << describe(result);
  EXPECT_EQ(result.out, "") << describe(result);
  expect_lines_match(result.err, expectations, result);

  const std::regex gcc_style("^.+:[0-9]+:[0-9]+: error: .+$");
  for (const auto& line : split_lines(result.err)) {
    EXPECT_TRUE(std::regex_match(line, gcc_style)) << "not GCC style: " << line;
    // Errors in a data file the scenario reads name that file (fixtures under tests/fixtures/).
    EXPECT_TRUE(line.starts_with(file + ":") || line.starts_with("tests/cli/bad/../../fixtures/"))
        << "does not name the file: " << line;
  }
}

TEST_P(BadScenarioFile, RunRefusesWithTheSameDiagnosticsAndWritesNothing) {
  const std::string file = path();
  const fs::path out_dir = temp() / "out";
  const CommandResult validate = stargate({"validate", file});
  const CommandResult run = stargate({"run", file, "--out", out_dir.string()});
  EXPECT_EQ(run.exit_code, kExitBadInput) << describe(run);
  EXPECT_EQ(run.err, validate.err) << describe(run);
  EXPECT_EQ(run.out, "") << describe(run);
  EXPECT_FALSE(fs::exists(out_dir)) << "a failed run must not create its output folder";
}

INSTANTIATE_TEST_SUITE_P(Files, BadScenarioFile, ::testing::ValuesIn(bad_files()), test_name);

class GoodScenarioFile : public CliTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(GoodScenarioFile, ValidateSaysOk) {
  const std::string file = "tests/cli/good/" + GetParam();
  const std::vector<std::string> expectations = read_expectations(source_dir() / file, file);
  ASSERT_FALSE(expectations.empty()) << file << ": the first line must be '# expect: ...'";

  const CommandResult result = stargate({"validate", file});
  EXPECT_EQ(result.exit_code, kExitOk) << describe(result);
  EXPECT_EQ(result.err, "") << describe(result);
  expect_lines_match(result.out, expectations, result);
}

INSTANTIATE_TEST_SUITE_P(Files, GoodScenarioFile, ::testing::ValuesIn(good_files()), test_name);

}  // namespace
}  // namespace stargate::cli_test
