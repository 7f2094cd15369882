// server/civic_extensions.cpp — the Civic extensions to GeoReport v2 and
// mySociety's status updates:
//   GET  /open311/v2/civic/capabilities.json          what this server offers, with URLs and keys
//   POST /open311/v2/civic/requests/{id}/rating.json  token=T rating=1..5 [comment=C]
//   POST /open311/v2/civic/requests/{id}/reopen.json  token=T [reason=R]
//   GET  /open311/v2/civic/requests/{id}/events.json  ?after=N  the public timeline
//   GET  /open311/v2/servicerequestupdates.json       ?start_date=&end_date= | ?after=N (mySociety)
// The resident proves a ticket is theirs with the token POST /requests.json
// returned (compared in constant time).
#include <sodium.h>

#include "core/api/nearby.hpp"
#include "core/crypto/encoding.hpp"
#include "core/forms/schema.hpp"
#include "core/i18n/messages.hpp"
#include "server/form_fields.hpp"
#include "server/router.hpp"
#include "server/statuses.hpp"
#include "server/ticket_json.hpp"

namespace civic::server {

namespace {

constexpr int kReopenWindowDays = 30;
constexpr size_t kMaxUpdates = 1000;

// sla_hours: the ticket's service SLA when known (0 = unknown); a submitted
// or reopened event then carries the deadline it started.
json event_json(const EventRow& e, const Catalogue& c, Lang lang, int sla_hours = 0) {
  const Text* dept = c.department(e.department);
  json j = {{"update_id", std::to_string(e.id)},
          {"service_request_id", e.request_id},
          {"status", std::string(mysociety_status(e.status))},
          {"updated_datetime", iso8601(e.created_at)},
          {"description", e.type == "rated" ? std::string() : e.note},
          {"media_url", ""},
          // Civic fields.
          {"event_id", e.id},
          {"type", e.type},
          {"status_detail", e.status},
          {"status_label", std::string(tr(lang, "server.status." + e.status))},
          {"department", e.department},
          {"agency_responsible", dept ? dept->in(lang) : e.department}};
  if (sla_hours > 0 && (e.type == "submitted" || e.type == "reopened"))
    j["sla_deadline"] = iso8601(e.created_at + static_cast<int64_t>(sla_hours) * 3600);
  if (e.type == "rated" && e.note.size() == 1 && e.note[0] >= '1' && e.note[0] <= '5') j["rating"] = e.note[0] - '0';
  return j;
}

HttpResponse capabilities(Context& ctx, const HttpRequest& req, const Captures&) {
  std::string base = endpoint_base(req, ctx.options);
  auto b64 = [](const auto& bytes) { return crypto::to_base64(crypto::ByteView(bytes.data(), bytes.size())); };
  json ext = {
      {"idempotency", {{"header", "Idempotency-Key"}, {"applies_to", json::array({base + "requests.json"})}}},
      {"receipts",
       {{"algorithm", "Ed25519"},
        {"format", "civic_receipt v1"},
        {"public_key", b64(ctx.keys.sign.public_key)},
        {"key_id", ctx.keys.sign_key_id}}},
      {"sealed_personal",
       {{"algorithm", "X25519 sealed box"},
        {"field", "sealed_personal"},
        {"public_key", b64(ctx.keys.seal.public_key)},
        {"key_id", ctx.keys.seal_key_id},
        {"certificate", b64(ctx.keys.seal_certificate)}}},
      {"rating", {{"url", base + "civic/requests/{id}/rating.json"}, {"scale", json::array({1, 5})}}},
      {"reopen", {{"url", base + "civic/requests/{id}/reopen.json"}, {"window_days", kReopenWindowDays}}},
      {"timeline", {{"url", base + "civic/requests/{id}/events.json"}}},
      {"events", {{"url", base + "civic/events"}, {"format", "text/event-stream"}, {"resume", "Last-Event-ID"}}},
      {"status_updates", {{"url", base + "servicerequestupdates.json"}, {"specification", "mySociety"}}},
      {"status_detail", {{"values", json::array()}}},
      {"nearby",
       {{"url", base + "requests.json"},
        {"parameters", json::array({"lat", "long", "radius"})},
        {"default_radius", api::kDefaultNearbyRadiusM},
        {"max_radius", api::kMaxRadiusM}}},
      {"staff", {{"url", base + "civic/staff/requests.json"}, {"auth", "Bearer"}}},
      {"anonymous", {{"field", "anonymous"}}},
      {"signin",
       {{"method", "sms_otp"},
        {"request_code", base + "civic/signin/code.json"},
        {"verify", base + "civic/signin/verify.json"},
        {"signout", base + "civic/signout.json"},
        {"my_requests", base + "civic/me/requests.json"},
        {"auth", "Bearer"},
        {"code_length", 6},
        {"code_ttl", ctx.options.otp_ttl},
        {"token_ttl", ctx.options.token_ttl},
        {"resend_after", ctx.options.otp_resend},
        {"max_attempts", 5},
        {"delivery", ctx.options.sms_command.empty() ? "development" : "sms"},
        {"anonymous_filing", true}}},
      {"uploads",
       {{"url", base + "uploads"},
        {"protocol", "tus 1.0.0"},
        {"extensions", json::array({"creation", "checksum"})},
        {"checksum_algorithms", json::array({"sha256"})},
        {"max_bytes", 20u << 20},
        {"max_files", 9},
        {"types", forms::FormOptions{}.attachment_types}}},
  };
  for (auto s : kStatuses) ext["status_detail"]["values"].push_back(std::string(s));
  json limits = {{"max_body_bytes", ctx.options.max_body},
                 {"writes_per_minute", ctx.options.rate_limit},
                 {"reads_per_minute", ctx.options.read_rate_limit},
                 {"max_ids_per_query", 200}};
  return json_response({{"specification", "urn:civic-desk:georeport-extensions:1"},
                        {"version", 1},
                        {"endpoint", base},
                        {"extensions", ext},
                        {"limits", limits}});
}

bool token_matches(const Ticket& t, const std::string& token) {
  return token.size() == t.token.size() && !token.empty() &&
         sodium_memcmp(token.data(), t.token.data(), token.size()) == 0;
}

// Checks the resident's token for ticket id; an error response when it fails.
std::optional<HttpResponse> check_owner(Context& ctx, const HttpRequest& req, const std::string& id,
                                        const std::string& token) {
  auto t = get_ticket(*ctx.db, id);
  if (!t) return error_response(req, 404, "server.not_found", {{"what", id}});
  if (!token_matches(*t, token)) return error_response(req, 403, "server.bad_token");
  return std::nullopt;
}

HttpResponse answer(Context& ctx, const HttpRequest& req, const UpdateOutcome& o) {
  if (!o.ok) return error_response(req, o.http_status, o.message_id, o.params);
  return json_response(json::array({ticket_json(o.ticket, ctx.catalogue, req.lang(), now_seconds())}));
}

HttpResponse rate(Context& ctx, const HttpRequest& req, const Captures& caps) {
  SimpleForm f = read_simple_form(req, {{"token", 128}, {"rating", 1}, {"comment", 1000}});
  if (f.error) return *f.error;
  if (auto e = check_owner(ctx, req, caps[0], f.get("token"))) return *e;
  std::string r = f.get("rating");
  int rating = r.size() == 1 && r[0] >= '1' && r[0] <= '5' ? r[0] - '0' : 0;
  return answer(ctx, req, rate_ticket(*ctx.db, caps[0], rating, f.get("comment")));
}

HttpResponse reopen(Context& ctx, const HttpRequest& req, const Captures& caps) {
  SimpleForm f = read_simple_form(req, {{"token", 128}, {"reason", 1000}});
  if (f.error) return *f.error;
  if (auto e = check_owner(ctx, req, caps[0], f.get("token"))) return *e;
  return answer(ctx, req, reopen_ticket(*ctx.db, caps[0], f.get("reason"), kReopenWindowDays));
}

std::optional<int64_t> parse_after(const std::string& s) {
  if (s.empty()) return int64_t{0};
  if (s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

HttpResponse timeline(Context& ctx, const HttpRequest& req, const Captures& caps) {
  auto ticket = get_ticket(*ctx.db, caps[0]);
  if (!ticket) return error_response(req, 404, "server.not_found", {{"what", caps[0]}});
  const CatalogueService* svc = ctx.catalogue.find(ticket->service_code);
  auto after = parse_after(req.query_value("after"));
  if (!after) return error_response(req, 400, "server.bad_form");
  json out = json::array();
  for (const auto& e : events_after(*ctx.db, *after, caps[0], kMaxUpdates))
    out.push_back(event_json(e, ctx.catalogue, req.lang(), svc ? svc->sla_hours : 0));
  return json_response(out);
}

HttpResponse updates(Context& ctx, const HttpRequest& req, const Captures&) {
  std::vector<EventRow> rows;
  if (req.has_query("after")) {
    auto after = parse_after(req.query_value("after"));
    if (!after) return error_response(req, 400, "server.bad_form");
    rows = events_after(*ctx.db, *after, {}, kMaxUpdates);
  } else {
    int64_t now = now_seconds();
    int64_t from = now - 86400, to = now;  // mySociety: the last day by default
    for (const char* name : {"start_date", "end_date"}) {
      std::string v = req.query_value(name);
      if (v.empty()) continue;
      auto t = parse_iso8601(v);
      if (!t) return error_response(req, 400, "server.bad_date", {{"field", name}});
      (name[0] == 's' ? from : to) = *t;
    }
    rows = events_between(*ctx.db, from, to, kMaxUpdates);
  }
  json list = json::array();
  for (const auto& e : rows) list.push_back(event_json(e, ctx.catalogue, req.lang()));
  return json_response({{"service_request_updates", list}});
}

}  // namespace

void add_extension_routes(Router& r) {
  r.add("GET", "/open311/v2/civic/capabilities.json", capabilities);
  r.add("POST", "/open311/v2/civic/requests/{}/rating.json", rate);
  r.add("POST", "/open311/v2/civic/requests/{}/reopen.json", reopen);
  r.add("GET", "/open311/v2/civic/requests/{}/events.json", timeline);
  r.add("GET", "/open311/v2/servicerequestupdates.json", updates);
}

}  // namespace civic::server
