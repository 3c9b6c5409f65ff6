// Orientation of a PV surface (fixed, single-axis tracker with optional backtracking, two-axis
// tracker) and the angle of incidence of the beam on it.
//
// Frame: x east, y north, z up; azimuths eastward from north. Sun vector s = (sin Z sin A,
// sin Z cos A, cos Z) for zenith Z and azimuth A; surface normal n(tilt b, azimuth g) =
// (sin b sin g, sin b cos g, cos b); cos(aoi) = s . n.
//
// Single-axis tracker (Marion & Dobos 2013, eq. 7): an axis of tilt b_a toward azimuth g_a has,
// at rotation 0, the normal n0 = n(b_a, g_a); rotating by R about the axis (positive toward
// x' = (cos g_a, -sin g_a, 0), i.e. toward the west for a north-south axis) gives
// n(R) = cos R n0 + sin R x'. The rotation that puts the sun in the plane of n(R) and the axis
// ("true tracking") is R_t = atan2(s . x', s . n0); it is limited to +/- the rotation limit.
// The surface tilt is acos(cos b_a cos R) and its azimuth atan2(n_x, n_y).
//
// Backtracking (Lorenzo et al. 2011; closed form of Anderson & Mikofski 2020, eq. 14 with a
// level cross-axis slope): rows of width w at pitch w/gcr stop shading each other when the
// rotation is R = R_t - sign(R_t) acos(|cos R_t| / gcr) whenever |cos R_t| < gcr; otherwise
// R = R_t. Then limited to +/- the rotation limit.
//
// Two-axis tracker: the normal follows the sun (aoi 0, tilt = zenith, azimuth = sun azimuth).
//
// Worked number: sun at zenith 60 deg, azimuth 240 deg; horizontal north-south axis (b_a 0,
// g_a 180): s = (-0.75, -0.433, 0.5), x' = (-1, 0, 0), n0 = (0, 0, 1) -> R_t = atan2(0.75, 0.5)
// = 56.31 deg; limited to 45 deg: tilt 45, azimuth 270, cos(aoi) = 0.7071 * 0.75 + 0.7071 * 0.5
// = 0.8839 (aoi 27.89 deg). Backtracking at gcr 0.35: |cos 56.31| = 0.5547 > 0.35, no shading,
// R stays 56.31 (then 45 after the limit).
//
// Sources: W.F. Marion, A.P. Dobos, "Rotation Angle for the Optimum Tracking of One-Axis
// Trackers", NREL/TP-6A20-58891, 2013; E. Lorenzo, L. Narvarte, J. Munoz, "Tracking and
// back-tracking", Prog. Photovolt. 19(6), 2011; K.S. Anderson, M. Mikofski, "Slope-Aware
// Backtracking for Single-Axis Trackers", NREL/TP-5K00-76626, 2020.
#pragma once

namespace stargate {

enum class TrackingMode {
  kFixed,       ///< fixed tilt and azimuth
  kSingleAxis,  ///< rotation about one axis (optionally backtracking)
  kTwoAxis,     ///< normal always toward the sun
};

/// How a surface is mounted. Angles in degrees.
struct MountGeometry {
  TrackingMode mode = TrackingMode::kFixed;
  double tilt_deg = 20.0;            ///< fixed tilt, or tracker axis tilt, 0..90
  double azimuth_deg = 180.0;        ///< fixed azimuth, or azimuth the axis tilts toward, 0..360
  double rotation_limit_deg = 45.0;  ///< single-axis rotation limit, 0..90
  bool backtracking = false;         ///< single-axis: rotate back to avoid row-to-row shading
  double gcr = 0.4;                  ///< ground coverage ratio for backtracking, (0, 1)
};

/// The surface at one instant.
struct SurfaceOrientation {
  double tilt_deg = 0.0;            ///< from horizontal, 0..180
  double azimuth_deg = 180.0;       ///< eastward from north, 0..360
  double rotation_deg = 0.0;        ///< single-axis rotation applied (0 otherwise)
  double ideal_rotation_deg = 0.0;  ///< single-axis true-tracking rotation, unlimited
  double cos_aoi = 1.0;             ///< cosine of the angle of incidence
  double aoi_deg = 0.0;             ///< angle of incidence, 0..180
};

/// Throws std::invalid_argument for angles or a ground coverage ratio out of range.
void validate_mount(const MountGeometry& mount);

/// cos(aoi) of the beam on a plane of tilt/azimuth for a sun at zenith/azimuth (degrees).
[[nodiscard]] double cos_angle_of_incidence(double surface_tilt_deg, double surface_azimuth_deg,
                                            double sun_zenith_deg, double sun_azimuth_deg);

/// True-tracking rotation R_t of a single-axis tracker, degrees in (-180, 180].
[[nodiscard]] double single_axis_ideal_rotation_deg(double sun_zenith_deg, double sun_azimuth_deg,
                                                    double axis_tilt_deg, double axis_azimuth_deg);

/// Backtracking rotation for a true-tracking rotation and a ground coverage ratio (level ground).
[[nodiscard]] double backtracking_rotation_deg(double ideal_rotation_deg, double gcr);

/// The surface orientation of a mount for a sun position (degrees).
[[nodiscard]] SurfaceOrientation orient_surface(const MountGeometry& mount, double sun_zenith_deg,
                                                double sun_azimuth_deg);

/// A mount with its fixed vectors computed once, for orienting it at many sun positions (same
/// results as orient_surface). Does not validate the mount (see validate_mount).
class SurfaceOrienter {
 public:
  explicit SurfaceOrienter(const MountGeometry& mount);
  [[nodiscard]] SurfaceOrientation orient(double sun_zenith_deg, double sun_azimuth_deg) const;

 private:
  MountGeometry mount_;
  double normal0_[3];  // fixed normal, or tracker normal at rotation 0
  double across_[3];   // tracker: direction the normal tilts to for positive rotations
};

}  // namespace stargate
