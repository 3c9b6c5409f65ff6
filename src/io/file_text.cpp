#include "stargate/io/file_text.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

SourceLocation location_of_offset(const std::string& file, std::string_view text,
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

FileText::FileText(FileText&& other) noexcept
    : data_(other.data_),
      size_(other.size_),
      mapping_(other.mapping_),
      owned_(std::move(other.owned_)) {
  if (mapping_ == nullptr) {
    data_ = owned_.data();
  }
  other.mapping_ = nullptr;
  other.data_ = nullptr;
  other.size_ = 0;
}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    FileText moved(std::move(other));
    std::swap(data_, moved.data_);
    std::swap(size_, moved.size_);
    std::swap(mapping_, moved.mapping_);
    std::swap(owned_, moved.owned_);
    if (mapping_ == nullptr) {
      data_ = owned_.data();
    }
  }
  return *this;
}

FileText::~FileText() {
  if (mapping_ != nullptr) {
    munmap(mapping_, size_);
  }
}

FileText read_text_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    fail(SourceLocation{name}, "is a directory, expected a file");
  }
  FileText text;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fail(SourceLocation{name}, fmt::format("cannot open the file: {}", std::strerror(errno)));
  }
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    const auto size = static_cast<std::size_t>(status.st_size);
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapping != MAP_FAILED) {
      text.mapping_ = mapping;
      text.data_ = static_cast<const char*>(mapping);
      text.size_ = size;
    }
  }
  ::close(fd);
  if (text.mapping_ == nullptr) {  // not a regular file (a pipe), or not mappable
    std::ifstream stream(path, std::ios::binary);
    text.owned_.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    if (stream.bad()) {
      fail(SourceLocation{name}, "cannot read the file");
    }
    text.data_ = text.owned_.data();
    text.size_ = text.owned_.size();
  }
  const std::string_view view = text.view();
  if (view.empty()) {
    fail(SourceLocation{name, 1, 1}, "the file is empty");
  }
  const auto nul = view.find('\0');
  if (nul != std::string_view::npos) {
    fail(location_of_offset(name, view, nul), "the file is binary (a NUL byte), expected text");
  }
  return text;
}

}  // namespace stargate
