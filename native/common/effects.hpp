// native/common/effects.hpp — carries out core's Effects on a native machine.
// The one entry point both native programs share; web/ has its own twin.
//  [x] HttpRequest → HttpExecutor (completions come back as app::HttpDone)
#pragma once
#include <vector>

#include "core/app/effect.hpp"
#include "native/common/http.hpp"

namespace civic::native {

struct Platform {
  HttpExecutor* http = nullptr;
};

void run_effects(Platform& p, std::vector<app::Effect> effects);

}  // namespace civic::native
