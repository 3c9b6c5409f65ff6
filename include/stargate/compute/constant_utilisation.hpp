// Placeholder compute load: IT power is a constant share of the online IT capacity.
//
//   P_IT(t) = u * C_online(t)
//
// Worked number: 1.2 GW online at u = 0.76 draws 912 MW of IT power. 0.76 is the measured
// sustained draw of an 8xH100 training node against its nameplate (8.4 of 10.2 kW; FACTS.md).
// To be replaced by the GPU fleet and scheduler model (compute-fleet issue).
#pragma once

namespace stargate {

class ConstantUtilisation {
 public:
  /// Requires 0 <= utilisation <= 1 (checked by the scenario schema).
  explicit ConstantUtilisation(double utilisation);

  [[nodiscard]] double it_load_kw(double online_it_capacity_kw) const {
    return utilisation_ * online_it_capacity_kw;
  }

 private:
  double utilisation_;
};

}  // namespace stargate
