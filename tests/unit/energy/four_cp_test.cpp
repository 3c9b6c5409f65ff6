// 4CP: peak finding on a hand-built system load, the charge with explicit peaks, sub-step peaks,
// multi-year grids and the synthetic ERCOT system-load shape.
#include "stargate/energy/four_cp.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

LocalTime at(int year, int month, int day, int hour, int minute = 0) {
  return local_from_civil(CivilTime{year, month, day, hour, minute, 0});
}

TimeGrid year_grid(int year, std::int64_t step_s) {
  return TimeGrid::covering(at(year, 1, 1, 0), RunLength{1, 0.0}, step_s, -6 * 3600);
}

TEST(FourCp, HandExample) {
  // Hourly grid for 2025. System load 50,000 MW except four peaks: 20 Jun 16:00 (70 GW),
  // 15 Jul 17:00 (75 GW), 5 Aug 16:00 (80 GW; 7 Aug 15:00 has 79 GW) and 3 Sep 15:00 (72 GW).
  // The campus draws 1,000 MW = 1e6 kW except 900 MW in the August peak hour.
  // 4CP demand = (1e6 + 1e6 + 0.9e6 + 1e6) / 4 = 975,000 kW; at 60 USD/kW-yr: 58.5 M USD/yr.
  const TimeGrid grid = year_grid(2025, 3600);
  std::vector<double> system(grid.size(), 50000.0);
  std::vector<double> campus(grid.size(), 1.0e6);
  const auto set = [&](LocalTime t, double mw) { system[grid.first_step_at_or_after(t)] = mw; };
  set(at(2025, 6, 20, 16), 70000.0);
  set(at(2025, 7, 15, 17), 75000.0);
  set(at(2025, 8, 5, 16), 80000.0);
  set(at(2025, 8, 7, 15), 79000.0);
  set(at(2025, 9, 3, 15), 72000.0);
  set(at(2025, 1, 10, 8), 90000.0);  // a winter peak: not a 4CP month
  campus[grid.first_step_at_or_after(at(2025, 8, 5, 16))] = 0.9e6;
  const FourCpPeaks peaks = find_four_cp_peaks(grid, system, 2025);
  EXPECT_EQ(peaks.start[0], at(2025, 6, 20, 16));
  EXPECT_EQ(peaks.start[1], at(2025, 7, 15, 17));
  EXPECT_EQ(peaks.start[2], at(2025, 8, 5, 16));
  EXPECT_EQ(peaks.start[3], at(2025, 9, 3, 15));
  EXPECT_EQ(peaks.interval_s, 3600);
  const FourCpCharge charge = four_cp_charge(grid, campus, peaks, 60.0);
  EXPECT_DOUBLE_EQ(charge.peak_load_kw[2], 0.9e6);
  EXPECT_DOUBLE_EQ(charge.demand_kw, 975000.0);
  EXPECT_DOUBLE_EQ(charge.charge_usd_per_yr, 58.5e6);
}

TEST(FourCp, ExplicitFifteenMinutePeaksOnAnHourlyGridAndOnAFineGrid) {
  // Published 15-minute intervals (given in standard time). On an hourly grid a peak interval
  // takes the mean of its hour; on a 5-minute grid, the mean of its three steps.
  FourCpPeaks peaks;
  peaks.year = 2025;
  peaks.start = {at(2025, 6, 20, 16, 15), at(2025, 7, 15, 16, 30), at(2025, 8, 5, 16, 0),
                 at(2025, 9, 3, 15, 45)};
  const TimeGrid hourly = year_grid(2025, 3600);
  std::vector<double> campus(hourly.size(), 500.0);
  campus[hourly.first_step_at_or_after(at(2025, 6, 20, 16))] = 300.0;
  const FourCpCharge h = four_cp_charge(hourly, campus, peaks, 100.0);
  // (300 + 500 + 500 + 500) / 4 = 450 kW; x 100 = 45,000 USD/yr.
  EXPECT_DOUBLE_EQ(h.demand_kw, 450.0);
  EXPECT_DOUBLE_EQ(h.charge_usd_per_yr, 45000.0);

  const TimeGrid fine = year_grid(2025, 300);
  std::vector<double> fine_campus(fine.size(), 500.0);
  // Inside the 16:15-16:30 June interval: 200, 500, 800 kW -> mean 500; the 16:30 step (outside)
  // at 0 does not count.
  const std::size_t i = fine.first_step_at_or_after(at(2025, 6, 20, 16, 15));
  fine_campus[i] = 200.0;
  fine_campus[i + 2] = 800.0;
  fine_campus[i + 3] = 0.0;
  EXPECT_DOUBLE_EQ(four_cp_charge(fine, fine_campus, peaks, 100.0).demand_kw, 500.0);
}

TEST(FourCp, ErrorsAndMultiYear) {
  const TimeGrid grid = year_grid(2025, 3600);
  std::vector<double> load(grid.size(), 1.0);
  EXPECT_THROW((void)find_four_cp_peaks(grid, load, 2026), std::invalid_argument);
  EXPECT_THROW((void)find_four_cp_peaks(grid, std::vector<double>(3, 1.0), 2025),
               std::invalid_argument);
  FourCpPeaks outside;
  outside.start.fill(at(2026, 7, 1, 0));
  EXPECT_THROW((void)four_cp_charge(grid, load, outside, 60.0), std::invalid_argument);
  const FourCpPeaks peaks = find_four_cp_peaks(grid, load, 2025);
  EXPECT_EQ(peaks.start[0], at(2025, 6, 1, 0));  // ties: the earliest step
  EXPECT_THROW((void)four_cp_charge(grid, load, peaks, -1.0), std::invalid_argument);

  const TimeGrid two = TimeGrid::covering(at(2025, 1, 1, 0), RunLength{2, 0.0}, 3600, -6 * 3600);
  const std::vector<double> system = synthetic_ercot_system_load_mw(two, 1);
  const std::vector<double> campus(two.size(), 1000.0);
  const std::vector<FourCpCharge> charges = four_cp_by_year(two, system, campus, 50.0);
  ASSERT_EQ(charges.size(), 2U);
  EXPECT_EQ(charges[1].peaks.year, 2026);
  EXPECT_DOUBLE_EQ(charges[0].charge_usd_per_yr, 50000.0);
}

TEST(FourCp, StepPricesTimesLoadGiveTheCharges) {
  // Two years at 15 minutes with an uneven campus load: sum of price x load = both charges.
  const TimeGrid grid = TimeGrid::covering(at(2025, 1, 1, 0), RunLength{2, 0.0}, 900, -6 * 3600);
  const std::vector<double> system = synthetic_ercot_system_load_mw(grid, 7);
  std::vector<double> campus(grid.size());
  for (std::size_t i = 0; i < campus.size(); ++i) {
    campus[i] = 800.0 + static_cast<double>((i * 7919) % 400);
  }
  const std::vector<double> price = four_cp_step_prices_usd_per_kw(grid, system, 100.0);
  double priced = 0.0;
  int charged_steps = 0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    priced += price[i] * campus[i];
    charged_steps += price[i] > 0.0 ? 1 : 0;
  }
  double charges = 0.0;
  for (const FourCpCharge& year : four_cp_by_year(grid, system, campus, 100.0)) {
    charges += year.charge_usd_per_yr;
  }
  EXPECT_EQ(charged_steps, 8);  // four peak intervals a year
  EXPECT_NEAR(priced, charges, 1e-9 * charges);
  EXPECT_DOUBLE_EQ(*std::max_element(price.begin(), price.end()), 25.0);  // rate / 4
  EXPECT_EQ(four_cp_step_prices_usd_per_kw(grid, system, 0.0), std::vector<double>(grid.size()));
}

TEST(FourCp, SyntheticSystemLoadPeaksOnSummerWeekdayAfternoons) {
  for (const std::int64_t step_s : {std::int64_t{900}, std::int64_t{3600}}) {
    const TimeGrid grid = year_grid(2025, step_s);
    const std::vector<double> system = synthetic_ercot_system_load_mw(grid, 7);
    const FourCpPeaks peaks = find_four_cp_peaks(grid, system, 2025);
    for (const LocalTime t : peaks.start) {
      const CivilTime c = civil_from_local(t);
      EXPECT_EQ(c.hour, 16) << "step " << step_s;
      EXPECT_EQ(c.minute, step_s == 900 ? 15 : 0);
      const std::int64_t weekday = (t.seconds / 86400 + 4) % 7;
      EXPECT_NE(weekday, 0);
      EXPECT_NE(weekday, 6);
    }
    const double peak = *std::max_element(system.begin(), system.end());
    EXPECT_GT(peak, 70000.0);
    EXPECT_LT(peak, 90000.0);
  }
  const TimeGrid grid = year_grid(2025, 3600);
  EXPECT_EQ(synthetic_ercot_system_load_mw(grid, 3), synthetic_ercot_system_load_mw(grid, 3));
}

}  // namespace
}  // namespace stargate
