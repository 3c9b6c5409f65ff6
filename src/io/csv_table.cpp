#include "io/csv_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <system_error>

#include "stargate/core/errors.hpp"
#include "stargate/core/text.hpp"

namespace stargate {
CsvLines::CsvLines(std::string_view text) : text_(text) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text_.starts_with(kByteOrderMark)) {
    position_ = kByteOrderMark.size();
  }
}

bool CsvLines::next() {
  if (position_ >= text_.size()) {
    return false;
  }
  const std::size_t end = text_.find('\n', position_);
  const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
  line_ = text_.substr(position_, stop - position_);
  if (!line_.empty() && line_.back() == '\r') {
    line_.remove_suffix(1);
  }
  position_ = end == std::string_view::npos ? text_.size() : end + 1;
  ++number_;
  return true;
}

std::size_t CsvLines::lines_left() const {
  if (position_ >= text_.size()) {
    return 0;
  }
  const auto rest = text_.substr(position_);
  const auto breaks = static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n'));
  return rest.back() == '\n' ? breaks : breaks + 1;
}

void split_csv_line(std::string_view line, std::vector<CsvCell>& cells) {
  cells.clear();
  std::size_t start = 0;
  while (true) {
    std::size_t begin = start;
    while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t')) {
      ++begin;
    }
    if (begin < line.size() && line[begin] == '"') {
      // Quoted cell: runs to the closing quote that is not doubled.
      std::size_t close = begin + 1;
      while (close < line.size()) {
        if (line[close] == '"') {
          if (close + 1 < line.size() && line[close + 1] == '"') {
            close += 2;
            continue;
          }
          break;
        }
        ++close;
      }
      const auto quoted = line.substr(begin + 1, std::min(close, line.size()) - begin - 1);
      cells.push_back(CsvCell{quoted, begin});
      const std::size_t comma = close < line.size() ? line.find(',', close) : std::string::npos;
      if (comma == std::string_view::npos) {
        return;
      }
      start = comma + 1;
      continue;
    }
    const std::size_t comma = line.find(',', start);
    const std::size_t stop = comma == std::string_view::npos ? line.size() : comma;
    cells.push_back(CsvCell{trim(line.substr(start, stop - start)), begin});
    if (comma == std::string_view::npos) {
      return;
    }
    start = comma + 1;
  }
}

int csv_column(std::string_view line, std::size_t offset) {
  int column = 1;
  const std::size_t stop = std::min(offset, line.size());
  for (std::size_t i = 0; i < stop; ++i) {
    // Count the first byte of every UTF-8 sequence (not the 10xxxxxx continuation bytes).
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U) {
      ++column;
    }
  }
  return column + static_cast<int>(offset - stop);
}

bool parse_csv_number(std::string_view text, double& value) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
      return false;
    }
  }
  if (text.empty()) {
    return false;
  }
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  return result.ec == std::errc() && result.ptr == end;
}

bool is_blank_line(std::string_view line) {
  return trim(line).empty();
}

std::string column_key(std::string_view name) {
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
    name.remove_suffix(1);
  }
  if (name.ends_with(')')) {
    const auto open = name.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      name = name.substr(0, open);
    }
  }
  std::string key;
  for (const char c : name) {
    if (c != ' ' && c != '\t' && c != '_') {
      key.push_back(ascii_lower(c));
    }
  }
  return key;
}

CsvRowReader::CsvRowReader(std::string_view text, std::string name)
    : lines_(text), name_(std::move(name)) {}

void CsvRowReader::fail(int line, int column, std::string_view field, std::string message) const {
  Diagnostic diagnostic;
  diagnostic.where = SourceLocation{name_, line, column};
  diagnostic.field = std::string(field);
  diagnostic.message = std::move(message);
  throw InputError(std::move(diagnostic));
}

void CsvRowReader::fail_cell(std::size_t index, std::string_view field, std::string message) const {
  const std::size_t offset = index < cells_.size() ? cells_[index].offset : line_text_.size();
  fail(line_number_, csv_column(line_text_, offset), field, std::move(message));
}

bool CsvRowReader::next_row() {
  while (lines_.next()) {
    if (!is_blank_line(lines_.line())) {
      take(lines_.line(), lines_.number());
      return true;
    }
  }
  return false;
}

void CsvRowReader::take(std::string_view line, int number) {
  line_text_ = line;
  line_number_ = number;
  split_csv_line(line_text_, cells_);
}

void CsvRowReader::read_header() {
  if (!lines_.next()) {
    fail(1, 1, "", "the file is empty; expected a header line naming the columns");
  }
  header_text_ = lines_.line();
  header_line_ = lines_.number();
  split_csv_line(header_text_, header_);
}

std::optional<std::size_t> CsvRowReader::find_column(std::string_view name) const {
  const std::string key = column_key(name);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (!header_[i].text.empty() && column_key(header_[i].text) == key) {
      return i;
    }
  }
  return std::nullopt;
}

std::string CsvRowReader::found_columns() const {
  std::string text;
  for (const CsvCell& cell : header_) {
    if (!cell.text.empty()) {
      text += text.empty() ? "" : ", ";
      text += cell.text;
    }
  }
  return text.empty() ? "none" : text;
}

std::size_t CsvRowReader::require_column(std::string_view name, std::string_view format) const {
  if (const auto at = find_column(name)) {
    return *at;
  }
  std::vector<std::string_view> names;
  for (const CsvCell& cell : header_) {
    if (!cell.text.empty()) {
      names.push_back(cell.text);
    }
  }
  const std::string close = closest_match(name, names);
  fail(header_line_, 1, name,
       fmt::format("no column '{}' in the header{}; columns found: {}{}", name,
                   format.empty() ? "" : fmt::format(" ({})", format), found_columns(),
                   close.empty() ? "" : fmt::format("; did you mean '{}'?", close)));
}

}  // namespace stargate
