// Tables of the supply: PV, wind farms, batteries, gas plants, the grid and its market, and the
// dispatch rules. Part of the scenario schema: see src/io/scenario_schema.cpp and
// include/stargate/io/schema.hpp.

#include "io/schema_tables.hpp"

namespace stargate::schema_tables {

TableSpec solar_table() {
  constexpr double kMaxTiltDeg = 90.0;
  constexpr double kMaxAzimuthDeg = 360.0;
  constexpr double kMinGcr = 0.01;
  constexpr double kMaxGcr = 0.99;
  constexpr double kMaxDcAcRatio = 3.0;
  return TableDeclaration<SolarSection>("solar",
                                        "One PV array with its inverters (repeat for each); "
                                        "modelled as NREL PVWatts v8.",
                                        &Scenario::solar, "name")
      .field("name", &SolarSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the array."})
      .field(
          "online", &SolarSection::online,
          {.kind = ValueKind::kDate,
           .default_toml = "1970-01-01",
           .description = "Date the array starts producing (default: online for the whole run)."})
      .field("capacity", &SolarSection::dc_capacity_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .min_exclusive = true,
              .description = "DC nameplate capacity at standard test conditions."})
      .choice("array", &SolarSection::array,
              {{"fixed", ArrayType::kFixedOpenRack},
               {"fixed-roof", ArrayType::kFixedRoof},
               {"1axis", ArrayType::kOneAxis},
               {"1axis-backtrack", ArrayType::kOneAxisBacktracking},
               {"2axis", ArrayType::kTwoAxis}},
              {.default_toml = "\"1axis-backtrack\"",
               .description = "Mounting: fixed open rack, fixed roof mount, single-axis tracker "
                              "(without or with backtracking), or two-axis tracker."})
      .field("tilt", &SolarSection::tilt_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .default_toml = "0",
              .min = 0.0,
              .max = kMaxTiltDeg,
              .description = "Tilt from horizontal of a fixed array (required for fixed arrays), "
                             "or of a tracker's axis (0 for the usual horizontal axis)."})
      .field("azimuth", &SolarSection::azimuth_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .default_toml = "180",
              .min = 0.0,
              .max = kMaxAzimuthDeg,
              .description = "Azimuth of a fixed array or of a tracker's axis, eastward from north "
                             "(180 = south)."})
      .field("gcr", &SolarSection::gcr,
             {.kind = ValueKind::kNumber,
              .default_toml = "0.4",
              .min = kMinGcr,
              .max = kMaxGcr,
              .description = "Ground coverage ratio: row width / row pitch (self-shading and "
                             "backtracking)."})
      .field("rotation_limit", &SolarSection::rotation_limit_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .default_toml = "45",
              .min = 0.0,
              .max = kMaxTiltDeg,
              .description = "Largest rotation of a single-axis tracker from flat."})
      .field("dc_ac_ratio", &SolarSection::dc_ac_ratio,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.2",
              .min = 0.5,
              .max = kMaxDcAcRatio,
              .description = "DC nameplate / inverter AC rating; output clips at the AC rating."})
      .field("losses", &SolarSection::losses_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"14.08 %\"",
              .min = 0.0,
              .max = 0.99,
              .description = "System losses: soiling, wiring, mismatch, connections, nameplate, "
                             "age, availability (PVWatts v8 default 14.08 %)."})
      .choice("module", &SolarSection::module,
              {{"standard", ModuleType::kStandard},
               {"premium", ModuleType::kPremium},
               {"thin-film", ModuleType::kThinFilm}},
              {.default_toml = "\"standard\"",
               .description = "PVWatts module type (temperature coefficient -0.37, -0.35 or "
                              "-0.32 %/C)."})
      .field("inverter_efficiency", &SolarSection::inverter_efficiency,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"96 %\"",
              .min = 0.9,
              .max = 0.995,
              .description = "Nominal inverter efficiency (part-load curve of PVWatts)."})
      .choice("sky_model", &SolarSection::sky_model,
              {{"perez", SkyModel::kPerez},
               {"hay-davies", SkyModel::kHayDavies},
               {"isotropic", SkyModel::kIsotropic}},
              {.default_toml = "\"perez\"",
               .description = "Sky-diffuse transposition model (Perez 1990, Hay-Davies 1980 or "
                              "isotropic)."})
      .field("albedo", &SolarSection::albedo,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "0.2",
              .min = 0.0,
              .max = 1.0,
              .description = "Ground reflectance. When written it applies at every step; when "
                             "omitted the weather's albedo is used where it has one, else 0.2."})
      .build();
}

TableSpec wind_table() {
  constexpr double kMaxHubHeightM = 250.0;
  constexpr double kMaxSpacing = 30.0;
  return TableDeclaration<WindSection>("wind", "One wind farm (repeat for each).", &Scenario::wind,
                                       "name")
      .field("name", &WindSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the farm."})
      .field("online", &WindSection::online,
             {.kind = ValueKind::kDate,
              .default_toml = "1970-01-01",
              .description = "Date the farm starts producing (default: for the whole run)."})
      .field("turbines", &WindSection::turbines,
             {.kind = ValueKind::kInteger, .min = 1.0, .description = "Number of turbines."})
      .field("turbine", &WindSection::turbine,
             {.kind = ValueKind::kText,
              .default_toml = "\"bar-3.3mw-156\"",
              .description = "Turbine from the built-in catalogue (nrel-5mw-126, "
                             "nrel-atb-7mw-200, bar-3.3mw-156; sources in docs/wind.md)."})
      .field("power_curve", &WindSection::power_curve,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "CSV power curve (wind_speed_m_s,power_kw) used instead of `turbine`, "
                             "relative to the scenario file."})
      .field("rotor_diameter", &WindSection::rotor_diameter_m,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kLength,
              .default_toml = "\"0 m\"",
              .min = 0.0,
              .description = "Rotor diameter of a `power_curve` turbine (needed for the wake "
                             "model)."})
      .field("hub_height", &WindSection::hub_height_m,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kLength,
              .default_toml = "\"110 m\"",
              .min = 10.0,
              .max = kMaxHubHeightM,
              .description = "Hub height."})
      .field("availability", &WindSection::availability,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"97 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Share of the time turbines are available."})
      .field("losses", &WindSection::losses_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"5 %\"",
              .min = 0.0,
              .max = 0.99,
              .description = "Electrical and other losses."})
      .field("wake", &WindSection::wake,
             {.kind = ValueKind::kBool,
              .default_toml = "false",
              .description = "Park (Jensen) wake losses on a square grid of the turbines."})
      .field("spacing", &WindSection::spacing_rotor_diameters,
             {.kind = ValueKind::kNumber,
              .plain_unit = "rotor diameters",
              .default_toml = "7",
              .min = 2.0,
              .max = kMaxSpacing,
              .description = "Turbine spacing of the wake layout."})
      .build();
}

TableSpec battery_table() {
  constexpr double kMaxCycleLife = 100'000.0;
  return TableDeclaration<BatterySection>("battery",
                                          "One battery storage system (repeat for each).",
                                          &Scenario::batteries, "name")
      .field("name", &BatterySection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the battery."})
      .field("online", &BatterySection::online,
             {.kind = ValueKind::kDate,
              .default_toml = "1970-01-01",
              .description = "Date the battery enters service (default: for the whole run)."})
      .field("power", &BatterySection::power_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .min_exclusive = true,
              .description = "Charge and discharge power limit (AC)."})
      .field("energy", &BatterySection::energy_kwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergy,
              .min = 0.0,
              .min_exclusive = true,
              .description = "Usable energy capacity when new."})
      .field("round_trip_efficiency", &BatterySection::round_trip_efficiency,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"85 %\"",
              .min = 0.5,
              .max = 1.0,
              .description = "AC-to-AC round-trip efficiency, split equally between charge and "
                             "discharge (FACTS.md: 85 %, range 82-90 %)."})
      .field("soc_min", &BatterySection::soc_min_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"5 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Lowest state of charge."})
      .field("soc_max", &BatterySection::soc_max_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"95 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Highest state of charge."})
      .field("initial_soc", &BatterySection::initial_soc_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"50 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "State of charge at the start of the run (within soc_min..soc_max)."})
      .field("self_discharge", &BatterySection::self_discharge_per_day,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"0.05 %\"",
              .min = 0.0,
              .max = 0.5,
              .description = "Share of the stored energy lost per day."})
      .field("calendar_fade", &BatterySection::calendar_fade_per_year,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"1.5 %\"",
              .min = 0.0,
              .max = 0.5,
              .description = "Capacity lost per year at rest."})
      .field("cycle_life", &BatterySection::cycle_life,
             {.kind = ValueKind::kNumber,
              .plain_unit = "cycles",
              .default_toml = "6000",
              .min = 1.0,
              .max = kMaxCycleLife,
              .description = "Full cycles at 80 % depth of discharge to 80 % capacity (rainflow "
                             "counting with a depth-of-discharge stress model)."})
      .build();
}

TableSpec gas_table() {
  constexpr double kMaxUnits = 1000.0;
  constexpr double kMinHeatRate = 5000.0;
  constexpr double kMaxHeatRate = 20000.0;
  constexpr double kMaxFuelPrice = 100.0;
  return TableDeclaration<GasSection>("gas", "One gas plant of identical units (repeat for each).",
                                      &Scenario::gas, "name")
      .field("name", &GasSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the plant."})
      .field("online", &GasSection::online,
             {.kind = ValueKind::kDate,
              .default_toml = "1970-01-01",
              .description = "Date the plant enters service (default: for the whole run)."})
      .field("units", &GasSection::units,
             {.kind = ValueKind::kInteger,
              .default_toml = "1",
              .min = 1.0,
              .max = kMaxUnits,
              .description = "Number of identical turbines or engines."})
      .field("unit_capacity", &GasSection::unit_capacity_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .min_exclusive = true,
              .description = "Rating of one unit."})
      .field("min_stable_load", &GasSection::min_stable_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"40 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Minimum stable load of a running unit."})
      .field("ramp_rate", &GasSection::ramp_kw_per_min,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kRampRate,
              .default_toml = "\"20 MW/min\"",
              .min = 0.0,
              .description = "Up and down ramp of one running unit."})
      .field("heat_rate", &GasSection::heat_rate_btu_per_kwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kHeatRate,
              .default_toml = "\"9300 Btu/kWh\"",
              .min = kMinHeatRate,
              .max = kMaxHeatRate,
              .description = "Full-load heat rate (HHV); part load follows an aeroderivative "
                             "curve scaled to it (FACTS.md: simple cycle 9,300, combined cycle "
                             "6,400 Btu/kWh)."})
      .field("start_cost", &GasSection::start_cost_usd,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kMoney,
              .default_toml = "\"1.5 k$\"",
              .min = 0.0,
              .description = "Cost of one unit start."})
      .field("fuel_price", &GasSection::fuel_price_usd_per_mmbtu,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFuelPrice,
              .default_toml = "\"2 $/MMBtu\"",
              .min = -kMaxFuelPrice,
              .max = kMaxFuelPrice,
              .description = "Delivered gas price (Waha hub ~2 $/MMBtu, negative on many days "
                             "of 2024)."})
      .field("vom", &GasSection::vom_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"4.7 $/MWh\"",
              .min = 0.0,
              .description = "Variable operation and maintenance cost."})
      .field("min_up_time", &GasSection::min_up_time_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"1 h\"",
              .min = 0.0,
              .max = kSecondsPerDay,
              .description = "A started unit keeps running at least this long."})
      .build();
}

TableSpec grid_table() {
  constexpr double kMinPriceUsdPerMwh = -1000.0;
  constexpr double kMaxPriceUsdPerMwh = 10000.0;
  constexpr double kMaxCarbonKgPerMwh = 2000.0;
  return TableDeclaration<GridSection>("grid", "The utility grid connection.", &Scenario::grid)
      .required()
      .field("import_limit", &GridSection::import_limit_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .description = "Largest power the campus may draw from the grid."})
      .field("export_limit", &GridSection::export_limit_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .default_toml = "\"0 MW\"",
              .min = 0.0,
              .description = "Largest power the campus may send to the grid (0: no export)."})
      .field("price", &GridSection::price_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"30 $/MWh\"",
              .min = kMinPriceUsdPerMwh,
              .max = kMaxPriceUsdPerMwh,
              .description = "Energy price: the flat price, or the annual mean of synthetic "
                             "prices (ERCOT West averaged ~30 $/MWh in 2024)."})
      .field("export_price_share", &GridSection::export_price_share,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"100 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Exported energy is paid this share of the energy price."})
      .field("four_cp_rate", &GridSection::four_cp_rate_usd_per_kw_yr,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kCapacityCharge,
              .default_toml = "\"0 $/kW-yr\"",
              .min = 0.0,
              .description = "ERCOT 4CP transmission charge on the campus's average import in the "
                             "four summer system peaks (50-150 $/kW-yr)."})
      .field("carbon_intensity", &GridSection::carbon_intensity_kg_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEmissionRate,
              .default_toml = "\"380 kg/MWh\"",
              .min = 0.0,
              .max = kMaxCarbonKgPerMwh,
              .description = "Carbon intensity of imported energy when no carbon file is given "
                             "(ERCOT average ~0.38 t/MWh)."})
      .field("clean_fraction", &GridSection::clean_fraction,
             fraction_field("\"40 %\"",
                            "Carbon-free share of grid energy, counted in the 24/7 CFE score "
                            "(ERCOT 2023: wind ~24 %, nuclear ~9 %, solar ~7 %; ERCOT Fuel Mix "
                            "Report, M; docs/carbon.md)."))
      .field("marginal_carbon_intensity", &GridSection::marginal_carbon_intensity_kg_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEmissionRate,
              .default_toml = "\"590 kg/MWh\"",
              .min = 0.0,
              .max = kMaxCarbonKgPerMwh,
              .description = "Emission rate of the grid's marginal generation, for the emissions "
                             "on-site renewables avoid (EPA AVERT, Texas: ~0.59 t/MWh, FACTS.md, "
                             "L)."})
      .build();
}

TableSpec market_table() {
  constexpr double kMaxNegativeShare = 0.5;
  constexpr double kMaxScarcityHours = 400.0;
  return TableDeclaration<MarketSection>(
             "grid.market", "Time-varying grid prices and carbon intensity.", &Scenario::market)
      .choice("prices", &MarketSection::prices,
              {{"flat", PriceSource::kFlat},
               {"synthetic", PriceSource::kSynthetic},
               {"file", PriceSource::kFile},
               {"ercot", PriceSource::kErcot}},
              {.default_toml = "\"flat\"",
               .description = "flat: grid.price at every step; synthetic: ERCOT-like hourly prices "
                              "with mean grid.price from the run's seed; file: a CSV column; "
                              "ercot: ERCOT's Date,Price,Zone long format."})
      .field(
          "price_file", &MarketSection::price_file,
          {.kind = ValueKind::kText,
           .default_toml = "\"\"",
           .description = "Price CSV for prices = \"file\" or \"ercot\", relative to the "
                          "scenario file; a year of prices is reused for every year of the run."})
      .field("price_column", &MarketSection::price_column,
             {.kind = ValueKind::kText,
              .default_toml = "\"price\"",
              .description = "Price column of a generic CSV (USD/MWh); its time column is `time`."})
      .field("zone", &MarketSection::zone,
             {.kind = ValueKind::kText,
              .default_toml = "\"LZ_WEST\"",
              .description = "ERCOT settlement point read from an ERCOT file."})
      .choice(
          "clock", &MarketSection::clock,
          {{"standard", MarketClock::kStandard}, {"us-prevailing", MarketClock::kUsPrevailing}},
          {.default_toml = "\"standard\"",
           .description = "Clock of a generic price file's stamps: standard time, or US local "
                          "time with daylight saving (ERCOT files are always prevailing time)."})
      .field("negative_hour_share", &MarketSection::negative_hour_share,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"6 %\"",
              .min = 0.0,
              .max = kMaxNegativeShare,
              .description = "Synthetic prices: share of hours below zero (LZ_WEST 2023: 7.7 %)."})
      .field("scarcity_hours", &MarketSection::scarcity_hours,
             {.kind = ValueKind::kInteger,
              .default_toml = "50",
              .min = 0.0,
              .max = kMaxScarcityHours,
              .description = "Synthetic prices: hours at or above 1,000 $/MWh, capped at the "
                             "5,000 $/MWh offer cap (ERCOT: ~50 a year)."})
      .field("carbon_file", &MarketSection::carbon_file,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "Hourly carbon intensity CSV (EPA AVERT layout: hour-of-year rows), "
                             "relative to the scenario file; empty: grid.carbon_intensity."})
      .field("carbon_column", &MarketSection::carbon_column,
             {.kind = ValueKind::kText,
              .default_toml = "\"TE\"",
              .description = "Region column of the carbon file (AVERT TE = Texas)."})
      .choice("carbon_unit", &MarketSection::carbon_unit,
              {{"lb/kWh", CarbonFileUnit::kLbPerKwh},
               {"kg/MWh", CarbonFileUnit::kKgPerMwh},
               {"g/kWh", CarbonFileUnit::kGPerKwh},
               {"t/MWh", CarbonFileUnit::kTonnePerMwh}},
              {.default_toml = "\"lb/kWh\"",
               .description = "Unit of the carbon file's values (AVERT: lb/kWh)."})
      .build();
}

TableSpec dispatch_table() {
  constexpr double kMaxCarbonPrice = 1000.0;
  return TableDeclaration<DispatchSection>(
             "dispatch",
             "How the supply is run at each step: rules, or a plan from the dispatch LP "
             "(docs/dispatch.md).",
             &Scenario::dispatch)
      .choice("policy", &DispatchSection::policy,
              {{"rules", DispatchPolicy::kRules},
               {"lp", DispatchPolicy::kLp},
               {"mpc", DispatchPolicy::kMpc}},
              {.default_toml = "\"rules\"",
               .description = "rules: merit order at each step; lp: one least-cost plan over the "
                              "whole run with perfect foresight; mpc: rolling horizon, a plan over "
                              "mpc_window re-solved every mpc_interval from the batteries' actual "
                              "state of charge."})
      .field("mpc_window", &DispatchSection::mpc_window_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"48 h\"",
              .min = 0.0,
              .min_exclusive = true,
              .description = "mpc: horizon of each solve (cut at the end of the run)."})
      .field("mpc_interval", &DispatchSection::mpc_interval_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"24 h\"",
              .min = 0.0,
              .min_exclusive = true,
              .description = "mpc: how much of each plan is applied before the next solve; a "
                             "whole number of steps, at most mpc_window."})
      .choice("mpc_forecast", &DispatchSection::mpc_forecast,
              {{"perfect", MpcForecast::kPerfect}, {"persistence", MpcForecast::kPersistence}},
              {.default_toml = "\"perfect\"",
               .description = "mpc: renewables, load and prices of the window as they will be "
                              "(perfect), or the last day before the solve repeated "
                              "(persistence; the first day of the run is perfect)."})
      .field("unserved_cost", &DispatchSection::unserved_cost_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"10000 $/MWh\"",
              .min = 0.0,
              .max = 1.0e6,
              .min_exclusive = true,
              .description = "lp, mpc: cost of facility load not served in the plan (keeps the "
                             "dispatch LP feasible when the supply falls short)."})
      .field("carbon_price", &DispatchSection::carbon_price_usd_per_t,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kCarbonPrice,
              .default_toml = "\"0 $/t\"",
              .min = 0.0,
              .max = kMaxCarbonPrice,
              .description = "Carbon price added to the marginal cost of gas and grid energy in "
                             "the merit order (not a cash cost)."})
      .choice("battery_prices", &DispatchSection::battery_prices,
              {{"day-ahead", BatteryPrices::kDayAhead}, {"fixed", BatteryPrices::kFixed}},
              {.default_toml = "\"day-ahead\"",
               .description =
                   "rules: day-ahead: each step's charge price and stored-energy value are the "
                   "k-th lowest and highest prices of the next 24 h, k the steps the batteries "
                   "take to fill (docs/dispatch.md); fixed: both are battery_charge_below."})
      .field("battery_charge_below", &DispatchSection::battery_charge_below_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"20 $/MWh\"",
              .min = -1000.0,
              .max = 10000.0,
              .description = "battery_prices = \"fixed\": batteries charge from the grid when "
                             "the price is at or below this (they always take renewable "
                             "surplus), and value stored energy at it."})
      .field("battery_discharge_above", &DispatchSection::battery_discharge_above_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"100 $/MWh\"",
              .min = -1000.0,
              .max = 10000.0,
              .description = "Batteries use their reserve only at or above this price, or when "
                             "load would otherwise go unserved. Above the reserve they discharge "
                             "whenever the grid costs more than stored energy is worth."})
      .field("battery_reserve", &DispatchSection::battery_reserve_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"20 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Share of battery capacity held for price spikes and shortfalls."})
      .field("battery_charge_from_grid", &DispatchSection::battery_charge_from_grid,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "Whether batteries may charge from the grid at low prices."})
      .build();
}

}  // namespace stargate::schema_tables
