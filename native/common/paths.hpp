// native/common/paths.hpp — where the native programs find their files.
#pragma once
#include <string>

namespace civic::native {

// Directory of the running executable (from /proc/self/exe), without a
// trailing slash; "." when it cannot be read.
std::string exe_dir();

}  // namespace civic::native
