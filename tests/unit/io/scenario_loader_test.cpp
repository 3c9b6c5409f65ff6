// Every kind of scenario error, each with its located message, plus defaults and overrides.
#include "stargate/io/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// A minimal valid scenario; tests replace one line at a time.
const std::string kValid = R"([scenario]
name = "test"
start = 2026-01-01
duration = "1 d"
step = "15 min"

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "B1"
online = 2025-06-30
it_capacity = "100 MW"
gpus = 50_000

[grid]
import_limit = "1 GW"
price = "30 $/MWh"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// The message of the InputError thrown for `text`, or "" when it loads.
std::string error_of(const std::string& text, const std::vector<std::string>& overrides = {}) {
  try {
    (void)load_scenario_text(text, "s.toml", overrides);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(ScenarioLoader, ValidScenarioLoadsInInternalUnits) {
  const Scenario s = load_scenario_text(kValid, "s.toml");
  EXPECT_EQ(s.run.name, "test");
  EXPECT_EQ(s.run.step_s, 900.0);
  EXPECT_EQ(s.run.duration.seconds, kSecondsPerDay);
  EXPECT_DOUBLE_EQ(s.site.utc_offset_s, -6 * kSecondsPerHour);
  ASSERT_EQ(s.buildings.size(), 1U);
  EXPECT_EQ(s.buildings[0].it_capacity_kw, 100'000.0);
  EXPECT_EQ(s.buildings[0].gpus, 50'000);
  EXPECT_EQ(format_date(s.buildings[0].online), "2025-06-30");
  EXPECT_EQ(s.grid.import_limit_kw, 1e6);
  EXPECT_EQ(s.grid.price_usd_per_mwh, 30.0);
}

TEST(ScenarioLoader, DefaultsComeFromTheSchema) {
  const Scenario s = load_scenario_text(kValid, "s.toml");
  EXPECT_EQ(s.run.seed, 1);
  EXPECT_DOUBLE_EQ(s.compute.it_utilisation, 0.76);
  EXPECT_DOUBLE_EQ(s.facility.pue, 1.18);
  EXPECT_EQ(s.site.elevation_m, 0.0);
  const Scenario years = load_scenario_text(replace(kValid, "duration = \"1 d\"\n", ""), "s.toml");
  EXPECT_EQ(years.run.duration.calendar_years, 1);
}

TEST(ScenarioLoader, WholeYearsAreCalendarYears) {
  const Scenario s = load_scenario_text(
      replace(replace(kValid, "2026-01-01", "2028-01-01"), "\"1 d\"", "\"1 y\""), "s.toml");
  // 2028 is a leap year: 366 days of 96 quarter hours.
  EXPECT_EQ(run_grid(s).size(), 366U * 96U);
}

TEST(ScenarioLoader, DatesAsStringsAndDateTimes) {
  const Scenario s = load_scenario_text(
      replace(kValid, "online = 2025-06-30", "online = \"2026-01-01T12:00:00\""), "s.toml");
  EXPECT_EQ(civil_from_local(s.buildings[0].online).hour, 12);
}

TEST(ScenarioLoader, FractionsAcceptPercentAndNumbers) {
  const std::string with_compute =
      kValid + "\n[compute]\nmodel = \"constant-utilisation\"\nit_utilisation = 0.5\n";
  EXPECT_DOUBLE_EQ(load_scenario_text(with_compute, "s.toml").compute.it_utilisation, 0.5);
  const std::string percent = replace(with_compute, "0.5", "\"50 %\"");
  EXPECT_DOUBLE_EQ(load_scenario_text(percent, "s.toml").compute.it_utilisation, 0.5);
}

struct ErrorCase {
  const char* name;
  const char* from;
  const char* to;
  const char* expected;  // substring of the message
};

class ScenarioErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ScenarioErrors, ReportLocationFieldAndExpectation) {
  const ErrorCase& c = GetParam();
  const std::string message = error_of(replace(kValid, c.from, c.to));
  EXPECT_NE(message.find(c.expected), std::string::npos)
      << "case " << c.name << "\nexpected: " << c.expected << "\ngot: " << message;
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, ScenarioErrors,
    ::testing::Values(
        ErrorCase{"unknown_table", "[grid]", "[gird]",
                  "s.toml:18:2: error: gird: unknown table; did you mean 'grid'?"},
        ErrorCase{"unknown_key", "step = ", "stpe = ",
                  "s.toml:5:1: error: scenario.stpe: unknown key; did you mean 'step'?"},
        ErrorCase{"unknown_key_no_match", "step = ", "zzzzzzzz = ",
                  "scenario.zzzzzzzz: unknown key; expected one of: name, description, start"},
        ErrorCase{"wrong_unit_kind", "\"100 MW\"", "\"100 MWh\"",
                  "s.toml:15:15: error: building[0].it_capacity: expected a power such as \"1.2 "
                  "GW\" (units: W, kW, MW, GW), got \"100 MWh\", which is an energy"},
        ErrorCase{"bare_number", "\"100 MW\"", "100",
                  "building[0].it_capacity: expected a power such as \"1.2 GW\" (units: W, kW, "
                  "MW, GW), got 100 with no unit"},
        ErrorCase{"unknown_unit", "\"1 GW\"", "\"1 Gw\"",
                  "grid.import_limit: expected a power such as \"1.2 GW\" (units: W, kW, MW, GW), "
                  "got \"1 Gw\" (unknown unit \"Gw\"; did you mean \"GW\"?)"},
        ErrorCase{"below_min", "latitude = 32.45", "latitude = -123",
                  "s.toml:8:12: error: site.latitude: expected a number in deg from -90 deg to 90 "
                  "deg, got -123"},
        ErrorCase{"above_max_quantity", "\"15 min\"", "\"2 h\"",
                  "scenario.step: expected a duration such as \"15 min\" (units: s, min, h, d, "
                  "y) from 1 min to 1 h, got \"2 h\""},
        ErrorCase{"exclusive_min", "\"100 MW\"", "\"0 MW\"", "greater than 0 W, got \"0 MW\""},
        ErrorCase{"negative_integer", "gpus = 50_000", "gpus = -1",
                  "building[0].gpus: expected an integer at least 0, got -1"},
        ErrorCase{"wrong_toml_type", "gpus = 50_000", "gpus = \"many\"",
                  "s.toml:16:8: error: building[0].gpus: expected an integer, got \"many\""},
        ErrorCase{"missing_field", "start = 2026-01-01\n", "",
                  "s.toml:1:1: error: scenario.start: missing required field 'start'"},
        ErrorCase{"missing_table", "[grid]\nimport_limit = \"1 GW\"\nprice = \"30 $/MWh\"\n", "",
                  "s.toml:1:1: error: grid: missing required table [grid]"},
        ErrorCase{"array_expected", "[[building]]", "[building]",
                  "building: expected [[building]] tables, got a table"},
        ErrorCase{"syntax", "name = \"test\"", "name = \"test", "s.toml:2:13: error: invalid TOML"},
        ErrorCase{"date_with_offset", "online = 2025-06-30", "online = 2025-06-30T00:00:00Z",
                  "building[0].online: expected a date in the site's standard time without a UTC "
                  "offset"},
        ErrorCase{"not_a_date", "online = 2025-06-30", "online = \"June 2025\"",
                  "building[0].online: expected a date such as 2026-01-01"},
        ErrorCase{"date_after_run", "online = 2025-06-30", "online = 2026-01-02",
                  "s.toml:14:10: error: building[0].online: expected a date before the end of the "
                  "run (2026-01-02T00:00:00), got 2026-01-02T00:00:00"},
        ErrorCase{"step_not_dividing_hour", "\"15 min\"", "\"7 min\"",
                  "scenario.step: expected a step that divides one hour"},
        ErrorCase{"duration_not_whole_steps", "\"1 d\"\nstep = \"15 min\"",
                  "\"90 min\"\nstep = \"1 h\"",
                  "scenario.duration: run length 1.5 h is not a whole number of 1 h steps"},
        ErrorCase{"utc_offset_range", "\"-6 h\"", "\"-13 h\"",
                  "site.utc_offset: expected a duration such as \"15 min\" (units: s, min, h, d, "
                  "y) from -12 h to 14 h, got \"-13 h\""},
        ErrorCase{"no_buildings",
                  "[[building]]\nname = \"B1\"\nonline = 2025-06-30\nit_capacity = \"100 "
                  "MW\"\ngpus = 50_000\n",
                  "", "s.toml:1:1: error: building: missing required table [[building]]"}),
    [](const ::testing::TestParamInfo<ErrorCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(ScenarioLoader, EmptyArrayOfRequiredTables) {
  const std::string block =
      "[[building]]\nname = \"B1\"\nonline = 2025-06-30\nit_capacity = \"100 MW\"\ngpus = "
      "50_000\n";
  const std::string text = "building = []\n" + replace(kValid, block, "");
  EXPECT_NE(error_of(text).find("s.toml:1:1: error: building: expected at least one [[building]]"),
            std::string::npos)
      << error_of(text);
}

TEST(ScenarioLoader, ValueWhereATableBelongs) {
  const std::string text = "grid = 5\n" + replace(kValid, "[grid]", "[other]");
  EXPECT_NE(error_of(text).find("s.toml:1:8: error: grid: expected a table [grid], got 5"),
            std::string::npos)
      << error_of(text);
}

TEST(ScenarioLoader, DuplicateNamesPointAtTheSecond) {
  const std::string twice = kValid + R"(
[[building]]
name = "B1"
online = 2026-01-01
it_capacity = "50 MW"
gpus = 1
)";
  EXPECT_NE(error_of(twice).find("s.toml:23:8: error: building[1].name: duplicate name \"B1\" "
                                 "(first used at line 13)"),
            std::string::npos)
      << error_of(twice);
}

TEST(ScenarioLoader, ReportsEveryProblemInFileOrder) {
  const std::string text =
      replace(replace(kValid, "step = ", "stpe = "), "gpus = 50_000", "gpus = -5");
  const std::string message = error_of(text);
  const auto first = message.find("scenario.stpe");
  const auto second = message.find("building[0].gpus");
  ASSERT_NE(first, std::string::npos) << message;
  ASSERT_NE(second, std::string::npos) << message;
  EXPECT_LT(first, second);
}

TEST(ScenarioLoader, OverridesReplaceValuesWithTheSameValidation) {
  const std::vector<std::string> step{"scenario.step=5min"};
  EXPECT_EQ(load_scenario_text(kValid, "s.toml", step).run.step_s, 300.0);
  const std::vector<std::string> quoted{"building[0].it_capacity=\"150 MW\""};
  EXPECT_EQ(load_scenario_text(kValid, "s.toml", quoted).buildings[0].it_capacity_kw, 150'000.0);
  const std::vector<std::string> integer{"scenario.seed=7"};
  EXPECT_EQ(load_scenario_text(kValid, "s.toml", integer).run.seed, 7);
  const std::vector<std::string> new_table{"facility.cooling=constant-pue", "facility.pue=1.3"};
  EXPECT_DOUBLE_EQ(load_scenario_text(kValid, "s.toml", new_table).facility.pue, 1.3);

  EXPECT_NE(error_of(kValid, {"scenario.step=5 kWh"})
                .find("--set scenario.step=5 kWh: error: scenario.step: expected a duration"),
            std::string::npos);
  EXPECT_NE(error_of(kValid, {"scenario.stpe=5min"})
                .find("--set scenario.stpe=5min: error: scenario.stpe: unknown key; did you mean "
                      "'step'?"),
            std::string::npos);
  EXPECT_NE(error_of(kValid, {"scenario.step"}).find("expected PATH=VALUE"), std::string::npos);
  EXPECT_NE(error_of(kValid, {"facility.pue=1.3"})
                .find("facility.pue: is only used with cooling = \"constant-pue\""),
            std::string::npos);
  EXPECT_NE(error_of(kValid, {"building[3].name=x"}).find("there is no entry [3]"),
            std::string::npos);
  EXPECT_NE(error_of(kValid, {"building[x].name=x"}).find("malformed path segment"),
            std::string::npos);
  EXPECT_NE(error_of(kValid, {"scenario..step=1"}).find("empty key"), std::string::npos);
}

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

const std::string kSolar = R"(
[[solar]]
name = "PV 1"
capacity = "250 MW"
array = "fixed"
tilt = 30
losses = "12 %"
module = "thin-film"
)";

TEST(ScenarioLoaderSolar, ArraysBindToEnumsWithDefaults) {
  const Scenario s = load_scenario_text(kValid + kSolar, "s.toml");
  ASSERT_EQ(s.solar.size(), 1U);
  const SolarSection& pv = s.solar[0];
  EXPECT_EQ(pv.dc_capacity_kw, 250'000.0);
  EXPECT_EQ(pv.array, ArrayType::kFixedOpenRack);
  EXPECT_EQ(pv.module, ModuleType::kThinFilm);
  EXPECT_EQ(pv.sky_model, SkyModel::kPerez);
  EXPECT_DOUBLE_EQ(pv.tilt_deg, 30.0);
  EXPECT_DOUBLE_EQ(pv.losses_fraction, 0.12);
  EXPECT_DOUBLE_EQ(pv.inverter_efficiency, 0.96);
  EXPECT_DOUBLE_EQ(pv.dc_ac_ratio, 1.2);
  EXPECT_EQ(s.weather.file, "");
  EXPECT_EQ(s.weather.climate, "abilene");
}

TEST(ScenarioLoaderSolar, ChoiceErrorsSuggest) {
  const std::string bad = replace(kValid + kSolar, "\"fixed\"", "\"1-axis\"");
  EXPECT_NE(error_of(bad).find("solar[0].array: expected one of \"fixed\", \"fixed-roof\", "
                               "\"1axis\", \"1axis-backtrack\", \"2axis\", got \"1-axis\"; did you "
                               "mean '1axis'?"),
            std::string::npos)
      << error_of(bad);
}

TEST(ScenarioLoaderSolar, FixedArraysNeedATilt) {
  const std::string no_tilt = replace(kValid + kSolar, "tilt = 30\n", "");
  EXPECT_NE(error_of(no_tilt).find("s.toml:22:1: error: solar[0].tilt: missing required field "
                                   "'tilt' for a fixed array"),
            std::string::npos)
      << error_of(no_tilt);
  const std::string tracker = replace(no_tilt, "\"fixed\"", "\"1axis-backtrack\"");
  EXPECT_EQ(error_of(tracker), "");
}

TEST(ScenarioLoaderSolar, NestedWeatherTable) {
  const std::string text = replace(kValid, "utc_offset = \"-6 h\"\n",
                                   "utc_offset = \"-6 h\"\n\n[site.weather]\nfile = \"w.csv\"\n");
  EXPECT_EQ(load_scenario_text(text, "s.toml").weather.file, "w.csv");
  const std::string typo = replace(text, "file = ", "flie = ");
  EXPECT_NE(error_of(typo).find("site.weather.flie: unknown key; did you mean 'file'?"),
            std::string::npos)
      << error_of(typo);
  const std::vector<std::string> set{"site.weather.climate=abilene", "solar[0].array=2axis"};
  EXPECT_EQ(load_scenario_text(kValid + kSolar, "s.toml", set).solar[0].array, ArrayType::kTwoAxis);
}

}  // namespace
}  // namespace stargate
