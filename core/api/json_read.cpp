// core/api/json_read.cpp — see json_read.hpp for the rules.
#include "core/api/json_read.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace civic::api {

Result<json> parse_json(std::string_view text) {
  if (text.size() > kMaxResponseBytes)
    return make_error("api.too_large", std::to_string(text.size()) + " bytes");
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return make_error("api.bad_json", "not JSON");
  return j;
}

Error shape_error(std::string field) {
  return make_error("api.bad_shape", field, {{"field", field}});
}

namespace {
std::string at(std::string_view where, std::string_view key) {
  std::string s(where);
  s += '.';
  s += key;
  return s;
}
const json* find(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}
}  // namespace

Result<std::string> read_string(const json& obj, std::string_view key, std::string_view where, bool required) {
  const json* v = find(obj, key);
  if (!v) {
    if (required) return shape_error(at(where, key));
    return std::string();
  }
  if (!v->is_string()) return shape_error(at(where, key));
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > kMaxStringBytes) return shape_error(at(where, key));
  return s;
}

Result<std::string> read_id(const json& obj, std::string_view key, std::string_view where, bool required) {
  const json* v = find(obj, key);
  if (!v) {
    if (required) return shape_error(at(where, key));
    return std::string();
  }
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > 256) return shape_error(at(where, key));
    return s;
  }
  if (v->is_number_unsigned()) return std::to_string(v->get<std::uint64_t>());
  if (v->is_number_integer()) return std::to_string(v->get<std::int64_t>());
  if (v->is_number_float()) {
    double d = v->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.007199254740992e15) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.0f", d);
      return std::string(buf);
    }
  }
  return shape_error(at(where, key));
}

Result<bool> read_bool(const json& obj, std::string_view key, std::string_view where, bool fallback) {
  const json* v = find(obj, key);
  if (!v) return fallback;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    if (s == "true" || s == "True" || s == "TRUE" || s == "1") return true;
    if (s == "false" || s == "False" || s == "FALSE" || s == "0" || s.empty()) return false;
  }
  if (v->is_number_integer()) return v->get<std::int64_t>() != 0;
  return shape_error(at(where, key));
}

Result<std::optional<double>> read_number(const json& obj, std::string_view key, std::string_view where) {
  const json* v = find(obj, key);
  if (!v) return std::optional<double>();
  if (v->is_number()) {
    double d = v->get<double>();
    if (std::isfinite(d)) return std::optional<double>(d);
  }
  if (v->is_string()) {
    // Some servers quote coordinates; accept a plain decimal, nothing else.
    const auto& s = v->get_ref<const std::string&>();
    if (s.empty()) return std::optional<double>();
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(d) && s.size() < 40) return std::optional<double>(d);
  }
  return shape_error(at(where, key));
}

Result<int> read_int(const json& obj, std::string_view key, std::string_view where, int fallback) {
  const json* v = find(obj, key);
  if (!v) return fallback;
  if (v->is_number_integer() || v->is_number_unsigned()) {
    auto i = v->get<std::int64_t>();
    if (i >= -1000000000 && i <= 1000000000) return static_cast<int>(i);
  }
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    char* end = nullptr;
    long i = std::strtol(s.c_str(), &end, 10);
    if (!s.empty() && end && *end == '\0' && i >= -1000000000 && i <= 1000000000) return static_cast<int>(i);
  }
  return shape_error(at(where, key));
}

}  // namespace civic::api
