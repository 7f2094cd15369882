// native/common/bounded_file.cpp — see bounded_file.hpp.
#include "native/common/bounded_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace civic::native {

BoundedFile read_bounded(const std::string& path, std::size_t limit) {
  BoundedFile out;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    if (errno == ENOENT) return out;
    out.state = BoundedFile::State::unreadable;
    out.detail = std::strerror(errno);
    return out;
  }
  // One byte past the limit tells "exactly at the limit" from "over it".
  out.bytes.resize(limit + 1);
  std::size_t got = std::fread(out.bytes.data(), 1, out.bytes.size(), f);
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  out.bytes.resize(got);
  if (failed) {
    out.state = BoundedFile::State::unreadable;
    out.detail = std::strerror(err);
    out.bytes.clear();
  } else {
    out.state = got > limit ? BoundedFile::State::too_large : BoundedFile::State::read;
  }
  return out;
}

}  // namespace civic::native
