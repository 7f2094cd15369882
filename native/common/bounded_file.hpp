// native/common/bounded_file.hpp — the one way native code reads a small
// file it did not write this run (pins.json, capabilities.json): opened
// once, never read past `limit` + 1 bytes, and "missing" kept apart from
// "there but unusable", because a missing store may be created afresh while
// an unusable one must be left for a person to look at (SECURITY.md, key
// pinning).
#pragma once
#include <cstddef>
#include <string>

namespace civic::native {

struct BoundedFile {
  enum class State {
    missing,      // no such file: the caller may start from nothing
    read,         // `bytes` is the whole file, at most `limit` bytes
    too_large,    // over `limit`: `bytes` holds the first limit + 1 bytes
    unreadable,   // there, but cannot be opened or read: `detail` says why
  };
  State state = State::missing;
  std::string bytes;
  std::string detail;
};

BoundedFile read_bounded(const std::string& path, std::size_t limit);

}  // namespace civic::native
