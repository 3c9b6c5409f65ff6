// Placeholder facility model: a constant power usage effectiveness.
//
//   P_facility = PUE * P_IT,   overhead (cooling, power conversion, lighting) = (PUE - 1) * P_IT
//
// Worked number: 100 MW of IT at PUE 1.18 draws 118 MW at the meter, 18 MW of it overhead.
// Source: The Green Grid, "PUE: A Comprehensive Examination of the Metric" (WP #49, 2012).
// To be replaced by the weather-driven cooling model (compute-fleet issue).
#pragma once

namespace stargate {

class ConstantPue {
 public:
  /// Requires pue >= 1 (checked by the scenario schema).
  explicit ConstantPue(double pue);

  [[nodiscard]] double facility_kw(double it_kw) const { return pue_ * it_kw; }
  [[nodiscard]] double pue() const { return pue_; }

 private:
  double pue_;
};

}  // namespace stargate
