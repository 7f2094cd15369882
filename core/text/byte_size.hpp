// core/text/byte_size.hpp — file sizes as a resident reads them ("740" KB,
// "12.3" MB). One place for the arithmetic, so the phone's tile, the kiosk,
// the CLI and a refusal message never disagree about the same file. The
// unit words stay in the message catalog; these give only the number.
// Units are binary (1 KB = 1,024 bytes, 1 MB = 1,048,576), as the caps are.
#pragma once
#include <cstdint>
#include <string>

namespace civic::text {

// Whole kilobytes, to the nearest.
inline std::string kilobytes(std::uint64_t bytes) { return std::to_string((bytes + 512) / 1024); }

// How a tenth of a megabyte is rounded: to the nearest for a size shown on a
// tile; up where the number is compared with a cap, so that a file just over
// 20 MB never reads as "20.0" beside "at most 20 MB".
enum class Round { nearest, up };

// Megabytes with one decimal: "0.1", "12.3", "20.1".
inline std::string megabytes(std::uint64_t bytes, Round r) {
  const std::uint64_t add = r == Round::up ? (std::uint64_t{1} << 20) - 1 : std::uint64_t{1} << 19;
  const std::uint64_t tenths = (bytes * 10 + add) >> 20;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace civic::text
