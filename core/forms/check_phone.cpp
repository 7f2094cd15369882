// core/forms/check_phone.cpp — mainland China mobile and landline numbers and
// E.164, as residents type them (validators.hpp lists the accepted forms).
// Numbering facts: mobile numbers are 11 digits 1[3-9]... (MIIT numbering
// plan); area codes are 010, 02x, or 0 + three digits; local numbers are 7-8
// digits starting 2-9; E.164 allows at most 15 digits after '+'.

#include "core/forms/validators.hpp"
#include "core/text/ascii.hpp"
#include "core/text/normalize.hpp"

namespace civic::forms {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

bool mobile(std::string_view n) { return n.size() == 11 && n[0] == '1' && n[1] >= '3' && n[1] <= '9'; }

// National significant number without the trunk 0: area code + local number.
// Returns "0AREA-LOCAL" or "".
std::string landline(std::string_view n) {
  if (n.empty()) return {};
  size_t area = 0;
  if (n[0] == '1') area = (n.size() > 1 && n[1] == '0') ? 2 : 0;   // only 010 begins with 01
  else if (n[0] == '2') area = 2;
  else if (n[0] >= '3' && n[0] <= '9') area = 3;
  if (area == 0 || n.size() < area) return {};
  std::string_view local = n.substr(area);
  if (local.size() < 7 || local.size() > 8 || local[0] < '2') return {};
  return "0" + std::string(n.substr(0, area)) + "-" + std::string(local);
}

// Where the extension starts ("转", "ext", "x", "#"), as {position, marker length}.
std::pair<size_t, size_t> find_extension(std::string_view s) {
  size_t best = std::string_view::npos, len = 0;
  auto consider = [&](size_t at, size_t l) {
    if (at != std::string_view::npos && at < best) best = at, len = l;
  };
  consider(s.find("\xE8\xBD\xAC"), 3);  // 转
  const std::string lower = text::lower_ascii(s);
  if (size_t at = lower.find("ext"); at != std::string::npos) consider(at, lower.compare(at, 4, "ext.") == 0 ? 4 : 3);
  consider(lower.find('x'), 1);
  consider(lower.find('#'), 1);
  return {best, len};
}

}  // namespace

Result<std::string> normalize_phone(std::string_view raw) {
  Error invalid = make_error("forms.phone_invalid");
  if (raw.size() > kMaxRawBytes) return invalid;
  std::string folded = text::fullwidth_to_ascii(raw);
  std::string_view s = text::trim_spaces(folded);
  if (s.size() > kMaxFoldedBytes) return invalid;

  std::string ext;
  auto [at, mlen] = find_extension(s);
  std::string_view main = s;
  if (at != std::string_view::npos) {
    std::string_view e = text::trim_spaces(s.substr(at + mlen));
    if (!e.empty() && (e[0] == ':' || e[0] == '.')) e = text::trim_spaces(e.substr(1));
    if (!all_digits(e) || e.size() > 6) return invalid;
    ext = std::string(e);
    main = text::trim_spaces(s.substr(0, at));
  }

  bool plus = !main.empty() && main[0] == '+';
  if (plus) main.remove_prefix(1);
  // Dash groups, each of digits with spaces and parentheses between them.
  std::vector<std::string> groups(1);
  for (char c : main) {
    if (c == '-') groups.emplace_back();
    else if (c >= '0' && c <= '9') groups.back() += c;
    else if (c != ' ' && c != '(' && c != ')') return invalid;
  }
  for (const auto& g : groups)
    if (g.empty()) return invalid;
  std::string digits;
  for (const auto& g : groups) digits += g;

  // International forms: +CC... or 00CC...
  if (plus || digits.rfind("00", 0) == 0) {
    std::string intl = plus ? digits : digits.substr(2);
    if (intl.rfind("86", 0) == 0) {
      std::string national = intl.substr(2);
      if (!national.empty() && national[0] == '0') national.erase(0, 1);  // "+86 0755 ..." seen in the wild
      if (mobile(national)) return ext.empty() ? national : Result<std::string>(invalid);
      std::string fixed = landline(national);
      if (fixed.empty() && ext.empty() && groups.size() >= 3) {
        // "+86-755-12345678-123": the last dash group is the extension.
        std::string body = national.substr(0, national.size() - groups.back().size());
        fixed = landline(body);
        if (!fixed.empty() && groups.back().size() <= 6) ext = groups.back();
        else fixed.clear();
      }
      if (fixed.empty()) return national.size() == 11 && national[0] == '1' ? make_error("forms.phone_mobile") : invalid;
      return ext.empty() ? fixed : fixed + "-" + ext;
    }
    if (intl.size() < 7 || intl.size() > 15 || intl[0] == '0') return invalid;
    return "+" + intl + (ext.empty() ? "" : " ext " + ext);
  }

  if (digits[0] == '1') {
    if (mobile(digits) && ext.empty()) return digits;
    return make_error("forms.phone_mobile");
  }
  if (digits[0] == '0') {
    std::string national = digits.substr(1);
    std::string fixed = landline(national);
    if (fixed.empty() && ext.empty() && groups.size() >= 3) {
      std::string body = national.substr(0, national.size() - groups.back().size());
      fixed = landline(body);
      if (!fixed.empty() && groups.back().size() <= 6) ext = groups.back();
      else fixed.clear();
    }
    if (fixed.empty()) return invalid;
    return ext.empty() ? fixed : fixed + "-" + ext;
  }
  if (digits.size() >= 7 && digits.size() <= 8 && groups.size() == 1) return make_error("forms.phone_landline");
  return invalid;
}

}  // namespace civic::forms
