// Vocabulary of PV arrays shared by the scenario (core), the schema (io) and the PV model
// (energy). The schema's choice lists name these enumerators in declaration order.
#pragma once

namespace stargate {

enum class ArrayType {
  kFixedOpenRack,        ///< fixed tilt, open rack ("fixed")
  kFixedRoof,            ///< fixed tilt, roof mount (hotter: NOCT 49 C) ("fixed-roof")
  kOneAxis,              ///< single-axis tracker, no backtracking ("1axis")
  kOneAxisBacktracking,  ///< single-axis tracker with backtracking ("1axis-backtrack")
  kTwoAxis,              ///< two-axis tracker ("2axis")
};

enum class ModuleType { kStandard, kPremium, kThinFilm };  ///< "standard", "premium", "thin-film"

enum class SkyModel { kPerez, kHayDavies, kIsotropic };  ///< "perez", "hay-davies", "isotropic"

}  // namespace stargate
