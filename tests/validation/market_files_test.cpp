// The price and carbon readers on the real files in ../shared/data (see its README.md): ERCOT
// real-time prices 2023 (LZ_WEST) and EPA AVERT 2023 marginal CO2 rates (TE). Skipped, with a
// message, when the shared data folder is absent.
//
// Expected values were computed independently from the files with awk:
//   awk -F, '$3=="LZ_WEST"{s+=$2;n++; if($2<0)neg++; if($2>1000)hi++} END{print n, s/n, neg, hi}'
//     -> 8759 rows, mean 59.8093, 671 negative, 66 above 1,000; min -30.36, max 5260.94.
//   awk -F, 'NR>1{v=$15; if(v<0){neg++; v=0}; s+=v; n++} END{print n, s/n*453.59237, neg}'
//     -> 8760 rows, clamped mean 587.3027 kg/MWh (586.2588 before clamping), 8 negative.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "stargate/io/carbon_reader.hpp"
#include "stargate/io/price_reader.hpp"

namespace stargate {
namespace {

std::filesystem::path shared(const char* folder, const char* name) {
  return std::filesystem::path(STARGATE_SHARED_DATA_DIR) / folder / name;
}

std::string absent_message(const std::filesystem::path& path) {
  return "shared data absent: " + path.string() +
         " (the validation tests read ../shared/data next to the project root)";
}

LocalTime at(int year, int month, int day, int hour) {
  return local_from_civil(CivilTime{year, month, day, hour, 0, 0});
}

TEST(MarketFiles, ErcotLzWest2023) {
  const auto path = shared("market", "20230101-20231231 ERCOT Real-time Price.csv");
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << absent_message(path);
  }
  const MarketSeries s = read_ercot_prices(path, "LZ_WEST");
  // 8,759 rows (spring hour absent, the repeated autumn hour written once) become the 8,760
  // hours of 2023 in Central standard time: 1 January 00:00 to 31 December 23:00 CST, with
  // 01:00 CST on 5 November filled by interpolation.
  ASSERT_EQ(s.size(), 8760U);
  EXPECT_EQ(s.interval_s, 3600);
  EXPECT_EQ(s.time.front(), at(2023, 1, 1, 0));
  EXPECT_EQ(s.time.back(), at(2023, 12, 31, 23));
  ASSERT_EQ(s.warnings.size(), 1U);
  EXPECT_EQ(s.warnings[0],
            "LZ_WEST: 1 missing interval filled by linear interpolation (starting "
            "2023-11-05T01:00:00-06:00)");
  // The filled hour lies between 1:00 AM (23.1025) and 2:00 AM (25.395): 24.24875.
  EXPECT_NEAR(s.value[static_cast<std::size_t>(
                  (at(2023, 11, 5, 1).seconds - at(2023, 1, 1, 0).seconds) / 3600)],
              24.24875, 1e-9);
  EXPECT_NEAR(s.mean(), 59.81, 0.05);
  RecordProperty("lz_west_mean_usd_per_mwh", std::to_string(s.mean()));
  // The file has four decimals (5260.935); the README rounds to two.
  EXPECT_NEAR(*std::min_element(s.value.begin(), s.value.end()), -30.36, 0.005);
  EXPECT_NEAR(*std::max_element(s.value.begin(), s.value.end()), 5260.94, 0.005);
  EXPECT_EQ(std::count_if(s.value.begin(), s.value.end(), [](double p) { return p < 0.0; }), 671);
  EXPECT_EQ(std::count_if(s.value.begin(), s.value.end(), [](double p) { return p > 1000.0; }), 66);
  // One hourly year: what the input stage accepts for a price file.
  EXPECT_EQ(s.size(), 8760U);
}

TEST(MarketFiles, AvertTexas2023) {
  const auto path = shared("carbon", "AVERT_2023_CO2_lb_per_kwh.csv");
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << absent_message(path);
  }
  CarbonCsvOptions options;
  options.column = "TE";
  options.year = 2023;
  const MarketSeries s = read_carbon_csv(path, options);
  ASSERT_EQ(s.size(), 8760U);
  EXPECT_EQ(s.time.front(), at(2023, 1, 1, 0));
  EXPECT_EQ(s.time.back(), at(2023, 12, 31, 23));
  ASSERT_EQ(s.warnings.size(), 1U);
  EXPECT_EQ(s.warnings[0], "TE: 8 negative values set to 0");
  // README: mean 1.29 lb/kWh = 586 kg/MWh before clamping; 587.30 after.
  EXPECT_NEAR(s.mean(), 587.30, 0.05);
  RecordProperty("te_mean_kg_per_mwh", std::to_string(s.mean()));
  EXPECT_GE(*std::min_element(s.value.begin(), s.value.end()), 0.0);
}

}  // namespace
}  // namespace stargate
