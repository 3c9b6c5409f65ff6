#include "stargate/lp/mps_writer.hpp"

#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "stargate/core/errors.hpp"

namespace stargate::lp {
namespace {

// Shortest text that reads back as the same double.
std::string number(double value) {
  return fmt::format("{}", value);
}

char row_type(double lower, double upper) {
  if (lower == upper) {
    return 'E';
  }
  if (lower == -kInfinity) {
    return 'L';
  }
  return 'G';  // lower finite; a finite upper too makes it ranged
}

}  // namespace

void write_mps(const Model& model, std::ostream& out, std::string_view problem_name) {
  out << "NAME " << problem_name << "\nROWS\n N OBJ\n";
  for (int i = 0; i < model.row_count(); ++i) {
    out << ' ' << row_type(model.row_lower(i), model.row_upper(i)) << ' ' << model.row_name(i)
        << '\n';
  }
  out << "COLUMNS\n";
  const Model::ColumnMajor matrix = model.column_major();
  for (int j = 0; j < model.column_count(); ++j) {
    const std::string& name = model.column_name(j);
    const bool empty = matrix.start[j] == matrix.start[j + 1];
    if (model.cost(j) != 0.0 || empty) {
      out << ' ' << name << " OBJ " << number(model.cost(j)) << '\n';
    }
    for (int k = matrix.start[j]; k < matrix.start[j + 1]; ++k) {
      out << ' ' << name << ' ' << model.row_name(matrix.row_index[k]) << ' '
          << number(matrix.value[k]) << '\n';
    }
  }
  out << "RHS\n";
  for (int i = 0; i < model.row_count(); ++i) {
    const double lower = model.row_lower(i);
    const double rhs = lower == -kInfinity ? model.row_upper(i) : lower;
    if (rhs != 0.0) {
      out << " RHS " << model.row_name(i) << ' ' << number(rhs) << '\n';
    }
  }
  out << "RANGES\n";
  for (int i = 0; i < model.row_count(); ++i) {
    const double lower = model.row_lower(i);
    const double upper = model.row_upper(i);
    if (lower != upper && lower != -kInfinity && upper != kInfinity) {
      out << " RNG " << model.row_name(i) << ' ' << number(upper - lower) << '\n';
    }
  }
  out << "BOUNDS\n";
  for (int j = 0; j < model.column_count(); ++j) {
    const std::string& name = model.column_name(j);
    const double lower = model.column_lower(j);
    const double upper = model.column_upper(j);
    if (lower == upper) {
      out << " FX BND " << name << ' ' << number(lower) << '\n';
      continue;
    }
    if (lower == -kInfinity && upper == kInfinity) {
      out << " FR BND " << name << '\n';
      continue;
    }
    if (lower == -kInfinity) {
      out << " MI BND " << name << '\n';
    } else if (lower != 0.0) {
      out << " LO BND " << name << ' ' << number(lower) << '\n';
    }
    if (upper != kInfinity) {
      out << " UP BND " << name << ' ' << number(upper) << '\n';
    }
  }
  out << "ENDATA\n";
}

void write_mps(const Model& model, const std::filesystem::path& path,
               std::string_view problem_name) {
  std::ofstream out(path);
  if (out) {
    write_mps(model, out, problem_name);
    out.flush();
  }
  if (!out) {
    throw InputError(Diagnostic{SourceLocation{path.string()}, "--write-mps",
                                "cannot write the MPS file (does its folder exist?)"});
  }
}

}  // namespace stargate::lp
