// native/common/effects.cpp — dispatch of each Effect kind to its executor.
#include "native/common/effects.hpp"

#include <variant>

namespace civic::native {

void run_effects(Platform& p, std::vector<app::Effect> effects) {
  for (auto& fx : effects) {
    if (auto* req = std::get_if<app::HttpRequest>(&fx)) {
      if (p.http) p.http->submit(std::move(*req));
    }
  }
}

}  // namespace civic::native
