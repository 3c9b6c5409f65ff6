// Tables of the money: capital costs, costs of capital and prices, and the funding sources.
// Part of the scenario schema: see src/io/scenario_schema.cpp and include/stargate/io/schema.hpp.

#include "io/schema_tables.hpp"
#include "stargate/core/programme.hpp"

namespace stargate::schema_tables {
namespace {

constexpr double kMaxYears = 100.0;

FieldOptions years(const char* default_toml, const char* description) {
  return {.kind = ValueKind::kNumber,
          .plain_unit = "years",
          .default_toml = default_toml,
          .min = 0.0,
          .max = kMaxYears,
          .min_exclusive = true,
          .description = description};
}

// A rate of change per year: a fraction above -100 %.
FieldOptions trend_field(const char* default_toml, const char* description) {
  return {.kind = ValueKind::kQuantity,
          .unit = UnitKind::kFraction,
          .default_toml = default_toml,
          .min = -1.0,
          .min_exclusive = true,
          .description = description};
}

}  // namespace

TableSpec finance_table() {
  return TableDeclaration<FinanceSection>(
             "finance",
             "Capital costs, costs of capital, prices and the analysis horizon (docs/finance.md).",
             &Scenario::finance)
      .field("analysis_years", &FinanceSection::analysis_years,
             {.kind = ValueKind::kInteger,
              .default_toml = "15",
              .min = 1.0,
              .max = kMaxYears,
              .description = "Years of quarterly cash flows from the first construction spend; "
                             "each calendar year draws on a simulation of its operating state "
                             "(docs/finance.md)."})
      .field("building_cost", &FinanceSection::building_cost_usd_per_kw,
             non_negative_field(
                 UnitKind::kPowerCost, "\"12500 $/kW\"",
                 "Shell, power and cooling per kW of IT (Abilene: 15 $B / 1.2 GW, FACTS.md)."))
      .field("solar_cost", &FinanceSection::solar_cost_usd_per_kw,
             non_negative_field(UnitKind::kPowerCost, "\"1.5 $/W\"",
                                "Utility PV per W AC (FACTS.md)."))
      .field("wind_cost", &FinanceSection::wind_cost_usd_per_kw,
             non_negative_field(UnitKind::kPowerCost, "\"1700 $/kW\"", "Onshore wind (FACTS.md)."))
      .field(
          "battery_cost", &FinanceSection::battery_cost_usd_per_mwh,
          non_negative_field(UnitKind::kEnergyPrice, "\"350 $/kWh\"",
                             "Installed 4-hour lithium-ion per kWh of energy capacity (FACTS.md)."))
      .field("gas_cost", &FinanceSection::gas_cost_usd_per_kw,
             non_negative_field(UnitKind::kPowerCost, "\"1400 $/kW\"",
                                "Simple-cycle aeroderivative plant (FACTS.md)."))
      .field("interconnection_cost", &FinanceSection::interconnection_cost_usd_per_kw,
             non_negative_field(UnitKind::kPowerCost, "\"0 $/kW\"",
                                "Grid connection per kW of import limit."))
      .field("facility_rate", &FinanceSection::facility_rate,
             fraction_field("\"7.5 %\"",
                            "Cost of capital of buildings and interconnection (FACTS.md)."))
      .field("gpu_rate", &FinanceSection::gpu_rate,
             fraction_field("\"11 %\"", "Cost of capital of GPUs (FACTS.md)."))
      .field("energy_rate", &FinanceSection::energy_rate,
             fraction_field("\"7 %\"", "Cost of capital of energy assets (FACTS.md)."))
      .field("building_life", &FinanceSection::building_life_years,
             years("20", "Accounting life of buildings (FACTS.md)."))
      .field("gpu_life", &FinanceSection::gpu_life_years,
             years("5", "GPU life: GPUs are bought again at its end (FACTS.md)."))
      .field("energy_life", &FinanceSection::energy_life_years,
             years("25", "Life of solar, wind, battery and gas assets."))
      .field(
          "gpu_hour_price", &FinanceSection::gpu_hour_price_usd,
          non_negative_field(UnitKind::kGpuHourPrice, "\"5 $/GPU-h\"",
                             "Revenue per GPU-hour delivered (GB200 ~5 $ on contract, FACTS.md)."))
      .field("count_only_committed", &FinanceSection::count_only_committed,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "Funding counts committed and drawn equity only (not announced)."})
      .choice("revenue", &FinanceSection::revenue,
              {{"gpu-hours", RevenueModel::kGpuHours}, {"lease", RevenueModel::kLease}},
              {.default_toml = "\"gpu-hours\"",
               .description = "Revenue of the campus: GPU-hours delivered x gpu_hour_price, or the "
                              "[[lease]] payments of a tenant (NPV, IRR and payback use it)."})
      .field("federal_tax_rate", &FinanceSection::federal_tax_rate,
             fraction_field("\"21 %\"",
                            "US corporate income tax on the campus's taxable income (IRC 11(b)); "
                            "MACRS depreciation, losses carried forward (docs/finance.md)."))
      .field("state_tax_rate", &FinanceSection::state_tax_rate,
             fraction_field("\"0 %\"",
                            "State corporate income tax, deductible federally (Texas levies none; "
                            "its 0.75 % franchise tax on margin is not modelled)."))
      .field("terminal_value", &FinanceSection::terminal_value,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "Count the assets' straight-line book value at the horizon end as a "
                             "cash inflow in the last quarter."})
      .choice("structure", &FinanceSection::structure,
              {{"single-owner", FinanceStructure::kSingleOwner},
               {"landlord-tenant", FinanceStructure::kLandlordTenant}},
              {.default_toml = "\"single-owner\"",
               .description =
                   "single-owner: one party owns and funds the campus. landlord-tenant: a landlord "
                   "owns buildings, power and grid connection and leases them to a tenant that "
                   "owns the GPUs and sells their compute to an offtaker; each party's sources, "
                   "uses, NPV and IRR are reported (docs/finance.md, \"Parties\")."})
      .field("lease_price", &FinanceSection::lease_price_usd_per_kw_yr,
             non_negative_field(
                 UnitKind::kCapacityCharge, "\"165 $/kW-month\"",
                 "landlord-tenant: rent per kW of IT capacity from each building's online date. "
                 "CBRE, North America Data Center Trends H2 2024: 184 $/kW-month asked for 250-500 "
                 "kW in primary markets; hyperscale leases ~10 % below (CBRE H2 2018) (L)."))
      .field("lease_escalation", &FinanceSection::lease_escalation,
             fraction_field("\"2.5 %\"",
                            "Rent increase each lease year (wholesale data-centre leases: 2-3 %, "
                            "L)."))
      .field("tax_credits", &FinanceSection::tax_credits,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "Federal ITC / PTC for solar, wind and storage as P.L. 119-21 (July "
                             "2025) sets them by construction start and placed-in-service date "
                             "(docs/finance.md, \"Tax credits\")."})
      .field("itc_rate", &FinanceSection::itc_rate,
             fraction_field("\"30 %\"",
                            "Investment tax credit (IRC 48E with prevailing wage and "
                            "apprenticeship; adders for energy communities and domestic content "
                            "not included)."))
      .field("ptc_rate", &FinanceSection::ptc_usd_per_mwh,
             non_negative_field(UnitKind::kEnergyPrice, "\"0.0275 $/kWh\"",
                                "Production tax credit per kWh for 10 years (IRC 45Y; 2.75 "
                                "cents/kWh, IRS Notice 2023-37; not indexed here)."))
      .choice("solar_credit", &FinanceSection::solar_credit,
              {{"itc", TaxCredit::kItc}, {"ptc", TaxCredit::kPtc}},
              {.default_toml = "\"itc\"", .description = "The credit solar takes."})
      .choice("wind_credit", &FinanceSection::wind_credit,
              {{"itc", TaxCredit::kItc}, {"ptc", TaxCredit::kPtc}},
              {.default_toml = "\"ptc\"", .description = "The credit wind takes."})
      .field("gpu_roadmap", &FinanceSection::gpu_roadmap,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "A GPU refresh buys the generation of its year (the trends below): "
                             "its power, performance, price and GPU-hour price change after it, "
                             "and the building holds as many as its IT capacity allows. false: "
                             "the same GPUs again at the same price (docs/finance.md)."})
      .field("gpu_performance_trend", &FinanceSection::gpu_performance_trend,
             trend_field("\"35 %\"",
                         "Dense FLOP/s per GPU, change per year (Epoch AI, Trends in Machine "
                         "Learning Hardware, 2023: doubling every ~2.3 years, M)."))
      .field("gpu_power_trend", &FinanceSection::gpu_power_trend,
             trend_field("\"10 %\"",
                         "Power per GPU, change per year (L: H100 700 W in 2023 to GB300 1,400 W "
                         "in 2026, slowed by rack power and cooling limits)."))
      .field("compute_price_trend", &FinanceSection::compute_price_trend,
             trend_field("\"-24.2 %\"",
                         "Price per unit of compute, change per year, for GPUs bought and "
                         "GPU-hours sold (Epoch AI: FLOP/s per dollar doubling every ~2.5 "
                         "years, M)."))
      .field("tenant_buys_gpus", &FinanceSection::tenant_buys_gpus,
             {.kind = ValueKind::kBool,
              .default_toml = "false",
              .description = "The tenant owns the GPUs (Oracle at Abilene): their capex and "
                             "replacements are not the campus's."})
      .field(
          "building_fixed_om", &FinanceSection::building_fixed_om_fraction_per_yr,
          fraction_field("\"1.5 %\"",
                         "Fixed O&M of buildings per year, as a share of their capex (assumed, L: "
                         "facility maintenance ~1-2 % of construction cost a year)."))
      .field("gpu_fixed_om", &FinanceSection::gpu_fixed_om_fraction_per_yr,
             fraction_field("\"0 %\"",
                            "Fixed O&M of GPUs per year, as a share of their capex (support beyond "
                            "the replacement cycle; not in FACTS.md, so 0)."))
      .field(
          "solar_fixed_om", &FinanceSection::solar_fixed_om_usd_per_kw_yr,
          non_negative_field(UnitKind::kCapacityCharge, "\"22 $/kW-yr\"",
                             "Fixed O&M of utility PV per kW AC (NREL ATB 2024, utility-scale PV, "
                             "moderate: ~22 $/kW-yr; no variable O&M)."))
      .field(
          "wind_fixed_om", &FinanceSection::wind_fixed_om_usd_per_kw_yr,
          non_negative_field(UnitKind::kCapacityCharge, "\"43 $/kW-yr\"",
                             "Fixed O&M of onshore wind (NREL ATB 2024, land-based wind, moderate: "
                             "~43 $/kW-yr; no variable O&M)."))
      .field("battery_fixed_om", &FinanceSection::battery_fixed_om_fraction_per_yr,
             fraction_field(
                 "\"2.5 %\"",
                 "Fixed O&M of batteries per year, as a share of their capex (NREL ATB 2024, "
                 "utility-scale battery storage: 2.5 % of capex a year)."))
      .field("gas_fixed_om", &FinanceSection::gas_fixed_om_usd_per_kw_yr,
             non_negative_field(
                 UnitKind::kCapacityCharge, "\"16 $/kW-yr\"",
                 "Fixed O&M of the gas plant (EIA, Capital Cost and Performance "
                 "Characteristics, 2020: aeroderivative CT ~16 $/kW-yr); its variable O&M is "
                 "[[gas]] vom."))
      .build();
}

namespace {

// [[equity]] and [[debt]] are declared once for both documents that hold them: a scenario (the
// campus's own funding) and a programme (partners' funding of several campuses).
template <class Document>
TableSpec equity_table_of(std::vector<EquitySection> Document::*member) {
  return TableDeclaration<EquitySection, Document>("equity", "One partner's equity commitment.",
                                                   member, "partner")
      .field("partner", &EquitySection::partner,
             {.kind = ValueKind::kText, .description = "Who commits the money."})
      .field("amount", &EquitySection::amount_usd,
             non_negative_field(UnitKind::kMoney, nullptr, "Amount committed."))
      .field("date", &EquitySection::date,
             {.kind = ValueKind::kDate, .description = "When the money is available."})
      .choice("status", &EquitySection::status,
              {{"announced", EquityStatus::kAnnounced},
               {"committed", EquityStatus::kCommitted},
               {"drawn", EquityStatus::kDrawn}},
              {.default_toml = "\"committed\"",
               .description = "announced money counts only with count_only_committed = false."})
      .choice("party", &EquitySection::party,
              {{"landlord", FundingParty::kLandlord},
               {"tenant", FundingParty::kTenant},
               {"offtaker", FundingParty::kOfftaker}},
              {.default_toml = "\"landlord\"",
               .description = "Whom it funds with structure = \"landlord-tenant\"."})
      .build();
}

template <class Document>
TableSpec debt_table_of(std::vector<DebtSection> Document::*member) {
  return TableDeclaration<DebtSection, Document>(
             "debt", "One debt facility, drawn after the equity.", member, "lender")
      .field("lender", &DebtSection::lender,
             {.kind = ValueKind::kText, .description = "Name of the lender or bank group."})
      .field("amount", &DebtSection::amount_usd,
             non_negative_field(UnitKind::kMoney, nullptr, "Facility size."))
      .field("interest_rate", &DebtSection::interest_rate,
             fraction_field("\"7 %\"",
                            "Annual interest rate (SOFR + 200-350 bp, FACTS.md); interest "
                            "is capitalised until completion, then paid."))
      .field("tenor", &DebtSection::tenor_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"7 y\"",
              .min = 0.0,
              .min_exclusive = true,
              .description = "Repayment period from completion (the last asset's first day in "
                             "service); interest is capitalised before it."})
      .field("available_from", &DebtSection::available_from,
             {.kind = ValueKind::kDate, .description = "First date it can be drawn."})
      .choice("repayment", &DebtSection::repayment,
              {{"level", DebtRepayment::kLevel}, {"sculpted", DebtRepayment::kSculpted}},
              {.default_toml = "\"level\"",
               .description = "After completion: level quarterly payments (an annuity), or debt "
                              "service sculpted to the cash flow available at target_dscr "
                              "(docs/finance.md)."})
      .field("target_dscr", &DebtSection::target_dscr,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.3",
              .min = 0.0,
              .min_exclusive = true,
              .description = "Sculpted: cash flow available for debt service over debt service "
                             "the repayment is sized to (Yescombe: 1.20-1.40)."})
      .field("dscr_covenant", &DebtSection::dscr_covenant,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.2",
              .min = 0.0,
              .description = "A year's cover below this breaches the loan's covenant: a "
                             "warning (Yescombe: lock-up at 1.10-1.20)."})
      .choice("party", &DebtSection::party,
              {{"landlord", FundingParty::kLandlord},
               {"tenant", FundingParty::kTenant},
               {"offtaker", FundingParty::kOfftaker}},
              {.default_toml = "\"landlord\"",
               .description = "Whose debt it is with structure = \"landlord-tenant\"."})
      .build();
}

}  // namespace

TableSpec equity_table() {
  return equity_table_of(&Scenario::equity);
}
TableSpec debt_table() {
  return debt_table_of(&Scenario::debt);
}
TableSpec programme_equity_table() {
  return equity_table_of(&Programme::equity);
}
TableSpec programme_debt_table() {
  return debt_table_of(&Programme::debt);
}

TableSpec lease_table() {
  return TableDeclaration<LeaseSection>("lease", "Lease income to the campus (a source of funds).",
                                        &Scenario::leases, "payer")
      .field("payer", &LeaseSection::payer,
             {.kind = ValueKind::kText, .description = "Who pays the lease."})
      .field("amount_per_year", &LeaseSection::amount_usd_per_year,
             non_negative_field(UnitKind::kMoney, nullptr, "Lease payments per year."))
      .field("start", &LeaseSection::start,
             {.kind = ValueKind::kDate, .description = "First day of the lease."})
      .field("term", &LeaseSection::term_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"15 y\"",
              .min = 0.0,
              .min_exclusive = true,
              .description = "Length of the lease (Oracle's Abilene lease: 15 years)."})
      .build();
}

}  // namespace stargate::schema_tables
