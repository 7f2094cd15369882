// server/ticket_json.cpp — see ticket_json.hpp.
#include "server/ticket_json.hpp"

#include "core/i18n/messages.hpp"
#include "server/statuses.hpp"

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

}  // namespace civic::server
