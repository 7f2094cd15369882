// server/ticket_json.cpp — see ticket_json.hpp.
#include "server/ticket_json.hpp"

#include "core/i18n/messages.hpp"
#include "server/json_text.hpp"
#include "server/statuses.hpp"
#include "server/util.hpp"

namespace civic::server {

std::string sla_state(const Ticket& t, int64_t now) {
  int64_t at = t.closed_at ? *t.closed_at : now;
  return at <= t.sla_deadline ? "on_time" : "overdue";
}

namespace {
// Stored space-separated (submission.cpp); GeoReport's media_url is the first.
json media_list(const std::string& stored) {
  json out = json::array();
  size_t pos = 0;
  while (pos < stored.size()) {
    size_t sp = stored.find(' ', pos);
    if (sp == std::string::npos) sp = stored.size();
    if (sp > pos) out.push_back(stored.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}
}  // namespace

json ticket_json(const Ticket& t, const Catalogue& c, Lang lang, int64_t now, bool with_personal) {
  const CatalogueService* s = c.find(t.service_code);
  const Text* dept = c.department(t.department);
  json j = {{"service_request_id", t.id},
            {"status", std::string(georeport_status(t.status))},
            {"status_notes", t.status_note},
            {"service_name", s ? s->name.in(lang) : t.service_code},
            {"service_code", t.service_code},
            {"description", t.description},
            {"agency_responsible", dept ? dept->in(lang) : t.department},
            {"service_notice", ""},
            {"requested_datetime", iso8601(t.requested_at)},
            {"updated_datetime", iso8601(t.updated_at)},
            {"expected_datetime", iso8601(t.sla_deadline)},
            {"address", t.address},
            {"address_id", t.address_id},
            {"zipcode", t.zipcode},
            {"lat", t.lat ? json(*t.lat) : json(nullptr)},
            {"long", t.lon ? json(*t.lon) : json(nullptr)},
            {"media_url", t.media_url.substr(0, t.media_url.find(' '))},
            {"media_urls", media_list(t.media_url)},
            // Civic extensions.
            {"status_detail", t.status},
            {"status_label", std::string(tr(lang, "server.status." + t.status))},
            {"department", t.department},
            {"sla_deadline", iso8601(t.sla_deadline)},
            {"sla_state", sla_state(t, now)},
            {"closed_datetime", t.closed_at ? json(iso8601(*t.closed_at)) : json(nullptr)},
            {"rating", t.rating ? json(*t.rating) : json(nullptr)},
            {"reopen_count", t.reopen_count}};
  if (with_personal) {
    j["first_name"] = t.first_name;
    j["last_name"] = t.last_name;
    j["phone"] = t.phone;
    j["email"] = t.email;
    j["rating_comment"] = t.rating_comment;
    json attrs = json::parse(t.attributes_json, nullptr, false);
    j["attributes"] = attrs.is_discarded() ? json::object() : attrs;
  }
  return j;
}

namespace {

void put_key(std::string& out, const char* key) {
  out += '"';
  out += key;
  out += "\":";
}

void put_number(std::string& out, const std::optional<double>& v) {
  if (v) out += json(*v).dump();  // nlohmann's shortest round-trip form
  else out += "null";
}

}  // namespace

void append_ticket_json(std::string& out, const Ticket& t, const Catalogue& c, Lang lang, int64_t now) {
  const CatalogueService* s = c.find(t.service_code);
  const Text* dept = c.department(t.department);
  const std::string& service_name = s ? s->name.in(lang) : t.service_code;
  const std::string& agency = dept ? dept->in(lang) : t.department;
  std::string_view label = tr(lang, "server.status." + t.status);
  for (std::string_view text : {std::string_view(t.id), std::string_view(t.status_note), std::string_view(service_name),
                                std::string_view(t.service_code), std::string_view(t.description),
                                std::string_view(agency), std::string_view(t.address), std::string_view(t.address_id),
                                std::string_view(t.zipcode), std::string_view(t.media_url), std::string_view(t.status),
                                label, std::string_view(t.department)}) {
    if (!json_utf8_ok(text)) {
      out += dump(ticket_json(t, c, lang, now));
      return;
    }
  }
  std::string_view media(t.media_url);
  // The keys in the order nlohmann's std::map keeps them (byte order).
  out += '{';
  put_key(out, "address"), append_json_string(out, t.address), out += ',';
  put_key(out, "address_id"), append_json_string(out, t.address_id), out += ',';
  put_key(out, "agency_responsible"), append_json_string(out, agency), out += ',';
  put_key(out, "closed_datetime");
  if (t.closed_at) append_json_string(out, iso8601(*t.closed_at));
  else out += "null";
  out += ',';
  put_key(out, "department"), append_json_string(out, t.department), out += ',';
  put_key(out, "description"), append_json_string(out, t.description), out += ',';
  put_key(out, "expected_datetime"), append_json_string(out, iso8601(t.sla_deadline)), out += ',';
  put_key(out, "lat"), put_number(out, t.lat), out += ',';
  put_key(out, "long"), put_number(out, t.lon), out += ',';
  put_key(out, "media_url"), append_json_string(out, media.substr(0, media.find(' '))), out += ',';
  put_key(out, "media_urls"), out += '[';
  bool first = true;
  for (size_t pos = 0; pos < media.size();) {
    size_t sp = media.find(' ', pos);
    if (sp == std::string_view::npos) sp = media.size();
    if (sp > pos) {
      if (!first) out += ',';
      append_json_string(out, media.substr(pos, sp - pos));
      first = false;
    }
    pos = sp + 1;
  }
  out += "],";
  put_key(out, "rating");
  out += t.rating ? std::to_string(*t.rating) : std::string("null");
  out += ',';
  put_key(out, "reopen_count"), out += std::to_string(t.reopen_count), out += ',';
  put_key(out, "requested_datetime"), append_json_string(out, iso8601(t.requested_at)), out += ',';
  put_key(out, "service_code"), append_json_string(out, t.service_code), out += ',';
  put_key(out, "service_name"), append_json_string(out, service_name), out += ',';
  put_key(out, "service_notice"), out += "\"\",";
  put_key(out, "service_request_id"), append_json_string(out, t.id), out += ',';
  put_key(out, "sla_deadline"), append_json_string(out, iso8601(t.sla_deadline)), out += ',';
  put_key(out, "sla_state"), append_json_string(out, sla_state(t, now)), out += ',';
  put_key(out, "status"), append_json_string(out, georeport_status(t.status)), out += ',';
  put_key(out, "status_detail"), append_json_string(out, t.status), out += ',';
  put_key(out, "status_label"), append_json_string(out, label), out += ',';
  put_key(out, "status_notes"), append_json_string(out, t.status_note), out += ',';
  put_key(out, "updated_datetime"), append_json_string(out, iso8601(t.updated_at)), out += ',';
  put_key(out, "zipcode"), append_json_string(out, t.zipcode);
  out += '}';
}

json submission_answer(const Ticket& t, const std::string& notice, const std::string& receipt_text) {
  json receipt = json::parse(receipt_text, nullptr, false);
  json item = {{"service_request_id", t.id},
               {"token", t.token},
               {"service_notice", notice},
               {"account_id", t.account_id.empty() ? json(nullptr) : json(t.account_id)},
               {"expected_datetime", iso8601(t.sla_deadline)},
               {"receipt", receipt.is_discarded() ? json(nullptr) : receipt}};
  return json::array({item});
}

std::string submission_answer_text(const Ticket& t, const std::string& notice, const std::string& receipt_text) {
  std::string receipt = compact_json(receipt_text);
  for (std::string_view text : {std::string_view(t.id), std::string_view(t.token), std::string_view(t.account_id),
                                std::string_view(notice)})
    if (!json_utf8_ok(text)) return dump(submission_answer(t, notice, receipt_text));
  if (receipt.empty()) receipt = "null";
  else if (receipt.front() != '{') return dump(submission_answer(t, notice, receipt_text));
  std::string out;
  out.reserve(512 + receipt.size());
  out += "[{";
  put_key(out, "account_id");
  if (t.account_id.empty()) out += "null";
  else append_json_string(out, t.account_id);
  out += ',';
  put_key(out, "expected_datetime"), append_json_string(out, iso8601(t.sla_deadline)), out += ',';
  put_key(out, "receipt"), out += receipt, out += ',';
  put_key(out, "service_notice"), append_json_string(out, notice), out += ',';
  put_key(out, "service_request_id"), append_json_string(out, t.id), out += ',';
  put_key(out, "token"), append_json_string(out, t.token);
  out += "}]";
  return out;
}

}  // namespace civic::server
