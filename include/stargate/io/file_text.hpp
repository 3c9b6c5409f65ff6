// Reading input files as text, with the checks every reader shares.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace stargate {

/// The text of a file: mapped read-only into memory (one system call brings in every page), or
/// read into a string when the file cannot be mapped (a pipe). Move-only.
class FileText {
 public:
  FileText() = default;
  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText();

  [[nodiscard]] std::string_view view() const { return {data_, size_}; }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)

 private:
  friend FileText read_text_file(const std::filesystem::path& path);
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  void* mapping_ = nullptr;  ///< the mmap'ed region, when mapped
  std::string owned_;        ///< the text, when read
};

/// Reads a whole file. Throws InputError (located at the file, or at the offending byte) when it
/// is missing, a directory, unreadable, empty, or not text (contains a NUL byte).
[[nodiscard]] FileText read_text_file(const std::filesystem::path& path);

}  // namespace stargate
