// Small text helpers shared by the input layers: trimming, ASCII case, excerpts for messages,
// edit distance and "did you mean" suggestions.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace stargate {

/// `text` without leading and trailing spaces and tabs.
[[nodiscard]] std::string_view trim(std::string_view text);

/// ASCII lower case of a character (other bytes unchanged) and of a text.
[[nodiscard]] char ascii_lower(char c);
[[nodiscard]] std::string ascii_lower(std::string_view text);

/// Equal ignoring ASCII case.
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);

/// At most `limit` bytes of `text` for a message, not cutting a UTF-8 sequence.
[[nodiscard]] std::string_view excerpt(std::string_view text, std::size_t limit = 60);

/// Edit distance (insertions, deletions, substitutions and swaps of adjacent letters) between
/// two strings, compared case-insensitively (ASCII).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a plausible typo (distance at
/// most max(2, size/3)); empty when none is.
[[nodiscard]] std::string closest_match(std::string_view word,
                                        std::span<const std::string_view> candidates);

/// "; did you mean 'X'?" for the closest candidate, or "; expected one of: a, b, c" otherwise.
[[nodiscard]] std::string suggestion_suffix(std::string_view word,
                                            std::span<const std::string_view> candidates);

}  // namespace stargate
