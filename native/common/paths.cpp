// native/common/paths.cpp — executable location on Linux.
#include "native/common/paths.hpp"

#include <unistd.h>

#include <climits>

namespace civic::native {

std::string exe_dir() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  std::string path(buf, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace civic::native
