// Module types and the array layout PVWatts v8 assumes for its self-shading model.
//
// Module types (PVWatts v5 manual, Table 3, with PVWatts v8's efficiencies): temperature
// coefficient of power -0.37, -0.35, -0.32 %/C and STC efficiency 19, 21, 18 % for standard,
// premium and thin film; every type has an anti-reflective coated glass cover.
//
// Layout (PVWatts v8): modules of 300 W STC with a 1.7 length/width aspect ratio (standard: area
// 300 / 0.19 / 1000 = 1.579 m2, 0.964 m x 1.638 m), N = ceil(P_dc / 300 W) modules in portrait,
// one module high on single-axis trackers and two otherwise, in a square field of
// ceil(sqrt(N / high)) rows (one row on a roof) of ceil(N / (rows x high)) modules each, strings
// of 7 modules along the rows. When a row holds more than one string (horizontal strings),
// row-end shadow effects are ignored; else the shadow's offset along the row counts (see
// stargate/weather/self_shading.hpp).
//
// Worked number: 100,000 kWdc standard, fixed -> 333,334 modules, 409 rows of 408 modules (58
// strings: no end effect); 4 kWdc fixed -> 14 modules, 3 rows of 3 modules (end effect with row
// length / height = 3 x 0.964 / (2 x 1.638) = 0.882).
//
// Sources: A.P. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641, 2014; NREL, "PVWatts
// Version 8 technical reference" notes on self-shading (SAM help, PVWatts v8, 2022).
#pragma once

#include "stargate/core/solar_types.hpp"

namespace stargate::pv {

struct ModuleSpec {
  double temperature_coefficient_per_c;  ///< of power, 1/C (negative)
  double stc_efficiency;                 ///< 0..1
  bool anti_reflective;                  ///< coated cover glass
};

[[nodiscard]] ModuleSpec module_spec(ModuleType type);

/// The array geometry PVWatts assumes.
struct ArrayLayout {
  double modules = 1.0;               ///< modules in the array
  double rows = 1.0;                  ///< rows of the square field
  double modules_high = 2.0;          ///< modules up a row (portrait)
  double modules_along_row = 1.0;     ///< modules along a row
  double row_length_to_height = 1.0;  ///< row length / row slant height
  bool end_effect = false;            ///< shadow offset along the row counts (one string a row)
};

/// `dc_capacity_kw` > 0.
[[nodiscard]] ArrayLayout estimate_layout(double dc_capacity_kw, ArrayType array,
                                          const ModuleSpec& module);

/// True when PVWatts applies row-to-row self-shading to this array type (open-rack fixed and
/// single-axis trackers).
[[nodiscard]] bool has_self_shading(ArrayType array);

}  // namespace stargate::pv
