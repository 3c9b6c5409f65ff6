#include "stargate/sim/market_profiles.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "stargate/core/errors.hpp"
#include "stargate/core/market_series.hpp"
#include "stargate/core/units.hpp"
#include "stargate/energy/synthetic_prices.hpp"
#include "stargate/io/carbon_reader.hpp"
#include "stargate/io/price_reader.hpp"
#include "stargate/sim/weather_to_grid.hpp"

namespace stargate {
namespace {

std::filesystem::path relative_to_scenario(const Scenario& scenario, const std::string& file) {
  const std::filesystem::path path(file);
  return path.is_absolute() ? path
                            : std::filesystem::path(scenario.source_file).parent_path() / path;
}

// Maps a year of market values onto the grid; InputError at `field` when it is not a year.
void map_to_grid(const Scenario& scenario, const MarketSeries& series, const std::string& field,
                 const TimeGrid& grid, std::span<double> out, std::vector<std::string>& warnings) {
  warnings.insert(warnings.end(), series.warnings.begin(), series.warnings.end());
  const double days =
      static_cast<double>(series.size()) * static_cast<double>(series.interval_s) / kSecondsPerDay;
  if (days != kDaysPerYear && days != kDaysPerYear + 1) {
    throw InputError(Diagnostic{
        scenario.sources.find(field, SourceLocation{scenario.source_file, 1, 1}), field,
        fmt::format("expected one whole year of values (365 or 366 days), got {} rows of {} s in "
                    "{}",
                    series.size(), series.interval_s, series.source)});
  }
  WeatherToGrid(market_timing_frame(series), grid).apply(series.value, out);
}

CarbonUnit carbon_unit(CarbonFileUnit unit) {
  switch (unit) {
    case CarbonFileUnit::kLbPerKwh: return CarbonUnit::kLbPerKwh;
    case CarbonFileUnit::kKgPerMwh: return CarbonUnit::kKgPerMwh;
    case CarbonFileUnit::kGPerKwh: return CarbonUnit::kGPerKwh;
    case CarbonFileUnit::kTonnePerMwh: return CarbonUnit::kTonnePerMwh;
  }
  return CarbonUnit::kKgPerMwh;
}

}  // namespace

void fill_prices(const Scenario& scenario, const TimeGrid& grid,
                 std::span<double> price_usd_per_mwh, std::vector<std::string>& warnings) {
  const MarketSection& market = scenario.market;
  const auto offset_s = static_cast<std::int64_t>(scenario.site.utc_offset_s);
  switch (market.prices) {
    case PriceSource::kFlat:
      std::fill(price_usd_per_mwh.begin(), price_usd_per_mwh.end(),
                scenario.grid.price_usd_per_mwh);
      return;
    case PriceSource::kSynthetic: {
      SyntheticPriceParams params;
      params.mean_usd_per_mwh = scenario.grid.price_usd_per_mwh;
      params.negative_hour_share = market.negative_hour_share;
      params.scarcity_hours = static_cast<int>(market.scarcity_hours);
      params.utc_offset_s = offset_s;
      const MarketSeries series = generate_prices(params, civil_from_local(scenario.run.start).year,
                                                  static_cast<std::uint64_t>(scenario.run.seed));
      map_to_grid(scenario, series, "grid.price", grid, price_usd_per_mwh, warnings);
      return;
    }
    case PriceSource::kFile: {
      MarketCsvOptions options;
      options.value_column = market.price_column;
      options.clock =
          market.clock == MarketClock::kStandard ? ClockTime::kStandard : ClockTime::kUsPrevailing;
      options.standard_utc_offset_s = offset_s;
      map_to_grid(scenario,
                  read_price_csv(relative_to_scenario(scenario, market.price_file), options),
                  "grid.market.price_file", grid, price_usd_per_mwh, warnings);
      return;
    }
    case PriceSource::kErcot:
      map_to_grid(scenario,
                  read_ercot_prices(relative_to_scenario(scenario, market.price_file), market.zone),
                  "grid.market.price_file", grid, price_usd_per_mwh, warnings);
      return;
  }
}

void fill_carbon_intensity(const Scenario& scenario, const TimeGrid& grid,
                           std::span<double> carbon_kg_per_mwh,
                           std::vector<std::string>& warnings) {
  const MarketSection& market = scenario.market;
  if (market.carbon_file.empty()) {
    std::fill(carbon_kg_per_mwh.begin(), carbon_kg_per_mwh.end(),
              scenario.grid.carbon_intensity_kg_per_mwh);
    return;
  }
  CarbonCsvOptions options;
  options.column = market.carbon_column;
  options.unit = carbon_unit(market.carbon_unit);
  options.year = civil_from_local(scenario.run.start).year;
  options.standard_utc_offset_s = static_cast<std::int64_t>(scenario.site.utc_offset_s);
  map_to_grid(scenario,
              read_carbon_csv(relative_to_scenario(scenario, market.carbon_file), options),
              "grid.market.carbon_file", grid, carbon_kg_per_mwh, warnings);
}

}  // namespace stargate
