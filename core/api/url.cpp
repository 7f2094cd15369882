// core/api/url.cpp — see url.hpp.
#include "core/api/url.hpp"

namespace civic::api {

namespace {
bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '*';
}
int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (unsigned char c : s) {
    if (unreserved(c)) out += static_cast<char>(c);
    else if (c == ' ') out += '+';
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s, bool* ok) {
  std::string out;
  out.reserve(s.size());
  bool good = true;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      int a = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
      int b = i + 2 < s.size() ? hexval(s[i + 2]) : -1;
      if (a >= 0 && b >= 0) {
        out += static_cast<char>(a * 16 + b);
        i += 2;
      } else {
        good = false;  // keep the '%' so nothing the sender wrote vanishes
        out += '%';
      }
    } else {
      out += c;
    }
  }
  if (ok) *ok = good;
  return out;
}

std::string form_encode(const Params& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += percent_encode(k);
    out += '=';
    out += percent_encode(v);
  }
  return out;
}

Params form_decode(std::string_view body, bool* ok) {
  Params out;
  bool good = true;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t amp = body.find('&', pos);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view pair = body.substr(pos, amp - pos);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      bool k_ok = true, v_ok = true;
      std::string k = percent_decode(pair.substr(0, eq), &k_ok);
      std::string v = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), &v_ok);
      good = good && k_ok && v_ok;
      out.emplace_back(std::move(k), std::move(v));
    }
    pos = amp + 1;
  }
  if (ok) *ok = good;
  return out;
}

std::string origin_of(std::string_view base) {
  size_t scheme = base.find("://");
  size_t slash = scheme == std::string_view::npos ? std::string_view::npos : base.find('/', scheme + 3);
  return std::string(slash == std::string_view::npos ? base : base.substr(0, slash));
}

std::string normalize_base(std::string_view base) {
  std::string b(base);
  if (b.empty() || b.back() != '/') b += '/';
  return b;
}

bool is_http_url(std::string_view url) {
  std::string_view rest;
  if (url.rfind("http://", 0) == 0) rest = url.substr(7);
  else if (url.rfind("https://", 0) == 0) rest = url.substr(8);
  else return false;
  return !rest.empty() && rest.front() != '/';
}

std::string endpoint_url(std::string_view base, std::string_view path, const Params& query) {
  std::string u = normalize_base(base);
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  u += path;
  if (!query.empty()) {
    u += '?';
    u += form_encode(query);
  }
  return u;
}

std::string services_url(std::string_view base, Lang lang) {
  return endpoint_url(base, "services.json", {{"locale", std::string(lang_tag(lang))}});
}

std::string service_definition_url(std::string_view base, std::string_view code, Lang lang) {
  return endpoint_url(base, "services/" + percent_encode(code) + ".json", {{"locale", std::string(lang_tag(lang))}});
}

std::string requests_url(std::string_view base, const std::vector<std::string>& ids, Lang lang) {
  std::string joined;
  for (const auto& id : ids) {
    if (!joined.empty()) joined += ',';
    joined += id;
  }
  return endpoint_url(base, "requests.json",
                      {{"service_request_id", joined}, {"locale", std::string(lang_tag(lang))}});
}

std::string request_url(std::string_view base, std::string_view id, Lang lang) {
  return endpoint_url(base, "requests/" + percent_encode(id) + ".json", {{"locale", std::string(lang_tag(lang))}});
}

}  // namespace civic::api
