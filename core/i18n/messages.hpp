// core/i18n/messages.hpp — the one message catalog (zh-CN and en).
// Every string a resident or operator sees is looked up here by id, so the
// phone, the kiosk, the CLI and the server explain things in the same words.
// Parameters are written {name} in the text and filled by format().
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/lang.hpp"
#include "core/result.hpp"

namespace civic {

struct Message {
  std::string_view id;
  std::string_view zh_CN;
  std::string_view en;
};

// All entries, for the completeness test and for tools.
const std::vector<Message>& message_catalog();

// The text for id in lang; the id itself when it is unknown (so a missing
// entry is visible, never an empty label).
std::string_view tr(Lang lang, std::string_view id);

// tr() with {name} placeholders replaced from params; unknown placeholders
// are left as written.
std::string format(Lang lang, std::string_view id,
                   const std::map<std::string, std::string>& params = {});

// An Error in words: its message, with its parameters.
std::string explain(Lang lang, const Error& error);

}  // namespace civic
