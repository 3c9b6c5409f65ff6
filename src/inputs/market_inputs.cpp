// A year of grid prices and of grid carbon intensity, from [grid] and [grid.market].
#include "inputs/input_parts.hpp"
#include "stargate/energy/synthetic_prices.hpp"
#include "stargate/io/carbon_reader.hpp"
#include "stargate/io/price_reader.hpp"

namespace stargate::inputs {
namespace {

CarbonUnit carbon_unit(CarbonFileUnit unit) {
  switch (unit) {
    case CarbonFileUnit::kLbPerKwh: return CarbonUnit::kLbPerKwh;
    case CarbonFileUnit::kKgPerMwh: return CarbonUnit::kKgPerMwh;
    case CarbonFileUnit::kGPerKwh: return CarbonUnit::kGPerKwh;
    case CarbonFileUnit::kTonnePerMwh: return CarbonUnit::kTonnePerMwh;
  }
  return CarbonUnit::kKgPerMwh;
}

// A year of values checked at `field`, with the reader's repairs in `warnings`.
MarketSeries one_year(const Scenario& scenario, MarketSeries series, const char* field,
                      std::vector<std::string>& warnings) {
  warnings.insert(warnings.end(), series.warnings.begin(), series.warnings.end());
  check_one_year(scenario, field, series.size(), series.interval_s, series.source, "values");
  return series;
}

}  // namespace

std::optional<MarketSeries> load_prices(const Scenario& scenario, InputFiles& files,
                                        std::vector<std::string>& warnings) {
  const MarketSection& market = scenario.market;
  const auto offset_s = static_cast<std::int64_t>(scenario.site.utc_offset_s);
  switch (market.prices) {
    case PriceSource::kFlat: return std::nullopt;
    case PriceSource::kSynthetic: {
      SyntheticPriceParams params;
      params.mean_usd_per_mwh = scenario.grid.price_usd_per_mwh;
      params.negative_hour_share = market.negative_hour_share;
      params.scarcity_hours = static_cast<int>(market.scarcity_hours);
      params.utc_offset_s = offset_s;
      return one_year(scenario,
                      generate_prices(params, civil_from_local(scenario.run.start).year,
                                      static_cast<std::uint64_t>(scenario.run.seed)),
                      "grid.price", warnings);
    }
    case PriceSource::kFile: {
      MarketCsvOptions options;
      options.value_column = market.price_column;
      options.clock =
          market.clock == MarketClock::kStandard ? ClockTime::kStandard : ClockTime::kUsPrevailing;
      options.standard_utc_offset_s = offset_s;
      const std::filesystem::path path = scenario_file_path(scenario, market.price_file);
      return one_year(scenario, read_price_csv_text(files.read(path), path.string(), options),
                      "grid.market.price_file", warnings);
    }
    case PriceSource::kErcot: {
      const std::filesystem::path path = scenario_file_path(scenario, market.price_file);
      return one_year(scenario,
                      read_ercot_prices_text(files.read(path), path.string(), market.zone),
                      "grid.market.price_file", warnings);
    }
  }
  return std::nullopt;
}

std::optional<MarketSeries> load_carbon(const Scenario& scenario, InputFiles& files,
                                        std::vector<std::string>& warnings) {
  const MarketSection& market = scenario.market;
  if (market.carbon_file.empty()) {
    return std::nullopt;
  }
  CarbonCsvOptions options;
  options.column = market.carbon_column;
  options.unit = carbon_unit(market.carbon_unit);
  options.year = civil_from_local(scenario.run.start).year;
  options.standard_utc_offset_s = static_cast<std::int64_t>(scenario.site.utc_offset_s);
  const std::filesystem::path path = scenario_file_path(scenario, market.carbon_file);
  return one_year(scenario, read_carbon_csv_text(files.read(path), path.string(), options),
                  "grid.market.carbon_file", warnings);
}

}  // namespace stargate::inputs
