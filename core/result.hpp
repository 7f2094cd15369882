// core/result.hpp — errors are values in core.
// A Result<T> holds either a T or an Error carrying a message id from the
// catalog (core/i18n/messages.cpp) plus named parameters, so any front end can
// explain it in the resident's language. Nothing in core throws across its API.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace civic {

struct Error {
  std::string id;                                  // message id, e.g. "api.bad_json"
  std::map<std::string, std::string> params;       // values for {placeholders}
  std::string detail;                              // developer detail (logs, --json), never shown alone
};

inline Error make_error(std::string id, std::string detail = {},
                        std::map<std::string, std::string> params = {}) {
  return Error{std::move(id), std::move(params), std::move(detail)};
}

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  const T* operator->() const { return &value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace civic
