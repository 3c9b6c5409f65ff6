#include "stargate/io/file_text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

SourceLocation location_of_offset(const std::string& file, const std::string& text,
                                  std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return SourceLocation{file, line, column};
}

[[noreturn]] void fail(SourceLocation where, std::string message) {
  Diagnostic diagnostic;
  diagnostic.where = std::move(where);
  diagnostic.message = std::move(message);
  throw InputError(std::move(diagnostic));
}

}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    fail(SourceLocation{name}, "is a directory, expected a file");
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    fail(SourceLocation{name}, fmt::format("cannot open the file: {}", std::strerror(errno)));
  }
  std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  if (stream.bad()) {
    fail(SourceLocation{name}, "cannot read the file");
  }
  if (text.empty()) {
    fail(SourceLocation{name, 1, 1}, "the file is empty");
  }
  const auto nul = text.find('\0');
  if (nul != std::string::npos) {
    fail(location_of_offset(name, text, nul), "the file is binary (a NUL byte), expected text");
  }
  return text;
}

}  // namespace stargate
