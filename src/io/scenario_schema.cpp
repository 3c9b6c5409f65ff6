// Declarations of every scenario table and field. This file is the single source of truth for
// names, units, defaults, bounds and descriptions (docs/scenario.md is generated from it).

#include "stargate/io/schema.hpp"

namespace stargate {
namespace {

constexpr double kLatitudeLimitDeg = 90.0;
constexpr double kLongitudeLimitDeg = 180.0;
constexpr double kMinUtcOffsetH = -12.0;
constexpr double kMaxUtcOffsetH = 14.0;
constexpr double kMaxElevationM = 9000.0;
constexpr double kMinElevationM = -500.0;
constexpr double kMaxPue = 3.0;

TableSpec run_table() {
  return TableDeclaration<RunSection>("scenario", "Identity of the run and its time grid.",
                                      &Scenario::run)
      .required()
      .field("name", &RunSection::name,
             {.kind = ValueKind::kText, .description = "Name of the scenario, shown in outputs."})
      .field("description", &RunSection::description,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "Free text describing the scenario and its sources."})
      .field("start", &RunSection::start,
             {.kind = ValueKind::kDate,
              .description = "First instant of the run in the site's standard time "
                             "(2026-01-01 or 2026-01-01T00:00:00)."})
      .field("duration", &RunSection::duration,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"1 y\"",
              .min = kSecondsPerHour,
              .max = 50 * kSecondsPerYear,
              .description = "Length of the run; whole years in \"y\" are calendar years "
                             "(366 days when they span 29 February), other durations are exact."})
      .field("step", &RunSection::step_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"1 h\"",
              .min = static_cast<double>(TimeGrid::kMinStepS),
              .max = static_cast<double>(TimeGrid::kMaxStepS),
              .description = "Simulation step; must divide one hour (1, 2, 3, 4, 5, 6, 10, 12, 15, "
                             "20, 30 or 60 min)."})
      .field("seed", &RunSection::seed,
             {.kind = ValueKind::kInteger,
              .default_toml = "1",
              .min = 0,
              .description = "Seed of every random draw; the same inputs and seed give the same "
                             "outputs."})
      .build();
}

TableSpec site_table() {
  return TableDeclaration<SiteSection>("site", "Where the campus is.", &Scenario::site)
      .required()
      .field("name", &SiteSection::name,
             {.kind = ValueKind::kText, .default_toml = "\"\"", .description = "Place name."})
      .field("latitude", &SiteSection::latitude_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .min = -kLatitudeLimitDeg,
              .max = kLatitudeLimitDeg,
              .description = "Latitude in degrees, north positive."})
      .field("longitude", &SiteSection::longitude_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .min = -kLongitudeLimitDeg,
              .max = kLongitudeLimitDeg,
              .description = "Longitude in degrees, east positive (Abilene, TX is -99.7)."})
      .field("elevation", &SiteSection::elevation_m,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kLength,
              .default_toml = "\"0 m\"",
              .min = kMinElevationM,
              .max = kMaxElevationM,
              .description = "Elevation above sea level."})
      .field("utc_offset", &SiteSection::utc_offset_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .min = kMinUtcOffsetH * kSecondsPerHour,
              .max = kMaxUtcOffsetH * kSecondsPerHour,
              .description = "Offset of the site's standard time from UTC, e.g. \"-6 h\" for US "
                             "Central; no daylight saving is applied."})
      .build();
}

TableSpec weather_table() {
  return TableDeclaration<WeatherSection>("site.weather",
                                          "Weather for solar, wind and cooling: a file, or "
                                          "synthetic weather from a climatology.",
                                          &Scenario::weather)
      .field(
          "file", &WeatherSection::file,
          {.kind = ValueKind::kText,
           .default_toml = "\"\"",
           .description = "NSRDB PSM CSV, SAM TMY2/TMY3 CSV or EPW file, relative to the scenario "
                          "file; empty for synthetic weather. A typical-year file is reused "
                          "for every year of the run."})
      .field("climate", &WeatherSection::climate,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"abilene\"",
              .choices = {"abilene"},
              .description = "Monthly climatology the synthetic weather is generated from (used "
                             "when no file is given); the run's seed drives the draws."})
      .build();
}

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
      .field("array", &SolarSection::array,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"1axis-backtrack\"",
              .choices = {"fixed", "fixed-roof", "1axis", "1axis-backtrack", "2axis"},
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
      .field("module", &SolarSection::module,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"standard\"",
              .choices = {"standard", "premium", "thin-film"},
              .description = "PVWatts module type (temperature coefficient -0.37, -0.35 or "
                             "-0.32 %/C)."})
      .field("inverter_efficiency", &SolarSection::inverter_efficiency,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"96 %\"",
              .min = 0.9,
              .max = 0.995,
              .description = "Nominal inverter efficiency (part-load curve of PVWatts)."})
      .field("sky_model", &SolarSection::sky_model,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"perez\"",
              .choices = {"perez", "hay-davies", "isotropic"},
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

TableSpec wind_resource_table() {
  constexpr double kMaxMeanSpeed = 25.0;
  constexpr double kMaxHeightM = 300.0;
  return TableDeclaration<WindResourceSection>(
             "site.wind", "Wind resource for [[wind]] farms: an SRW file, or synthetic wind.",
             &Scenario::wind_resource)
      .field("file", &WindResourceSection::file,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "SAM SRW wind resource file (one or more heights), relative to the "
                             "scenario file; empty for synthetic wind. One year, reused for every "
                             "year of the run."})
      .field("mean_speed", &WindResourceSection::mean_speed_m_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kSpeed,
              .default_toml = "\"8.5 m/s\"",
              .min = 0.5,
              .max = kMaxMeanSpeed,
              .description = "Synthetic wind: annual mean speed at `height` (West Texas ~8-9 m/s "
                             "at 100 m)."})
      .field("height", &WindResourceSection::height_m,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kLength,
              .default_toml = "\"100 m\"",
              .min = 2.0,
              .max = kMaxHeightM,
              .description = "Synthetic wind: height of `mean_speed`."})
      .field("shear_exponent", &WindResourceSection::shear_exponent,
             {.kind = ValueKind::kNumber,
              .default_toml = "0.14",
              .min = 0.0,
              .max = 1.0,
              .description = "Power-law shear exponent from the nearest measured height to a hub "
                             "outside them (1/7 for open terrain)."})
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

TableSpec dispatch_table() {
  constexpr double kMaxCarbonPrice = 1000.0;
  return TableDeclaration<DispatchSection>(
             "dispatch", "Rules that run the supply at each step (docs/dispatch.md).",
             &Scenario::dispatch)
      .field("carbon_price", &DispatchSection::carbon_price_usd_per_t,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kCarbonPrice,
              .default_toml = "\"0 $/t\"",
              .min = 0.0,
              .max = kMaxCarbonPrice,
              .description = "Carbon price added to the marginal cost of gas and grid energy in "
                             "the merit order (not a cash cost)."})
      .field("battery_charge_below", &DispatchSection::battery_charge_below_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"20 $/MWh\"",
              .min = -1000.0,
              .max = 10000.0,
              .description = "Batteries charge from the grid when the price is at or below this "
                             "(they always take renewable surplus)."})
      .field("battery_discharge_above", &DispatchSection::battery_discharge_above_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"100 $/MWh\"",
              .min = -1000.0,
              .max = 10000.0,
              .description = "Batteries use their reserve only at or above this price, or when "
                             "load would otherwise go unserved. Above the reserve they discharge "
                             "whenever the price exceeds battery_charge_below."})
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

TableSpec building_table() {
  return TableDeclaration<BuildingSection>("building",
                                           "One data-centre building (repeat for each).",
                                           &Scenario::buildings, "name")
      .required()
      .field("name", &BuildingSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the building."})
      .field("online", &BuildingSection::online,
             {.kind = ValueKind::kDate,
              .description = "Date the building starts carrying load (before the end of the run)."})
      .field("it_capacity", &BuildingSection::it_capacity_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .min_exclusive = true,
              .description = "Provisioned IT power of the building."})
      .field("gpus", &BuildingSection::gpus,
             {.kind = ValueKind::kInteger,
              .min = 0,
              .description = "Number of GPUs installed in the building."})
      .field("gpu_type", &BuildingSection::gpu_type,
             {.kind = ValueKind::kText,
              .default_toml = "\"gb200-nvl72\"",
              .description = "GPU from the catalogue: h100-sxm, h200, b200, gb200-nvl72, "
                             "gb300-nvl72 (docs/compute-power.md)."})
      .build();
}

TableSpec compute_table() {
  constexpr double kMaxMultiplier = 4096.0;
  return TableDeclaration<ComputeSection>(
             "compute",
             "The GPU fleet, its training workload and the scheduler (docs/scheduling.md).",
             &Scenario::compute)
      .field(
          "model", &ComputeSection::model,
          {.kind = ValueKind::kChoice,
           .default_toml = "\"fleet\"",
           .choices = {"fleet", "constant-utilisation"},
           .description = "fleet: GPU pools per building running scheduled training jobs and "
                          "inference; constant-utilisation: IT load = it_utilisation x online IT "
                          "capacity (a quick estimate)."})
      .field("it_utilisation", &ComputeSection::it_utilisation,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"76 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "constant-utilisation: IT power as a share of the online IT capacity "
                             "(76 %: sustained training draw against nameplate, FACTS.md)."})
      .field("policy", &ComputeSection::policy,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"power-aware\"",
              .choices = {"fifo", "easy-backfill", "priority", "power-aware"},
              .description = "Scheduler: FIFO, EASY backfilling, priority with preemption, or "
                             "power-aware (flexible work throttled, then paused, when the supply "
                             "cannot carry it)."})
      .field("forecast", &ComputeSection::forecast,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"perfect\"",
              .choices = {"perfect", "persistence"},
              .description = "Power-aware: renewables in the power budget are this step's "
                             "(perfect) or the last step's (persistence)."})
      .field("activity", &ComputeSection::activity,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"80 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Share of the cap-to-idle power range a busy GPU draws (compute and "
                             "communication phases averaged)."})
      .field("workload", &ComputeSection::workload,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"synthetic\"",
              .choices = {"synthetic", "alibaba", "csv"},
              .description = "Training jobs: synthetic (calibrated to AcmeTrace, with frontier "
                             "jobs), the Alibaba GPU v2023 pod list, or a generic CSV "
                             "(docs/workloads.md)."})
      .field("workload_file", &ComputeSection::workload_file,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "Trace file for workload = \"alibaba\" or \"csv\", relative to the "
                             "scenario file."})
      .field("target_utilisation", &ComputeSection::target_utilisation,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"70 %\"",
              .min = 0.0,
              .max = 2.0,
              .description = "Synthetic: offered GPU-hours over the GPU-hours of the campus."})
      .field("size_multiplier", &ComputeSection::size_multiplier,
             {.kind = ValueKind::kInteger,
              .default_toml = "32",
              .min = 1.0,
              .max = kMaxMultiplier,
              .description = "Synthetic: trace job sizes (median 1, up to 1,024 GPUs) times this "
                             "power of two: a campus of 400,000 GPUs runs larger jobs than a "
                             "4,096-GPU research cluster."})
      .field("duration_multiplier", &ComputeSection::duration_multiplier,
             {.kind = ValueKind::kNumber,
              .default_toml = "384",
              .min = 1.0,
              .max = kMaxMultiplier,
              .description = "Synthetic: trace run times (median 2 min, mean 24 min) times this "
                             "(x384: median 13 h, mean 6 days), so a 400,000-GPU year fills with "
                             "tens of thousands of jobs rather than millions."})
      .field("frontier_jobs", &ComputeSection::frontier_jobs,
             {.kind = ValueKind::kInteger,
              .default_toml = "0",
              .min = 0.0,
              .max = 100.0,
              .description = "Synthetic: frontier training jobs of frontier_min_gpus to "
                             "frontier_max_gpus GPUs, 30-90 days each."})
      .field("frontier_min_gpus", &ComputeSection::frontier_min_gpus,
             {.kind = ValueKind::kInteger,
              .default_toml = "20000",
              .min = 72.0,
              .description = "Smallest frontier job."})
      .field("frontier_max_gpus", &ComputeSection::frontier_max_gpus,
             {.kind = ValueKind::kInteger,
              .default_toml = "100000",
              .min = 72.0,
              .description = "Largest frontier job (at most one building's GPUs: a gang runs in "
                             "one pool)."})
      .field("firm_share", &ComputeSection::firm_share,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"20 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Synthetic: share of ordinary jobs that are firm (never slowed)."})
      .field("defer_above_price", &ComputeSection::defer_above_price_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"10000 $/MWh\"",
              .min = -1000.0,
              .description = "Power-aware: flexible jobs do not start or resume above this price "
                             "while their deadline allows."})
      .build();
}

TableSpec gpu_type_table() {
  constexpr double kMaxOverhead = 5.0;
  constexpr double kMaxTdpW = 5000.0;
  return TableDeclaration<GpuTypeSection>(
             "gpu_type",
             "A GPU type not in the catalogue, or one that replaces a catalogue entry of the same "
             "name (docs/compute-power.md).",
             &Scenario::gpu_types, "name")
      .field("name", &GpuTypeSection::name,
             {.kind = ValueKind::kText, .description = "Name that buildings use in gpu_type."})
      .field("tdp", &GpuTypeSection::tdp_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .max = kMaxTdpW / kWPerKw,
              .min_exclusive = true,
              .description = "Thermal design power (the highest power cap) of one GPU."})
      .field("idle", &GpuTypeSection::idle_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .description = "Power of a powered, idle GPU (FACTS.md: ~15 % of TDP)."})
      .field("dense_bf16", &GpuTypeSection::dense_bf16_pflops,
             {.kind = ValueKind::kNumber,
              .plain_unit = "PFLOP/s",
              .default_toml = "0",
              .min = 0.0,
              .description = "Dense BF16 tensor throughput."})
      .field("dense_fp8", &GpuTypeSection::dense_fp8_pflops,
             {.kind = ValueKind::kNumber,
              .plain_unit = "PFLOP/s",
              .default_toml = "0",
              .min = 0.0,
              .description = "Dense FP8 tensor throughput."})
      .field("gpus_per_rack", &GpuTypeSection::gpus_per_rack,
             {.kind = ValueKind::kInteger,
              .default_toml = "8",
              .min = 1.0,
              .description = "GPUs in one rack or node group."})
      .field("node_overhead", &GpuTypeSection::node_overhead_factor,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.8",
              .min = 1.0,
              .max = kMaxOverhead,
              .description = "Whole-node power / GPU power (FACTS.md: x1.4 NVL72, x1.8 HGX)."})
      .field("network_storage", &GpuTypeSection::network_storage_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"7.5 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Network fabric and storage, as a share of node power (5-10 %)."})
      .field("price", &GpuTypeSection::price_usd,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kMoney,
              .default_toml = "\"0 $\"",
              .min = 0.0,
              .description = "Installed IT hardware per GPU."})
      .build();
}

TableSpec inference_table() {
  constexpr double kHoursPerDayValue = 24.0;
  return TableDeclaration<InferenceSection>("inference",
                                            "One inference service on dedicated GPUs (firm load).",
                                            &Scenario::inference, "name")
      .field("name", &InferenceSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the service."})
      .field("gpus", &InferenceSection::gpus,
             {.kind = ValueKind::kInteger,
              .min = 1.0,
              .description = "GPUs reserved for the service (taken from the buildings' pools)."})
      .field("floor", &InferenceSection::floor_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"30 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Share of its GPUs that always runs."})
      .field("mean_load", &InferenceSection::mean_load_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"60 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Mean demand as a share of its GPUs."})
      .field("diurnal_amplitude", &InferenceSection::diurnal_amplitude,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"25 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Relative swing of demand over the day."})
      .field("peak_hour", &InferenceSection::peak_hour,
             {.kind = ValueKind::kNumber,
              .plain_unit = "h",
              .default_toml = "14",
              .min = 0.0,
              .max = kHoursPerDayValue,
              .description = "Local hour of the daily peak."})
      .field("growth", &InferenceSection::annual_growth,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"0 %\"",
              .min = -1.0,
              .max = 10.0,
              .description = "Relative demand growth per year."})
      .field(
          "demand_file", &InferenceSection::demand_file,
          {.kind = ValueKind::kText,
           .default_toml = "\"\"",
           .description = "Azure LLM inference trace (TIMESTAMP, ContextTokens, "
                          "GeneratedTokens), relative to the scenario file: its per-minute load, "
                          "as a share of its peak, repeats in place of the daily shape."})
      .field("tokens_per_s_per_gpu", &InferenceSection::tokens_per_s_per_gpu,
             {.kind = ValueKind::kNumber,
              .plain_unit = "tokens/s",
              .default_toml = "2500",
              .min = 1.0,
              .description = "Tokens one GPU serves per second (with demand_file)."})
      .build();
}

TableSpec facility_table() {
  return TableDeclaration<FacilitySection>(
             "facility", "Cooling and power-distribution overheads of the buildings.",
             &Scenario::facility)
      .field("cooling", &FacilitySection::cooling,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"liquid-dry-cooler\"",
              .choices = {"liquid-dry-cooler", "constant-pue"},
              .description = "liquid-dry-cooler: direct-to-chip warm-water cooling with dry "
                             "coolers and chiller trim, PUE from the ambient temperature of the "
                             "weather (docs/compute-power.md; Abilene ~1.16 a year); "
                             "constant-pue: facility.pue at every step."})
      .field("pue", &FacilitySection::pue,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.18",
              .min = 1.0,
              .max = kMaxPue,
              .description = "Power usage effectiveness (facility power / IT power) with cooling "
                             "= \"constant-pue\" (liquid-cooled West Texas campuses: 1.15-1.20)."})
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
      .build();
}

TableSpec market_table() {
  constexpr double kMaxNegativeShare = 0.5;
  constexpr double kMaxScarcityHours = 400.0;
  return TableDeclaration<MarketSection>(
             "grid.market", "Time-varying grid prices and carbon intensity.", &Scenario::market)
      .field("prices", &MarketSection::prices,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"flat\"",
              .choices = {"flat", "synthetic", "file", "ercot"},
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
      .field("clock", &MarketSection::clock,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"standard\"",
              .choices = {"standard", "us-prevailing"},
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
      .field("carbon_unit", &MarketSection::carbon_unit,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"lb/kWh\"",
              .choices = {"lb/kWh", "kg/MWh", "g/kWh", "t/MWh"},
              .description = "Unit of the carbon file's values (AVERT: lb/kWh)."})
      .build();
}

}  // namespace

const Schema& scenario_schema() {
  static const Schema kSchema({run_table(), site_table(), weather_table(), wind_resource_table(),
                               building_table(), solar_table(), wind_table(), battery_table(),
                               gas_table(), compute_table(), gpu_type_table(), inference_table(),
                               facility_table(), grid_table(), market_table(), dispatch_table()});
  return kSchema;
}

}  // namespace stargate
