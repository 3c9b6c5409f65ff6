// The batteries and gas plants online in one step, used as pools: limits summed over the pool,
// a power request shared in proportion to what each member can take or give. Shared by the rule
// dispatch (rule_dispatch.hpp) and the execution of a planned dispatch (planned_step.hpp).
#pragma once

#include <span>

#include "stargate/dispatch/rule_dispatch.hpp"

namespace stargate {

/// Sum of what every battery would accept in the next step (AC kW).
[[nodiscard]] double total_max_charge_kw(std::span<Battery*> batteries, double step_h);

/// What a battery may deliver this step: all of its energy above soc_min, or only the energy
/// above the reserve (reserve_fraction > 0).
[[nodiscard]] double discharge_cap_kw(const Battery& battery, double reserve_fraction,
                                      double step_h);

[[nodiscard]] double total_max_discharge_kw(std::span<Battery*> batteries, double reserve_fraction,
                                            double step_h);

/// Charges every battery with its share of `power_kw` (shares proportional to what each can
/// take); steps every battery once; returns the AC power accepted.
double charge_all(std::span<Battery*> batteries, double power_kw, double step_h);

/// Discharges up to `power_kw` above the reserve, shared like charge_all; steps every battery
/// once; returns the AC power delivered.
double discharge_all(std::span<Battery*> batteries, double power_kw, double reserve_fraction,
                     double step_h);

/// Adds one gas plant's step to the flows (output, fuel, CO2, fuel + VOM + start cost, starts).
void add_gas(DispatchFlows& flows, const GasStep& gas);

}  // namespace stargate
