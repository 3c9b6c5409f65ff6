// Reading input files as text, with the checks every reader shares.
#pragma once

#include <filesystem>
#include <string>

namespace stargate {

/// Reads a whole file. Throws InputError (located at the file, or at the offending byte) when it
/// is missing, a directory, unreadable, empty, or not text (contains a NUL byte).
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

}  // namespace stargate
