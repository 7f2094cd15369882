// core/forms/check_email.cpp — e-mail addresses a department can write to
// (RFC 5321 mailbox, dot-atom local part only; validators.hpp has the rules).
// Quoted local parts and address literals are legal but never what a resident
// means, and internationalised addresses (RFC 6531) are refused for now.
#include <cstring>

#include "core/forms/validators.hpp"
#include "core/text/ascii.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

bool atext(char c) {
  return text::is_alnum(c) || (c != 0 && std::strchr("!#$%&'*+/=?^_`{|}~-", c));
}

bool local_ok(std::string_view l) {
  if (l.empty() || l.size() > 64 || l.front() == '.' || l.back() == '.') return false;
  for (size_t i = 0; i < l.size(); ++i) {
    if (l[i] == '.') {
      if (l[i + 1] == '.') return false;   // i + 1 < size: the last char is not '.'
    } else if (!atext(l[i])) {
      return false;
    }
  }
  return true;
}

bool label_ok(std::string_view l) {
  if (l.empty() || l.size() > 63 || l.front() == '-' || l.back() == '-') return false;
  for (char c : l)
    if (!text::is_alnum(c) && c != '-') return false;
  return true;
}

bool tld_ok(std::string_view l) {
  if (l.size() > 4 && l.substr(0, 4) == "xn--") return true;
  if (l.size() < 2) return false;
  for (char c : l)
    if (!text::is_alpha(c)) return false;
  return true;
}

}  // namespace

Result<std::string> normalize_email(std::string_view raw) {
  Error invalid = make_error("forms.email_invalid");
  if (raw.size() > 254 * 3) return invalid;   // every character full-width at most
  std::string folded = text::fullwidth_to_ascii(raw);
  std::string_view s = text::trim_spaces(folded);
  if (s.size() > 254) return invalid;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) <= 0x20) return invalid;
  size_t at = s.rfind('@');
  if (at == std::string_view::npos) return invalid;
  std::string_view local = s.substr(0, at);
  const std::string domain = text::lower_ascii(s.substr(at + 1));
  if (!local_ok(local) || domain.empty() || domain.size() > 253) return invalid;
  size_t labels = 0, pos = 0;
  std::string_view last;
  std::string_view d = domain;
  while (pos <= d.size()) {
    size_t dot = d.find('.', pos);
    if (dot == std::string_view::npos) dot = d.size();
    std::string_view label = d.substr(pos, dot - pos);
    if (!label_ok(label)) return invalid;
    last = label;
    ++labels;
    pos = dot + 1;
  }
  if (labels < 2 || !tld_ok(last)) return invalid;
  return std::string(local) + "@" + domain;
}

}  // namespace civic::forms
