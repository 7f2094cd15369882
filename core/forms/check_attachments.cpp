// core/forms/check_attachments.cpp — how many files, how big, what kind
// (the limits live in FormOptions so a desk can tune them).
#include <algorithm>

#include "core/forms/validators.hpp"

namespace civic::forms {

std::optional<Error> check_attachments(const std::vector<Attachment>& files, const FormOptions& options,
                                       bool required) {
  if (files.empty()) return required ? std::optional<Error>(make_error("forms.attachments_required")) : std::nullopt;
  if (files.size() > options.max_attachments)
    return make_error("forms.attachments_too_many", {}, {{"max", std::to_string(options.max_attachments)}});
  for (const Attachment& f : files) {
    std::string name = f.name.empty() ? "?" : f.name;
    if (check_clean_text(f.name, false)) name = "?";   // never echo bytes we would reject elsewhere
    if (name.size() > 120) {
      size_t cut = 117;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;   // whole characters
      name = name.substr(0, cut) + "...";
    }
    if (f.bytes == 0) return make_error("forms.attachment_empty", {}, {{"name", name}});
    const auto& types = options.attachment_types;
    if (std::find(types.begin(), types.end(), f.mime) == types.end()) {
      std::string type = check_clean_text(f.mime, false) || f.mime.size() > 100 ? "?" : f.mime;
      return make_error("forms.attachment_type", {}, {{"name", name}, {"type", type}});
    }
    if (f.bytes > options.max_attachment_bytes)
      return make_error("forms.attachment_too_large", {},
                        {{"name", name}, {"max_mb", std::to_string(options.max_attachment_bytes >> 20)}});
  }
  return std::nullopt;
}

}  // namespace civic::forms
