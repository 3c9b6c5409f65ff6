// Investment and production tax credits: see include/stargate/finance/tax_credits.hpp.
#include "stargate/finance/tax_credits.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "stargate/core/units.hpp"
#include "stargate/finance/quarters.hpp"

namespace stargate {
namespace {

// P.L. 119-21 section 70512: wind and solar must begin construction within 12 months of
// enactment (by 2026-07-04) or be placed in service by the end of 2027.
constexpr CivilTime kLastConstructionStart{2026, 7, 5};
constexpr CivilTime kLastPlacedInService{2028, 1, 1};
constexpr int kContinuityYears = 4;  // IRS Notice 2013-29: placed in service within 4 years
// IRC 48E(e) as amended: storage by the year construction begins.
constexpr int kStorageFullUntilYear = 2033;
constexpr double kStorageShare2034 = 0.75;
constexpr double kStorageShare2035 = 0.5;

bool is_storage(AssetClass asset_class) {
  return asset_class == AssetClass::kBatteryEnergy || asset_class == AssetClass::kBatteryPower;
}

LocalTime construction_start(const CapitalAsset& asset) {
  return add_calendar_months(asset.online, -asset.construction_months);
}

void check_terms(const TaxCreditTerms& terms) {
  if (!(terms.itc_rate >= 0.0 && terms.itc_rate <= 1.0) ||
      !(std::isfinite(terms.ptc_usd_per_kwh) && terms.ptc_usd_per_kwh >= 0.0) ||
      !(terms.ptc_years > 0.0 && std::isfinite(terms.ptc_years))) {
    throw std::invalid_argument(
        "tax credits: itc_rate must be in [0, 1], the PTC >= 0 and its term > 0 years");
  }
}

void check_energy(const std::vector<double>& kwh, std::size_t quarters, const char* name) {
  if (!kwh.empty() && kwh.size() != quarters) {
    throw std::invalid_argument(std::string("tax credits: ") + name + " needs " +
                                std::to_string(quarters) + " quarterly values, got " +
                                std::to_string(kwh.size()));
  }
}

// PTC of one class: each quarter's energy x the rate x the share of the class's capex in service
// that is within its credit period and eligible.
void add_production_credits(CashFlowTable& table, const std::vector<CapitalAsset>& assets,
                            const TaxCreditTerms& terms, AssetClass asset_class,
                            const std::vector<double>& kwh) {
  if (kwh.empty() || credit_kind(terms, asset_class) != CreditKind::kPtc) return;
  const auto credit_end_s =
      static_cast<std::int64_t>(std::llround(terms.ptc_years * kSecondsPerYear));
  for (std::size_t q = 0; q < table.size(); ++q) {
    const LocalTime mid{
        (table.quarter_start[q].seconds +
         (q + 1 < table.size() ? table.quarter_start[q + 1] : table.horizon_end).seconds) /
        2};
    double in_service_usd = 0.0;
    double credited_usd = 0.0;
    for (const CapitalAsset& asset : assets) {
      if (asset.asset_class != asset_class || mid < asset.online) continue;
      in_service_usd += asset.capex_usd;
      if (mid.seconds - asset.online.seconds < credit_end_s) {
        credited_usd +=
            asset.capex_usd * credit_share(asset_class, construction_start(asset), asset.online);
      }
    }
    if (in_service_usd > 0.0) {
      table.tax_credit_usd[q] += kwh[q] * terms.ptc_usd_per_kwh * credited_usd / in_service_usd;
    }
  }
}

}  // namespace

CreditKind credit_kind(const TaxCreditTerms& terms, AssetClass asset_class) {
  if (!terms.enabled) return CreditKind::kNone;
  switch (asset_class) {
    case AssetClass::kSolar: return terms.solar;
    case AssetClass::kWind: return terms.wind;
    case AssetClass::kBatteryEnergy:
    case AssetClass::kBatteryPower: return CreditKind::kItc;
    default: return CreditKind::kNone;
  }
}

double credit_share(AssetClass asset_class, LocalTime construction_start,
                    LocalTime placed_in_service) {
  if (is_storage(asset_class)) {
    const int year = civil_from_local(construction_start).year;
    if (year <= kStorageFullUntilYear) return 1.0;
    if (year == kStorageFullUntilYear + 1) return kStorageShare2034;
    if (year == kStorageFullUntilYear + 2) return kStorageShare2035;
    return 0.0;
  }
  if (asset_class != AssetClass::kSolar && asset_class != AssetClass::kWind) return 0.0;
  const CivilTime started = civil_from_local(construction_start);
  const bool begun_in_time =
      construction_start < local_from_civil(kLastConstructionStart) &&
      civil_from_local(placed_in_service).year <= started.year + kContinuityYears;
  const bool in_service_in_time = placed_in_service < local_from_civil(kLastPlacedInService);
  return begun_in_time || in_service_in_time ? 1.0 : 0.0;
}

double investment_credit_usd(const TaxCreditTerms& terms, const CapitalAsset& asset) {
  if (credit_kind(terms, asset.asset_class) != CreditKind::kItc) return 0.0;
  return terms.itc_rate * asset.capex_usd *
         credit_share(asset.asset_class, construction_start(asset), asset.online);
}

void apply_tax_credits(CashFlowTable& table, const std::vector<CapitalAsset>& assets,
                       const TaxCreditTerms& terms, const CreditableEnergy& energy) {
  check_terms(terms);
  check_energy(energy.solar_kwh, table.size(), "solar_kwh");
  check_energy(energy.wind_kwh, table.size(), "wind_kwh");
  std::fill(table.tax_credit_usd.begin(), table.tax_credit_usd.end(), 0.0);
  if (table.size() > 0) {
    const int first_quarter = quarter_index(table.quarter_start.front());
    for (const CapitalAsset& asset : assets) {
      const int q = quarter_index(asset.online) - first_quarter;
      if (q >= 0 && static_cast<std::size_t>(q) < table.size()) {
        table.tax_credit_usd[static_cast<std::size_t>(q)] += investment_credit_usd(terms, asset);
      }
    }
    add_production_credits(table, assets, terms, AssetClass::kSolar, energy.solar_kwh);
    add_production_credits(table, assets, terms, AssetClass::kWind, energy.wind_kwh);
  }
  recompute_totals(table);
}

}  // namespace stargate
