// Splitting CSV text into lines and cells without copying, with the line and column of every cell
// for diagnostics. Cells are views into the text: reading a row allocates nothing once the cell
// vector has grown to the row's width.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stargate {

/// One cell of a CSV line: its text (surrounding spaces and tabs and the outer double quotes
/// removed) and the byte offset in the line where the cell starts.
struct CsvCell {
  std::string_view text;
  std::size_t offset = 0;
};

/// Walks a text line by line. Accepts "\n" and "\r\n" line ends and skips a UTF-8 byte-order
/// mark at the start.
class CsvLines {
 public:
  explicit CsvLines(std::string_view text);

  /// Moves to the next line; false at the end of the text.
  bool next();
  /// The current line, without its line end.
  [[nodiscard]] std::string_view line() const { return line_; }
  /// 1-based number of the current line (0 before the first call to next()).
  [[nodiscard]] int number() const { return number_; }
  /// How many lines follow the current one (an upper bound on the rows left to read).
  [[nodiscard]] std::size_t lines_left() const;

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::string_view line_;
  int number_ = 0;
};

/// The state every CSV reader keeps (the lines, the file name for diagnostics, the current row
/// split into cells) and its located failures. Readers derive from it.
class CsvRowReader {
 public:
  CsvRowReader(std::string_view text, std::string name);

  /// Throws InputError at FILE:LINE:COLUMN naming `field`.
  [[noreturn]] void fail(int line, int column, std::string_view field, std::string message) const;
  /// The same at cell `index` of the current row (at its end when the row is too short).
  [[noreturn]] void fail_cell(std::size_t index, std::string_view field, std::string message) const;
  /// Makes the next non-blank line the current row; false at the end of the text.
  bool next_row();
  /// Makes `line` (numbered `number`) the current row.
  void take(std::string_view line, int number);

  /// Reads the first line as the header; InputError when the text is empty.
  void read_header();
  /// The header cell whose column_key() equals `name`'s; std::nullopt when there is none.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;
  /// The same, or an InputError at the header naming `name`, the columns found and the closest
  /// one; `format` (e.g. "Alibaba GPU pod list") is named in parentheses when given.
  [[nodiscard]] std::size_t require_column(std::string_view name,
                                           std::string_view format = {}) const;
  /// The header's names, "a, b, c" ("none" when it has none).
  [[nodiscard]] std::string found_columns() const;

 protected:
  CsvLines lines_;
  std::string name_;
  std::string_view line_text_;
  int line_number_ = 0;
  std::vector<CsvCell> cells_;
  std::string_view header_text_;
  int header_line_ = 1;
  std::vector<CsvCell> header_;
};

/// Splits a line at commas into `cells` (cleared first; its capacity is reused). A cell in double
/// quotes may contain commas; a doubled quote inside it stays doubled in the view.
void split_csv_line(std::string_view line, std::vector<CsvCell>& cells);

/// 1-based character column (UTF-8 aware) of a byte offset in a line.
[[nodiscard]] int csv_column(std::string_view line, std::size_t offset);

/// Parses a whole cell as a number (a leading '+' is allowed, nothing may follow); false when the
/// text is not a number. "nan" and "inf" parse: the caller decides what they mean.
[[nodiscard]] bool parse_csv_number(std::string_view text, double& value);

/// True when the line holds nothing but spaces and tabs.
[[nodiscard]] bool is_blank_line(std::string_view line);

/// A column name reduced for matching: lower case, without spaces, tabs, '_' and a trailing
/// "(unit)": "Settlement Point Price", "settlement_point_price (USD/MWh)" ->
/// "settlementpointprice".
[[nodiscard]] std::string column_key(std::string_view name);

}  // namespace stargate
